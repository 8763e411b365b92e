package data

import (
	"errors"
	"kinerja/internal/golden"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadFilesGolden decodes every testdata/bad/*.toml and compares the
// full problem list with the .golden file beside it (-update rewrites).
func TestBadFilesGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no bad files: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, err := DecodeFile(f)
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("got %v, want Errors", err)
			}
			checkSorted(t, errs)
			got := err.Error() + "\n"
			golden.Check(t, strings.TrimSuffix(f, ".toml")+".golden", []byte(got))
		})
	}
}

// checkSorted fails unless problems are ordered by line and column.
func checkSorted(t *testing.T, errs Errors) {
	t.Helper()
	for i := 1; i < len(errs); i++ {
		a, b := errs[i-1], errs[i]
		if a.Line > b.Line || a.Line == b.Line && a.Col > b.Col {
			t.Errorf("problems out of order: %v before %v", a, b)
		}
	}
}
