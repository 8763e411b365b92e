package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/layout"
)

const (
	samplePath = "../data/pk-2021-bppbj.toml"
	stressPath = "testdata/stress.toml"
	seedPath   = "../data/testdata/seed/perjanjian-kinerja-2021-bppbj.txt" // copy of ../shared/seed
)

// decode reads an agreement and fails the test on error.
func decode(t testing.TB, path string) *data.Agreement {
	t.Helper()
	a, err := data.DecodeFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// renderAgreement renders path to a temporary file and returns its bytes
// and path.
func renderAgreement(t *testing.T, path string) ([]byte, string) {
	t.Helper()
	var b bytes.Buffer
	if err := Agreement(&b, decode(t, path)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), writeTemp(t, strings.TrimSuffix(filepath.Base(path), ".toml")+".pdf", b.Bytes())
}

// seedCells returns the words of every cell of the seed document: each
// tab-separated field of a line, with the markup (**, <p>, \geq) resolved.
func seedCells(t *testing.T) [][]string {
	t.Helper()
	raw, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatalf("seed document: %v", err)
	}
	r := strings.NewReplacer("**", "", "<p>", " ", "</p>", " ", `\geq`, "≥")
	var cells [][]string
	for _, line := range strings.Split(r.Replace(string(raw)), "\n") {
		for _, field := range strings.Split(line, "\t") {
			if words := strings.Fields(field); len(words) > 0 {
				cells = append(cells, words)
			}
		}
	}
	return cells
}

// missingInOrder returns the first word of cell that cannot be found, in
// order, in words; "" when the whole cell is there.
func missingInOrder(cell, words []string) string {
	i := 0
	for _, w := range cell {
		for i < len(words) && words[i] != w {
			i++
		}
		if i == len(words) {
			return w
		}
		i++
	}
	return ""
}

// pdfWords returns the words pdftotext extracts from path in content order.
func pdfWords(t *testing.T, path string) []string {
	return strings.Fields(runTool(t, "pdftotext", "-raw", path, "-"))
}

func TestAgreementSample(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	pdf, path := renderAgreement(t, samplePath)
	checkPDFTools(t, path)
	words := pdfWords(t, path)
	cells := seedCells(t)
	if len(cells) < 150 {
		t.Fatalf("only %d cells read from the seed", len(cells))
	}
	for _, c := range cells {
		if w := missingInOrder(c, words); w != "" {
			t.Errorf("seed cell %q: word %q not found in order in the PDF text", strings.Join(c, " "), w)
		}
	}
	checkAgreementPages(t, path, pdf)
}

// checkAgreementPages checks the page orientations and the signature
// rectangles recorded in the XMP info against page 1.
func checkAgreementPages(t *testing.T, path string, pdf []byte) {
	t.Helper()
	sizes := pageSizes(t, path)
	if len(sizes) < 2 {
		t.Fatalf("%d pages, want a statement page and an attachment", len(sizes))
	}
	checkPages(t, path, len(sizes))
	pw, ph := sizes[0][0], sizes[0][1]
	got := checkInfo(t, pdf, pw, ph)
	if got.Signers[0].Name == "" || got.Signers[1].Jabatan == "" || got.Year == 0 || got.Unit == "" {
		t.Errorf("info incomplete: %+v", got)
	}
}

func TestAgreementStress(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	a := decode(t, stressPath)
	if n := len(a.Indicators()); n != 60 {
		t.Fatalf("stress file has %d indicators, want 60", n)
	}
	pdf, path := renderAgreement(t, stressPath)
	checkPDFTools(t, path)
	checkAgreementPages(t, path, pdf)
	words := pdfWords(t, path)
	for _, ref := range a.Indicators() {
		for _, s := range []string{ref.Sasaran.Uraian, ref.Indicator.Indikator, ref.Indicator.Pengukuran} {
			if w := missingInOrder(strings.Fields(s), words); w != "" {
				t.Errorf("indicator %s: word %q of %.40q… not found in order", ref.Indicator.Kode, w, s)
			}
		}
	}
	checkStressBreaks(t, a)
}

// checkStressBreaks asserts the stress file does stress what it claims: a
// Pengukuran cell spread over more than two pages and a sasaran with 5
// indicators split by a page break.
func checkStressBreaks(t *testing.T, a *data.Agreement) {
	doc, err := layout.Agreement(a, Measurer{})
	if err != nil {
		t.Fatal(err)
	}
	pagesOf := func(marker string) map[int]bool {
		m := map[int]bool{}
		for pi, p := range doc.Pages {
			for _, b := range p.Boxes {
				if b.Kind == layout.Text && strings.Contains(b.Text, marker) {
					m[pi] = true
				}
			}
		}
		return m
	}
	if n := len(pagesOf("S01-1")); n < 3 {
		t.Errorf("the long Pengukuran cell spans %d pages, want at least 3", n)
	}
	split := false
	for _, ref := range a.Indicators() {
		s := ref.Sasaran
		if len(s.Indikator) == 5 && ref.Indicator.No == 1 {
			first, last := pagesOf(s.Indikator[0].Indikator[:15]), pagesOf(s.Indikator[4].Indikator[:15])
			split = split || !sameKeys(first, last)
		}
	}
	if !split {
		t.Error("no sasaran with 5 indicators crosses a page break")
	}
}

// sameKeys reports whether two page sets are equal.
func sameKeys(a, b map[int]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func TestAgreementDeterministic(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	a := decode(t, samplePath)
	var x, y bytes.Buffer
	if err := Agreement(&x, a); err != nil {
		t.Fatal(err)
	}
	if err := Agreement(&y, decode(t, samplePath)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x.Bytes(), y.Bytes()) {
		t.Fatal("two renders of the sample differ")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1609459200") // 2021-01-01 00:00:00 UTC
	var z bytes.Buffer
	if err := Agreement(&z, a); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(z.Bytes(), []byte("/CreationDate (D:20210101000000Z)")) {
		t.Error("CreationDate does not follow SOURCE_DATE_EPOCH")
	}
}
