package ltv

import (
	"bytes"
	"context"
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"time"

	"golang.org/x/crypto/ocsp"
)

// ocsp asks the responder at url about cert and returns the DER
// response once it is checked: signed by issuer (or by a responder that
// issuer delegated with id-kp-OCSPSigning), fresh, and Good.
func (c *collector) ocsp(ctx context.Context, url string, cert, issuer *x509.Certificate) ([]byte, error) {
	req, err := ocsp.CreateRequest(cert, issuer, &ocsp.RequestOptions{Hash: crypto.SHA1})
	if err != nil {
		return nil, err
	}
	der, err := c.fetch(ctx, http.MethodPost, url, req, c.opts.MaxOCSP)
	if err != nil {
		return nil, err
	}
	resp, err := ocsp.ParseResponseForCert(der, cert, issuer)
	if err != nil {
		return nil, fmt.Errorf("response: %w", err)
	}
	if err := delegated(resp, issuer); err != nil {
		return nil, err
	}
	if err := c.fresh(resp.ThisUpdate, resp.NextUpdate); err != nil {
		return nil, err
	}
	switch resp.Status {
	case ocsp.Good:
		return der, nil
	case ocsp.Revoked:
		return nil, fmt.Errorf("%w at %s", ErrRevoked, resp.RevokedAt.UTC().Format(time.RFC3339))
	}
	return nil, errors.New("status unknown")
}

// delegated checks a responder certificate embedded in resp: unless it
// is the issuer itself it must carry id-kp-OCSPSigning (RFC 6960
// §4.2.2.2); ocsp.ParseResponseForCert has checked that issuer signed it.
func delegated(resp *ocsp.Response, issuer *x509.Certificate) error {
	if resp.Certificate == nil || resp.Certificate.Equal(issuer) {
		return nil
	}
	if !slices.Contains(resp.Certificate.ExtKeyUsage, x509.ExtKeyUsageOCSPSigning) {
		return fmt.Errorf("responder %q is not delegated to sign OCSP", resp.Certificate.Subject)
	}
	return nil
}

// crl returns the CRL at url once it is checked: signed by issuer, fresh,
// and not listing cert. Each URL is fetched once per Collect.
func (c *collector) crl(ctx context.Context, url string, cert, issuer *x509.Certificate) ([]byte, error) {
	der, ok := c.crls[url]
	if !ok {
		var err error
		if der, err = c.fetch(ctx, http.MethodGet, url, nil, c.opts.MaxCRL); err != nil {
			return nil, err
		}
	}
	list, err := x509.ParseRevocationList(der)
	if err != nil {
		return nil, fmt.Errorf("CRL: %w", err)
	}
	if err := list.CheckSignatureFrom(issuer); err != nil {
		return nil, fmt.Errorf("CRL not signed by %q: %w", issuer.Subject, err)
	}
	if err := c.fresh(list.ThisUpdate, list.NextUpdate); err != nil {
		return nil, err
	}
	c.crls[url] = der
	for _, e := range list.RevokedCertificateEntries {
		if e.SerialNumber.Cmp(cert.SerialNumber) == 0 {
			return nil, fmt.Errorf("%w at %s", ErrRevoked, e.RevocationTime.UTC().Format(time.RFC3339))
		}
	}
	return der, nil
}

// fetch sends one request (a POST of an OCSP request when body is set)
// and returns the 200 answer of at most limit bytes, within the timeout.
// Errors say why, not which URL: the caller names it.
func (c *collector) fetch(ctx context.Context, method, rawURL string, body []byte, limit int64) ([]byte, error) {
	if u, err := url.Parse(rawURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("want an http:// or https:// URL")
	}
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, rawURL, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/ocsp-request")
	}
	resp, err := c.opts.Client.Do(req)
	if err != nil {
		return nil, c.transportError(ctx, err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, c.transportError(ctx, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("response larger than %d bytes", limit)
	}
	return out, nil
}

// transportError says why a request failed: the timeout, or the
// network error without the URL that net/http wraps around it.
func (c *collector) transportError(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no answer within %s", c.opts.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
