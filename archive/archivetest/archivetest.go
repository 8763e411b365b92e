// Package archivetest makes signed kinerja-like PDFs for the tests of the
// archive package and of `kinerja archive`: a throwaway test CA, a tiny PDF
// made with fpdf that carries docinfo.Info in its XMP metadata, and approval
// signatures made with pdfsign directly (not with kinerja/sign, so that
// archive tests do not depend on it). It is test support only: keys are
// generated in memory, signer names must be ASCII (a pdfsign limit).
package archivetest

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"fmt"
	"math/big"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"

	"kinerja/docinfo"
)

// PKI is a test CA and one signing certificate issued by it.
type PKI struct {
	Roots *x509.CertPool // contains only the CA
	CAPEM []byte         // the CA certificate, PEM encoded
	Key   crypto.Signer  // the signer's private key
	Cert  *x509.Certificate
	CA    *x509.Certificate
}

// docSigningEKU is id-kp-documentSigning (RFC 9336).
var docSigningEKU = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}

// NewPKI creates an RSA-2048 CA named caName and a signer certificate for
// signer, valid from 2020 to 2040.
func NewPKI(caName, signer string) (*PKI, error) {
	caKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("ca key: %w", err)
	}
	caTmpl := certTemplate(1, caName)
	caTmpl.IsCA, caTmpl.BasicConstraintsValid = true, true
	caTmpl.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
	ca, err := createCert(caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return nil, err
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("signer key: %w", err)
	}
	tmpl := certTemplate(2, signer)
	tmpl.KeyUsage = x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment
	tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection}
	tmpl.UnknownExtKeyUsage = []asn1.ObjectIdentifier{docSigningEKU}
	cert, err := createCert(tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	pemCA := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Raw})
	return &PKI{Roots: pool, CAPEM: pemCA, Key: key, Cert: cert, CA: ca}, nil
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
// whose page text includes body; padLines extra text lines make it bigger
// (about 60 bytes each, uncompressed).
func DraftPDF(info *docinfo.Info, body string, padLines int) ([]byte, error) {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(false)
	f.SetCatalogSort(true)
	fixed := time.Date(2021, 1, 4, 0, 0, 0, 0, time.UTC)
	f.SetCreationDate(fixed)
	f.SetModificationDate(fixed)
	if info != nil {
		xmp, err := docinfo.EncodeXMP(*info, info.Title, "kinerja test", "", "", "kinerja test", "id-ID")
		if err != nil {
			return nil, err
		}
		f.SetXmpMetadata(xmp)
	}
	f.SetFont("Helvetica", "", 10)
	f.AddPage()
	f.Text(20, 20, body)
	for i := 0; i < padLines; i++ {
		if i%60 == 59 {
			f.AddPage()
		}
		f.Text(20, float64(30+4*(i%60)), fmt.Sprintf("Baris %05d %s", i, strings.Repeat("x", 30)))
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		return nil, fmt.Errorf("draft pdf: %w", err)
	}
	return b.Bytes(), nil
}

// Sign adds one invisible approval signature by p's signer named name.
func Sign(in []byte, p *PKI, name string) (out []byte, err error) {
	defer func() { // pdfsign panics on some inputs
		if r := recover(); r != nil {
			err = fmt.Errorf("sign: panic: %v", r)
		}
	}()
	rd, err := pdf.NewReader(bytes.NewReader(in), int64(len(in)))
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	var b bytes.Buffer
	err = sign.Sign(bytes.NewReader(in), &b, rd, int64(len(in)), sign.SignData{
		Signature: sign.SignDataSignature{
			CertType: sign.ApprovalSignature,
			Info:     sign.SignDataSignatureInfo{Name: name, Reason: "Perjanjian Kinerja", Date: time.Now()},
		},
		Signer: p.Key, DigestAlgorithm: crypto.SHA256, Certificate: p.Cert,
		CertificateChains: [][]*x509.Certificate{{p.Cert, p.CA}},
	})
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	return b.Bytes(), nil
}

// SignedPDF makes a PDF for info and signs it once per info signer, in
// order, all with p's certificate.
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
