package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleTOML is the agreement of the seed document.
func sampleTOML(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs("../../data/pk-2021-bppbj.toml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("sample agreement missing: %v", err)
	}
	return p
}

// runCLI runs the program with args and returns exit code and output.
func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestRenderUsage(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"render"}, "no input file"},
		{[]string{"render", "a.toml", "b.toml", "-o", "x.pdf"}, "-o takes exactly one input file, got 2"},
		{[]string{"render", "-x", "a.toml"}, "kinerja render: unknown flag -x (kinerja render --help lists the flags)\n"},
		{[]string{"render", "a.toml", "-o"}, "kinerja render: -o needs a value: -o FILE\n"},
	}
	for _, c := range cases {
		code, stdout, stderr := runCLI(c.args...)
		if code != exitUsage || stdout != "" || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, stdout, stderr, c.want)
		}
	}
}

func TestRenderDefaultOutput(t *testing.T) {
	in := sampleTOML(t)
	dir := t.TempDir()
	t.Chdir(dir)
	code, stdout, stderr := runCLI("render", in)
	want := filepath.Join("out", "pk-2021-bppbj.pdf")
	if code != exitOK || strings.TrimSpace(stdout) != want {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 0 and %q", code, stdout, stderr, want)
	}
	assertPDF(t, filepath.Join(dir, want))
	leftovers, _ := filepath.Glob(filepath.Join(dir, "out", ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestRenderFlagAfterInput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pk.pdf")
	code, stdout, stderr := runCLI("render", sampleTOML(t), "-o", out)
	if code != exitOK || strings.TrimSpace(stdout) != out {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	assertPDF(t, out)
}

func TestRenderBadInputKeepsOutput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("tahun = \"dua ribu\"\n[pihak_pertama\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "keep.pdf")
	if err := os.WriteFile(out, []byte("GOOD"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI("render", bad, "-o", out)
	if code != exitBadInput || stdout != "" || !strings.Contains(stderr, "bad.toml:") {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and a FILE:LINE message", code, stdout, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "GOOD" {
		t.Errorf("existing output changed to %q", b)
	}
	missing := filepath.Join(dir, "none.pdf")
	if code, _, _ := runCLI("render", bad, "-o", missing); code != exitBadInput {
		t.Errorf("exit %d, want 1", code)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("output created for a bad input: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("directory holds %d entries after failures, want 2 (bad.toml, keep.pdf)", len(entries))
	}
}

// assertPDF checks that path holds a complete PDF.
func assertPDF(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-1.")) || !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
		t.Errorf("%s is not a complete PDF (%d bytes)", path, len(b))
	}
}
