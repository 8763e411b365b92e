package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kinerja/sign"
)

// signFixture is a rendered sample agreement and development keys.
type signFixture struct {
	dir, pdf, p1, p2, pass1, pass2 string
}

// newSignFixture renders the sample and creates keys in a temp dir.
func newSignFixture(t *testing.T) signFixture {
	t.Helper()
	dir := t.TempDir()
	f := signFixture{dir: dir, pdf: filepath.Join(dir, "pk.pdf"),
		p1: filepath.Join(dir, "pertama.p12"), p2: filepath.Join(dir, "kedua.p12")}
	f.pass1, f.pass2 = f.p1+".pass", f.p2+".pass"
	if code, _, stderr := runCLI("render", sampleTOML(t), "-o", f.pdf); code != exitOK {
		t.Fatalf("render: %s", stderr)
	}
	if _, err := makeDevKeys(dir, sampleTOML(t), "p256", time.Now()); err != nil {
		t.Fatal(err)
	}
	t.Setenv("KINERJA_KEY_PASSWORD", "")
	os.Unsetenv("KINERJA_KEY_PASSWORD")
	return f
}

// noPrompt makes the password prompt fail like on a non-terminal stdin.
func noPrompt(t *testing.T) {
	old := promptSecret
	promptSecret = func(string, io.Writer) ([]byte, error) { return nil, errors.New("stdin is not a terminal") }
	t.Cleanup(func() { promptSecret = old })
}

func TestSignCLIBoth(t *testing.T) {
	f := newSignFixture(t)
	out := filepath.Join(f.dir, "signed.pdf")
	code, stdout, stderr := runCLI("sign", f.pdf, "--pertama", f.p1, "--kedua", f.p2,
		"--pertama-password-file", f.pass1, "--kedua-password-file", f.pass2, "-o", out)
	if code != exitOK || strings.TrimSpace(stdout) != out {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	unsigned, _ := os.ReadFile(f.pdf)
	signed, _ := os.ReadFile(out)
	if !bytes.HasPrefix(signed, unsigned) || len(signed) <= len(unsigned) {
		t.Fatal("the unsigned file is not a proper prefix of the signed one")
	}
}

func TestSignCLIOneByOneInPlace(t *testing.T) {
	f := newSignFixture(t)
	t.Setenv("KINERJA_KEY_PASSWORD", readPass(t, f.pass1))
	if code, _, stderr := runCLI("sign", f.pdf, "--party", "pertama", "--key", f.p1, "-o", f.pdf); code != exitOK {
		t.Fatalf("pertama in place: %s", stderr)
	}
	t.Setenv("KINERJA_KEY_PASSWORD", readPass(t, f.pass2))
	if code, _, stderr := runCLI("sign", f.pdf, "-o", f.pdf, "--party", "kedua", "--key", f.p2); code != exitOK {
		t.Fatalf("kedua in place: %s", stderr)
	}
	doc, _ := os.ReadFile(f.pdf)
	if n := bytes.Count(doc, []byte("/Type /Sig /Filter")); n != 2 {
		t.Errorf("%d signatures, want 2", n)
	}
}

// readPass returns the password stored in a .pass file.
func readPass(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

func TestSignCLIRefusals(t *testing.T) {
	f := newSignFixture(t)
	noPrompt(t)
	wrong := filepath.Join(f.dir, "wrong.pass")
	if err := os.WriteFile(wrong, []byte("not-the-password\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	expired := expiredKey(t, f.dir)
	out := filepath.Join(f.dir, "out.pdf")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"kedua first", []string{"--party", "kedua", "--key", f.p2, "--password-file", f.pass2}, "PIHAK PERTAMA signs first and has not signed yet"},
		{"wrong password", []string{"--party", "pertama", "--key", f.p1, "--password-file", wrong}, "wrong password"},
		{"no password", []string{"--party", "pertama", "--key", f.p1}, "stdin is not a terminal"},
		{"expired", []string{"--party", "pertama", "--key", expired, "--password-file", wrong}, "expired on"},
		{"missing key", []string{"--party", "pertama", "--key", "nope.p12", "--password-file", wrong}, "nope.p12"},
	}
	for _, c := range cases {
		args := append([]string{"sign", f.pdf, "-o", out}, c.args...)
		code, stdout, stderr := runCLI(args...)
		if code != exitBadInput || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", c.name, code, stderr, exitBadInput, c.want)
		}
		if strings.Contains(stdout+stderr, "not-the-password") || strings.Contains(stdout+stderr, readPass(t, f.pass1)) {
			t.Errorf("%s: a password appears in the output", c.name)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%s: an output file was written", c.name)
		}
	}
}

// expiredKey writes a PKCS#12 file (password "not-the-password") whose
// certificate expired yesterday.
func expiredKey(t *testing.T, dir string) string {
	t.Helper()
	now := time.Now()
	ca, err := sign.NewDevCA(now.AddDate(-3, 0, 0), "p256")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ca.Issue(now, sign.Identity{Name: "BLESSMIYANDA", KeyType: "p256",
		NotBefore: now.AddDate(-2, 0, 0), NotAfter: now.AddDate(0, 0, -1)})
	if err != nil {
		t.Fatal(err)
	}
	p12, err := sign.EncodePKCS12(c, "not-the-password")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "expired.p12")
	if err := os.WriteFile(p, p12, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSignCLIUsage(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"sign"}, "want exactly one input PDF, got 0"},
		{[]string{"sign", "a.pdf", "--party", "pertama", "--key", "k.p12"}, "no output"},
		{[]string{"sign", "a.pdf", "-o", "b.pdf", "--key", "k.p12"}, "--party pertama or --party kedua is required"},
		{[]string{"sign", "a.pdf", "-o", "b.pdf", "--party", "pertama"}, "exactly one of --key"},
		{[]string{"sign", "a.pdf", "-o", "b.pdf", "--pertama", "k.p12"}, "--pertama and --kedua go together"},
		{[]string{"sign", "a.pdf", "-o", "b.pdf", "--party", "pertama", "--pkcs11-module", "x.so"}, "needs --token and --key-label"},
		// Secrets are never accepted on the command line.
		{[]string{"sign", "a.pdf", "-o", "b.pdf", "--party", "pertama", "--key", "k.p12", "--password", "s3cret"}, "kinerja sign: unknown flag --password; did you mean --password-file?\n"},
		{[]string{"sign", "a.pdf", "-o", "b.pdf", "--pin", "1234"}, "kinerja sign: unknown flag --pin; did you mean --pin-file?\n"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, exitUsage, c.want)
		}
	}
}
