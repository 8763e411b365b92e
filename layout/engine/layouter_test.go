package engine

import (
	"errors"
	"strings"
	"testing"
)

// testGrid builds a small grid on ts: a two-row header, a group row kept
// with the next band, a band whose two span cells run beside three rows
// of different heights, and plain rows. It returns the grid and the text
// of every cell by id.
func testGrid(ts *Typesetter, x float64) (*Grid, map[string]string) {
	st := Style{Size: 9, Lead: 10.8}
	g := NewGrid(ts, x, []float64{30, 120, 30, 160, 60}, st)
	g.SetHeader([]HeaderCell{{Row: 0, Rows: 2, Col: 0, Span: 1, Text: "NO"}, {Row: 0, Rows: 2, Col: 1, Span: 1, Text: "Sasaran"},
		{Row: 0, Rows: 1, Col: 2, Span: 3, Text: "Indikator"}, {Row: 1, Rows: 1, Col: 2, Span: 1, Text: "NO"},
		{Row: 1, Rows: 1, Col: 3, Span: 1, Text: "Uraian"}, {Row: 1, Rows: 1, Col: 4, Span: 1, Text: "Target"}}, 2)
	src := map[string]string{}
	cell := func(col, span int, id, text string) Cell {
		src[id] = text
		return g.Cell(col, span, text, st, AlignLeft, id)
	}
	words := func(n int, w string) string { return strings.TrimSpace(strings.Repeat(w+" ", n)) }
	group := cell(0, 5, "g", "KELOMPOK SATU")
	group.Fill = 0.9
	g.Bands = append(g.Bands, Band{Rows: []Row{{Cells: []Cell{group}}}, KeepNext: true})
	b := Band{Span: []Cell{cell(0, 1, "s.no", "1"), cell(1, 1, "s.uraian", words(60, "sasaran"))}}
	b.Span[0].Cue = "1 " + CueWord
	for i, n := range []int{3, 90, 12} {
		id := "s.i" + string(rune('0'+i))
		r := Row{Cells: []Cell{cell(2, 1, id+".no", "1"), cell(3, 1, id+".uraian", words(n, "indikator")), cell(4, 1, id+".t", "100%")}}
		r.Cells[0].Cue = "1"
		b.Rows = append(b.Rows, r)
	}
	g.Bands = append(g.Bands, b)
	for i := range 8 {
		id := "p" + string(rune('0'+i))
		g.Bands = append(g.Bands, Band{Rows: []Row{{Cells: []Cell{cell(0, 5, id, words(4+7*i, "baris"))}}}})
	}
	return g, src
}

// TestGridEveryHeight places one grid on pages of every height from 150 to
// 700 pt: no text is lost or duplicated, nothing is set below the body,
// and every page the grid is on starts with its header.
func TestGridEveryHeight(t *testing.T) {
	maxPages, cues := 0, 0
	for h := 150.0; h <= 700; h++ {
		ts := testTypesetter()
		f := NewFlow(ts, Frame{Width: 500, Height: h, Side: 20, Top: 20, Bottom: 20})
		f.NewPage(false)
		g, src := testGrid(ts, f.Left)
		if err := f.PlaceGrid(g); err != nil {
			if errors.Is(err, ErrNoSpace) && h < 200 {
				continue
			}
			t.Fatalf("height %g: %v", h, err)
		}
		d := f.Finish()
		checkGrid(t, h, f.Bottom, d, src)
		maxPages = max(maxPages, len(d.Pages))
		for _, p := range d.Pages {
			for _, b := range p.Boxes {
				if b.Cell == CellCue {
					cues++
				}
			}
		}
	}
	if maxPages < 4 || cues == 0 {
		t.Errorf("at most %d pages and %d continuation cues: the grid does not test page breaks", maxPages, cues)
	}
}

// checkGrid asserts the invariants of TestGridEveryHeight on d.
func checkGrid(t *testing.T, h, bottom float64, d *Document, src map[string]string) {
	t.Helper()
	got := map[string]string{}
	for pi, p := range d.Pages {
		if len(p.Boxes) < 2 || p.Boxes[0].Kind != Rect || p.Boxes[1].Cell != CellHead {
			t.Errorf("height %g: page %d does not start with the header", h, pi+1)
		}
		for _, b := range p.Boxes {
			if b.Y+b.H*boolf(b.Kind != Text) > bottom+1e-6 {
				t.Errorf("height %g: page %d: box below the body: %+v", h, pi+1, b)
			}
			if b.Kind == Text && src[b.Cell] != "" {
				got[b.Cell] += " " + b.Text
			}
		}
	}
	for id, s := range src {
		if squash(got[id]) != squash(s) {
			t.Errorf("height %g: cell %s: got %q, want %q", h, id, got[id], s)
		}
	}
}

// boolf returns 1 for true and 0 for false.
func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
