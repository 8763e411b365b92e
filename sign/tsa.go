package sign

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// DefaultTSATimeout bounds one request to a timestamp authority.
const DefaultTSATimeout = 30 * time.Second

// tsaRelay is an HTTP server on 127.0.0.1 that forwards pdfsign's RFC 3161
// request to the real timestamp authority with a timeout. pdfsign uses an
// http.Client without a timeout and offers no way to pass one; changing
// http.DefaultTransport would affect the whole process. The relay answers
// 504 with the reason when the authority is slow or unreachable, and pdfsign
// then fails with that message.
type tsaRelay struct {
	URL    string
	srv    *http.Server
	target string
	client *http.Client
}

// startTSARelay starts a relay to target (an http or https URL).
func startTSARelay(target string, timeout time.Duration) (*tsaRelay, error) {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("timestamp authority %q: want an http:// or https:// URL", target)
	}
	if timeout <= 0 {
		timeout = DefaultTSATimeout
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("timestamp relay: %w", err)
	}
	r := &tsaRelay{URL: "http://" + ln.Addr().String() + "/", target: target,
		client: &http.Client{Timeout: timeout}}
	r.srv = &http.Server{Handler: r, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = r.srv.Serve(ln) }()
	return r, nil
}

// Close stops the relay.
func (r *tsaRelay) Close() error { return r.srv.Close() }

// ServeHTTP forwards one timestamp request.
func (r *tsaRelay) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(io.LimitReader(req.Body, 1<<16))
	if err != nil {
		http.Error(w, "read request: "+err.Error(), http.StatusBadRequest)
		return
	}
	resp, err := r.forward(req.Context(), body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusGatewayTimeout)
		return
	}
	w.Header().Set("Content-Type", "application/timestamp-reply")
	_, _ = w.Write(resp)
}

// forward sends the request to the real authority.
func (r *tsaRelay) forward(ctx context.Context, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.target, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/timestamp-query")
	resp, err := r.client.Do(req)
	var ue *url.Error
	if errors.As(err, &ue) && ue.Timeout() {
		return nil, fmt.Errorf("timestamp authority %s did not answer within %s", r.target, r.client.Timeout)
	}
	if err != nil {
		return nil, fmt.Errorf("timestamp authority %s: %w", r.target, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("timestamp authority %s: %w", r.target, err)
	}
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("timestamp authority %s answered %s", r.target, resp.Status)
	}
	return data, nil
}
