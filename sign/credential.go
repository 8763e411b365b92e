package sign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// Credential is a signing key with its certificate and issuer chain.
type Credential struct {
	Cert  *x509.Certificate   // the signer's certificate
	Chain []*x509.Certificate // issuers, the certificate's issuer first (may be empty)
	Key   crypto.Signer       // in memory (PKCS#12) or on a token (PKCS#11)
	// Source names where the credential came from, for messages.
	Source string
	closer func() error
}

// Close releases a token session; it is a no-op for PKCS#12 credentials.
func (c *Credential) Close() error {
	if c == nil || c.closer == nil {
		return nil
	}
	return c.closer()
}

// chain returns the certificate followed by its issuers.
func (c *Credential) chain() []*x509.Certificate {
	return append([]*x509.Certificate{c.Cert}, c.Chain...)
}

// ErrIncompleteChain means a credential's chain does not reach a
// self-signed root.
var ErrIncompleteChain = errors.New("the certificate chain cannot be completed")

// CompleteChain orders the issuers of c from extra (and those c already
// has) up to a self-signed root and sets c.Chain, or refuses naming the
// first issuer it could not find.
func (c *Credential) CompleteChain(extra []*x509.Certificate) error {
	pool := append(append([]*x509.Certificate(nil), c.Chain...), extra...)
	chain := orderChain(c.Cert, pool)
	last := c.Cert
	if len(chain) > 0 {
		last = chain[len(chain)-1]
	}
	if !selfSigned(last) {
		return fmt.Errorf("%w: no certificate of %q (issuer of %q) on the token or in --chain",
			ErrIncompleteChain, last.Issuer.String(), last.Subject.CommonName)
	}
	c.Chain = chain
	return nil
}

// selfSigned reports whether cert is a root: issued by itself, its
// signature checking against its own key.
func selfSigned(cert *x509.Certificate) bool {
	return bytes.Equal(cert.RawIssuer, cert.RawSubject) && cert.CheckSignatureFrom(cert) == nil
}

// ErrWrongPassword is returned by LoadPKCS12 when the password is wrong.
var ErrWrongPassword = errors.New("wrong password")

// ErrNotPKCS12 is returned by LoadPKCS12 for data that is no PKCS#12 key
// file (the parser's own message is an ASN.1 structure dump that tells a
// user nothing).
var ErrNotPKCS12 = errors.New("not a PKCS#12 key file (.p12/.pfx), or a damaged one; expected the file your certificate authority issued")

// LoadPKCS12 decodes a PKCS#12 file. name is used in messages only.
func LoadPKCS12(name string, p12, password []byte) (*Credential, error) {
	key, cert, cas, err := pkcs12.DecodeChain(p12, string(password))
	if errors.Is(err, pkcs12.ErrIncorrectPassword) {
		return nil, fmt.Errorf("open key %s: %w", name, ErrWrongPassword)
	}
	if err != nil {
		return nil, fmt.Errorf("open key %s: %w", name, ErrNotPKCS12)
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("open key %s: unsupported private key type %T", name, key)
	}
	return &Credential{Cert: cert, Chain: orderChain(cert, cas), Key: signer, Source: name}, nil
}

// orderChain returns the certificates of cas that issue cert, its issuer
// first, up to a self-signed root or a missing link.
func orderChain(cert *x509.Certificate, cas []*x509.Certificate) []*x509.Certificate {
	var chain []*x509.Certificate
	cur := cert
	for len(chain) < len(cas) {
		if selfSigned(cur) {
			break
		}
		next := findIssuer(cur, cas)
		if next == nil {
			break
		}
		chain = append(chain, next)
		cur = next
	}
	return chain
}

// findIssuer returns the certificate among cas that signed cert, or nil.
func findIssuer(cert *x509.Certificate, cas []*x509.Certificate) *x509.Certificate {
	for _, ca := range cas {
		if bytes.Equal(cert.RawIssuer, ca.RawSubject) && cert.CheckSignatureFrom(ca) == nil {
			return ca
		}
	}
	return nil
}

// Check refuses a credential that must not sign at time now: a certificate
// that is expired or not yet valid, one whose key usage allows neither
// digitalSignature nor nonRepudiation, a private key that does not match the
// certificate, or an unsupported key type or size.
func (c *Credential) Check(now time.Time) error {
	cert := c.Cert
	who := fmt.Sprintf("certificate %q", cert.Subject.CommonName)
	if now.Before(cert.NotBefore) {
		return fmt.Errorf("%s is not valid before %s", who, cert.NotBefore.UTC().Format(time.RFC3339))
	}
	if now.After(cert.NotAfter) {
		return fmt.Errorf("%s expired on %s", who, cert.NotAfter.UTC().Format(time.RFC3339))
	}
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return fmt.Errorf("%s: key usage allows neither digitalSignature nor nonRepudiation", who)
	}
	if err := supportedKey(cert.PublicKey); err != nil {
		return fmt.Errorf("%s: %w", who, err)
	}
	pub, ok := c.Key.Public().(interface{ Equal(crypto.PublicKey) bool })
	if !ok || !pub.Equal(cert.PublicKey) {
		return fmt.Errorf("%s: the private key does not match the certificate's public key", who)
	}
	return nil
}

// supportedKey accepts RSA 2048/3072/4096 and ECDSA P-256/P-384.
func supportedKey(pub crypto.PublicKey) error {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		switch k.N.BitLen() {
		case 2048, 3072, 4096:
			return nil
		}
		return fmt.Errorf("unsupported RSA key size %d (want 2048, 3072 or 4096)", k.N.BitLen())
	case *ecdsa.PublicKey:
		if k.Curve == elliptic.P256() || k.Curve == elliptic.P384() {
			return nil
		}
		return fmt.Errorf("unsupported ECDSA curve %s (want P-256 or P-384)", k.Curve.Params().Name)
	}
	return fmt.Errorf("unsupported key type %T (want RSA or ECDSA)", pub)
}

// digestFor returns the digest for a key: SHA-384 for P-384, else SHA-256.
func digestFor(pub crypto.PublicKey) crypto.Hash {
	if k, ok := pub.(*ecdsa.PublicKey); ok && k.Curve == elliptic.P384() {
		return crypto.SHA384
	}
	return crypto.SHA256
}
