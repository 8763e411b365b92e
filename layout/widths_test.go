package layout

import (
	"kinerja/internal/testsample"
	"strconv"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/layout/engine"
	"kinerja/report"
)

// cellRect returns the table cell frame that holds text box b.
func cellRect(bs []Box, b Box) (Box, bool) {
	top, bottom := extent(b)
	for _, r := range bs {
		if r.Kind == Rect && b.X >= r.X+engine.CellPad-1e-3 && b.X+b.W <= r.X+r.W-engine.CellPad+1e-3 && top >= r.Y && bottom <= r.Y+r.H {
			return r, true
		}
	}
	return Box{}, false
}

// placedWord is one word of a text box with the inner width of its cell.
type placedWord struct {
	s     string
	inner float64
	box   Box
}

// placedWords returns, per cell id in src, the words of its text boxes in
// document order.
func placedWords(t *testing.T, d *Document, src map[string]string) map[string][]placedWord {
	t.Helper()
	out := map[string][]placedWord{}
	for pi, p := range d.Pages {
		for _, b := range p.Boxes {
			if _, ok := src[b.Cell]; b.Kind != Text || !ok {
				continue
			}
			r, ok := cellRect(p.Boxes, b)
			if !ok {
				t.Errorf("p%d: %s %q outside a cell", pi+1, b.Cell, b.Text)
				continue
			}
			for _, w := range strings.Fields(b.Text) {
				out[b.Cell] = append(out[b.Cell], placedWord{w, r.W - 2*engine.CellPad, b})
			}
		}
	}
	return out
}

// checkWholeWords asserts that no cell of src shows a word broken between
// characters when the column is at least as wide as that word, and with
// strict (the table affords every column its longest word) none at all:
// it walks each cell's source words against the placed words, where a
// broken word shows as fragments that join up to it. It returns the
// number of words checked.
func checkWholeWords(t *testing.T, d *Document, src map[string]string, m Measurer, strict bool) int {
	t.Helper()
	placed, checked := placedWords(t, d, src), 0
	for _, id := range sortedKeys(src) {
		got := placed[id]
		for _, whole := range strings.Fields(src[id]) {
			checked++
			if len(got) == 0 {
				t.Errorf("%s: %q missing", id, whole)
				break
			}
			first, joined := got[0], ""
			for len(got) > 0 && len(joined) < len(whole) {
				joined, got = joined+got[0].s, got[1:]
			}
			w := m.Width(first.box.Font, first.box.Size, whole)
			switch {
			case joined != whole:
				t.Errorf("%s: placed %q, want %q", id, joined, whole)
			case first.s != whole && (strict || w <= first.inner+1e-6):
				t.Errorf("%s: %q broken at %q (%.1f pt, column %.1f pt, strict %v)", id, whole, first.s, w, first.inner, strict)
			}
		}
	}
	return checked
}

// TestAgreementWholeWords checks that the agreement tables break no word
// that fits its column.
func TestAgreementWholeWords(t *testing.T) {
	for _, a := range []*data.Agreement{seedAgreement(), richAgreement(t), contohAgreement(t)} {
		src := map[string]string{}
		for id, s := range expectedTexts(a) {
			if tableCell.MatchString(id) {
				src[id] = s
			}
		}
		c := landscapeDoc(t, a)
		tw := c.TextWidth()
		if !affordable(c.indicatorSpecs(c.columns(a.Kelompok), tw), tw) {
			t.Fatalf("%s: the longest words do not fit the table: the test needs a model where they do", a.Pertama.UnitKerja)
		}
		if n := checkWholeWords(t, layoutOK(t, a), src, &fakeMeasurer{}, true); n < 500 {
			t.Errorf("only %d words checked", n)
		}
	}
}

// landscapeDoc returns the agreement template on an empty landscape page.
func landscapeDoc(t *testing.T, a *data.Agreement) *agreementDoc {
	t.Helper()
	f, err := newFlow(a, &fakeMeasurer{})
	if err != nil {
		t.Fatal(err)
	}
	f.NewPage(true)
	return &agreementDoc{f, a}
}

// affordable reports whether every column's longest word fits within its
// bound and all of them fit the width tw together.
func affordable(cs []engine.ColSpec, tw float64) bool {
	sum := 0.0
	for _, s := range cs {
		sum += s.Lo
		if hi := s.Hi; s.Lo > hi && hi > 0 || s.Lo > tw/3 {
			return false
		}
	}
	return sum <= tw
}

// contohAgreement decodes the A4 sample agreement (sans).
func contohAgreement(t testing.TB) *data.Agreement {
	t.Helper()
	a, err := data.DecodeFile("../data/contoh/pk-2024-dlh-contoh.toml")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// contohReport computes quarter tw of the A4 sample.
func contohReport(t testing.TB, tw int) *report.Report {
	t.Helper()
	a := contohAgreement(t)
	r, err := report.DecodeFile("../data/contoh/realisasi-2024-dlh-contoh.toml", a)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := report.Compute(a, r, tw)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// reportSources returns the source text of every report table cell: the
// indicator rows, sasaran texts (named after a band's first row) and
// summary group names.
func reportSources(rep *report.Report) map[string]string {
	src := map[string]string{}
	for i := range rep.Rows {
		r := &rep.Rows[i]
		id := "r" + strconv.Itoa(i) + "."
		for j, s := range ReportRowTexts(r) {
			src[id+reportCellNames[j]] = s
		}
	}
	for i := 0; i < len(rep.Rows); i += sasaranLen(rep.Rows, i) {
		src["r"+strconv.Itoa(i)+".sasaran"] = rep.Rows[i].SasaranText
	}
	for i, g := range rep.Groups {
		src["ringkasan.k"+strconv.Itoa(i)+".nama"] = orDefault(g.Nama, "Indikator")
	}
	src["ringkasan.total.nama"] = orDefault(rep.Overall.Nama, "Indikator")
	return src
}

// TestReportWholeWords checks the report tables on A4 and F4: the sample
// and small reports afford every column its longest word and break none
// (the stress report at least none that fits its column), "SASARAN STRATEGIS" takes at most two lines
// in the summary, and the free-text columns are the widest.
func TestReportWholeWords(t *testing.T) {
	for i, rep := range []*report.Report{contohReport(t, 2), testsample.Report(t, 2), smallReport(t), stressReport(t, 30)} {
		d := reportOK(t, rep)
		c := landscapeDoc(t, rep.Agreement)
		strict := affordable((&reportDoc{c.Flow, c.a}).reportSpecs(rep, c.TextWidth()), c.TextWidth())
		if !strict && i < 3 {
			t.Errorf("%s: the longest words do not fit the table: the test needs reports where they do", rep.Agreement.Pertama.UnitKerja)
		}
		if n := checkWholeWords(t, d, reportSources(rep), &fakeMeasurer{}, strict); n < 50 {
			t.Errorf("only %d words checked", n)
		}
		for i, g := range rep.Groups {
			if n := len(cellBoxes(d, "ringkasan.k"+strconv.Itoa(i)+".nama")); g.Nama != "" && n > 2 {
				t.Errorf("summary group %q on %d lines, want at most 2", g.Nama, n)
			}
		}
		w := reportWidthsOf(t, rep)
		for col := range rcKendala {
			if w[col] > w[rcKendala]+1e-6 || w[col] > w[rcTindak]+1e-6 {
				t.Errorf("column %d (%.1f pt) wider than Kendala %.1f / Tindak Lanjut %.1f", col, w[col], w[rcKendala], w[rcTindak])
			}
		}
	}
}

// reportWidthsOf returns the indicator table's column widths for rep.
func reportWidthsOf(t *testing.T, rep *report.Report) []float64 {
	t.Helper()
	c := landscapeDoc(t, rep.Agreement)
	return (&reportDoc{c.Flow, c.a}).reportWidths(rep, c.TextWidth())
}

// cellBoxes returns the text boxes of cell id in document order.
func cellBoxes(d *Document, id string) []Box {
	var out []Box
	for _, p := range d.Pages {
		for _, b := range p.Boxes {
			if b.Kind == Text && b.Cell == id {
				out = append(out, b)
			}
		}
	}
	return out
}
