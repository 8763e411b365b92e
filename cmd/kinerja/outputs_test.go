package main

import (
	"bytes"
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
