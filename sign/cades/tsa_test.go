package cades_test

import (
	"bytes"
	"context"
	"crypto"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/timestamp"

	"kinerja/internal/testpki"
	"kinerja/sign/cades"
)

func TestDocumentTimestamp(t *testing.T) {
	p := testpki.New(t, testpki.WithClock(clock))
	tsa := &cades.TSA{URL: p.StartTSA(t).URL}
	digest := sum(crypto.SHA256, content)
	token, err := tsa.Timestamp(context.Background(), crypto.SHA256, digest)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := timestamp.Parse(token)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ts.HashedMessage, digest) || !ts.Time.Equal(clock) || len(ts.Certificates) == 0 {
		t.Errorf("token over %x at %v with %d certificates", ts.HashedMessage, ts.Time, len(ts.Certificates))
	}
	size, err := tsa.TokenSize(context.Background(), crypto.SHA256)
	if err != nil || size < len(token) {
		t.Errorf("TokenSize = %d (%v), token has %d bytes", size, err, len(token))
	}
}

// closedURL returns the URL of a port on 127.0.0.1 nobody listens on.
func closedURL(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr + "/tsa"
}

// server starts an httptest server with handler h.
func server(t *testing.T, h http.HandlerFunc) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL + "/tsa"
}

// otherDigest answers every request with a genuine token over another
// digest, fetched from the real test TSA at url.
func otherDigest(url string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req, _ := timestamp.CreateRequest(strings.NewReader("other"), &timestamp.RequestOptions{Hash: crypto.SHA256})
		resp, err := http.Post(url, "application/timestamp-query", bytes.NewReader(req))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		_, _ = io.Copy(w, resp.Body)
	}
}

func TestTSAErrorsNameURLAndReason(t *testing.T) {
	p := testpki.New(t, testpki.WithClock(clock))
	genuine := p.StartTSA(t).URL
	slow := server(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body) // so the server notices the client leave
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	for _, c := range []struct {
		name string
		tsa  *cades.TSA
		want string
	}{
		{"refused", &cades.TSA{URL: closedURL(t)}, "connection refused"},
		{"timeout", &cades.TSA{URL: slow, Timeout: 100 * time.Millisecond}, "no answer within 100ms"},
		{"HTTP 500", &cades.TSA{URL: server(t, func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "out of order", http.StatusInternalServerError)
		})}, `HTTP 500 Internal Server Error: "out of order"`},
		{"too large", &cades.TSA{URL: server(t, func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write(make([]byte, 2048))
		}), MaxResponse: 1024}, "response larger than 1024 bytes"},
		{"garbage", &cades.TSA{URL: server(t, func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte("<html>"))
		})}, "response:"},
		{"other imprint", &cades.TSA{URL: server(t, otherDigest(genuine))}, "token does not cover the digest sent"},
		{"not http", &cades.TSA{URL: "ftp://example.invalid/"}, "want an http:// or https:// URL"},
	} {
		_, err := c.tsa.Timestamp(context.Background(), crypto.SHA256, sum(crypto.SHA256, content))
		if err == nil || !strings.HasPrefix(err.Error(), "TSA "+c.tsa.URL+": ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want TSA %s: ...%s", c.name, err, c.tsa.URL, c.want)
		}
	}
}

func TestSignFailsWhenTSAFails(t *testing.T) {
	p := testpki.New(t, testpki.WithClock(clock))
	leaf := p.Leaf(t, testpki.P256, testpki.Spec{CommonName: "Budi Santoso"})
	url := closedURL(t)
	s := &cades.Signer{Key: leaf.Key, Chain: leaf.Chain, TSA: &cades.TSA{URL: url}}
	_, err := s.Sign(context.Background(), sum(crypto.SHA256, content))
	if err == nil || !strings.Contains(err.Error(), "timestamp the signature: TSA "+url) {
		t.Errorf("error %v, want it to name the TSA", err)
	}
	if _, err := s.Size(context.Background()); err == nil {
		t.Error("Size succeeds without a reachable TSA")
	}
}
