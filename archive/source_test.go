package archive

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"kinerja/archive/archivetest"
	"kinerja/data"
	"kinerja/layout"
	"kinerja/proof"
	"kinerja/render"
)

// renderSample renders the seed agreement; with swap, the embedded TOML is
// an edited one that does not render to the document's bytes.
func renderSample(t *testing.T, swap bool) []byte {
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
	if swap {
		f := &meta.Files[0]
		f.Data = bytes.Replace(f.Data, []byte(`nama = "BLESSMIYANDA"`), []byte(`nama = "BLESSMIYANDI"`), 1)
	}
	var b bytes.Buffer
	if err := render.Write(&b, doc, meta); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// signBoth signs pdf for PIHAK PERTAMA and PIHAK KEDUA of the sample
// (their names as the signature /Name, one test certificate).
func signBoth(t *testing.T, pdf []byte) []byte {
	t.Helper()
	p := getFixtures(t).pki
	out, err := archivetest.Sign(pdf, p, "BLESSMIYANDA")
	if err == nil {
		out, err = archivetest.Sign(out, p, "ANIES RASYID BASWEDAN, Ph.D")
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAddRefusesWhatVerifyRejects: an unsigned render with one byte of
// its /Title changed (same length), then signed by both parties, is
// INVALID for `kinerja verify` (its sources do not render to it); archive
// add stored it all the same and archive verify failed it straight
// afterwards. Add refuses it now, with the reason verify gives.
func TestAddRefusesWhatVerifyRejects(t *testing.T) {
	doc := renderSample(t, false)
	i := bytes.Index(doc, []byte("/Title "))
	if i < 0 {
		t.Fatal("no /Title in the render")
	}
	edited := bytes.Clone(doc)
	j := i + len("/Title ") + 6
	for ; !isBumpable(edited[j]); j++ {
	}
	edited[j]++
	signed := signBoth(t, edited)
	v := verdictOf(t, signed)
	if v.Status != proof.Invalid || !v.Source.Failed() || len(v.Reasons) != 1 {
		t.Fatalf("verdict %s, source %+v, reasons %q; want invalid by the source alone", v.Status, v.Source, v.Reasons)
	}
	a := openArchive(t, t.TempDir(), false)
	_, _, err := a.Add(writeFile(t, t.TempDir(), "pk.pdf", signed))
	var inv *InvalidError
	if !errors.As(err, &inv) || len(inv.Problems) != 1 || inv.Problems[0] != v.Reasons[0] {
		t.Fatalf("Add = %v; want the verdict's reason %q", err, v.Reasons[0])
	}
	if _, added, err := a.Add(writeFile(t, t.TempDir(), "pk.pdf", signBoth(t, doc))); err != nil || !added {
		t.Fatalf("the faithful render signed by both: %v, added %v", err, added)
	}
}

// isBumpable reports whether c+1 is a character of the same kind inside a
// literal or hex string (letters A-Y, digits 0-8).
func isBumpable(c byte) bool { return c >= 'A' && c <= 'E' || c >= '0' && c <= '8' }

// TestAddIncomplete: an agreement signed by PIHAK PERTAMA alone is
// refused unless AllowIncomplete is set; archive verify then accepts it.
func TestAddIncomplete(t *testing.T) {
	p := getFixtures(t).pki
	once, err := archivetest.Sign(renderSample(t, false), p, "BLESSMIYANDA")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a := openArchive(t, dir, false)
	in := writeFile(t, t.TempDir(), "pk.pdf", once)
	if _, _, err := a.Add(in); !errors.Is(err, ErrIncomplete) || !strings.Contains(err.Error(), "PIHAK KEDUA has not signed") {
		t.Fatalf("Add of a half-signed agreement = %v, want ErrIncomplete", err)
	}
	a.opts.AllowIncomplete = true
	if _, added, err := a.Add(in); err != nil || !added {
		t.Fatalf("Add with AllowIncomplete: %v, added %v", err, added)
	}
	if rep, err := a.Verify(); err != nil || !rep.OK() || rep.Verified != 1 {
		t.Fatalf("archive verify: %+v, %v", rep, err)
	}
}

// TestVerifyReRendersSources checks that archive verify renders every
// document again from its embedded sources: a signed copy whose embedded
// TOML does not render to its bytes is reported, a faithful one is not.
// Add refuses the first, so it is stored as an older kinerja would have.
func TestVerifyReRendersSources(t *testing.T) {
	dir := t.TempDir()
	a := openArchive(t, dir, false)
	var es []Entry
	for _, swap := range []bool{false, true} {
		signed := signBoth(t, renderSample(t, swap))
		name := map[bool]string{false: "pk.pdf", true: "pk-swapped.pdf"}[swap]
		e := newEntry(name, sum(signed), int64(len(signed)), testNow, verdictOf(t, signed))
		e, _, err := a.store(e, bytes.NewReader(signed))
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, e)
	}
	rep, err := a.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 1 || rep.Problems[0].Kind != Source || rep.Problems[0].Path != es[1].Path {
		t.Fatalf("problems = %v; want one %q problem for %s", rep.Problems, Source, es[1].Path)
	}
	if rep.Verified != 1 {
		t.Errorf("verified %d files, want 1", rep.Verified)
	}
}
