package sign

import "testing"

// BenchmarkSignBoth signs a ~100 KB PDF for both parties.
func BenchmarkSignBoth(b *testing.B) {
	for _, kt := range []string{"rsa2048", "p256"} {
		b.Run(kt, func(b *testing.B) {
			p := getPKI(b, kt)
			in := makePDF(b, testInfo(), pdfOpts{size: 100_000})
			steps := p.both("")
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := SignAll(in, steps...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAppearance rasterises one signature appearance.
func BenchmarkAppearance(b *testing.B) {
	a := Appearance{Name: "BLESSMIYANDA", NIP: "196910131997031004", Date: testNow, QR: "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef;signer:BLESSMIYANDA"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.PNG(200, 80); err != nil {
			b.Fatal(err)
		}
	}
}
