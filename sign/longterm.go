package sign

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"
	"time"

	"kinerja/internal/pdfedit"
	"kinerja/internal/pdfupdate"
	"kinerja/sign/ltv"
	"kinerja/sign/pades"
)

// DefaultLTVTimeout bounds one OCSP or CRL request of --ltv.
const DefaultLTVTimeout = ltv.DefaultTimeout

// ErrLTVNeedsTSA refuses long-term validation data for a signature
// without a timestamp (see the package documentation).
var ErrLTVNeedsTSA = errors.New("--ltv needs --tsa: PAdES B-LT builds on B-T (ETSI EN 319 142-1 §6.3), and revocation data proves nothing without a trusted time of signing")

// LTV are the settings of a long-term validation update (a /DSS).
type LTV struct {
	Timeout time.Duration    // per OCSP or CRL request; 0: DefaultLTVTimeout
	Client  *http.Client     // nil: http.DefaultClient
	Now     func() time.Time // clock of the freshness checks; nil: time.Now
}

// addDSS appends to the signed document in one update with a /DSS that
// holds every certificate of every signature's chain (signers and
// timestamp authorities) and fresh OCSP responses or CRLs for them, added
// to the /DSS the document already has. Nothing is returned on error.
func addDSS(ctx context.Context, in []byte, o LTV) ([]byte, error) {
	chains, err := signatureChains(in)
	if err != nil {
		return nil, fmt.Errorf("ltv: %w", err)
	}
	m, err := ltv.Collect(ctx, chains, ltv.Options{Timeout: o.Timeout, Client: o.Client, Now: o.Now})
	if err != nil {
		return nil, fmt.Errorf("ltv: %w", err)
	}
	doc, err := pades.Read(in)
	if err != nil {
		return nil, fmt.Errorf("ltv: %w", err)
	}
	prev, err := previousDSS(doc)
	if err != nil {
		return nil, fmt.Errorf("ltv: %w", err)
	}
	w := pdfupdate.New(in, doc.Trailer)
	ref, err := ltv.AddDSS(w, m, ltv.DSSOptions{Prev: prev})
	if err != nil {
		return nil, fmt.Errorf("ltv: %w", err)
	}
	cat, err := ltv.CatalogWithDSS(doc.Catalog.Body, ref)
	if err != nil {
		return nil, fmt.Errorf("ltv: %w", err)
	}
	w.Set(doc.Trailer.Root, cat)
	res, err := w.Finish(updateID(in, "DSS"))
	if err != nil {
		return nil, fmt.Errorf("ltv: %w", err)
	}
	return res.Bytes, nil
}

// updateID is the second element of a new trailer /ID: a hash of the base
// and of what the update is.
func updateID(base []byte, what string) []byte {
	h := sha256.New()
	h.Write(base)
	h.Write([]byte(what))
	return h.Sum(nil)[:16]
}

// previousDSS reads the catalog's /DSS, if any, so that a new one keeps
// its streams.
func previousDSS(doc *pades.Document) (ltv.Prev, error) {
	var prev ltv.Prev
	dss, err := indirectDict(doc, doc.Catalog.Body, "DSS")
	if dss == nil || err != nil {
		return prev, err
	}
	for _, x := range []struct {
		key string
		to  *[]pdfupdate.Ref
	}{{"Certs", &prev.Certs}, {"OCSPs", &prev.OCSPs}, {"CRLs", &prev.CRLs}} {
		if *x.to, err = refList(dss, x.key); err != nil {
			return prev, fmt.Errorf("/DSS: %w", err)
		}
	}
	vri, err := indirectDict(doc, pdfedit.Encode(dss), "VRI")
	if vri != nil {
		prev.VRI = pdfedit.Encode(vri)
	}
	return prev, err
}

// indirectDict returns the dictionary under key in the dictionary body,
// read through doc when it is a reference; nil when there is none.
func indirectDict(doc *pades.Document, body []byte, key string) (*pdfedit.Dict, error) {
	d, err := pdfedit.ParseDict(body)
	if err != nil {
		return nil, err
	}
	v, ok := d.Get(key)
	if !ok {
		return nil, nil
	}
	if r, isRef := v.(pdfedit.Ref); isRef {
		b, err := doc.Object(pdfupdate.Ref(r.Num))
		if err != nil {
			return nil, fmt.Errorf("/%s: %w", key, err)
		}
		v, err = pdfedit.Parse(b)
		if err != nil {
			return nil, fmt.Errorf("/%s: %w", key, err)
		}
	}
	out, isDict := v.(*pdfedit.Dict)
	if !isDict {
		return nil, fmt.Errorf("/%s is not a dictionary", key)
	}
	return out, nil
}

// refList reads the array of references d[key] (none: nil).
func refList(d *pdfedit.Dict, key string) ([]pdfupdate.Ref, error) {
	v, ok := d.Get(key)
	if !ok {
		return nil, nil
	}
	a, isArray := v.(pdfedit.Array)
	if !isArray {
		return nil, fmt.Errorf("/%s is not an array", key)
	}
	out := make([]pdfupdate.Ref, 0, len(a))
	for _, e := range a {
		r, isRef := e.(pdfedit.Ref)
		if !isRef {
			return nil, fmt.Errorf("/%s holds %s, not a reference", key, pdfedit.Encode(e))
		}
		out = append(out, pdfupdate.Ref(r.Num))
	}
	return out, nil
}
