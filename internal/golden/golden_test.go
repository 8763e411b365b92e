package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Name() string              { return "TestX" }
func (r *recorder) Errorf(f string, a ...any) { r.failed, r.msg = true, f }
func (r *recorder) Fatalf(f string, a ...any) { r.failed, r.msg = true, f; panic(r) }

func run(tb testing.TB, path string, got []byte) (r *recorder) {
	r = &recorder{TB: tb}
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
	}()
	Check(r, path, got)
	return r
}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden")
	if r := run(t, path, []byte("a")); !r.failed || !strings.Contains(r.msg, "-update") {
		t.Fatalf("missing golden file did not fail: %+v", r)
	}
	if err := os.WriteFile(path, []byte("a\nb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, path, []byte("a\nb\n")); r.failed {
		t.Fatalf("equal output failed: %s", r.msg)
	}
	if r := run(t, path, []byte("a\nc\n")); !r.failed {
		t.Fatal("different output passed")
	}
}

func TestFirstDiff(t *testing.T) {
	if d := FirstDiff([]byte("a\nb"), []byte("a\nc")); !strings.Contains(d, "line 2") {
		t.Fatalf("FirstDiff = %q", d)
	}
	if d := FirstDiff([]byte("a"), []byte("a\nb")); !strings.Contains(d, "1 lines, want 2") {
		t.Fatalf("FirstDiff = %q", d)
	}
}
