package sign

import (
	"testing"

	"kinerja/internal/testpki"
	"kinerja/internal/testtool"
)

// BenchmarkSignBoth signs the sample agreement (about 90 KB) for both
// parties: two updates, two stamps, two CMS signatures, and one
// verification of the result. cpu-ms/doc is the process's CPU time (GC
// included) per document, which other processes' load inflates less than
// ns/op.
func BenchmarkSignBoth(b *testing.B) {
	for _, typ := range []testpki.KeyType{testpki.RSA2048, testpki.P256} {
		b.Run(string(typ), func(b *testing.B) {
			p := newParties(b, typ)
			in := sample(b)
			steps := p.both("")
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			cpu0 := testtool.ProcessCPU()
			for b.Loop() {
				if _, err := SignAll(in, steps...); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((testtool.ProcessCPU()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/doc")
		})
	}
}

// BenchmarkCheckSigned is the in-memory check SignAll ends with, on the
// sample agreement signed by both parties (RSA-2048).
func BenchmarkCheckSigned(b *testing.B) {
	p := newParties(b, testpki.RSA2048)
	in := sample(b)
	out, err := SignAll(in, p.both("")...)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		if err := checkSigned(in, out, false); err != nil {
			b.Fatal(err)
		}
	}
}
