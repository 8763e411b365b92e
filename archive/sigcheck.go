package archive

import (
	"crypto/x509"
	"io"
	"strings"
	"time"

	"kinerja/internal/pdfread"
	"kinerja/proof"
)

// check decides about a PDF with proof.Check (signatures, re-render proof,
// completeness) at time at.
func check(r io.ReaderAt, size int64, roots *x509.CertPool, at time.Time) (*proof.Verdict, error) {
	data, err := pdfread.Read(r, size)
	if err != nil {
		return nil, err
	}
	return proof.Check(data, proof.Options{Roots: roots, Now: at})
}

// addRefusal is why Add refuses a PDF with verdict v, nil when it may be
// stored. A draft (no signature) needs AllowUnsigned and a source that
// reproduces; a signed document must be valid, or incomplete with
// AllowIncomplete.
func (a *Archive) addRefusal(v *proof.Verdict) error {
	switch {
	case !v.Signed() && !a.opts.AllowUnsigned:
		return ErrUnsigned
	case !v.Signed() && v.Source.Failed():
		return &InvalidError{Problems: []string{v.Source.Reason()}}
	case !v.Signed():
		return nil
	case v.Status == proof.Invalid:
		return &InvalidError{Problems: v.Reasons}
	case v.Status == proof.Incomplete && !a.opts.AllowIncomplete:
		return &IncompleteError{Problems: v.Reasons}
	}
	return nil
}

// IncompleteError is returned by Add for a document that a party it needs
// has not signed; it matches ErrIncomplete with errors.Is.
type IncompleteError struct {
	Problems []string // which party has not signed
}

// Error lists the reasons.
func (e *IncompleteError) Error() string {
	return "incomplete: " + strings.Join(e.Problems, "; ") + " (use --allow-incomplete to archive it)"
}

// Unwrap returns ErrIncomplete.
func (e *IncompleteError) Unwrap() error { return ErrIncomplete }
