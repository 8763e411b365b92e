package cades_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"

	"kinerja/internal/testpki"
	"kinerja/sign/cades"
)

var clock = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// content stands for the bytes a PDF /ByteRange covers.
var content = []byte("%PDF-1.7 ... the bytes outside /Contents ...")

var (
	oidContentType   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidMessageDigest = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidSigningCertV2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidTimeStamp     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14}
	oidData          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
)

// hashFor picks the digest of each key type so all three are covered.
func hashFor(typ testpki.KeyType) crypto.Hash {
	switch typ {
	case testpki.P384:
		return crypto.SHA384
	case testpki.RSA3072:
		return crypto.SHA512
	}
	return crypto.SHA256
}

// sum returns the hash of data by h.
func sum(h crypto.Hash, data []byte) []byte {
	w := h.New()
	w.Write(data)
	return w.Sum(nil)
}

// signCase is one signer of the key matrix.
type signCase struct {
	name   string
	leaf   *testpki.Leaf
	signer *cades.Signer
}

// matrix returns a signer for every key type, without and with a TSA.
func matrix(t *testing.T, p *testpki.PKI, tsa *testpki.TSA) []signCase {
	var out []signCase
	for _, typ := range testpki.KeyTypes {
		leaf := p.Leaf(t, typ, testpki.Spec{CommonName: "Budi Santoso", SerialNumber: "NIP 198001012005011001"})
		for _, url := range []string{"", tsa.URL} {
			s := &cades.Signer{Key: leaf.Key, Chain: leaf.Chain, Hash: hashFor(typ)}
			name := fmt.Sprintf("%s-%v", typ, s.Hash)
			if url != "" {
				s.TSA, name = &cades.TSA{URL: url}, name+"-tsa"
			}
			out = append(out, signCase{name, leaf, s})
		}
	}
	return out
}

func TestSignMatrix(t *testing.T) {
	p := testpki.New(t, testpki.WithClock(clock))
	tsa := p.StartTSA(t)
	for _, c := range matrix(t, p, tsa) {
		t.Run(c.name, func(t *testing.T) {
			size, err := c.signer.Size(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			der, err := c.signer.Sign(context.Background(), sum(c.signer.Hash, content))
			if err != nil {
				t.Fatal(err)
			}
			if len(der) > size {
				t.Errorf("signature has %d bytes, estimate %d", len(der), size)
			}
			t.Logf("signature %d bytes, estimate %d", len(der), size)
			p7 := verify(t, p, der, content)
			checkSignedAttributes(t, p7, c)
			checkUnsignedAttributes(t, p7, c)
		})
	}
}

// verify parses der with digitorus/pkcs7 and verifies it over data and
// up to the root at the clock.
func verify(t *testing.T, p *testpki.PKI, der, data []byte) *pkcs7.PKCS7 {
	t.Helper()
	p7, err := pkcs7.Parse(der)
	if err != nil {
		t.Fatalf("pkcs7 parse: %v", err)
	}
	if len(p7.Content) != 0 || len(p7.Certificates) != 3 || len(p7.Signers) != 1 {
		t.Fatalf("content %d bytes, %d certificates, %d signers", len(p7.Content), len(p7.Certificates), len(p7.Signers))
	}
	p7.Content = data
	if err := p7.VerifyWithChainAtTime(p.Roots(), clock); err != nil {
		t.Fatalf("pkcs7 verify: %v", err)
	}
	return p7
}

// checkSignedAttributes asserts the signed attributes are exactly
// content-type, message-digest and signing-certificate-v2, with values.
func checkSignedAttributes(t *testing.T, p7 *pkcs7.PKCS7, c signCase) {
	t.Helper()
	var oids []string
	for _, a := range p7.Signers[0].AuthenticatedAttributes {
		oids = append(oids, a.Type.String())
	}
	want := []string{oidContentType.String(), oidMessageDigest.String(), oidSigningCertV2.String()}
	slices.Sort(oids)
	if slices.Sort(want); !slices.Equal(oids, want) {
		t.Fatalf("signed attributes %v, want exactly %v", oids, want)
	}
	var ct asn1.ObjectIdentifier
	if err := p7.UnmarshalSignedAttribute(oidContentType, &ct); err != nil || !ct.Equal(oidData) {
		t.Errorf("content-type %v (%v), want id-data", ct, err)
	}
	var md []byte
	if err := p7.UnmarshalSignedAttribute(oidMessageDigest, &md); err != nil || !bytes.Equal(md, sum(c.signer.Hash, content)) {
		t.Errorf("message-digest %x (%v)", md, err)
	}
	checkESSCertID(t, p7, c)
}

// essCertIDv2 and signingCertificateV2 follow RFC 5035.
type essCertIDv2 struct {
	HashAlgorithm pkix.AlgorithmIdentifier `asn1:"optional"`
	CertHash      []byte
	IssuerSerial  struct {
		Issuer asn1.RawValue
		Serial *big.Int
	}
}

type signingCertificateV2 struct{ Certs []essCertIDv2 }

// checkESSCertID asserts the ESSCertIDv2 names the signer's certificate
// by hash and by issuer and serial.
func checkESSCertID(t *testing.T, p7 *pkcs7.PKCS7, c signCase) {
	t.Helper()
	var sc signingCertificateV2
	if err := p7.UnmarshalSignedAttribute(oidSigningCertV2, &sc); err != nil || len(sc.Certs) != 1 {
		t.Fatalf("signing-certificate-v2: %v, %d ids", err, len(sc.Certs))
	}
	id, cert := sc.Certs[0], c.leaf.Cert
	if (id.HashAlgorithm.Algorithm == nil) != (c.signer.Hash == crypto.SHA256) {
		t.Errorf("hash algorithm %v with %v (SHA-256 is DEFAULT and omitted)", id.HashAlgorithm.Algorithm, c.signer.Hash)
	}
	if !bytes.Equal(id.CertHash, sum(c.signer.Hash, cert.Raw)) {
		t.Error("certHash is not the hash of the signer's certificate")
	}
	var name asn1.RawValue
	if _, err := asn1.Unmarshal(id.IssuerSerial.Issuer.Bytes, &name); err != nil || name.Tag != 4 || name.Class != asn1.ClassContextSpecific {
		t.Fatalf("issuer is not a directoryName: %v", err)
	}
	if !bytes.Equal(name.Bytes, cert.RawIssuer) || id.IssuerSerial.Serial.Cmp(cert.SerialNumber) != 0 {
		t.Error("issuerSerial does not name the signer's certificate")
	}
}

// checkUnsignedAttributes asserts the timestamp token is there exactly
// when a TSA was used, and that its imprint is the hash of the signature.
func checkUnsignedAttributes(t *testing.T, p7 *pkcs7.PKCS7, c signCase) {
	t.Helper()
	attrs := p7.Signers[0].UnauthenticatedAttributes
	if c.signer.TSA == nil {
		if len(attrs) != 0 {
			t.Errorf("%d unsigned attributes without a TSA", len(attrs))
		}
		return
	}
	if len(attrs) != 1 || !attrs[0].Type.Equal(oidTimeStamp) {
		t.Fatalf("unsigned attributes %v, want one signatureTimeStampToken", attrs)
	}
	ts, err := timestamp.Parse(attrs[0].Value.Bytes)
	if err != nil {
		t.Fatalf("token: %v", err)
	}
	want := sum(c.signer.Hash, p7.Signers[0].EncryptedDigest)
	if ts.HashAlgorithm != c.signer.Hash || !bytes.Equal(ts.HashedMessage, want) {
		t.Errorf("token imprint %x (%v), want the hash of the signature value %x", ts.HashedMessage, ts.HashAlgorithm, want)
	}
	if !ts.Time.Equal(clock) {
		t.Errorf("token time %v, want %v", ts.Time, clock)
	}
}

func TestSignatureFailsOverOtherContent(t *testing.T) {
	p := testpki.New(t, testpki.WithClock(clock))
	leaf := p.Leaf(t, testpki.P256, testpki.Spec{CommonName: "Budi Santoso"})
	s := &cades.Signer{Key: leaf.Key, Chain: leaf.Chain}
	der, err := s.Sign(context.Background(), sum(crypto.SHA256, content))
	if err != nil {
		t.Fatal(err)
	}
	p7, err := pkcs7.Parse(der)
	if err != nil {
		t.Fatal(err)
	}
	p7.Content = append(bytes.Clone(content), ' ')
	if err := p7.Verify(); err == nil {
		t.Fatal("signature verifies over changed content")
	}
}

func TestSignRefusesBadInput(t *testing.T) {
	p := testpki.New(t, testpki.WithClock(clock))
	leaf := p.Leaf(t, testpki.P256, testpki.Spec{CommonName: "Budi Santoso"})
	other := testpki.Key(t, testpki.P256, "other")
	digest := sum(crypto.SHA256, content)
	for _, c := range []struct {
		name   string
		s      cades.Signer
		digest []byte
		want   string
	}{
		{"wrong key", cades.Signer{Key: other, Chain: leaf.Chain}, digest, "key does not match the certificate of Budi Santoso"},
		{"short digest", cades.Signer{Key: leaf.Key, Chain: leaf.Chain}, digest[:20], "digest has 20 bytes, SHA-256 needs 32"},
		{"no chain", cades.Signer{Key: leaf.Key}, digest, "no signer certificate"},
		{"SHA-1", cades.Signer{Key: leaf.Key, Chain: leaf.Chain, Hash: crypto.SHA1}, digest, "digest SHA-1 not supported"},
	} {
		_, err := c.s.Sign(context.Background(), c.digest)
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(c.want)) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}
