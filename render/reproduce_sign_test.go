package render_test

import (
	"bytes"
	"os"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/internal/pdfread"
	"kinerja/layout"
	"kinerja/proof"
	"kinerja/render"
	"kinerja/sign"
)

// signBoth signs pdf for PIHAK PERTAMA then PIHAK KEDUA with development
// keys made for the test.
func signBoth(t *testing.T, pdf []byte) []byte {
	t.Helper()
	now := time.Now()
	ca, err := sign.NewDevCA(now, "p256")
	if err != nil {
		t.Fatal(err)
	}
	info, err := pdfread.Info(pdf)
	if err != nil {
		t.Fatal(err)
	}
	creds, err := ca.IssueSigners(now, info, "p256")
	if err != nil {
		t.Fatal(err)
	}
	var steps []sign.Options
	for _, party := range sign.Parties {
		steps = append(steps, sign.Options{Party: party, Credential: creds[party], Now: func() time.Time { return now }})
	}
	signed, err := sign.SignAll(pdf, steps...)
	if err != nil {
		t.Fatal(err)
	}
	return signed
}

// renderSample renders the sample agreement, with meta edited by edit.
func renderSample(t *testing.T, edit func(*render.Meta)) []byte {
	t.Helper()
	a, err := data.DecodeFile("../data/pk-2021-bppbj.toml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := layout.Agreement(a, render.Measurer{})
	if err != nil {
		t.Fatal(err)
	}
	meta := render.AgreementMeta(a)
	edit(&meta)
	var b bytes.Buffer
	if err := render.Write(&b, doc, meta); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestReproduceSignedTwice signs the sample for both parties and expects
// the bytes before the first signature to be exactly the unsigned render,
// reproduced from the embedded TOML, which extracts equal to the original.
func TestReproduceSignedTwice(t *testing.T) {
	unsigned := renderSample(t, func(*render.Meta) {})
	signed := signBoth(t, unsigned)
	if !bytes.HasPrefix(signed, unsigned) || len(signed) <= len(unsigned) {
		t.Fatal("the signed file does not start with the unsigned one")
	}
	if got, err := pdfread.Rendered(signed); err != nil || !bytes.Equal(got, unsigned) {
		t.Fatalf("Rendered of the signed file has %d bytes (%v), want the %d unsigned ones", len(got), err, len(unsigned))
	}
	r, err := proof.Reproduce(signed)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Match || r.Size != int64(len(unsigned)) || r.Kind != docinfo.Agreement || len(r.Sources) != 1 || r.Sources[0] != "pk-2021-bppbj.toml" {
		t.Fatalf("Reproduce(signed) = %+v", r)
	}
	files, err := proof.Extract(bytes.NewReader(signed), int64(len(signed)))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../data/pk-2021-bppbj.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || !bytes.Equal(files[0].Data, src) {
		t.Fatalf("extracted %d files; first equal to the TOML: %v", len(files), len(files) > 0 && bytes.Equal(files[0].Data, src))
	}
}

// TestReproduceSignedSwapped signs a document whose embedded TOML is not
// the one it was rendered from: the signatures are fine, the source is not.
func TestReproduceSignedSwapped(t *testing.T) {
	unsigned := renderSample(t, func(m *render.Meta) {
		m.Files[0].Data = bytes.Replace(m.Files[0].Data, []byte("BLESSMIYANDA"), []byte("BLESSMIYANDO"), 1)
	})
	signed := signBoth(t, unsigned)
	r, err := proof.Reproduce(signed)
	if err != nil {
		t.Fatal(err)
	}
	if r.Match || r.FirstDiff < 0 || r.FirstDiff >= int64(len(unsigned)) || r.Size != int64(len(unsigned)) {
		t.Fatalf("Reproduce(swapped, signed) = %+v", r)
	}
}
