package testpki

import (
	"bytes"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"io"
	"math/big"
	"net/http"
	"testing"
	"time"

	"github.com/digitorus/timestamp"
	"golang.org/x/crypto/ocsp"
	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

var clock = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// verifyAt verifies cert up to the PKI's root at the fixed clock.
func verifyAt(t *testing.T, p *PKI, cert *x509.Certificate, usage x509.ExtKeyUsage) {
	t.Helper()
	inter := x509.NewCertPool()
	inter.AddCert(p.Intermediate)
	_, err := cert.Verify(x509.VerifyOptions{Roots: p.Roots(), Intermediates: inter,
		CurrentTime: clock, KeyUsages: []x509.ExtKeyUsage{usage}})
	if err != nil {
		t.Fatalf("verify %s: %v", cert.Subject.CommonName, err)
	}
}

func TestLeafChainVerifies(t *testing.T) {
	p := New(t, WithClock(clock))
	for _, typ := range KeyTypes {
		t.Run(string(typ), func(t *testing.T) {
			l := p.Leaf(t, typ, Spec{CommonName: "Budi Santoso", SerialNumber: "NIP 198001012005011001"})
			verifyAt(t, p, l.Cert, x509.ExtKeyUsageEmailProtection)
			if got := l.Cert.Subject.SerialNumber; got != "NIP 198001012005011001" {
				t.Errorf("subject serialNumber = %q", got)
			}
			if !l.Cert.PublicKey.(interface{ Equal(crypto.PublicKey) bool }).Equal(l.Key.Public()) {
				t.Error("certificate does not hold the leaf's key")
			}
			if len(l.Cert.OCSPServer) != 1 || len(l.Cert.CRLDistributionPoints) != 1 {
				t.Errorf("AIA %v, CDP %v", l.Cert.OCSPServer, l.Cert.CRLDistributionPoints)
			}
		})
	}
}

// TestNamedPKIsDoNotTrustEachOther checks WithName: a PKI of another name
// has its own CA keys, so its leaves do not chain to this PKI's root,
// while a second PKI of the same name shares them (and is trusted).
func TestNamedPKIsDoNotTrustEachOther(t *testing.T) {
	p := New(t, WithClock(clock))
	same := New(t, WithClock(clock))
	other, err := Start(WithClock(clock), WithName("rogue"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	verifyAt(t, p, same.Leaf(t, P256, Spec{CommonName: "same"}).Cert, x509.ExtKeyUsageEmailProtection)
	l, err := other.NewLeaf(Key(t, P256, "rogue leaf"), Spec{CommonName: "Rogue"})
	if err != nil {
		t.Fatal(err)
	}
	verifyAt(t, other, l.Cert, x509.ExtKeyUsageEmailProtection)
	inter := x509.NewCertPool()
	inter.AddCert(other.Intermediate)
	if _, err := l.Cert.Verify(x509.VerifyOptions{Roots: p.Roots(), Intermediates: inter, CurrentTime: clock,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection}}); err == nil {
		t.Error("a leaf of the PKI named rogue chains to the unnamed PKI's root")
	}
	if got := other.Root.Subject.CommonName; got != "kinerja TEST rogue Root CA" {
		t.Errorf("root subject %q", got)
	}
}

func TestKeysAreCachedByTypeAndName(t *testing.T) {
	a, b := Key(t, P256, "cache-a"), Key(t, P256, "cache-a")
	c := Key(t, P256, "cache-b")
	if a != b {
		t.Error("same type and name gave two keys")
	}
	if a == c {
		t.Error("different names gave the same key")
	}
}

// fetch returns the 200 answer to a GET of url, or to a POST of body of
// type ctype when ctype is set.
func fetch(t *testing.T, url, ctype string, body []byte) []byte {
	t.Helper()
	var resp *http.Response
	var err error
	if ctype == "" {
		resp, err = http.Get(url)
	} else {
		resp, err = http.Post(url, ctype, bytes.NewReader(body))
	}
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %s %v: %s", url, resp.Status, err, out)
	}
	return out
}

func TestTSATokenMatchesRequest(t *testing.T) {
	p := New(t, WithClock(clock))
	tsa := p.StartTSA(t)
	digest := sha256.Sum256([]byte("signature value"))
	req, err := timestamp.CreateRequest(bytes.NewReader([]byte("signature value")),
		&timestamp.RequestOptions{Hash: crypto.SHA256, Certificates: true, Nonce: big.NewInt(42)})
	if err != nil {
		t.Fatal(err)
	}
	ts, err := timestamp.ParseResponse(fetch(t, tsa.URL, "application/timestamp-query", req))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ts.HashedMessage, digest[:]) || ts.HashAlgorithm != crypto.SHA256 {
		t.Errorf("imprint %x (%v), want %x", ts.HashedMessage, ts.HashAlgorithm, digest)
	}
	if !ts.Time.Equal(clock) || ts.Nonce.Int64() != 42 || !ts.Policy.Equal(TSAPolicy) {
		t.Errorf("time %v nonce %v policy %v", ts.Time, ts.Nonce, ts.Policy)
	}
	if len(ts.Certificates) == 0 || !ts.Certificates[0].Equal(tsa.Cert) {
		t.Fatalf("token certificates %d, want the TSA's first", len(ts.Certificates))
	}
	verifyAt(t, p, tsa.Cert, x509.ExtKeyUsageTimeStamping)
	if tsa.Requests() != 1 {
		t.Errorf("requests = %d", tsa.Requests())
	}
}

// ocspStatus asks the responder about cert and checks the signature.
func ocspStatus(t *testing.T, p *PKI, cert, issuer *x509.Certificate) *ocsp.Response {
	t.Helper()
	req, err := ocsp.CreateRequest(cert, issuer, &ocsp.RequestOptions{Hash: crypto.SHA256})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := ocsp.ParseResponseForCert(fetch(t, cert.OCSPServer[0], "application/ocsp-request", req), cert, issuer)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// goodAndRevoked returns a PKI with two leaves, the second revoked.
func goodAndRevoked(t *testing.T) (p *PKI, good, bad *Leaf) {
	p = New(t, WithClock(clock))
	good = p.Leaf(t, P256, Spec{CommonName: "Good"})
	bad = p.Leaf(t, P256, Spec{CommonName: "Revoked"})
	p.Revoke(bad.Cert.SerialNumber)
	return p, good, bad
}

func TestOCSPAnswersAsConfigured(t *testing.T) {
	p, good, bad := goodAndRevoked(t)
	if r := ocspStatus(t, p, good.Cert, p.Intermediate); r.Status != ocsp.Good || !r.ThisUpdate.Equal(clock) {
		t.Errorf("good leaf: status %d at %v", r.Status, r.ThisUpdate)
	}
	if r := ocspStatus(t, p, bad.Cert, p.Intermediate); r.Status != ocsp.Revoked || !r.RevokedAt.Equal(clock) {
		t.Errorf("revoked leaf: status %d at %v", r.Status, r.RevokedAt)
	}
	if r := ocspStatus(t, p, p.Intermediate, p.Root); r.Status != ocsp.Good {
		t.Errorf("intermediate: status %d", r.Status)
	}
	stranger := *good.Cert
	stranger.SerialNumber = big.NewInt(7)
	if r := ocspStatus(t, p, &stranger, p.Intermediate); r.Status != ocsp.Unknown {
		t.Errorf("unknown serial: status %d", r.Status)
	}
}

// fetchCRL downloads and checks the CRL at url, issued by issuer.
func fetchCRL(t *testing.T, url string, issuer *x509.Certificate) *x509.RevocationList {
	t.Helper()
	crl, err := x509.ParseRevocationList(fetch(t, url, "", nil))
	if err != nil {
		t.Fatalf("CRL %s: %v", url, err)
	}
	if err := crl.CheckSignatureFrom(issuer); err != nil {
		t.Fatalf("CRL %s: %v", url, err)
	}
	return crl
}

func TestCRLListsRevokedSerials(t *testing.T) {
	p, good, bad := goodAndRevoked(t)
	crl := fetchCRL(t, bad.Cert.CRLDistributionPoints[0], p.Intermediate)
	if len(crl.RevokedCertificateEntries) != 1 {
		t.Fatalf("CRL lists %d serials, want 1", len(crl.RevokedCertificateEntries))
	}
	if e := crl.RevokedCertificateEntries[0]; e.SerialNumber.Cmp(bad.Cert.SerialNumber) != 0 || !e.RevocationTime.Equal(clock) {
		t.Errorf("CRL entry %v at %v, want %v", e.SerialNumber, e.RevocationTime, bad.Cert.SerialNumber)
	}
	if good.Cert.CRLDistributionPoints[0] != p.CRLURL("intermediate") {
		t.Errorf("leaf CDP %s", good.Cert.CRLDistributionPoints[0])
	}
	if root := fetchCRL(t, p.Intermediate.CRLDistributionPoints[0], p.Root); len(root.RevokedCertificateEntries) != 0 {
		t.Errorf("root CRL lists %d serials, want 0", len(root.RevokedCertificateEntries))
	}
}

func TestCAIssuersServesIntermediate(t *testing.T) {
	p := New(t)
	l := p.Leaf(t, P256, Spec{CommonName: "Budi"})
	if !bytes.Equal(fetch(t, l.Cert.IssuingCertificateURL[0], "", nil), p.Intermediate.Raw) {
		t.Error("caIssuers URL does not serve the intermediate")
	}
}

func TestPKCS12RoundTrip(t *testing.T) {
	p := New(t)
	l := p.Leaf(t, RSA2048, Spec{CommonName: "Siti Aminah"})
	key, cert, cas, err := pkcs12.DecodeChain(l.PKCS12(t, "rahasia"), "rahasia")
	if err != nil {
		t.Fatal(err)
	}
	if !cert.Equal(l.Cert) || len(cas) != 2 || !cas[0].Equal(p.Intermediate) {
		t.Errorf("decoded %s with %d CA certificates", cert.Subject, len(cas))
	}
	if !l.Key.Public().(interface{ Equal(crypto.PublicKey) bool }).Equal(key.(crypto.Signer).Public()) {
		t.Error("decoded key differs")
	}
}
