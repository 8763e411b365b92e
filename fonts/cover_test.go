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
