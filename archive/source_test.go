package archive

import (
	"bytes"
	"testing"

	"kinerja/archive/archivetest"
	"kinerja/data"
	"kinerja/layout"
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

// TestVerifyReRendersSources checks that archive verify renders every
// document again from its embedded sources: a signed copy whose embedded
// TOML does not render to its bytes is reported, a faithful one is not.
func TestVerifyReRendersSources(t *testing.T) {
	p := getFixtures(t).pki
	dir := t.TempDir()
	a := openArchive(t, dir, false)
	var es []Entry
	for _, swap := range []bool{false, true} {
		signed, err := archivetest.Sign(renderSample(t, swap), p, "BLESSMIYANDA")
		if err != nil {
			t.Fatal(err)
		}
		name := map[bool]string{false: "pk.pdf", true: "pk-swapped.pdf"}[swap]
		e, _, err := a.Add(writeFile(t, t.TempDir(), name, signed))
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
