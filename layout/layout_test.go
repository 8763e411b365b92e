package layout

import (
	"errors"
	"math"
	"regexp"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/layout/engine"
)

// layoutOK lays a out with the fake measurer and fails the test on error.
func layoutOK(t *testing.T, a *data.Agreement) *Document {
	t.Helper()
	d, err := Agreement(a, &fakeMeasurer{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestInvariantsSeed checks every invariant on the seed document.
func TestInvariantsSeed(t *testing.T) {
	a := seedAgreement()
	d := layoutOK(t, a)
	checkAll(t, a, d)
	if d.SigRects[0].Page != 1 || d.SigRects[1].Page != 1 {
		t.Errorf("statement signatures on page %d, want 1", d.SigRects[0].Page)
	}
	if len(d.Pages) < 3 {
		t.Errorf("seed laid out on %d pages; the table alone needs more than one", len(d.Pages))
	}
}

// TestInvariantsRich checks F4 paper, the sans family, a logo, a footer
// and a program table.
func TestInvariantsRich(t *testing.T) {
	a := richAgreement(t)
	d := layoutOK(t, a)
	checkAll(t, a, d)
	var logo []Box
	for _, b := range d.Pages[0].Boxes {
		if b.Kind == Image {
			logo = append(logo, b)
		}
		if b.Kind == Text && b.Font.Family != "sans" {
			t.Errorf("text %q in %q, want sans", b.Text, b.Font.Family)
		}
	}
	if len(logo) != 1 || d.Images["logo"].Type != "PNG" {
		t.Fatalf("logo boxes %v, image %q", logo, d.Images["logo"].Type)
	}
	l, p := logo[0], d.Pages[0]
	if math.Abs(l.W/l.H-0.8) > 1e-9 || math.Abs(l.X+l.W/2-p.Width/2) > 1e-9 || math.Abs(l.H-20*mm) > 1e-9 {
		t.Errorf("logo %+v: want 20 mm tall, 80:100, centred", l)
	}
	if len(d.Pages[1].Boxes) == 0 || d.Pages[0].Width != 215*mm {
		t.Errorf("F4 page 1 width %.2f", d.Pages[0].Width)
	}
}

// TestInvariantsStress checks every invariant on the stress model while
// the first indicator's text grows, so that page breaks fall at every
// kind of place (inside rows, between rows, after group rows).
func TestInvariantsStress(t *testing.T) {
	pagesSeen := map[int]bool{}
	for long := 60; long < 100; long += 3 {
		a := stressAgreement(long)
		d := layoutOK(t, a)
		checkAll(t, a, d)
		checkMerged(t, d, "k0.s2", 5)
		pagesSeen[len(d.Pages)] = true
		if t.Failed() {
			t.Fatalf("with %d sentences", long)
		}
	}
	if len(pagesSeen) < 2 {
		t.Errorf("the sweep never changed the page count: %v", pagesSeen)
	}
}

// TestStressShapes checks that the stress model really stresses: a cell
// runs over more than one whole page, the 5-indicator sasaran crosses a
// page break and a broken word fills whole lines.
func TestStressShapes(t *testing.T) {
	d := layoutOK(t, stressAgreement(60))
	pages := cellPages(d, "k0.s0.i0.pengukuran")
	if len(pages) < 3 {
		t.Errorf("long Pengukuran on pages %v, want at least 3", pages)
	}
	if p := cellPages(d, "k0.s2.uraian"); len(p) < 2 {
		t.Errorf("long sasaran text on pages %v, want it continued", p)
	}
	broken := 0
	for _, p := range d.Pages {
		for _, b := range p.Boxes {
			if b.Cell == "k0.s0.i1.indikator" && len(b.Text) > 10 && !strings.Contains(b.Text, " ") {
				broken++
			}
		}
	}
	if broken < 3 {
		t.Errorf("over-long word broken into %d lines, want several", broken)
	}
}

// cellPages returns the pages (1-based) holding text of cell id.
func cellPages(d *Document, id string) []int {
	var out []int
	for i, p := range d.Pages {
		for _, b := range p.Boxes {
			if b.Cell == id {
				out = append(out, i+1)
				break
			}
		}
	}
	return out
}

// checkMerged asserts (d): the sasaran sid has n indicators whose rows
// cross at least one page break, and on every page holding its rows a
// single Sasaran cell frame runs beside all of them.
func checkMerged(t *testing.T, d *Document, sid string, n int) {
	t.Helper()
	ind := regexp.MustCompile("^" + regexp.QuoteMeta(sid) + `\.i(\d+)\.`)
	var col float64 = -1
	for _, p := range d.Pages {
		for _, b := range p.Boxes {
			if b.Cell == sid+".uraian" && col < 0 {
				col = b.X - engine.CellPad
			}
		}
	}
	pages, seen := 0, map[string]bool{}
	for pi, p := range d.Pages {
		top, bottom := math.Inf(1), math.Inf(-1)
		for _, b := range p.Boxes {
			if m := ind.FindStringSubmatch(b.Cell); m != nil {
				seen[m[1]] = true
				t0, b0 := extent(b)
				top, bottom = min(top, t0), max(bottom, b0)
			}
		}
		if math.IsInf(top, 1) {
			continue
		}
		pages++
		frames := 0
		for _, r := range p.Boxes {
			if r.Kind == Rect && math.Abs(r.X-col) < 1e-9 && r.Y <= top && r.Y+r.H >= bottom {
				frames++
			}
		}
		if frames != 1 {
			t.Errorf("p%d: %d merged Sasaran frames beside the rows of %s", pi+1, frames, sid)
		}
	}
	if len(seen) != n || pages < 2 {
		t.Errorf("%s: %d indicators on %d pages, want %d across a break", sid, len(seen), pages, n)
	}
}

// TestErrors checks that bad input gets a clear error.
func TestErrors(t *testing.T) {
	cases := []struct {
		name string
		edit func(*data.Agreement)
		want string
	}{
		{"paper", func(a *data.Agreement) { a.Kertas = data.Paper{Width: -1, Height: 297} }, "bad paper size"},
		{"font", func(a *data.Agreement) { a.Huruf = "comic" }, `unknown font family "comic"`},
		{"logo", func(a *data.Agreement) { a.Kop.Logo, a.Kop.LogoData = "x.png", []byte("not an image") }, "logo x.png"},
		{"tiny", func(a *data.Agreement) { a.Kertas = data.Paper{Width: 60, Height: 80} }, "does not fit"},
	}
	for _, c := range cases {
		a := seedAgreement()
		c.edit(a)
		_, err := Agreement(a, &fakeMeasurer{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
		if c.name == "tiny" && !errors.Is(err, ErrNoSpace) {
			t.Errorf("tiny paper: %v is not ErrNoSpace", err)
		}
	}
	if _, err := Agreement(nil, &fakeMeasurer{}); err == nil {
		t.Error("nil agreement accepted")
	}
}

// TestNoDefaults checks that layout applies no defaults of its own: a
// model without them is refused, and the same model after
// data.Agreement.ApplyDefaults lays out exactly as the seed.
func TestNoDefaults(t *testing.T) {
	a := seedAgreement()
	a.JudulBaris, a.Teks, a.Kertas, a.Huruf = nil, data.Paragraphs{}, data.Paper{}, ""
	a.LabelPertama, a.LabelKedua, a.Pertama.JabatanTTD = "", "", ""
	if _, err := Agreement(a, &fakeMeasurer{}); err == nil || !strings.Contains(err.Error(), "bad paper size") {
		t.Errorf("model without defaults: error %v, want bad paper size", err)
	}
	a.ApplyDefaults()
	var got, want strings.Builder
	if err := Dump(&got, layoutOK(t, a)); err != nil {
		t.Fatal(err)
	}
	if err := Dump(&want, layoutOK(t, seedAgreement())); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Error("the seed with defaults applied by data lays out differently from the seed")
	}
}

// pageText joins the texts of a page's boxes with spaces.
func pageText(p Page) string {
	var s []string
	for _, b := range p.Boxes {
		if b.Kind == Text {
			s = append(s, b.Text)
		}
	}
	return strings.Join(s, " ")
}
