package api

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const samplePath = "../data/pk-2021-bppbj.toml"

// TestRenderFileKeepsOutput: a failed render leaves an existing output as
// it was and no temporary file; missing directories are created.
func TestRenderFileKeepsOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "pk.pdf")
	if err := RenderFile(samplePath, out); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(out)
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("tahun = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := RenderFile(bad, out); err == nil || !strings.Contains(err.Error(), "bad.toml:") {
		t.Errorf("err = %v, want a positioned error for bad.toml", err)
	}
	if now, _ := os.ReadFile(out); !bytes.Equal(now, good) {
		t.Error("a failed render changed the existing output")
	}
	if err := RenderFile(samplePath, filepath.Join(dir, "new", "pk.pdf")); err != nil {
		t.Errorf("writing into a new directory: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d entries in the directory, want 3 (no temporary files left)", len(entries))
	}
}

// TestRenderStreamEqualsFile: the file form writes exactly what the
// stream form produces.
func TestRenderStreamEqualsFile(t *testing.T) {
	src, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Render(bytes.NewReader(src), samplePath, &buf); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "pk.pdf")
	if err := RenderFile(samplePath, out); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, buf.Bytes()) {
		t.Fatal("RenderFile and Render differ")
	}
}
