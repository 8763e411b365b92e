package sign

import (
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"

	"github.com/ThalesGroup/crypto11"
)

// PKCS11Config selects a key on a PKCS#11 token or HSM.
type PKCS11Config struct {
	Module   string // path of the PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so
	Token    string // token label
	KeyLabel string // label of the private key (and of its certificate on the token)
	PIN      []byte // user PIN
	// CertPEM, when set, holds the signer's certificate (first) and
	// optionally its issuers; otherwise the certificate is read from the
	// token under KeyLabel.
	CertPEM []byte
	// ChainPEM holds issuer certificates (--chain); the issuers are also
	// looked for among every certificate on the token.
	ChainPEM []byte
}

// OpenPKCS11 opens a token and returns a credential whose key never leaves
// it, with the chain of its certificate up to a self-signed root, from
// the certificates on the token and cfg.ChainPEM; a chain that cannot be
// completed is refused (ErrIncompleteChain). Close the credential to end
// the session.
func OpenPKCS11(cfg PKCS11Config) (*Credential, error) {
	name := fmt.Sprintf("pkcs11 token %q key %q", cfg.Token, cfg.KeyLabel)
	issuers, err := chainCandidates(cfg)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	ctx, err := crypto11.Configure(&crypto11.Config{Path: cfg.Module, TokenLabel: cfg.Token, Pin: string(cfg.PIN)})
	if err != nil {
		if strings.Contains(err.Error(), "CKR_PIN_INCORRECT") {
			return nil, fmt.Errorf("open %s: %w", name, errors.New("wrong PIN"))
		}
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	cred, err := tokenCredential(ctx, cfg)
	if err != nil {
		_ = ctx.Close()
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	if err := cred.CompleteChain(issuers); err != nil {
		_ = ctx.Close()
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	cred.Source, cred.closer = name, ctx.Close
	return cred, nil
}

// chainCandidates returns the certificates that may issue the signer's:
// those of cfg.ChainPEM and every certificate on the token.
func chainCandidates(cfg PKCS11Config) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	if len(cfg.ChainPEM) > 0 {
		c, err := ParseCertificatesPEM(cfg.ChainPEM)
		if err != nil {
			return nil, fmt.Errorf("--chain: %w", err)
		}
		certs = c
	}
	onToken, err := tokenCertificates(cfg.Module, cfg.Token)
	if err != nil {
		return nil, err
	}
	return append(certs, onToken...), nil
}

// tokenCredential finds the key and certificate on an open token.
func tokenCredential(ctx *crypto11.Context, cfg PKCS11Config) (*Credential, error) {
	key, err := ctx.FindKeyPair(nil, []byte(cfg.KeyLabel))
	if err != nil {
		return nil, err
	}
	if key == nil {
		return nil, errors.New("no private key with that label on the token")
	}
	if len(cfg.CertPEM) > 0 {
		certs, err := ParseCertificatesPEM(cfg.CertPEM)
		if err != nil {
			return nil, err
		}
		return &Credential{Cert: certs[0], Chain: orderChain(certs[0], certs[1:]), Key: key}, nil
	}
	cert, err := ctx.FindCertificate(nil, []byte(cfg.KeyLabel), nil)
	if err != nil {
		return nil, err
	}
	if cert == nil {
		return nil, errors.New("no certificate with that label on the token (give one with --cert)")
	}
	return &Credential{Cert: cert, Key: key}, nil
}

// ParseCertificatesPEM parses every CERTIFICATE block of a PEM file.
func ParseCertificatesPEM(data []byte) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	for {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, fmt.Errorf("parse certificate: %w", err)
		}
		certs = append(certs, c)
	}
	if len(certs) == 0 {
		return nil, errors.New("no CERTIFICATE in the PEM data")
	}
	return certs, nil
}
