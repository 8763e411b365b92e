package stamp

import (
	"fmt"
	"math"
	"strings"
)

// Text sizes. The name is set at the largest size from maxNamePt down to
// minNamePt (in steps of 3 %) at which all the text, word-wrapped, fits the
// text area; the other lines at smallScale of it.
const (
	maxNamePt  = 8.0
	minNamePt  = 3.0
	smallScale = 0.8
	lineGap    = 1.2  // line height / font size
	ascentGap  = 0.95 // baseline below the top of its line, in font sizes
)

// rect is a rectangle in the form's space (points, origin bottom left).
type rect struct{ X0, Y0, X1, Y1 float64 }

// geometry is the layout of a stamp.
type geometry struct {
	W, H   float64
	Module float64 // QR module size, points
	QRX    float64 // left of the QR code (quiet zone included)
	QRY    float64 // bottom of the QR code
	N      int     // modules a side, quiet zone included
	Text   rect
}

// newGeometry lays out a w x h pt box for a QR code of n modules. A wide
// box (at least 1.8:1) gets the QR code at its left, as tall as the box,
// and the text to its right; a narrow one the QR code (at most 55 % of the
// height) centred at the top and the text below. The QR code's quiet zone
// is its margin; the text keeps 4 % of the height from the other edges.
func newGeometry(w, h float64, n int) geometry {
	wide := w >= 1.8*h
	side := h
	if !wide {
		side = math.Min(w, 0.55*h)
	}
	// The module size is written with three decimals: round it down so
	// that the code stays inside the box.
	m := math.Floor(side/float64(n)*1000) / 1000
	side = m * float64(n)
	g := geometry{W: w, H: h, Module: m, QRY: h - side, N: n}
	pad := 0.04 * h
	if wide {
		g.Text = rect{X0: side, Y0: pad, X1: w - pad, Y1: h - pad}
		return g
	}
	g.QRX = (w - side) / 2
	g.Text = rect{X0: pad, Y0: pad, X1: w - pad, Y1: h - side}
	return g
}

// run is one paragraph of the stamp's text.
type run struct {
	Text  string
	Bold  bool
	Scale float64 // size relative to the name
}

// line is one line of text placed in the form.
type line struct {
	Text string
	Bold bool
	Size float64 // points
	X, Y float64 // start of the baseline
}

// layoutText finds the largest name size at which every run, word-wrapped,
// fits area, and places the lines, centred vertically.
func layoutText(fs *faces, runs []run, area rect) ([]line, error) {
	words := make([][]string, len(runs))
	for i, r := range runs {
		if err := fs.check(r); err != nil {
			return nil, err
		}
		words[i] = strings.Fields(r.Text)
	}
	for pt := maxNamePt; pt >= minNamePt; pt *= 0.97 {
		if lines, ok := fit(fs, runs, words, pt, area); ok {
			return lines, nil
		}
	}
	return nil, fmt.Errorf("stamp: the text does not fit the %.0f x %.0f pt text area at %.0f pt",
		area.X1-area.X0, area.Y1-area.Y0, minNamePt)
}

// fit wraps the runs with the name at size pt and places the lines; ok is
// false when they do not fit area.
func fit(fs *faces, runs []run, words [][]string, pt float64, area rect) (lines []line, ok bool) {
	y := 0.0 // from the top of the text block down
	for i, r := range runs {
		size := pt * r.Scale
		wrapped, ok := wrap(words[i], (area.X1-area.X0)*1000/size, fs.face(r.Bold).width)
		if !ok {
			return nil, false
		}
		for _, l := range wrapped {
			y += size * lineGap
			lines = append(lines, line{Text: l, Bold: r.Bold, Size: size, X: area.X0, Y: y - size*(lineGap-ascentGap)})
		}
	}
	if y > area.Y1-area.Y0 {
		return nil, false
	}
	top := area.Y1 - (area.Y1-area.Y0-y)/2
	for i := range lines {
		lines[i].Y = top - lines[i].Y
	}
	return lines, true
}

// wrap breaks words into lines no wider than limit (in 1/1000 of the font
// size) as measured by width; ok is false when a single word is wider.
func wrap(words []string, limit float64, width func(string) int) (lines []string, ok bool) {
	cur := ""
	for _, w := range words {
		if float64(width(w)) > limit {
			return nil, false
		}
		if cur != "" && float64(width(cur+" "+w)) > limit {
			lines, cur = append(lines, cur), ""
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines, true
}
