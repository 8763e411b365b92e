package data

import (
	"fmt"
	"strings"
	"unicode"

	unorm "golang.org/x/text/unicode/norm"

	"kinerja/fonts"
	"kinerja/pesan"
)

// MaxLineBreaks is the most line breaks one text value may hold: a cell
// with hundreds of forced breaks is a mistake in the file, and a cell
// taller than a page cannot be laid out.
const MaxLineBreaks = 40

// textAt is one text value of the file with the path it was read from,
// kept for the glyph check that runs once the font is known.
type textAt struct {
	path string
	s    string
}

// CleanText composes s to NFC (so a letter and a combining accent become
// one character, as the fonts draw them) and says what makes it
// unprintable: control characters, bidirectional controls (they reorder
// what a reader sees without showing themselves), or more than
// MaxLineBreaks line breaks. The message is "" when s is fine.
func CleanText(s string) (string, string) {
	if printableASCII(s) < len(s) { // printable ASCII is composed and fine
		s = unorm.NFC.String(s)
		for _, r := range s[printableASCII(s):] {
			if msg := badRune(r); msg != "" {
				return s, msg
			}
		}
	}
	if n := strings.Count(s, "\n"); n > MaxLineBreaks {
		return s, pesan.Sprintf("%d line breaks in one text; expected at most %d", n, MaxLineBreaks)
	}
	return s, ""
}

// printableASCII returns the length of the leading printable ASCII of s,
// line breaks and tabs included: the most of any text.
func printableASCII(s string) int {
	i := 0
	for i < len(s) && (s[i] >= ' ' && s[i] < 0x7F || s[i] == '\n' || s[i] == '\t') {
		i++
	}
	return i
}

// badRune says why r may not appear in printed text, or "".
func badRune(r rune) string {
	switch {
	case r == '\n' || r == '\t':
		return ""
	case r == 0:
		return `a NUL character ("\u0000"); remove it`
	case isBidiControl(r):
		return pesan.Sprintf("an invisible bidirectional control character %U, which changes the order text is shown in; remove it", r)
	case unicode.IsControl(r):
		return pesan.Sprintf("a control character %U; remove it", r)
	case r == unicode.ReplacementChar:
		return pesan.Text("a replacement character (U+FFFD): the file was not saved as UTF-8, or text was damaged when copied; retype it")
	}
	return ""
}

// isBidiControl reports the explicit bidirectional formatting characters
// (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, and the marks).
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200E || r == 0x200F || r == 0x061C
}

// MissingGlyphs describes the runes of s that family's embedded fonts
// cannot draw ("" when there are none); "" is the default family, serif.
func MissingGlyphs(family string, s string) string {
	if family == "" {
		family = "serif"
	}
	cov, err := fonts.CoverageOf(family)
	if err != nil {
		return err.Error()
	}
	missing := cov.Missing(s)
	if len(missing) == 0 {
		return ""
	}
	var names []string
	for _, r := range missing {
		names = append(names, fmt.Sprintf("%q (%U)", r, r))
	}
	return pesan.Sprintf("the %s font cannot print %s; expected Latin letters, digits and common punctuation and symbols",
		family, strings.Join(names, ", "))
}

// checkGlyphs reports every recorded text the document's font cannot draw.
func (c *checker) checkGlyphs(f Font) {
	for _, t := range c.texts {
		if msg := MissingGlyphs(string(f), t.s); msg != "" {
			c.addf(t.path, "%s", msg)
		}
	}
}

// Printable escapes what a terminal would act on instead of showing:
// control characters other than line breaks and tabs, and bidirectional
// controls, as \uXXXX. Text from a PDF (a certificate subject, a
// signature's /Name) goes through it before it is printed.
func Printable(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || isBidiControl(r)) {
			fmt.Fprintf(&b, `\u%04X`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
