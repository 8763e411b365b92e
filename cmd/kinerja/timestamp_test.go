package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/internal/testpki"
)

// ltvFixture is a rendered sample, both parties' PKCS#12 keys from the
// test PKI (whose certificates name its OCSP responder and CRLs), a
// timestamp authority and the root as PEM.
type ltvFixture struct {
	pki                 *testpki.PKI
	dir, pdf, root, tsa string
	p1, p2, pass        string
	pertama, kedua      *testpki.Leaf
}

// newLTVFixture renders the sample and issues both parties' keys.
func newLTVFixture(t *testing.T) *ltvFixture {
	t.Helper()
	p := testpki.New(t)
	dir := t.TempDir()
	f := &ltvFixture{pki: p, dir: dir, pdf: filepath.Join(dir, "pk.pdf"), root: filepath.Join(dir, "root.pem"),
		tsa: p.StartTSA(t).URL, pass: filepath.Join(dir, "pass")}
	if code, _, stderr := runCLI("render", sampleTOML(t), "-o", f.pdf); code != exitOK {
		t.Fatalf("render: %s", stderr)
	}
	f.pertama = p.Leaf(t, testpki.P256, testpki.Spec{CommonName: "BLESSMIYANDA", SerialNumber: "NIP 196910131997031004"})
	f.kedua = p.Leaf(t, testpki.P256, testpki.Spec{CommonName: "Anies Rasyid Baswedan"})
	f.p1 = f.pertama.WritePKCS12(t, "pertama.p12", "rahasia")
	f.p2 = f.kedua.WritePKCS12(t, "kedua.p12", "rahasia")
	for name, b := range map[string][]byte{f.root: p.RootPEM(), f.pass: []byte("rahasia\n")} {
		if err := os.WriteFile(name, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// sign signs f.pdf for both parties with --tsa and --ltv into out.
func (f *ltvFixture) sign(out string) (int, string) {
	code, _, stderr := runCLI("sign", f.pdf, "-o", out, "--pertama", f.p1, "--kedua", f.p2,
		"--pertama-password-file", f.pass, "--kedua-password-file", f.pass, "--tsa", f.tsa, "--ltv")
	return code, stderr
}

// sign --ltv then timestamp: verify reports both signatures and the
// document timestamp, VALID; a second timestamp renews again.
func TestTimestampCLI(t *testing.T) {
	f := newLTVFixture(t)
	signed, stamped := filepath.Join(f.dir, "signed.pdf"), filepath.Join(f.dir, "arsip.pdf")
	if code, stderr := f.sign(signed); code != exitOK {
		t.Fatalf("sign --ltv: exit %d: %s", code, stderr)
	}
	doc, _ := os.ReadFile(signed)
	if !strings.Contains(string(doc), "/DSS") || !strings.Contains(string(doc), "/OCSPs") {
		t.Fatal("sign --ltv wrote no /DSS with /OCSPs")
	}
	if code, _, stderr := runCLI("timestamp", signed, "--tsa", f.tsa, "-o", stamped, "--trust", f.root); code != exitOK {
		t.Fatalf("timestamp: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := runCLI("verify", stamped, "--trust", f.root)
	if code != exitOK {
		t.Fatalf("verify: exit %d: %s%s", code, stdout, stderr)
	}
	for _, want := range []string{"3 signature(s)", "Signature 3 (document timestamp): valid", "Name:          kinerja TEST TSA",
		"Signature 1 (PIHAK PERTAMA): valid", "VALID: 3 signature(s)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("verify output lacks %q:\n%s", want, stdout)
		}
	}
	if code, _, stderr := runCLI("timestamp", stamped, "--tsa", f.tsa, "-o", stamped, "--trust", f.root); code != exitOK {
		t.Fatalf("second timestamp in place: exit %d: %s", code, stderr)
	}
}

// A revoked certificate makes sign --ltv fail naming it and write
// nothing; timestamp refuses an unsigned PDF; --ltv needs --tsa.
func TestLTVCLIRefusals(t *testing.T) {
	f := newLTVFixture(t)
	f.pki.Revoke(f.kedua.Cert.SerialNumber)
	out := filepath.Join(f.dir, "signed.pdf")
	if code, stderr := f.sign(out); code != exitBadInput || !strings.Contains(stderr, "Anies Rasyid Baswedan") || !strings.Contains(stderr, "revoked") {
		t.Errorf("sign --ltv with a revoked certificate: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("sign --ltv wrote an output although a certificate is revoked")
	}
	code, _, stderr := runCLI("timestamp", f.pdf, "--tsa", f.tsa, "-o", out, "--trust", f.root)
	if code != exitBadInput || !strings.Contains(stderr, "not validly signed") {
		t.Errorf("timestamp of an unsigned PDF: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("timestamp wrote an output for an unsigned PDF")
	}
	code, _, stderr = runCLI("sign", f.pdf, "-o", out, "--party", "pertama", "--key", f.p1, "--ltv")
	if code != exitUsage || !strings.Contains(stderr, "--ltv needs --tsa") {
		t.Errorf("--ltv without --tsa: exit %d, stderr %q", code, stderr)
	}
}
