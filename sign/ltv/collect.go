package ltv

import (
	"bytes"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Defaults of Options.
const (
	DefaultTimeout  = 15 * time.Second
	DefaultMaxOCSP  = 64 << 10
	DefaultMaxCRL   = 16 << 20
	DefaultMaxSkew  = 5 * time.Minute
	DefaultMaxStale = 7 * 24 * time.Hour
)

// ErrRevoked means a certificate of a chain is revoked.
var ErrRevoked = errors.New("revoked")

// Options tune Collect. The zero value uses the defaults above.
type Options struct {
	Timeout time.Duration    // per request
	MaxOCSP int64            // bytes of one OCSP response
	MaxCRL  int64            // bytes of one CRL
	Client  *http.Client     // nil: http.DefaultClient
	Now     func() time.Time // nil: time.Now
	// MaxSkew is how far in the future a thisUpdate may lie (the
	// responder's clock may be ahead).
	MaxSkew time.Duration
	// MaxStale bounds the age of an answer that carries no nextUpdate.
	MaxStale time.Duration
}

// Material is what a /DSS holds for a set of chains: each certificate,
// OCSP response (a DER OCSPResponse) and CRL (a DER CertificateList)
// once, in the order first met.
type Material struct {
	Certs []*x509.Certificate
	OCSPs [][]byte
	CRLs  [][]byte
}

// Collect fetches fresh revocation data for every certificate of every
// chain (leaf first, then its issuers) except self-signed roots: an OCSP
// response from the certificate's AIA OCSP URL, or, when it has none or
// OCSP fails, the CRL from its distribution point. Each answer is checked
// against the issuer found in the chains: signature, freshness, and the
// certificate not revoked. A revoked certificate is an ErrRevoked error
// naming it and the time; a certificate for which no source answers is an
// error naming every URL tried and why it failed.
func Collect(ctx context.Context, chains [][]*x509.Certificate, opts Options) (*Material, error) {
	c := &collector{opts: opts.withDefaults(), crls: map[string][]byte{}}
	for _, chain := range chains {
		for _, cert := range chain {
			if err := c.add(ctx, cert, chains); err != nil {
				return nil, err
			}
		}
	}
	return &c.m, nil
}

// withDefaults fills in the zero fields.
func (o Options) withDefaults() Options {
	o.Timeout = orDefault(o.Timeout, DefaultTimeout)
	o.MaxOCSP = orDefault(o.MaxOCSP, DefaultMaxOCSP)
	o.MaxCRL = orDefault(o.MaxCRL, DefaultMaxCRL)
	o.MaxSkew = orDefault(o.MaxSkew, DefaultMaxSkew)
	o.MaxStale = orDefault(o.MaxStale, DefaultMaxStale)
	if o.Client == nil {
		o.Client = http.DefaultClient
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// orDefault returns v when positive, else def.
func orDefault[T ~int64](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}

// collector gathers the material of one Collect call.
type collector struct {
	opts Options
	m    Material
	crls map[string][]byte // URL -> DER, each CRL fetched once
}

// add records cert and, unless it is a self-signed root, its
// revocation data; a certificate met before is skipped.
func (c *collector) add(ctx context.Context, cert *x509.Certificate, chains [][]*x509.Certificate) error {
	for _, have := range c.m.Certs {
		if have.Equal(cert) {
			return nil
		}
	}
	c.m.Certs = append(c.m.Certs, cert)
	if selfSigned(cert) {
		return nil
	}
	issuer := findIssuer(cert, chains)
	if issuer == nil {
		return fmt.Errorf("certificate %q: its issuer %q is not in the chain", cert.Subject, cert.Issuer)
	}
	return c.revocation(ctx, cert, issuer)
}

// source is one place revocation data may come from.
type source struct {
	kind string // "OCSP" or "CRL"
	url  string
	get  func(ctx context.Context, url string, cert, issuer *x509.Certificate) ([]byte, error)
	into *[][]byte
}

// sources lists cert's OCSP responders, then its CRL distribution points.
func (c *collector) sources(cert *x509.Certificate) []source {
	var out []source
	for _, u := range cert.OCSPServer {
		out = append(out, source{"OCSP", u, c.ocsp, &c.m.OCSPs})
	}
	for _, u := range cert.CRLDistributionPoints {
		out = append(out, source{"CRL", u, c.crl, &c.m.CRLs})
	}
	return out
}

// revocation tries the sources in order, stopping at the first good
// answer; a revoked answer stops at once.
func (c *collector) revocation(ctx context.Context, cert, issuer *x509.Certificate) error {
	var tried []string
	for _, s := range c.sources(cert) {
		der, err := s.get(ctx, s.url, cert, issuer)
		if err == nil {
			*s.into = appendNew(*s.into, der)
			return nil
		}
		if errors.Is(err, ErrRevoked) {
			return fmt.Errorf("certificate %q %w (%s %s)", cert.Subject, err, s.kind, s.url)
		}
		tried = append(tried, s.kind+" "+s.url+": "+err.Error())
	}
	if len(tried) == 0 {
		return fmt.Errorf("certificate %q: no revocation data: it names no OCSP responder and no CRL", cert.Subject)
	}
	return fmt.Errorf("certificate %q: no revocation data: %s", cert.Subject, strings.Join(tried, "; "))
}

// selfSigned reports whether cert is a self-signed root.
func selfSigned(cert *x509.Certificate) bool {
	return bytes.Equal(cert.RawIssuer, cert.RawSubject) && cert.CheckSignatureFrom(cert) == nil
}

// findIssuer returns the certificate of chains that signed cert, or nil.
func findIssuer(cert *x509.Certificate, chains [][]*x509.Certificate) *x509.Certificate {
	for _, chain := range chains {
		for _, cand := range chain {
			if bytes.Equal(cand.RawSubject, cert.RawIssuer) && cert.CheckSignatureFrom(cand) == nil {
				return cand
			}
		}
	}
	return nil
}

// appendNew appends der unless list holds it already.
func appendNew(list [][]byte, der []byte) [][]byte {
	for _, have := range list {
		if bytes.Equal(have, der) {
			return list
		}
	}
	return append(list, der)
}

// fresh checks that an answer issued at this, valid until next (zero:
// unknown), can be relied on now.
func (c *collector) fresh(this, next time.Time) error {
	now := c.opts.Now()
	switch {
	case this.After(now.Add(c.opts.MaxSkew)):
		return fmt.Errorf("issued in the future (%s)", this.UTC().Format(time.RFC3339))
	case !next.IsZero() && next.Before(now):
		return fmt.Errorf("expired at %s", next.UTC().Format(time.RFC3339))
	case next.IsZero() && this.Before(now.Add(-c.opts.MaxStale)):
		return fmt.Errorf("issued %s with no nextUpdate, older than %s", this.UTC().Format(time.RFC3339), c.opts.MaxStale)
	}
	return nil
}
