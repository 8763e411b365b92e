package outfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"kinerja/internal/testtool"
)

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// entries lists the names in dir (to find stray temporary files).
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.pdf")
	if err := WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new content"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, p); got != "new content" {
		t.Fatalf("content %q", got)
	}
	fi, _ := os.Stat(p)
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", fi.Mode().Perm())
	}
	if n := entries(t, dir); len(n) != 1 {
		t.Fatalf("directory holds %v, want only a.pdf", n)
	}
}

func TestFailedFillKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.pdf")
	if err := WriteFile(p, []byte("good"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(p, 0o644, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if got := readString(t, p); got != "good" {
		t.Fatalf("old file clobbered: %q", got)
	}
	if n := entries(t, dir); len(n) != 1 {
		t.Fatalf("temporary file left: %v", n)
	}
}

func TestCreatedDirectoriesRemovedOnFailure(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x", "y", "a.pdf")
	err := Write(p, 0o644, func(io.Writer) error { return errors.New("boom") })
	if err == nil {
		t.Fatal("no error")
	}
	if n := entries(t, dir); len(n) != 0 {
		t.Fatalf("left behind: %v", n)
	}
	if err := WriteFile(p, []byte("ok"), 0o644); err != nil {
		t.Fatal(err)
	}
	if readString(t, p) != "ok" {
		t.Fatal("not written")
	}
}

func TestRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{fifo, "named pipe"},
		{"/dev/null", "device"},
		{dir, "directory"},
	} {
		err := WriteFile(tc.path, []byte("x"), 0o644)
		if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q and ErrNotRegular", tc.path, err, tc.want)
		}
	}
	fi, err := os.Stat("/dev/null")
	if err != nil || fi.Mode()&os.ModeDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", fi, err)
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatal("FIFO replaced")
	}
}

func TestWritesThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.pdf")
	link := filepath.Join(dir, "link.pdf")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.pdf", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a file")
	}
	if got := readString(t, real); got != "new" {
		t.Fatalf("target holds %q", got)
	}
}

func TestGroupAbortLeavesTargets(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.json")
	if err := WriteFile(a, []byte("A"), 0o644); err != nil {
		t.Fatal(err)
	}
	var g Group
	fill := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := g.Add(a, 0o644, fill("A2")); err != nil {
		t.Fatal(err)
	}
	if err := g.Add(b, 0o644, func(io.Writer) error { return errors.New("boom") }); err == nil {
		t.Fatal("no error")
	}
	g.Abort()
	if readString(t, a) != "A" {
		t.Fatal("a replaced after abort")
	}
	if n := entries(t, dir); len(n) != 1 {
		t.Fatalf("left behind: %v", n)
	}
}

func TestDiskFullKeepsOldFile(t *testing.T) {
	dir := testtool.SmallDisk(t, 64<<10)
	p := filepath.Join(dir, "a.pdf")
	if err := WriteFile(p, []byte("good"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(p, make([]byte, 1<<20), 0o644)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want ENOSPC", err)
	}
	if got := readString(t, p); got != "good" {
		t.Fatalf("old file clobbered: %q", got)
	}
	if n := entries(t, dir); len(n) != 1 {
		t.Fatalf("left behind on the full disk: %v", n)
	}
}

// TestWriteNewNeverReplaces: WriteNew writes a new file, refuses an
// existing one, and refuses one that another process creates after the
// existence check (here: while the new content is being written), leaving
// that file as it was and no temporary file behind.
func TestWriteNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pk.toml")
	if err := WriteNew(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteNew(path, []byte("again"), 0o644); !errors.Is(err, ErrExists) {
		t.Errorf("second WriteNew: %v, want ErrExists", err)
	}
	racy := filepath.Join(dir, "racy.toml")
	err := writeNew(racy, 0o644, func(w io.Writer) error {
		if err := os.WriteFile(racy, []byte("theirs"), 0o644); err != nil {
			return err
		}
		_, err := w.Write([]byte("ours"))
		return err
	})
	if !errors.Is(err, ErrExists) {
		t.Errorf("WriteNew over a file created meanwhile: %v, want ErrExists", err)
	}
	for p, want := range map[string]string{path: "new", racy: "theirs"} {
		if got, _ := os.ReadFile(p); string(got) != want {
			t.Errorf("%s holds %q, want %q", filepath.Base(p), got, want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the directory holds %d entries, want 2 (a temporary file was left?)", len(entries))
	}
}
