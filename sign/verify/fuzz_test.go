package verify

import (
	"bytes"
	"testing"

	"kinerja/sign/verify/verifytest"
)

// FuzzVerify feeds damaged signed PDFs to the verifier: it may return an
// error or a failing report, but must not panic. It calls verifyBytes, not
// Verify, so that a panic is not hidden by Verify's last-resort recover.
// Run it with a short minimisation, or the workers spend their time
// minimising each new input (9 executions in 10 s before):
// go test ./sign/verify -run XXX -fuzz FuzzVerify -fuzztime 60s -fuzzminimizetime 5x
func FuzzVerify(f *testing.F) {
	fx := fixtures(f)
	f.Add(fx.once)
	f.Add(fx.twice)
	f.Add(fx.twice[:len(fx.twice)/2])
	if changed, err := verifytest.ChangePage1(fx.twice, "X"); err == nil {
		f.Add(changed)
	}
	if added, err := verifytest.AddPage(fx.once, "X"); err == nil {
		f.Add(added)
	}
	f.Add(bytes.Replace(fx.twice, []byte("/ByteRange"), []byte("/ByteRangX"), 1))
	f.Add([]byte("%PDF-1.7\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := VerifyBytes(data, Options{Roots: fx.pki.Roots()})
		if err == nil && rep.OK() && !bytes.Equal(data, fx.once) && !bytes.Equal(data, fx.twice) {
			// A mutation may still be valid (e.g. trailing white space),
			// but it must then have verified signatures.
			for _, s := range rep.Signatures {
				if !s.Integrity {
					t.Fatalf("OK report with a signature lacking integrity")
				}
			}
		}
	})
}
