package testpki

import (
	"crypto"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// PKI is a root CA, an intermediate CA and the responder serving their
// OCSP answers, CRLs and certificates on 127.0.0.1.
type PKI struct {
	Root         *x509.Certificate
	Intermediate *x509.Certificate

	root, inter *authority
	now         func() time.Time
	srv         *httptest.Server

	mu      sync.Mutex
	revoked map[string]time.Time // serial (decimal) -> revocation time
	issuer  map[string]string    // serial (decimal) -> authority name
}

// authority is a CA: its certificate, key and name in URLs.
type authority struct {
	name string
	cert *x509.Certificate
	key  crypto.Signer
}

// Option configures New.
type Option func(*config)

type config struct {
	now   func() time.Time
	caKey KeyType
}

// WithClock fixes the PKI's clock at t: certificate validity, OCSP and CRL
// update times and timestamps all use it.
func WithClock(t time.Time) Option {
	return func(c *config) { c.now = func() time.Time { return t } }
}

// WithCAKey makes both CAs use keys of type typ (default P-256).
func WithCAKey(typ KeyType) Option {
	return func(c *config) { c.caKey = typ }
}

// New creates a PKI and starts its responder; t.Cleanup stops it.
func New(tb testing.TB, opts ...Option) *PKI {
	tb.Helper()
	c := config{now: time.Now, caKey: P256}
	for _, o := range opts {
		o(&c)
	}
	p := &PKI{now: c.now, revoked: map[string]time.Time{}, issuer: map[string]string{}}
	p.srv = httptest.NewServer(p.handler())
	tb.Cleanup(p.srv.Close)
	p.root = p.newRoot(tb, Key(tb, c.caKey, "root"))
	p.inter = p.newIntermediate(tb, Key(tb, c.caKey, "intermediate"))
	p.Root, p.Intermediate = p.root.cert, p.inter.cert
	return p
}

// Now returns the PKI's clock reading.
func (p *PKI) Now() time.Time { return p.now() }

// newRoot creates the self-signed root CA.
func (p *PKI) newRoot(tb testing.TB, key crypto.Signer) *authority {
	tb.Helper()
	tmpl := caTemplate("kinerja TEST Root CA", p.now(), 1)
	a := &authority{name: "root", key: key}
	a.cert = p.create(tb, tmpl, tmpl, key.Public(), key)
	return a
}

// newIntermediate creates the intermediate CA, issued by the root.
func (p *PKI) newIntermediate(tb testing.TB, key crypto.Signer) *authority {
	tb.Helper()
	tmpl := caTemplate("kinerja TEST Intermediate CA", p.now(), 0)
	return &authority{name: "intermediate", key: key,
		cert: p.issue(tb, tmpl, p.root, key.Public())}
}

// caTemplate is a CA certificate template valid from now-1h for ten
// years; pathLen 0 forbids CAs below it.
func caTemplate(cn string, now time.Time, pathLen int) *x509.Certificate {
	return &x509.Certificate{
		Subject:               pkix.Name{CommonName: cn, Organization: []string{"kinerja test PKI"}, Country: []string{"ID"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLen:            pathLen,
		MaxPathLenZero:        pathLen == 0,
	}
}

// Chain returns the CA certificates above a leaf: intermediate, root.
func (p *PKI) Chain() []*x509.Certificate {
	return []*x509.Certificate{p.Intermediate, p.Root}
}

// Roots returns a pool holding only the root.
func (p *PKI) Roots() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(p.Root)
	return pool
}

// RootPEM returns the root certificate in PEM form (for openssl, NSS).
func (p *PKI) RootPEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: p.Root.Raw})
}

// OCSPURL returns the URL of the OCSP responder.
func (p *PKI) OCSPURL() string { return p.srv.URL + "/ocsp" }

// CRLURL returns the URL of the CRL of the CA named name ("root" for the
// CRL that covers the intermediate, "intermediate" for leaves).
func (p *PKI) CRLURL(name string) string { return p.srv.URL + "/crl/" + name + ".crl" }

// caIssuersURL returns the URL that serves the DER certificate of the CA
// named name.
func (p *PKI) caIssuersURL(name string) string { return p.srv.URL + "/ca/" + name + ".cer" }
