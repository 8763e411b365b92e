package render

import (
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"kinerja/fonts"
	"kinerja/layout"
)

// allFaces lists the eight faces.
func allFaces() []layout.Font {
	var out []layout.Font
	for _, fam := range fonts.Families {
		for _, b := range []bool{false, true} {
			for _, i := range []bool{false, true} {
				out = append(out, layout.Font{Family: fam, Bold: b, Italic: i})
			}
		}
	}
	return out
}

var measureStrings = []string{
	"", " ", "≥", "≤", "–", "—", "“", "”", "‘", "’", "…", punct,
	"Persentase Kualitas Pelaksanaan Anggaran",
	"Penyerapan anggaran bernilai 40% apabila serapan anggaran ≥ 80%.",
	"Indeks 4 : Sangat Baik, dengan nilai interval hasil survey 3,5324-4,00",
	"(konversi nilai opini pemeriksaan LK, WTP=3(100%), WDP=2(75%), TW=1(50%), TMP=0(25%))",
	"NIP 196910131997031004", "ANIES RASYID BASWEDAN, Ph.D", "Rp 1.250.000.000,00",
	"Ünïcödé façade naïve — “quoted” ‘single’ …", "AVATAR WAVE fi fl",
}

// TestMeasurerMatchesFpdf compares Measurer with fpdf's GetStringWidth for
// the full face and for the cut face fpdf is given.
func TestMeasurerMatchesFpdf(t *testing.T) {
	for _, f := range allFaces() {
		fc, err := loadFace(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, variant := range []struct {
			name string
			ttf  []byte
		}{{"full", fc.utf8TTF(true)}, {"cut", fc.utf8TTF(false)}} {
			pdf := fpdf.New("P", "pt", "A4", "")
			pdf.AddUTF8FontFromBytes("x", styleOf(f), variant.ttf)
			for _, size := range []float64{7, 9, 10.5, 12} {
				pdf.SetFont("x", styleOf(f), size)
				for _, s := range measureStrings {
					got, want := Measurer{}.Width(f, size, s), pdf.GetStringWidth(s)
					if got != want {
						t.Errorf("%s %s %g pt %q: Measurer %g, fpdf %g", fontLabel(f), variant.name, size, s, got, want)
					}
				}
			}
			if err := pdf.Error(); err != nil {
				t.Fatal(err)
			}
		}
		checkSimpleWidths(t, f, fc)
	}
}

// checkSimpleWidths compares Measurer with fpdf's GetStringWidth for the
// face's 8-bit font definition.
func checkSimpleWidths(t *testing.T, f layout.Font, fc *face) {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddFontFromBytes("y", styleOf(f), fc.simple.def, fc.simple.z)
	pdf.SetFont("y", styleOf(f), 9)
	n := 0
	for _, s := range append(measureStrings, "− ≠ ± × ÷ € ™ • ¼") {
		b, ok := fc.simple.encode(s)
		if !ok {
			continue
		}
		n++
		if got, want := (Measurer{}).Width(f, 9, s), pdf.GetStringWidth(b); got != want {
			t.Errorf("%s 8-bit %q: Measurer %g, fpdf %g", fontLabel(f), s, got, want)
		}
	}
	if err := pdf.Error(); err != nil || n < len(measureStrings)-1 {
		t.Errorf("%s: %d strings encodable, err %v", fontLabel(f), n, err)
	}
}

// TestMeasurerPlausible checks a width against the font's published metric:
// Liberation Serif (= Times) "m" is 778/1000 em, space 250/1000.
func TestMeasurerPlausible(t *testing.T) {
	m := Measurer{}
	if got := m.Width(serif, 10, "m m"); got != (778+250+778)*10.0/1000 {
		t.Errorf(`Width(serif 10, "m m") = %g, want 18.06`, got)
	}
	if a, b := m.Width(serif, 12, "abc"), m.Width(serif, 6, "abc"); a != 2*b {
		t.Errorf("width does not scale with size: %g vs %g", a, b)
	}
}

// TestCoverage checks every face has a glyph for the punctuation the
// documents use, and that the cut faces keep them.
func TestCoverage(t *testing.T) {
	for _, f := range allFaces() {
		fc, err := loadFace(f)
		if err != nil {
			t.Fatal(err)
		}
		if miss := fc.missing(punct + "Rp%()[]/:;,.-+=<>×°²"); len(miss) > 0 {
			t.Errorf("%s lacks %s", fontLabel(f), joinRunes(miss))
		}
		if _, ok := fc.simple.encode(punct + "−≠"); !ok {
			t.Errorf("%s: the 8-bit encoding lacks some of %q", fontLabel(f), punct+"−≠")
		}
		for _, r := range punct {
			if !inCutRange(r) {
				t.Errorf("%q is outside the cut repertoire", r)
			}
		}
		if fc.has('漢') {
			t.Errorf("%s claims a glyph for 漢", fontLabel(f))
		}
	}
}

func BenchmarkMeasure(b *testing.B) {
	s := measureStrings[14]
	b.ReportAllocs()
	for b.Loop() {
		Measurer{}.Width(serif, 9, s)
	}
}
