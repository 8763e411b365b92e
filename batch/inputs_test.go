package batch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestInputsExpandsDirectoriesSorted(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.toml", "a.toml", "C.TOML", ".hidden.toml", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "a.toml"), filepath.Join(dir, "link.toml")); err != nil {
		t.Fatal(err)
	}
	got, err := Inputs([]string{"x.toml", dir, "missing.toml"}, ".toml")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"x.toml"}
	for _, n := range []string{"C.TOML", "a.toml", "b.toml", "link.toml"} {
		want = append(want, filepath.Join(dir, n))
	}
	want = append(want, "missing.toml")
	if !slices.Equal(got, want) {
		t.Errorf("Inputs = %q,\nwant %q", got, want)
	}
	if !IsDir([]string{"x.toml", dir}) || IsDir([]string{"x.toml"}) {
		t.Error("IsDir wrong")
	}
}

func TestInputsEmptyDirectory(t *testing.T) {
	dir := t.TempDir()
	_, err := Inputs([]string{dir}, ".pdf")
	if err == nil || !strings.Contains(err.Error(), "no *.pdf file in this directory") {
		t.Errorf("err = %v", err)
	}
}
