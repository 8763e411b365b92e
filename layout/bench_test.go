package layout

import "testing"

// BenchmarkAgreement lays out the seed (8 pages with the fake measurer).
func BenchmarkAgreement(b *testing.B) {
	a := seedAgreement()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Agreement(a, &fakeMeasurer{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgreementStress lays out the 60-indicator stress model.
func BenchmarkAgreementStress(b *testing.B) {
	a := stressAgreement(60)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Agreement(a, &fakeMeasurer{}); err != nil {
			b.Fatal(err)
		}
	}
}
