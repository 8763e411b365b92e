package engine

import (
	"strings"
)

// MM is one millimetre in points.
const MM = 72 / 25.4

// Eps absorbs floating point noise when comparing lengths.
const Eps = 1e-6

// eps is Eps inside the engine.
const eps = Eps

// Typesetter measures and breaks text in one font family. It owns the
// Measurer and a cache of measured widths, so that a document measures
// each string once per weight and size. It is not safe for concurrent use.
type Typesetter struct {
	m      Measurer
	family string
	widths map[measureKey]float64
}

// measureKey identifies one measured string; the family is the same for
// the whole document, so only the weight and slant are part of the key.
type measureKey struct {
	bold   bool
	italic bool
	size   float64
	s      string
}

// NewTypesetter returns a typesetter for the font family ("serif" or
// "sans") whose widths come from m.
func NewTypesetter(m Measurer, family string) *Typesetter {
	return &Typesetter{m: m, family: family, widths: make(map[measureKey]float64, 1024)}
}

// Font returns the family with the given weight.
func (t *Typesetter) Font(bold bool) Font { return Font{Family: t.family, Bold: bold} }

// Width measures s once per font and size.
func (t *Typesetter) Width(f Font, size float64, s string) float64 {
	k := measureKey{f.Bold, f.Italic, size, s}
	if w, ok := t.widths[k]; ok {
		return w
	}
	w := t.m.Width(f, size, s)
	t.widths[k] = w
	return w
}

// Space returns the width of a space in the regular weight.
func (t *Typesetter) Space(size float64) float64 { return t.Width(t.Font(false), size, " ") }

// Widest returns the width of the widest word of s.
func (t *Typesetter) Widest(st Style, s string) float64 {
	w := 0.0
	for _, f := range strings.Fields(s) {
		w = max(w, t.Width(t.Font(st.Bold), st.Size, f))
	}
	return w
}

// LinesWidth returns the smallest width in which s wraps into at most n
// lines (n is 1 or 2), measured as Wrap measures: words plus spaces.
func (t *Typesetter) LinesWidth(st Style, s string, n int) float64 {
	ws := strings.Fields(s)
	f, sp := t.Font(st.Bold), t.Space(st.Size)
	part := func(ws []string) float64 {
		w := sp * float64(max(len(ws)-1, 0))
		for _, x := range ws {
			w += t.Width(f, st.Size, x)
		}
		return w
	}
	best := part(ws)
	for k := 1; n > 1 && k < len(ws); k++ {
		best = min(best, max(part(ws[:k]), part(ws[k:])))
	}
	return best
}

// TextBox returns one Text box of s, w wide, with its baseline at base.
func (t *Typesetter) TextBox(s string, w, x, base, size float64, bold bool, id string) Box {
	return Box{Kind: Text, X: x, Y: base, W: w, H: size, Font: t.Font(bold), Size: size, Text: s, Cell: id}
}
