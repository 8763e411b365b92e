package cades

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/digitorus/timestamp"
)

// Defaults of a TSA client.
const (
	DefaultTSATimeout     = 30 * time.Second
	DefaultTSAMaxResponse = 256 << 10
)

// TSA is a client of an RFC 3161 timestamp authority.
type TSA struct {
	URL         string        // http:// or https://
	Timeout     time.Duration // per request; zero: DefaultTSATimeout
	MaxResponse int64         // bytes; zero: DefaultTSAMaxResponse
	Client      *http.Client  // nil: http.DefaultClient

	mu    sync.Mutex
	sizes map[crypto.Hash]int // token sizes seen, by imprint hash
}

// Timestamp asks the authority for a token over digest, the hash by h of
// the stamped data, and returns the token's DER (a CMS ContentInfo). Over
// a signature value it is PAdES's signature timestamp; over a document's
// /ByteRange it is the /Contents of a document timestamp (SubFilter
// ETSI.RFC3161). The token must answer this request: imprint and nonce
// match and its signature verifies.
func (t *TSA) Timestamp(ctx context.Context, h crypto.Hash, digest []byte) ([]byte, error) {
	nonce, err := newNonce()
	if err != nil {
		return nil, err
	}
	req, err := (&timestamp.Request{HashAlgorithm: h, HashedMessage: digest,
		Certificates: true, Nonce: nonce}).Marshal()
	if err != nil {
		return nil, fmt.Errorf("TSA %s: request: %w", t.URL, err)
	}
	body, err := t.post(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("TSA %s: %w", t.URL, err)
	}
	token, err := checkResponse(body, h, digest, nonce)
	if err != nil {
		return nil, fmt.Errorf("TSA %s: %w", t.URL, err)
	}
	t.remember(h, len(token))
	return token, nil
}

// newNonce returns a random 63-bit nonce with its top bit set, so its
// encoding always has the same length.
func newNonce() (*big.Int, error) {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	if err != nil {
		return nil, err
	}
	return n.SetBit(n, 62, 1), nil
}

// post sends one request and reads the answer, within the timeout and the
// size bound.
func (t *TSA) post(ctx context.Context, req []byte) ([]byte, error) {
	u, err := url.Parse(t.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("want an http:// or https:// URL")
	}
	ctx, cancel := context.WithTimeout(ctx, t.timeout())
	defer cancel()
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, t.URL, bytes.NewReader(req))
	if err != nil {
		return nil, err
	}
	r.Header.Set("Content-Type", "application/timestamp-query")
	resp, err := t.client().Do(r)
	if err != nil {
		return nil, t.transportError(ctx, err)
	}
	defer resp.Body.Close()
	return t.read(resp)
}

// read returns the body of a 200 answer no larger than MaxResponse.
func (t *TSA) read(resp *http.Response) ([]byte, error) {
	limit := t.MaxResponse
	if limit <= 0 {
		limit = DefaultTSAMaxResponse
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %s: %q", resp.Status, firstLine(body))
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("response larger than %d bytes", limit)
	}
	return body, nil
}

// transportError says why a request failed, without repeating the URL.
func (t *TSA) transportError(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no answer within %s", t.timeout())
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// checkResponse parses a TimeStampResp and returns its token after
// checking that it answers the request.
func checkResponse(body []byte, h crypto.Hash, digest []byte, nonce *big.Int) ([]byte, error) {
	ts, err := timestamp.ParseResponse(body)
	if err != nil {
		return nil, fmt.Errorf("response: %w", err)
	}
	if ts.HashAlgorithm != h || !bytes.Equal(ts.HashedMessage, digest) {
		return nil, errors.New("token does not cover the digest sent")
	}
	if ts.Nonce == nil || ts.Nonce.Cmp(nonce) != 0 {
		return nil, errors.New("token nonce differs from the request's")
	}
	return ts.RawToken, nil
}

// timeout returns the per-request timeout.
func (t *TSA) timeout() time.Duration {
	if t.Timeout > 0 {
		return t.Timeout
	}
	return DefaultTSATimeout
}

// client returns the HTTP client.
func (t *TSA) client() *http.Client {
	if t.Client != nil {
		return t.Client
	}
	return http.DefaultClient
}

// firstLine returns the first line of an error body, at most 120 bytes.
func firstLine(body []byte) string {
	s, _, _ := strings.Cut(string(body), "\n")
	if len(s) > 120 {
		s = s[:120]
	}
	return strings.TrimSpace(s)
}
