package main

import (
	"bytes"
	"kinerja/internal/testtool"
	"kinerja/render"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestRenderNeverDestroysInputs: an output that is the input (by another
// name too), a device, a FIFO or a directory is refused with a clear
// message, and nothing is replaced.
func TestRenderNeverDestroysInputs(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(sampleTOML(t))
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "pk.toml")
	writeTestFile(t, in, src)
	link := filepath.Join(dir, "hard.toml")
	if err := os.Link(in, link); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ out, want string }{
		{in, "is the input itself; choose another output name"},
		{filepath.Join(dir, ".", "pk.toml"), "is the input itself"},
		{link, "is the same file as the input"},
		{"/dev/null", "it is a device, not a regular file"},
		{fifo, "it is a named pipe (FIFO), not a regular file"},
		{dir, "it is a directory; give a file name"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI("render", in, "-o", c.out)
		if code != exitBadInput || !strings.Contains(stderr, c.want) {
			t.Errorf("render -o %s: exit %d, stderr %q; want %d and %q", c.out, code, stderr, exitBadInput, c.want)
		}
	}
	if got, _ := os.ReadFile(in); !bytes.Equal(got, src) {
		t.Fatal("the agreement was replaced")
	}
	if fi, err := os.Stat("/dev/null"); err != nil || fi.Mode()&os.ModeDevice == 0 {
		t.Fatal("/dev/null is no longer a device")
	}
}

// TestRenderFailureRemovesCreatedDirs: a failed render leaves no output
// directory behind that it created.
func TestRenderFailureRemovesCreatedDirs(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	writeTestFile(t, bad, []byte("tahun = 2021\n"))
	out := filepath.Join(dir, "a", "b", "pk.pdf")
	if code, _, _ := runCLI("render", bad, "-o", out); code != exitBadInput {
		t.Fatalf("exit %d, want %d", code, exitBadInput)
	}
	if _, err := os.Stat(filepath.Join(dir, "a")); !os.IsNotExist(err) {
		t.Fatalf("output directory left behind: %v", err)
	}
}

// TestExtractAllOrNothing: names "a" and "a/b" are refused before writing;
// a disk that fills half-way leaves nothing, not the files written so far.
func TestExtractAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	both := filepath.Join(dir, "both.pdf")
	renderWithFiles(t, both, []render.EmbeddedFile{{Name: "a", Data: []byte("1")}, {Name: "a/b", Data: []byte("2")}})
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI("extract", both, "-d", out)
	if code != exitBadInput || !strings.Contains(stderr, `refusing "a/b": "a" is embedded as a file too`) {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("the output directory was made despite the refusal")
	}
	big := filepath.Join(dir, "big.pdf")
	renderWithFiles(t, big, []render.EmbeddedFile{
		{Name: "small.toml", Data: []byte("a = 1\n")},
		{Name: "sub/large.bin", Data: bytes.Repeat([]byte{7}, 256<<10)},
	})
	disk := testtool.SmallDisk(t, 128<<10)
	code, stdout, stderr := runCLI("extract", big, "-d", filepath.Join(disk, "x"))
	if code != exitBadInput || !strings.Contains(stderr, "nothing written") || stdout != "" {
		t.Fatalf("full disk: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if es, _ := os.ReadDir(disk); len(es) != 0 {
		t.Fatalf("left on the full disk: %v", es)
	}
}

// TestHugeInputsRefusedUnread: a device or an oversized file named as an
// input is refused before it is read.
func TestHugeInputsRefusedUnread(t *testing.T) {
	for _, args := range [][]string{
		{"verify", "/dev/zero"},
		{"extract", "/dev/zero", "-d", t.TempDir()},
		{"verify", sampleTOML(t), "--trust", "/dev/zero"},
	} {
		code, _, stderr := runCLI(args...)
		if code != exitBadInput || !strings.Contains(stderr, "not a regular file") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// TestKeyFilesChecked: a garbage key file gets a plain message (no ASN.1
// dump), a device as key or password file is refused unread, and a
// password file others can read draws a warning.
func TestKeyFilesChecked(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "pk.pdf")
	if code, _, stderr := runCLI("render", sampleTOML(t), "-o", pdf); code != exitOK {
		t.Fatal(stderr)
	}
	garbage := filepath.Join(dir, "k.p12")
	writeTestFile(t, garbage, []byte("this is not a key file at all"))
	pass := filepath.Join(dir, "k.pass")
	writeTestFile(t, pass, []byte("secret\n"))
	os.Chmod(pass, 0o644)
	out := filepath.Join(dir, "s.pdf")
	code, _, stderr := runCLI("sign", pdf, "-o", out, "--party", "pertama", "--key", garbage, "--password-file", pass)
	if code != exitBadInput || !strings.Contains(stderr, "not a PKCS#12 key file") || strings.Contains(stderr, "asn1") {
		t.Errorf("garbage key: exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stderr, "can be read by other users (mode 0644)") {
		t.Errorf("no warning for a world-readable password file: %q", stderr)
	}
	for _, args := range [][]string{
		{"--key", "/dev/zero", "--password-file", pass},
		{"--key", garbage, "--password-file", "/dev/zero"},
	} {
		code, _, stderr := runCLI(append([]string{"sign", pdf, "-o", out, "--party", "pertama"}, args...)...)
		if code != exitBadInput || !strings.Contains(stderr, "not a regular file") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("an output was written")
	}
}
