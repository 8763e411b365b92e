package engine

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzWrap checks that wrapping keeps every character, in order, and
// never makes a line wider than the measure.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{"aa bb cc", "Superpanjangkatatanpaspasi x", "≥≤–—“”‘’…\n\nb", "PIHAK PERTAMA, x", "\xff\xfe a"} {
		f.Add(s, 30.0)
	}
	c := testTypesetter()
	f.Fuzz(func(t *testing.T, s string, width float64) {
		// Text reaches the engine from TOML, which is valid UTF-8; on
		// broken bytes squash's comparison itself is not defined (two
		// halves of a sequence around a space join into a character).
		if !(width >= 10 && width <= 1000) || !utf8.ValidString(s) {
			return
		}
		lines := c.Wrap(s, body, width, "PIHAK PERTAMA")
		var b strings.Builder
		for _, l := range lines {
			if l.w > width+eps {
				t.Fatalf("line %q is %g wide, measure %g", joinWords(l.words), l.w, width)
			}
			for _, bx := range c.LineBoxes(l, 0, 0, width, 12, AlignJustify, "x") {
				b.WriteString(bx.Text)
			}
		}
		if got, want := squash(b.String()), squash(s); got != want {
			t.Fatalf("wrap lost or added text: got %q want %q", got, want)
		}
	})
}

// squash removes all white space.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }
