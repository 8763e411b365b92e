package render

import "kinerja/layout"

// Measurer measures text with the advance widths of the embedded Liberation
// fonts, rounded to 1/1000 em exactly as fpdf rounds them, so a width
// measured for layout equals the width fpdf draws. It does not kern (fpdf
// does not either). The zero value is ready to use and safe for concurrent
// use; the fonts are parsed once per process on first use.
type Measurer struct{}

var _ layout.Measurer = Measurer{}

// Width returns the advance width in points of s in font f at size pt. A
// rune the font lacks counts as the font's .notdef width; Write refuses to
// draw such text. An unknown family measures as serif.
func (Measurer) Width(f layout.Font, size float64, s string) float64 {
	fc, err := loadFace(f)
	if err != nil {
		fc, err = loadFace(layout.Font{Family: "serif", Bold: f.Bold, Italic: f.Italic})
		if err != nil {
			return 0
		}
	}
	return float64(fc.width(s)) * size / 1000
}
