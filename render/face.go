package render

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"kinerja/fonts"
	"kinerja/layout"
)

// face is one embedded TrueType face, parsed once per process.
type face struct {
	font    layout.Font
	full    []byte         // the TTF as shipped
	metrics *fonts.Metrics // widths of every rune the face maps
	// cut is the face cut down to the cut range (inCutRange) with
	// fpdf.UTF8CutFont, built on first need. Handing fpdf this smaller
	// font on the UTF-8 route makes its per-document parse and subset
	// cheaper; documents using a rune outside the range get the full face.
	cut     []byte
	cutOnce sync.Once
	// fam and ph are the placeholder family name and the font name fpdf
	// writes for it (see family).
	fam, ph string
	// simple is the face prepared for fpdf's font-definition route (see
	// simplefont.go); nil when that failed.
	simple *simpleFont
}

// faceIndex numbers the eight faces: family*4 + bold*2 + italic.
func faceIndex(f layout.Font) (int, error) {
	i := 0
	switch f.Family {
	case "serif":
	case "sans":
		i = 4
	default:
		return 0, fmt.Errorf("unknown font family %q (want serif or sans)", f.Family)
	}
	if f.Bold {
		i += 2
	}
	if f.Italic {
		i++
	}
	return i, nil
}

var (
	faceOnce [8]sync.Once
	faces    [8]*face
	faceErrs [8]error
)

// loadFace returns the parsed face for f, parsing it on first use.
func loadFace(f layout.Font) (*face, error) {
	i, err := faceIndex(f)
	if err != nil {
		return nil, err
	}
	faceOnce[i].Do(func() { faces[i], faceErrs[i] = newFace(f) })
	return faces[i], faceErrs[i]
}

// newFace reads and parses one face and builds its cut-down copy.
func newFace(f layout.Font) (*face, error) {
	full, err := fonts.Bytes(f.Family, f.Bold, f.Italic)
	if err != nil {
		return nil, err
	}
	m, err := fonts.Parse(full)
	if err != nil {
		name, _ := fonts.FileName(f.Family, f.Bold, f.Italic)
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	fc := &face{font: f, full: full, metrics: m}
	fc.fam = fc.family()
	fc.ph = "/utf8" + strings.ToLower(fc.fam) + styleOf(f)
	tables, err := fonts.Tables(full)
	if err != nil {
		return nil, err
	}
	if fc.simple, err = newSimpleFont(fc, tables); err != nil {
		return nil, err
	}
	return fc, nil
}

// utf8TTF returns the font file for fpdf's UTF-8 route: the cut face, or
// the full one when full is set or cutting failed.
func (fc *face) utf8TTF(full bool) []byte {
	if full {
		return fc.full
	}
	fc.cutOnce.Do(func() { fc.cut = fpdf.UTF8CutFont(fc.full, cutSet(fc.metrics)) })
	if len(fc.cut) == 0 {
		return fc.full
	}
	return fc.cut
}

// inCutRange reports whether r belongs to the repertoire of the cut font:
// Latin (Basic, Latin-1, Extended-A/B), general punctuation, currency,
// letterlike symbols, arrows and mathematical operators.
func inCutRange(r rune) bool {
	switch {
	case r >= 0x20 && r <= 0x24F, r >= 0x2000 && r <= 0x22FF:
		return true
	}
	return false
}

// cutSet lists, in rune order, every rune of the face within the cut range.
func cutSet(m *fonts.Metrics) string {
	rs := make([]rune, 0, 1024)
	for r := range m.Widths {
		if inCutRange(r) {
			rs = append(rs, r)
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	return string(rs)
}

// has reports whether the face maps r to a real glyph.
func (fc *face) has(r rune) bool {
	_, ok := fc.metrics.Widths[r]
	return ok
}

// width returns the advance of s in 1/1000 em, as fpdf computes it.
func (fc *face) width(s string) int {
	w := 0
	for _, r := range s {
		if a, ok := fc.metrics.Widths[r]; ok {
			w += a
		} else {
			w += fc.metrics.Notdef
		}
	}
	return w
}

// missing returns the runes of s the face has no glyph for (control
// characters included), in order of first appearance, without repeats.
func (fc *face) missing(s string) []rune {
	var out []rune
	for _, r := range s {
		if (!fc.has(r) || r == utf8.RuneError || unicode.IsControl(r)) && !containsRune(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// containsRune reports whether rs contains r.
func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// fontLabel names f for messages, e.g. "serif bold italic".
func fontLabel(f layout.Font) string {
	parts := []string{f.Family}
	if f.Bold {
		parts = append(parts, "bold")
	}
	if f.Italic {
		parts = append(parts, "italic")
	}
	return strings.Join(parts, " ")
}
