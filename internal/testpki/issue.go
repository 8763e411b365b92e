package testpki

import (
	"crypto"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"math/big"
	"testing"
	"time"
)

// oidDocumentSigning is id-kp-documentSigning (RFC 9336).
var oidDocumentSigning = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}

// Spec describes a leaf certificate.
type Spec struct {
	CommonName string // the holder's name, as BSrE writes it
	// SerialNumber is the subject serialNumber attribute (2.5.4.5), where a
	// NIK or NIP goes ("NIP 198001012005011001"); empty means none.
	SerialNumber string
	Unit         string    // organizational unit; empty means none
	NotBefore    time.Time // zero: the clock - 1h
	NotAfter     time.Time // zero: the clock + 2 years
}

// Issue certifies pub as a document signer described by spec, issued by
// the intermediate. Use it for keys held elsewhere (a PKCS#11 token).
func (p *PKI) Issue(tb testing.TB, pub crypto.PublicKey, spec Spec) *x509.Certificate {
	tb.Helper()
	cert, err := p.issue(p.leafTemplate(spec), p.inter, pub)
	if err != nil {
		tb.Fatalf("testpki: %v", err)
	}
	return cert
}

// leafTemplate is the certificate template of a document signer: key
// usage digitalSignature + nonRepudiation like BSrE's; emailProtection is
// what NSS (pdfsig) checks, documentSigning what RFC 9336 verifiers prefer.
func (p *PKI) leafTemplate(spec Spec) *x509.Certificate {
	t := &x509.Certificate{
		Subject: pkix.Name{CommonName: spec.CommonName, SerialNumber: spec.SerialNumber,
			Organization: []string{"kinerja test PKI"}, Country: []string{"ID"}},
		NotBefore:             spec.NotBefore,
		NotAfter:              spec.NotAfter,
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
		UnknownExtKeyUsage:    []asn1.ObjectIdentifier{oidDocumentSigning},
		BasicConstraintsValid: true,
	}
	if spec.Unit != "" {
		t.Subject.OrganizationalUnit = []string{spec.Unit}
	}
	if t.NotBefore.IsZero() {
		t.NotBefore = p.now().Add(-time.Hour)
	}
	if t.NotAfter.IsZero() {
		t.NotAfter = p.now().AddDate(2, 0, 0)
	}
	return t
}

// issue signs tmpl with the CA by, adding the revocation and caIssuers
// URLs of by, and records the serial for the CRL.
func (p *PKI) issue(tmpl *x509.Certificate, by *authority, pub crypto.PublicKey) (*x509.Certificate, error) {
	tmpl.OCSPServer = []string{p.OCSPURL()}
	tmpl.IssuingCertificateURL = []string{p.caIssuersURL(by.name)}
	tmpl.CRLDistributionPoints = []string{p.CRLURL(by.name)}
	cert, err := p.create(tmpl, by.cert, pub, by.key)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	p.issuer[cert.SerialNumber.String()] = by.name
	p.mu.Unlock()
	return cert, nil
}

// create gives tmpl a random serial, signs it and parses the result.
func (p *PKI) create(tmpl, parent *x509.Certificate, pub crypto.PublicKey, key crypto.Signer) (*x509.Certificate, error) {
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, fmt.Errorf("serial: %w", err)
	}
	tmpl.SerialNumber = serial.Add(serial, big.NewInt(1))
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, key)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", tmpl.Subject.CommonName, err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", tmpl.Subject.CommonName, err)
	}
	return cert, nil
}
