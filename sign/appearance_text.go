package sign

import (
	"fmt"
	"image"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"kinerja/fonts"
)

// Text sizes of the appearance. The name is set at the largest size from
// maxNamePt down to minNamePt at which all the text, word-wrapped, fits the
// text area; the other lines at smallScale of it.
const (
	maxNamePt  = 8.0
	minNamePt  = 3.0
	smallScale = 0.8
	lineGap    = 1.2 // line height / font size
)

// textRun is one paragraph of the appearance text.
type textRun struct {
	Text  string
	Bold  bool
	Scale float64 // size relative to the name
}

// textLine is one line of text placed in the image.
type textLine struct {
	Text     string
	Bold     bool
	Size     float64 // pixels per em
	X        int
	Baseline float64 // pixels from the top of the image
}

// faces holds the parsed fonts; parsing is done once per process.
var faces struct {
	once          sync.Once
	regular, bold *opentype.Font
	err           error
}

// loadFonts parses Liberation Sans regular and bold once.
func loadFonts() (regular, bold *opentype.Font, err error) {
	faces.once.Do(func() {
		faces.regular, faces.err = parseFont(false)
		if faces.err == nil {
			faces.bold, faces.err = parseFont(true)
		}
	})
	return faces.regular, faces.bold, faces.err
}

// parseFont parses Liberation Sans from package fonts.
func parseFont(bold bool) (*opentype.Font, error) {
	b, err := fonts.Bytes("sans", bold, false)
	if err != nil {
		return nil, err
	}
	return opentype.Parse(b)
}

// pick returns bold if b, else regular.
func pick(regular, bold *opentype.Font, b bool) *opentype.Font {
	if b {
		return bold
	}
	return regular
}

// drawText lays out runs in area and draws them into img.
func drawText(img *image.Paletted, area image.Rectangle, dpi float64, runs []textRun) error {
	reg, bold, err := loadFonts()
	if err != nil {
		return fmt.Errorf("appearance: font: %w", err)
	}
	var buf sfnt.Buffer
	measured := make([]measuredRun, len(runs))
	for i, r := range runs {
		measured[i] = measureRun(pick(reg, bold, r.Bold), &buf, r)
	}
	lines, err := layoutText(measured, area, dpi)
	if err != nil {
		return err
	}
	return drawLines(img, reg, bold, lines)
}

// measuredRun is a run split into words with their widths in ems.
type measuredRun struct {
	textRun
	Words  []string
	Widths []float64
	Space  float64
}

// measureRun measures the words of r once; widths scale with the size
// because the text is drawn unhinted.
func measureRun(f *opentype.Font, buf *sfnt.Buffer, r textRun) measuredRun {
	m := measuredRun{textRun: r, Words: strings.Fields(strings.ToValidUTF8(r.Text, "?"))}
	m.Space = emWidth(f, buf, " ")
	for _, w := range m.Words {
		m.Widths = append(m.Widths, emWidth(f, buf, w))
	}
	return m
}

// emWidth returns the advance width of s in ems, kerning included.
func emWidth(f *opentype.Font, buf *sfnt.Buffer, s string) float64 {
	upem := fixed.Int26_6(f.UnitsPerEm())
	var w fixed.Int26_6
	var prev sfnt.GlyphIndex
	for i, r := range s {
		x, _ := f.GlyphIndex(buf, r)
		if i > 0 {
			if k, err := f.Kern(buf, prev, x, upem, font.HintingNone); err == nil {
				w += k
			}
		}
		if a, err := f.GlyphAdvance(buf, x, upem, font.HintingNone); err == nil {
			w += a
		}
		prev = x
	}
	return float64(w) / float64(upem)
}

// layoutText finds the largest name size at which every run, word-wrapped,
// fits area.
func layoutText(runs []measuredRun, area image.Rectangle, dpi float64) ([]textLine, error) {
	for pt := maxNamePt; pt >= minNamePt; pt *= 0.97 {
		if lines, ok := fitLines(runs, pt*dpi/72, area); ok {
			return lines, nil
		}
	}
	return nil, fmt.Errorf("appearance: the text does not fit the %.0f x %.0f pt text area at %.0f pt",
		float64(area.Dx())*72/dpi, float64(area.Dy())*72/dpi, minNamePt)
}

// fitLines wraps the runs at name size px and places the lines, centred
// vertically in area; ok is false when they do not fit.
func fitLines(runs []measuredRun, px float64, area image.Rectangle) (lines []textLine, ok bool) {
	width := float64(area.Dx()) - 1 // one pixel for rounding of advances
	y := 0.0
	for _, r := range runs {
		size := px * r.Scale
		wrapped, ok := wrap(r, size, width)
		if !ok {
			return nil, false
		}
		for _, l := range wrapped {
			y += size * lineGap
			lines = append(lines, textLine{Text: l, Bold: r.Bold, Size: size, X: area.Min.X,
				Baseline: y - size*(lineGap-0.95)})
		}
	}
	if y > float64(area.Dy()) {
		return nil, false
	}
	top := float64(area.Min.Y) + (float64(area.Dy())-y)/2
	for i := range lines {
		lines[i].Baseline += top
	}
	return lines, true
}

// wrap breaks r into lines no wider than width pixels at size pixels per
// em; ok is false when a single word is wider.
func wrap(r measuredRun, size, width float64) (lines []string, ok bool) {
	var cur []string
	used := 0.0
	for i, w := range r.Words {
		ww := r.Widths[i] * size
		if ww > width {
			return nil, false
		}
		if len(cur) > 0 && used+r.Space*size+ww > width {
			lines, cur, used = append(lines, strings.Join(cur, " ")), nil, 0
		}
		if len(cur) > 0 {
			used += r.Space * size
		}
		cur, used = append(cur, w), used+ww
	}
	if len(cur) > 0 {
		lines = append(lines, strings.Join(cur, " "))
	}
	return lines, true
}

// faceKey identifies a face of a given font and size.
type faceKey struct {
	bold bool
	size float64
}

// drawLines draws the placed lines, one face per font and size.
func drawLines(img *image.Paletted, reg, bold *opentype.Font, lines []textLine) error {
	opened := map[faceKey]font.Face{}
	defer func() {
		for _, f := range opened {
			f.Close()
		}
	}()
	for _, l := range lines {
		k := faceKey{l.Bold, l.Size}
		face := opened[k]
		if face == nil {
			var err error
			face, err = opentype.NewFace(pick(reg, bold, l.Bold), &opentype.FaceOptions{Size: l.Size, DPI: 72, Hinting: font.HintingNone})
			if err != nil {
				return fmt.Errorf("appearance: %w", err)
			}
			opened[k] = face
		}
		drawString(img, face, fixed.Point26_6{X: fixed.I(l.X), Y: fixed.Int26_6(math.Round(l.Baseline * 64))}, l.Text)
	}
	return nil
}

// inkLevels is the number of ink shades of antialiased text. 16 look the
// same as 255 at this resolution and make the image deflate to about half
// the size in the signed PDF.
const inkLevels = 16

// coverageIndex maps glyph coverage (0-255) to one of inkLevels steps of
// the palette's ink ramp (0 = white).
var coverageIndex = func() (t [256]uint8) {
	for a := range t {
		step := (a*inkLevels + 127) / 255
		t[a] = uint8(step * inkIndex / inkLevels)
	}
	return t
}()

// drawString draws s with face from dot, like font.Drawer but straight
// into the palette indexes: a pixel keeps the darker of its old and new
// ink, so overlapping glyphs do not lighten each other and the QR code
// (the highest index) is never painted over.
func drawString(img *image.Paletted, face font.Face, dot fixed.Point26_6, s string) {
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot.X += face.Kern(prev, r)
		}
		dr, mask, mp, adv, _ := face.Glyph(dot, r)
		if a, ok := mask.(*image.Alpha); ok {
			blendGlyph(img, dr, a, mp)
		}
		dot.X += adv
		prev = r
	}
}

// blendGlyph writes the coverage mask of one glyph at dr, clipped to img.
func blendGlyph(img *image.Paletted, dr image.Rectangle, mask *image.Alpha, mp image.Point) {
	clip := dr.Intersect(img.Rect)
	for y := clip.Min.Y; y < clip.Max.Y; y++ {
		src := mask.Pix[mask.PixOffset(mp.X+clip.Min.X-dr.Min.X, mp.Y+y-dr.Min.Y):]
		dst := img.Pix[img.PixOffset(clip.Min.X, y):]
		for x := 0; x < clip.Dx(); x++ {
			if v := coverageIndex[src[x]]; v > dst[x] {
				dst[x] = v
			}
		}
	}
}
