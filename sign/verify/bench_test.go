package verify

import (
	"bytes"
	"testing"
)

// BenchmarkVerify verifies a two-signature document of about 100 KB.
func BenchmarkVerify(b *testing.B) {
	f := fixtures(b)
	data := f.bigTwice
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		rep, err := Verify(bytes.NewReader(data), int64(len(data)), Options{Roots: f.pki.Roots})
		if err != nil || !rep.OK() {
			b.Fatalf("verify: %v %v", err, rep.Reasons())
		}
	}
}
