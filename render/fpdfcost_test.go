package render

import (
	"io"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// benchFontAdd measures fpdf's per-document cost of one UTF-8 face: adding
// it, drawing one line and writing the subset.
func benchFontAdd(b *testing.B, cut bool) {
	fc, err := loadFace(serif)
	if err != nil {
		b.Fatal(err)
	}
	ttf := fc.full
	if cut {
		ttf = fc.utf8TTF(false)
	}
	b.ReportAllocs()
	for b.Loop() {
		pdf := fpdf.New("P", "pt", "A4", "")
		pdf.AddUTF8FontFromBytes("x", "", ttf)
		pdf.AddPage()
		pdf.SetFont("x", "", 10)
		pdf.Text(10, 10, "Serapan anggaran ≥ 80%")
		if err := pdf.Output(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFontSimple is the same through the font-definition route.
func BenchmarkFontSimple(b *testing.B) {
	fc, err := loadFace(serif)
	if err != nil {
		b.Fatal(err)
	}
	s, _ := fc.simple.encode("Serapan anggaran ≥ 80%")
	b.ReportAllocs()
	for b.Loop() {
		pdf := fpdf.New("P", "pt", "A4", "")
		pdf.AddFontFromBytes("x", "", fc.simple.def, fc.simple.z)
		pdf.AddPage()
		pdf.SetFont("x", "", 10)
		pdf.Text(10, 10, s)
		if err := pdf.Output(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFontFull(b *testing.B) { benchFontAdd(b, false) }
func BenchmarkFontCut(b *testing.B)  { benchFontAdd(b, true) }

func BenchmarkEmptyPDF(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		pdf := fpdf.New("P", "pt", "A4", "")
		pdf.AddPage()
		pdf.Line(0, 0, 10, 10)
		if err := pdf.Output(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
