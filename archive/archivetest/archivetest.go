// Package archivetest makes signed kinerja-like PDFs for the tests of the
// archive package and of `kinerja archive`: a throwaway test CA issuing
// one certificate per signer name, a tiny PDF that carries docinfo.Info in
// its XMP metadata and kinerja's signature fields, and signatures in the
// shape kinerja sign writes (package verifytest's, not kinerja/sign's, so
// that archive tests do not depend on the signer's refusals). It is test
// support only: keys are generated in memory.
package archivetest

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"kinerja/docinfo"
	"kinerja/sign/verify/verifytest"
)

// PKI is a test CA and the certificates it issued, one per signer name.
type PKI struct {
	Roots  *x509.CertPool // contains only the CA
	CAPEM  []byte         // the CA certificate, PEM encoded
	CA     *x509.Certificate
	caKey  crypto.Signer
	mu     sync.Mutex
	signer map[string]verifytest.Signer // by certificate common name
	serial int64
}

// docSigningEKU is id-kp-documentSigning (RFC 9336).
var docSigningEKU = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}

// NewPKI creates a P-256 CA named caName and a signer certificate for
// signer, valid from 2020 to 2040.
func NewPKI(caName, signer string) (*PKI, error) {
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("ca key: %w", err)
	}
	caTmpl := certTemplate(1, caName)
	caTmpl.IsCA, caTmpl.BasicConstraintsValid = true, true
	caTmpl.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
	ca, err := createCert(caTmpl, caTmpl, caKey.Public(), caKey)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	pemCA := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Raw})
	p := &PKI{Roots: pool, CAPEM: pemCA, CA: ca, caKey: caKey, signer: map[string]verifytest.Signer{}, serial: 1}
	if _, err := p.Signer(signer); err != nil {
		return nil, err
	}
	return p, nil
}

// Signer returns the key and certificate of the person named cn (the
// certificate's common name), issuing them on first use.
func (p *PKI) Signer(cn string) (verifytest.Signer, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if s, ok := p.signer[cn]; ok {
		return s, nil
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return verifytest.Signer{}, fmt.Errorf("signer key: %w", err)
	}
	p.serial++
	tmpl := certTemplate(p.serial, cn)
	tmpl.KeyUsage = x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment
	tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection}
	tmpl.UnknownExtKeyUsage = []asn1.ObjectIdentifier{docSigningEKU}
	cert, err := createCert(tmpl, p.CA, key.Public(), p.caKey)
	if err != nil {
		return verifytest.Signer{}, err
	}
	s := verifytest.Signer{Cert: cert, Key: key, Chain: []*x509.Certificate{p.CA}}
	p.signer[cn] = s
	return s, nil
}

// certTemplate is a certificate template valid 2020-2040.
func certTemplate(serial int64, cn string) *x509.Certificate {
	return &x509.Certificate{
		SerialNumber: big.NewInt(serial),
		Subject:      pkix.Name{CommonName: cn, Organization: []string{"Kinerja Test"}},
		NotBefore:    time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC),
	}
}

// createCert signs tmpl with parent's key and parses the result.
func createCert(tmpl, parent *x509.Certificate, pub crypto.PublicKey, key crypto.Signer) (*x509.Certificate, error) {
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, key)
	if err != nil {
		return nil, fmt.Errorf("create certificate: %w", err)
	}
	return x509.ParseCertificate(der)
}

// Info returns a docinfo.Info of an agreement of year and unit with two
// signers (pertama first).
func Info(year int, unit string) docinfo.Info {
	return docinfo.Info{
		Kind: docinfo.Agreement, Title: fmt.Sprintf("PERJANJIAN KINERJA TAHUN %d", year), Year: year, Unit: unit,
		Signers: []docinfo.Signer{
			{Party: docinfo.Pertama, Name: "BLESSMIYANDA", Jabatan: "Kepala Badan", Page: 1, Rect: [4]float64{320, 80, 520, 140}},
			{Party: docinfo.Kedua, Name: "ANIES BASWEDAN", Jabatan: "Gubernur", Page: 1, Rect: [4]float64{60, 80, 260, 140}},
		},
	}
}

// DraftPDF makes an unsigned PDF carrying info (nil: no kinerja metadata)
// and its signers' signature fields, whose page text includes body;
// padLines extra text lines make it bigger (about 60 bytes each,
// uncompressed; 60 lines a page).
func DraftPDF(info *docinfo.Info, body string, padLines int) ([]byte, error) {
	lines := []string{body}
	for i := 0; i < padLines; i++ {
		lines = append(lines, fmt.Sprintf("Baris %05d %s", i, strings.Repeat("x", 30)))
	}
	title := "draft"
	if info != nil {
		title = info.Title
	}
	return verifytest.Build(info, title, verifytest.Paginate(lines))
}

// Sign adds one signature by the person named name, with a certificate
// in that name from p: into the next party's signature field, or, in a
// document without kinerja's fields, an invisible one in a new field.
func Sign(in []byte, p *PKI, name string) ([]byte, error) {
	s, err := p.Signer(name)
	if err != nil {
		return nil, err
	}
	return verifytest.Sign(in, s, name, nil)
}

// SignedPDF makes a PDF for info and signs it once per info signer, in
// order, each with a certificate in the signer's name from p.
func SignedPDF(p *PKI, info docinfo.Info, body string, padLines int) ([]byte, error) {
	b, err := DraftPDF(&info, body, padLines)
	if err != nil {
		return nil, err
	}
	for _, s := range info.Signers {
		if b, err = Sign(b, p, s.Name); err != nil {
			return nil, err
		}
	}
	return b, nil
}
