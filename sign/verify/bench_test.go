package verify

import (
	"bytes"
	"testing"
)

// BenchmarkVerify verifies a two-signature document of about 100 KB.
func BenchmarkVerify(b *testing.B) {
	benchVerify(b, fixtures(b).bigTwice)
}

// BenchmarkVerifySmall verifies the two-signature one-page sample.
func BenchmarkVerifySmall(b *testing.B) {
	benchVerify(b, fixtures(b).twice)
}

// benchVerify verifies data, which must be OK, b.N times.
func benchVerify(b *testing.B, data []byte) {
	f := fixtures(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		rep, err := Verify(bytes.NewReader(data), int64(len(data)), Options{Roots: f.pki.Roots()})
		if err != nil || !rep.OK() {
			b.Fatalf("verify: %v %v", err, rep.Reasons())
		}
	}
}
