package ltv

import (
	"context"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ocsp"

	"kinerja/internal/testpki"
)

var clock = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// newPKI returns a PKI on the fixed clock and options that read it.
func newPKI(t testing.TB) (*testpki.PKI, Options) {
	p := testpki.New(t, testpki.WithClock(clock))
	return p, Options{Now: p.Now}
}

// leafWithURLs issues a leaf under p's intermediate whose AIA OCSP and
// CDP URLs are the given ones (empty: none). testpki keeps one key per
// type and name for the process, so the intermediate's key is
// testpki.Key(P256, "intermediate"); the signature check below fails the
// test should that change.
func leafWithURLs(t *testing.T, p *testpki.PKI, ocspURL, crlURL string) *x509.Certificate {
	t.Helper()
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{SerialNumber: serial, Subject: pkix.Name{CommonName: "Siti Custom URL"},
		NotBefore: clock.Add(-time.Hour), NotAfter: clock.AddDate(1, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature}
	if ocspURL != "" {
		tmpl.OCSPServer = []string{ocspURL}
	}
	if crlURL != "" {
		tmpl.CRLDistributionPoints = []string{crlURL}
	}
	key := testpki.Key(t, testpki.P256, "leaf")
	der, err := x509.CreateCertificate(rand.Reader, tmpl, p.Intermediate, key.Public(), testpki.Key(t, testpki.P256, "intermediate"))
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil || cert.CheckSignatureFrom(p.Intermediate) != nil {
		t.Fatalf("custom leaf not issued by the intermediate: %v", err)
	}
	return cert
}

// closedURL returns a URL on 127.0.0.1 where nobody listens.
func closedURL(t *testing.T, path string) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr + path
}

// serve starts a server with handler h and returns its URL plus path.
func serve(t *testing.T, path string, h http.HandlerFunc) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL + path
}

// slow answers after the client gave up, or after 5 s at most.
func slow(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body) // so the server notices the client leave
	select {
	case <-r.Context().Done():
	case <-time.After(5 * time.Second):
	}
}

// signerAndTSA returns a PKI, a leaf, a TSA and their two chains.
func signerAndTSA(tb testing.TB) (*testpki.PKI, *testpki.Leaf, *testpki.TSA, [][]*x509.Certificate, Options) {
	p, opts := newPKI(tb)
	leaf := p.Leaf(tb, testpki.P256, testpki.Spec{CommonName: "Budi Santoso"})
	tsa := p.StartTSA(tb)
	return p, leaf, tsa, [][]*x509.Certificate{leaf.Chain, {tsa.Cert, p.Intermediate, p.Root}}, opts
}

func TestCollectLeafAndTSA(t *testing.T) {
	p, leaf, tsa, chains, opts := signerAndTSA(t)
	m, err := Collect(context.Background(), chains, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := []*x509.Certificate{leaf.Cert, p.Intermediate, p.Root, tsa.Cert}
	if len(m.Certs) != len(want) {
		t.Fatalf("%d certificates, want %d", len(m.Certs), len(want))
	}
	for i, c := range want {
		if !m.Certs[i].Equal(c) {
			t.Errorf("certificate %d is %s, want %s", i, m.Certs[i].Subject, c.Subject)
		}
	}
	if len(m.OCSPs) != 3 || len(m.CRLs) != 0 {
		t.Fatalf("%d OCSP responses and %d CRLs, want 3 and 0", len(m.OCSPs), len(m.CRLs))
	}
	for i, c := range []*x509.Certificate{leaf.Cert, p.Intermediate, tsa.Cert} {
		issuer := p.Intermediate
		if c == p.Intermediate {
			issuer = p.Root
		}
		r, err := ocsp.ParseResponseForCert(m.OCSPs[i], c, issuer)
		if err != nil || r.Status != ocsp.Good || r.SerialNumber.Cmp(c.SerialNumber) != 0 {
			t.Errorf("OCSP response %d for %s: %v", i, c.Subject, err)
		}
	}
}

func TestRevokedLeafIsNamed(t *testing.T) {
	p, opts := newPKI(t)
	leaf := p.Leaf(t, testpki.P256, testpki.Spec{CommonName: "Dewi Revoked"})
	p.Revoke(leaf.Cert.SerialNumber)
	_, err := Collect(context.Background(), [][]*x509.Certificate{leaf.Chain}, opts)
	if !errors.Is(err, ErrRevoked) || !strings.Contains(err.Error(), "CN=Dewi Revoked") ||
		!strings.Contains(err.Error(), "revoked at 2026-03-02T09:30:00Z") {
		t.Fatalf("error %v, want the subject and the revocation time", err)
	}
}

func TestOCSPDownFallsBackToCRL(t *testing.T) {
	p, opts := newPKI(t)
	cert := leafWithURLs(t, p, closedURL(t, "/ocsp"), p.CRLURL("intermediate"))
	m, err := Collect(context.Background(), [][]*x509.Certificate{{cert, p.Intermediate, p.Root}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.CRLs) != 1 || len(m.OCSPs) != 1 {
		t.Fatalf("%d CRLs and %d OCSP responses, want the leaf's CRL and the intermediate's OCSP", len(m.CRLs), len(m.OCSPs))
	}
	crl, err := x509.ParseRevocationList(m.CRLs[0])
	if err != nil || crl.CheckSignatureFrom(p.Intermediate) != nil {
		t.Fatalf("CRL in the material is not the intermediate's: %v", err)
	}
}

func TestRevokedByCRL(t *testing.T) {
	p, opts := newPKI(t)
	leaf := p.Leaf(t, testpki.P256, testpki.Spec{CommonName: "Eko Listed"})
	p.Revoke(leaf.Cert.SerialNumber)
	cert := *leaf.Cert
	cert.OCSPServer = nil // no OCSP: the CRL must catch it
	_, err := Collect(context.Background(), [][]*x509.Certificate{{&cert, p.Intermediate, p.Root}}, opts)
	if !errors.Is(err, ErrRevoked) || !strings.Contains(err.Error(), "CN=Eko Listed") || !strings.Contains(err.Error(), "(CRL ") {
		t.Fatalf("error %v, want revoked by the CRL", err)
	}
}

// collectErr runs Collect on cert's chain and returns the error text.
func collectErr(t *testing.T, p *testpki.PKI, cert *x509.Certificate, opts Options) string {
	t.Helper()
	_, err := Collect(context.Background(), [][]*x509.Certificate{{cert, p.Intermediate, p.Root}}, opts)
	if err == nil {
		t.Fatal("Collect succeeded")
	}
	return err.Error()
}

// wantAll fails unless msg contains every part.
func wantAll(t *testing.T, msg string, parts ...string) {
	t.Helper()
	for _, s := range parts {
		if !strings.Contains(msg, s) {
			t.Errorf("error %q lacks %q", msg, s)
		}
	}
}

func TestBothDownNamesBothURLs(t *testing.T) {
	p, opts := newPKI(t)
	ocspURL := closedURL(t, "/ocsp")
	crlURL := serve(t, "/ca.crl", http.NotFound)
	msg := collectErr(t, p, leafWithURLs(t, p, ocspURL, crlURL), opts)
	wantAll(t, msg, `certificate "CN=Siti Custom URL": no revocation data: `,
		"OCSP "+ocspURL+": ", "connection refused", "; CRL "+crlURL+": HTTP 404 Not Found")
}

func TestSlowResponderTimesOut(t *testing.T) {
	p, opts := newPKI(t)
	opts.Timeout = 100 * time.Millisecond
	msg := collectErr(t, p, leafWithURLs(t, p, serve(t, "/ocsp", slow), serve(t, "/ca.crl", slow)), opts)
	if strings.Count(msg, "no answer within 100ms") != 2 {
		t.Errorf("error %q, want a timeout for OCSP and for the CRL", msg)
	}
}

func TestOversizedResponseRefused(t *testing.T) {
	p, opts := newPKI(t)
	opts.MaxOCSP, opts.MaxCRL = 1024, 4096
	big := func(n int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(make([]byte, n)) }
	}
	msg := collectErr(t, p, leafWithURLs(t, p, serve(t, "/ocsp", big(2048)), serve(t, "/ca.crl", big(1<<20))), opts)
	wantAll(t, msg, "response larger than 1024 bytes", "response larger than 4096 bytes")
}

func TestForeignSignerRefused(t *testing.T) {
	p, opts := newPKI(t)
	other := testpki.New(t, testpki.WithClock(clock), testpki.WithCAKey(testpki.P384))
	msg := collectErr(t, p, leafWithURLs(t, p, other.OCSPURL(), other.CRLURL("intermediate")), opts)
	wantAll(t, msg, "bad OCSP signature", "CRL not signed by")
}

func TestStaleAnswersRefused(t *testing.T) {
	p, opts := newPKI(t)
	leaf := p.Leaf(t, testpki.P256, testpki.Spec{CommonName: "Budi Santoso"})
	opts.Now = func() time.Time { return clock.Add(48 * time.Hour) }
	msg := collectErr(t, p, leaf.Cert, opts)
	if strings.Count(msg, "expired at 2026-03-03T09:30:00Z") != 2 {
		t.Errorf("error %q, want the OCSP answer and the CRL expired", msg)
	}
	opts.Now = func() time.Time { return clock.Add(-time.Hour) }
	wantAll(t, collectErr(t, p, leaf.Cert, opts), "issued in the future")
}

func TestMissingIssuerAndNoURLs(t *testing.T) {
	p, opts := newPKI(t)
	leaf := p.Leaf(t, testpki.P256, testpki.Spec{CommonName: "Budi Santoso"})
	_, err := Collect(context.Background(), [][]*x509.Certificate{{leaf.Cert}}, opts)
	if err == nil || !strings.Contains(err.Error(), "is not in the chain") {
		t.Errorf("chain without its intermediate: %v", err)
	}
	wantAll(t, collectErr(t, p, leafWithURLs(t, p, "", ""), opts), "names no OCSP responder and no CRL")
}

func BenchmarkCollect(b *testing.B) {
	_, _, _, chains, opts := signerAndTSA(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Collect(context.Background(), chains, opts); err != nil {
			b.Fatal(err)
		}
	}
}
