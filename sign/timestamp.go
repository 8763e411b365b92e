package sign

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kinerja/internal/pdfedit"
	"kinerja/internal/pdfupdate"
	"kinerja/sign/cades"
	"kinerja/sign/ltv"
	"kinerja/sign/pades"
	"kinerja/sign/verify"
)

// TimestampOptions are the settings of Timestamp.
type TimestampOptions struct {
	TSA        string // RFC 3161 timestamp authority URL (required)
	TSATimeout time.Duration
	LTV        LTV            // the /DSS update before the timestamp
	Roots      *x509.CertPool // roots the document must verify against; nil: the system's
	Now        time.Time      // verification time; zero: now
}

// ErrNotValid refuses to time-stamp a document that is unsigned or that
// the verifier does not find valid.
var ErrNotValid = errors.New("the document is not validly signed")

// Timestamp renews a signed kinerja document for the archive (PAdES
// B-LTA). It refuses a document without a signature and one whose
// signatures are not all intact, trusted by o.Roots and followed only by
// what the verifier's policy allows (ErrNotValid). Then it appends a
// /DSS update with fresh revocation data for every chain in the file
// (signers, signature timestamps, earlier document timestamps; always
// fetched anew, so a renewal never relies on old answers) and a document
// timestamp over everything, and checks the result with the same
// verifier. Nothing is returned on error.
func Timestamp(ctx context.Context, in []byte, o TimestampOptions) ([]byte, error) {
	if o.TSA == "" {
		return nil, errors.New("timestamp: no timestamp authority given")
	}
	if err := checkValid(in, o, "timestamp"); err != nil {
		return nil, err
	}
	withDSS, err := addDSS(ctx, in, o.LTV)
	if err != nil {
		return nil, fmt.Errorf("timestamp: %w", err)
	}
	out, err := docTimeStamp(ctx, withDSS, o)
	if err != nil {
		return nil, fmt.Errorf("timestamp: %w", err)
	}
	if err := checkSigned(in, out, false); err != nil {
		return nil, fmt.Errorf("timestamp: %w", err)
	}
	if err := checkValid(out, o, "timestamped result"); err != nil {
		return nil, err
	}
	return out, nil
}

// checkValid refuses data unless it has signatures and all are valid.
func checkValid(data []byte, o TimestampOptions, what string) error {
	rep, err := verify.VerifyBytes(data, verify.Options{Roots: o.Roots, Now: o.Now})
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if !rep.OK() {
		return fmt.Errorf("%s: %w: %s", what, ErrNotValid, strings.Join(rep.Reasons(), "; "))
	}
	return nil
}

// docTimeStamp appends a document timestamp in a new invisible field on
// no page (no page dictionary changes).
func docTimeStamp(ctx context.Context, in []byte, o TimestampOptions) ([]byte, error) {
	doc, err := pades.Read(in)
	if err != nil {
		return nil, err
	}
	ts := ltv.DocTimeStamp{Trailer: doc.Trailer, Catalog: doc.Catalog.Body,
		TSA: &cades.TSA{URL: o.TSA, Timeout: o.TSATimeout}, NewID: updateID(in, "DocTimeStamp")}
	names, err := formFields(doc, &ts)
	if err != nil {
		return nil, err
	}
	ts.Field = freeName(names, "DocTimeStamp")
	return ltv.AddDocTimeStamp(ctx, in, ts)
}

// formFields sets ts.AcroForm when the catalog's form is indirect and
// returns the names of the form's top-level fields.
func formFields(doc *pades.Document, ts *ltv.DocTimeStamp) (map[string]bool, error) {
	cat, err := pdfedit.ParseDict(doc.Catalog.Body)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	if r, ok := cat.Get("AcroForm"); ok {
		if ref, isRef := r.(pdfedit.Ref); isRef {
			body, err := doc.Object(pdfupdate.Ref(ref.Num))
			if err != nil {
				return nil, fmt.Errorf("AcroForm: %w", err)
			}
			ts.AcroForm = &ltv.Object{Ref: pdfupdate.Ref(ref.Num), Body: body}
		}
	}
	form, err := indirectDict(doc, doc.Catalog.Body, "AcroForm")
	if form == nil || err != nil {
		return map[string]bool{}, err
	}
	fields, err := refList(form, "Fields")
	if err != nil {
		return nil, fmt.Errorf("AcroForm: %w", err)
	}
	names := map[string]bool{}
	for _, f := range fields {
		body, err := doc.Object(f)
		if err != nil {
			return nil, fmt.Errorf("AcroForm: %w", err)
		}
		if d, err := pdfedit.ParseDict(body); err == nil {
			if t, ok := d.Get("T"); ok {
				names[strings.Trim(string(pdfedit.Encode(t)), "()")] = true
			}
		}
	}
	return names, nil
}

// freeName returns base, or base followed by the first number from 2 that
// makes it a name not in taken.
func freeName(taken map[string]bool, base string) string {
	name := base
	for i := 2; taken[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	return name
}
