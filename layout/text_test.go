package layout

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strings"
	"testing"
	"time"

	"kinerja/data"
)

// testCtx returns a context over the seed with the fake measurer.
func testCtx(t testing.TB) *ctx {
	c, err := newCtx(seedAgreement(), &fakeMeasurer{})
	if err != nil {
		t.Fatal(err)
	}
	c.doc.Pages = append(c.doc.Pages, Page{})
	return c
}

// TestWrap checks greedy breaking, hard line breaks and broken words.
func TestWrap(t *testing.T) {
	c := testCtx(t)
	st := style{size: 10, lead: 12} // 5 pt per rune
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
		for _, l := range c.wrap(tc.text, st, tc.width) {
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
	c := testCtx(t)
	st := style{size: 10, lead: 12}
	lines := c.wrap("aa bb cc dd ee", st, 40) // "aa bb cc" | "dd ee"
	first := c.lineBoxes(lines[0], 100, 50, 40, 10, alJustify, "x")
	if len(first) != 3 || first[0].X != 100 || math.Abs(first[2].X+first[2].W-140) > 1e-9 {
		t.Fatalf("justified line: %+v", first)
	}
	if gap := first[1].X - (first[0].X + first[0].W); math.Abs(gap-5) > 1e-9 {
		t.Errorf("gap %g, want 5", gap)
	}
	last := c.lineBoxes(lines[1], 100, 50, 40, 10, alJustify, "x")
	if len(last) != 1 || last[0].Text != "dd ee" || last[0].X != 100 {
		t.Errorf("last line: %+v", last)
	}
	right := c.lineBoxes(lines[1], 100, 50, 40, 10, alRight, "x")
	if right[0].X+right[0].W != 140 {
		t.Errorf("right aligned line ends at %g", right[0].X+right[0].W)
	}
}

// TestBoldLabels checks that party labels inside a paragraph are set bold,
// each run of one weight in one box on non-justified lines.
func TestBoldLabels(t *testing.T) {
	c := testCtx(t)
	lines := c.wrap("selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA", body, 1000, "PIHAK PERTAMA", "PIHAK KEDUA")
	bs := c.lineBoxes(lines[0], 0, 0, 1000, bodySize, alLeft, "x")
	var got []string
	for _, b := range bs {
		got = append(got, fontName(b.Font)+":"+b.Text)
	}
	want := "serif:selaku atasan|serif-B:PIHAK PERTAMA,|serif:selanjutnya disebut|serif-B:PIHAK KEDUA"
	if strings.Join(got, "|") != want {
		t.Errorf("runs %q, want %q", strings.Join(got, "|"), want)
	}
	for i := 1; i < len(bs); i++ {
		if gap := bs[i].X - bs[i-1].X - bs[i-1].W; math.Abs(gap-c.space(bodySize)) > 1e-9 {
			t.Errorf("gap before %q is %g", bs[i].Text, gap)
		}
	}
}

// TestRupiah checks the Indonesian thousands separator.
func TestRupiah(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1.000", 1234567: "1.234.567",
		-45123456789: "-45.123.456.789", 100000: "100.000"} {
		if got := rupiah(n); got != want {
			t.Errorf("rupiah(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestPlaceDate checks the date line with and without a date.
func TestPlaceDate(t *testing.T) {
	a := &data.Agreement{Tahun: 2021, Tempat: "Jakarta"}
	if got := placeDate(a); got != "Jakarta, 2021" {
		t.Errorf("no date: %q", got)
	}
	a.Tanggal = time.Date(2021, time.August, 17, 0, 0, 0, 0, time.UTC)
	if got := placeDate(a); got != "Jakarta, 17 Agustus 2021" {
		t.Errorf("date: %q", got)
	}
	a.Tempat = ""
	if got := placeDate(a); got != "17 Agustus 2021" {
		t.Errorf("no place: %q", got)
	}
}

// recordingMeasurer counts how often each string is measured.
type recordingMeasurer struct {
	fakeMeasurer
	seen map[measureKey]int
}

// Width implements Measurer.
func (m *recordingMeasurer) Width(f Font, size float64, s string) float64 {
	m.seen[measureKey{f.Bold, f.Italic, size, s}]++
	return m.fakeMeasurer.Width(f, size, s)
}

// TestMeasureOnce checks that layout measures each string once.
func TestMeasureOnce(t *testing.T) {
	m := &recordingMeasurer{seen: map[measureKey]int{}}
	if _, err := Agreement(seedAgreement(), m); err != nil {
		t.Fatal(err)
	}
	for _, k := range sortedKeys(stringKeys(m.seen)) {
		if n := stringKeys(m.seen)[k]; n > 1 {
			t.Errorf("%s measured %d times", k, n)
		}
	}
	if len(m.seen) < 500 {
		t.Errorf("only %d strings measured; the test does not measure what it should", len(m.seen))
	}
}

// stringKeys renders measure keys as strings for sorted reporting.
func stringKeys(m map[measureKey]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, n := range m {
		out[fmt.Sprintf("bold=%v %g %q", k.bold, k.size, k.s)] += n
	}
	return out
}

// TestDeterministic checks that two layouts of the same model dump alike.
func TestDeterministic(t *testing.T) {
	a := stressAgreement(70)
	var dumps [2]strings.Builder
	for i := range dumps {
		if err := Dump(&dumps[i], layoutOK(t, a)); err != nil {
			t.Fatal(err)
		}
	}
	if dumps[0].String() != dumps[1].String() {
		t.Error("two layouts of one model differ")
	}
}

// TestSeedFile lays out data/pk-2021-bppbj.toml through the decoder, with
// the same invariants as the seed built in code.
func TestSeedFile(t *testing.T) {
	a, err := data.DecodeFile("../data/pk-2021-bppbj.toml")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("data/pk-2021-bppbj.toml not there yet")
	}
	if err != nil {
		t.Fatal(err)
	}
	d := layoutOK(t, a)
	checkAll(t, a, d)
	want := seedAgreement()
	if n, m := len(a.Indicators()), len(want.Indicators()); n != m {
		t.Errorf("decoded seed has %d indicators, the seed in code %d", n, m)
	}
}
