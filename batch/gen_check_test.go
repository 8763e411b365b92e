package batch

import (
	"strings"
	"testing"

	"kinerja/data"
)

// TestGeneratedAgreementsAreValid decodes a range of generated agreements
// with the real decoder and checks that their sizes vary around the
// sample's.
func TestGeneratedAgreementsAreValid(t *testing.T) {
	minS, maxS, inds := 1000, 0, 0
	for i := range 200 {
		src := genAgreement(i)
		if src != genAgreement(i) {
			t.Fatalf("agreement %d differs between two calls", i)
		}
		a, err := data.Decode(strings.NewReader(src), "gen.toml")
		if err != nil {
			t.Fatalf("agreement %d: %v\n%s", i, err, src)
		}
		n := 0
		for _, grp := range a.Kelompok {
			n += len(grp.Sasaran)
			for _, s := range grp.Sasaran {
				inds += len(s.Indikator)
			}
		}
		minS, maxS = min(minS, n), max(maxS, n)
	}
	if minS > 14 || maxS < 24 {
		t.Errorf("sasaran counts range %d..%d, want about 12..26", minS, maxS)
	}
	if avg := float64(inds) / 200; avg < 19 || avg > 30 {
		t.Errorf("%.1f indicators per agreement on average, want about the sample's 21", avg)
	}
}
