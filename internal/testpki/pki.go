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
	name        string // WithName's; "" for none
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
	name  string
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

// WithName names the PKI: its CA and TSA keys and its CA subjects carry
// name. PKIs of one name and CA key type share their CA keys, so each
// trusts the other's leaves; give a PKI that must not be trusted its own
// name.
func WithName(name string) Option {
	return func(c *config) { c.name = name }
}

// New creates a PKI and starts its responder; t.Cleanup stops it.
func New(tb testing.TB, opts ...Option) *PKI {
	tb.Helper()
	p, err := Start(opts...)
	if err != nil {
		tb.Fatalf("testpki: %v", err)
	}
	tb.Cleanup(p.Close)
	return p
}

// Start is New for code without a testing.TB (an Example, a fixture
// shared by a whole test binary): it returns errors, and the caller stops
// the responder with Close.
func Start(opts ...Option) (*PKI, error) {
	c := config{now: time.Now, caKey: P256}
	for _, o := range opts {
		o(&c)
	}
	p := &PKI{now: c.now, name: c.name, revoked: map[string]time.Time{}, issuer: map[string]string{}}
	p.srv = httptest.NewServer(p.handler())
	if err := p.newCAs(c.caKey); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// Close stops the PKI's responder.
func (p *PKI) Close() { p.srv.Close() }

// Now returns the PKI's clock reading.
func (p *PKI) Now() time.Time { return p.now() }

// keyName is the cache name of the PKI's own key called role.
func (p *PKI) keyName(role string) string {
	if p.name == "" {
		return role
	}
	return p.name + "/" + role
}

// subject is the common name of the PKI's CA called what.
func (p *PKI) subject(what string) string {
	if p.name == "" {
		return "kinerja TEST " + what
	}
	return "kinerja TEST " + p.name + " " + what
}

// newCAs creates the root CA and the intermediate CA it issues.
func (p *PKI) newCAs(typ KeyType) error {
	rootKey, err := NamedKey(typ, p.keyName("root"))
	if err != nil {
		return err
	}
	interKey, err := NamedKey(typ, p.keyName("intermediate"))
	if err != nil {
		return err
	}
	tmpl := caTemplate(p.subject("Root CA"), p.now(), 1)
	p.root = &authority{name: "root", key: rootKey}
	if p.root.cert, err = p.create(tmpl, tmpl, rootKey.Public(), rootKey); err != nil {
		return err
	}
	p.inter = &authority{name: "intermediate", key: interKey}
	tmpl = caTemplate(p.subject("Intermediate CA"), p.now(), 0)
	if p.inter.cert, err = p.issue(tmpl, p.root, interKey.Public()); err != nil {
		return err
	}
	p.Root, p.Intermediate = p.root.cert, p.inter.cert
	return nil
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
