package cades_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/internal/testpki"
	"kinerja/internal/testtool"
)

// opensslVerify runs openssl cms -verify on a detached signature over
// data, trusting the PKI's root at the clock.
func opensslVerify(t *testing.T, openssl string, p *testpki.PKI, sig, data []byte) (string, error) {
	dir := t.TempDir()
	files := map[string][]byte{"sig.der": sig, "content.bin": data, "ca.pem": p.RootPEM()}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(openssl, "cms", "-verify", "-binary", "-inform", "DER",
		"-in", "sig.der", "-content", "content.bin", "-CAfile", "ca.pem",
		"-purpose", "any", "-attime", fmt.Sprint(clock.Unix()), "-out", os.DevNull)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func TestOpenSSLVerifies(t *testing.T) {
	openssl := testtool.Require(t, "openssl")
	p := testpki.New(t, testpki.WithClock(clock))
	tsa := p.StartTSA(t)
	for _, c := range matrix(t, p, tsa) {
		t.Run(c.name, func(t *testing.T) {
			sig, err := c.signer.Sign(context.Background(), sum(c.signer.Hash, content))
			if err != nil {
				t.Fatal(err)
			}
			if out, err := opensslVerify(t, openssl, p, sig, content); err != nil || !strings.Contains(out, "Verification successful") {
				t.Fatalf("openssl cms -verify: %v\n%s", err, out)
			}
			if out, err := opensslVerify(t, openssl, p, sig, append(bytes.Clone(content), '!')); err == nil {
				t.Fatalf("openssl accepts the signature over changed content:\n%s", out)
			}
		})
	}
}
