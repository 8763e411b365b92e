package testpki

import (
	"crypto"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/digitorus/timestamp"
)

// TSAPolicy is the policy OID of the test TSA's tokens (under the 2.999
// example arc of X.660).
var TSAPolicy = asn1.ObjectIdentifier{2, 999, 1}

// TSA is an RFC 3161 timestamp authority on 127.0.0.1.
type TSA struct {
	URL  string
	Cert *x509.Certificate // issued by the intermediate

	handler  http.Handler
	requests atomic.Int64
}

// StartTSA starts a timestamp authority whose tokens are signed with
// SHA-256 and dated by the PKI's clock; t.Cleanup stops it.
func (p *PKI) StartTSA(tb testing.TB) *TSA {
	tb.Helper()
	l, err := p.NewTSALeaf()
	if err != nil {
		tb.Fatalf("testpki: %v", err)
	}
	t := &TSA{Cert: l.Cert}
	t.handler = TSAHandler(l.Cert, l.Key, []*x509.Certificate{p.Intermediate}, p.now)
	srv := httptest.NewServer(http.HandlerFunc(t.serve))
	tb.Cleanup(srv.Close)
	t.URL = srv.URL + "/tsa"
	return t
}

// NewTSALeaf issues the certificate of a timestamp authority for the
// PKI's TSA key, for tests that serve TSAHandler themselves (at a fixed
// time, say).
func (p *PKI) NewTSALeaf() (*Leaf, error) {
	key, err := NamedKey(P256, p.keyName("tsa"))
	if err != nil {
		return nil, err
	}
	cert, err := p.issue(tsaTemplate(p.now()), p.inter, key.Public())
	if err != nil {
		return nil, err
	}
	return &Leaf{Cert: cert, Key: key, Chain: []*x509.Certificate{cert, p.Intermediate, p.Root}}, nil
}

// Requests returns how many requests the TSA has answered.
func (t *TSA) Requests() int { return int(t.requests.Load()) }

// tsaTemplate is a TSA certificate template: RFC 3161 §2.3 wants the
// extended key usage id-kp-timeStamping alone and critical, which Go's
// ExtKeyUsage field cannot mark, so the extension is written by hand.
func tsaTemplate(now time.Time) *x509.Certificate {
	eku, _ := asn1.Marshal([]asn1.ObjectIdentifier{{1, 3, 6, 1, 5, 5, 7, 3, 8}})
	return &x509.Certificate{
		Subject:               pkix.Name{CommonName: "kinerja TEST TSA", Organization: []string{"kinerja test PKI"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(5, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtraExtensions:       []pkix.Extension{{Id: asn1.ObjectIdentifier{2, 5, 29, 37}, Critical: true, Value: eku}},
		BasicConstraintsValid: true,
	}
}

// serve answers one timestamp request.
func (t *TSA) serve(w http.ResponseWriter, r *http.Request) {
	t.requests.Add(1)
	t.handler.ServeHTTP(w, r)
}

// TSAHandler is the one RFC 3161 timestamp authority stand-in of the
// tests: it answers with tokens signed by cert and key with SHA-256, dated
// now(), carrying cert (when the request asks) and extra. Serve it with
// net/http/httptest; StartTSA serves it for a PKI.
func TSAHandler(cert *x509.Certificate, key crypto.Signer, extra []*x509.Certificate, now func() time.Time) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		req, err := timestamp.ParseRequest(body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		ts := timestamp.Timestamp{HashAlgorithm: req.HashAlgorithm, HashedMessage: req.HashedMessage,
			Time: now(), Accuracy: time.Second, Nonce: req.Nonce, Policy: TSAPolicy,
			AddTSACertificate: req.Certificates, Certificates: extra}
		resp, err := ts.CreateResponseWithOpts(cert, key, crypto.SHA256)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/timestamp-reply")
		_, _ = w.Write(resp)
	})
}
