package api

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"

	"kinerja/data"
	"kinerja/internal/outfile"
	"kinerja/render"
)

// Render decodes the agreement TOML read from r and writes its PDF to w.
// name is the file name used in messages and for the embedded source; a
// relative logo path is resolved against its directory. Nothing is
// written to w when an error is returned.
func Render(r io.Reader, name string, w io.Writer) error {
	a, err := data.Decode(r, name)
	if err != nil {
		return err
	}
	return render.Agreement(w, a)
}

// RenderFile renders the agreement in to the PDF out. out may be neither
// the agreement nor its logo.
func RenderFile(in, out string) error {
	var plan outfile.Plan
	if err := plan.Input(in); err != nil {
		return err
	}
	if err := plan.Output(out); err != nil {
		return fmt.Errorf("render %s: %w", in, err)
	}
	a, err := data.DecodeFile(in)
	if err != nil {
		return err
	}
	if err := plan.Input(logoPath(in, a.Kop.Logo)); err != nil {
		return fmt.Errorf("render %s: %w", in, err)
	}
	var buf bytes.Buffer
	if err := render.Agreement(&buf, a); err != nil {
		return err
	}
	return outfile.WriteFile(out, buf.Bytes(), 0o644)
}

// logoPath is where the logo of the agreement at in lives ("" for none).
func logoPath(in, logo string) string {
	if logo == "" || filepath.IsAbs(logo) {
		return logo
	}
	return filepath.Join(filepath.Dir(in), logo)
}
