package fonts

import (
	"slices"
	"testing"
)

func TestCoverage(t *testing.T) {
	for _, fam := range Families {
		c, err := CoverageOf(fam)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range "Aé≥≤–—“”‘’…Rp 1.234,5%\n" {
			if !c.Has(r) {
				t.Errorf("%s: %q (%U) reported missing", fam, r, r)
			}
		}
		got := c.Missing("ok 😀 نص 中文 ꦗꦮ 😀")
		want := []rune("😀نص中文ꦗꦮ")
		if !slices.Equal(got, want) {
			t.Errorf("%s: Missing = %q, want %q", fam, string(got), string(want))
		}
	}
	if _, err := CoverageOf("comic"); err == nil {
		t.Error("unknown family accepted")
	}
}

// TestCoverageBitsMatchFaces checks the bitset against the faces' own
// glyph maps for every rune below U+10000 and a few above.
func TestCoverageBitsMatchFaces(t *testing.T) {
	for _, fam := range Families {
		c, err := CoverageOf(fam)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for r := rune(0); r < 0x10000+512; r++ {
			want := r == '\n' || r == '\t' || c.inFaces(r)
			if c.Has(r) != want {
				t.Fatalf("%s: Has(%U) = %v, want %v", fam, r, !want, want)
			}
			if want {
				n++
			}
		}
		if n < 500 {
			t.Errorf("%s: only %d runes covered", fam, n)
		}
	}
}
