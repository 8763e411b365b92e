package api

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"kinerja/internal/infile"
	"kinerja/internal/outfile"
	"kinerja/internal/pdfread"
	"kinerja/proof"
	"kinerja/sign"
)

// Sign reads a PDF from r, applies the signatures in order (PIHAK
// PERTAMA first) and writes the result to w only when all of them
// succeeded and the signed document verifies.
func Sign(w io.Writer, r io.Reader, steps ...sign.Options) error {
	in, err := io.ReadAll(io.LimitReader(r, pdfread.MaxSize+1))
	if err != nil {
		return fmt.Errorf("sign: read: %w", err)
	}
	if len(in) > pdfread.MaxSize {
		return fmt.Errorf("sign: %w: more than %d bytes", infile.ErrTooLarge, int64(pdfread.MaxSize))
	}
	out, err := sign.SignAll(in, steps...)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// SignFile signs the PDF at in and writes out through internal/outfile:
// on failure out is untouched. out may be in itself (signing in place):
// the file is then replaced only by a fully checked signed copy, with the
// input's permissions.
func SignFile(in, out string, steps ...sign.Options) error {
	data, err := pdfread.ReadFile(in)
	if err != nil {
		return fmt.Errorf("sign: %w", err)
	}
	signed, err := sign.SignAll(data, steps...)
	if err != nil {
		return err
	}
	return writeLike(in, out, signed)
}

// writeLike writes data to out through internal/outfile with the
// permissions of the file in (0644 when in cannot be read).
func writeLike(in, out string, data []byte) error {
	perm := os.FileMode(0o644)
	if fi, err := os.Stat(in); err == nil {
		perm = fi.Mode().Perm()
	}
	return outfile.WriteFile(out, data, perm)
}

// TimestampFile renews the signed PDF at in for the archive (PAdES B-LTA,
// sign.Timestamp) and writes out through internal/outfile; out may be in.
// Besides sign.Timestamp's checks it refuses what kinerja verify calls
// INVALID (a document its embedded sources do not render to, for one);
// an INCOMPLETE agreement (a party has not signed yet) may be renewed.
func TimestampFile(ctx context.Context, in, out string, o sign.TimestampOptions) error {
	data, err := pdfread.ReadFile(in)
	if err != nil {
		return fmt.Errorf("timestamp: %w", err)
	}
	v, err := proof.Check(data, proof.Options{Roots: o.Roots, Now: o.Now})
	if err != nil {
		return fmt.Errorf("timestamp: %w", err)
	}
	if v.Status == proof.Invalid {
		return fmt.Errorf("timestamp %s: %w: %s", in, sign.ErrNotValid, strings.Join(v.Reasons, "; "))
	}
	stamped, err := sign.Timestamp(ctx, data, o)
	if err != nil {
		return err
	}
	return writeLike(in, out, stamped)
}
