package engine

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// fakeMeasurer is a monospace measurer: every rune is half the font size
// wide (0.55 in bold), so test results are exact.
type fakeMeasurer struct{}

// Width implements Measurer.
func (fakeMeasurer) Width(f Font, size float64, s string) float64 {
	k := 0.5
	if f.Bold {
		k = 0.55
	}
	return k * size * float64(utf8.RuneCountInString(s))
}

// body is a 12 pt paragraph style.
var body = Style{Size: 12, Lead: 15}

// testTypesetter returns a serif typesetter with the fake measurer.
func testTypesetter() *Typesetter { return NewTypesetter(fakeMeasurer{}, "serif") }

// TestWrap checks greedy breaking, hard line breaks and broken words.
func TestWrap(t *testing.T) {
	c := testTypesetter()
	st := Style{Size: 10, Lead: 12} // 5 pt per rune
	cases := []struct {
		text  string
		width float64
		want  []string
	}{
		{"aa bb cc", 40, []string{"aa bb cc"}},                 // 40 pt fits exactly
		{"aa bb cc", 39.9, []string{"aa bb", "cc"}},            // a hair too narrow
		{"aa bb cc", 25, []string{"aa bb", "cc"}},              // exact fit
		{"aa\nbb\n\ncc", 100, []string{"aa", "bb", "cc"}},      // breaks; blank lines add nothing
		{"abcdefghij k", 20, []string{"abcd", "efgh", "ij k"}}, // a word wider than the column
		{"  spaced   out  ", 100, []string{"spaced out"}},      // white space collapses
		{"≥≤–—“”‘’… x", 25, []string{"≥≤–—“", "”‘’…", "x"}},    // runes, not bytes
		{"", 100, nil},
	}
	for _, tc := range cases {
		var got []string
		for _, l := range c.Wrap(tc.text, st, tc.width) {
			got = append(got, joinWords(l.words))
			if l.w > tc.width+eps {
				t.Errorf("wrap(%q, %g): line %q is %g wide", tc.text, tc.width, joinWords(l.words), l.w)
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrap(%q, %g) = %q, want %q", tc.text, tc.width, got, tc.want)
		}
	}
}

// TestJustify checks that justified lines fill the measure word by word
// and that the last line stays left aligned in one box.
func TestJustify(t *testing.T) {
	c := testTypesetter()
	st := Style{Size: 10, Lead: 12}
	lines := c.Wrap("aa bb cc dd ee", st, 40) // "aa bb cc" | "dd ee"
	first := c.LineBoxes(lines[0], 100, 50, 40, 10, AlignJustify, "x")
	if len(first) != 3 || first[0].X != 100 || math.Abs(first[2].X+first[2].W-140) > 1e-9 {
		t.Fatalf("justified line: %+v", first)
	}
	if gap := first[1].X - (first[0].X + first[0].W); math.Abs(gap-5) > 1e-9 {
		t.Errorf("gap %g, want 5", gap)
	}
	last := c.LineBoxes(lines[1], 100, 50, 40, 10, AlignJustify, "x")
	if len(last) != 1 || last[0].Text != "dd ee" || last[0].X != 100 {
		t.Errorf("last line: %+v", last)
	}
	right := c.LineBoxes(lines[1], 100, 50, 40, 10, AlignRight, "x")
	if right[0].X+right[0].W != 140 {
		t.Errorf("right aligned line ends at %g", right[0].X+right[0].W)
	}
}

// TestBoldLabels checks that party labels inside a paragraph are set bold,
// each run of one weight in one box on non-justified lines.
func TestBoldLabels(t *testing.T) {
	c := testTypesetter()
	lines := c.Wrap("selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA", body, 1000, "PIHAK PERTAMA", "PIHAK KEDUA")
	bs := c.LineBoxes(lines[0], 0, 0, 1000, 12, AlignLeft, "x")
	var got []string
	for _, b := range bs {
		got = append(got, fontName(b.Font)+":"+b.Text)
	}
	want := "serif:selaku atasan|serif-B:PIHAK PERTAMA,|serif:selanjutnya disebut|serif-B:PIHAK KEDUA"
	if strings.Join(got, "|") != want {
		t.Errorf("runs %q, want %q", strings.Join(got, "|"), want)
	}
	for i := 1; i < len(bs); i++ {
		if gap := bs[i].X - bs[i-1].X - bs[i-1].W; math.Abs(gap-c.Space(12)) > 1e-9 {
			t.Errorf("gap before %q is %g", bs[i].Text, gap)
		}
	}
}
