package render

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFormatGuard fails when the sample agreement renders to other bytes
// than the ones recorded for the current Format: bump Format (so that the
// re-render proof can tell old documents from tampered ones) and run the
// test with -update.
func TestFormatGuard(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	a := decode(t, filepath.Join("..", "data", "pk-2021-bppbj.toml"))
	var buf bytes.Buffer
	if err := Agreement(&buf, a); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("format %d sha256 %x\n", Format, sha256.Sum256(buf.Bytes()))
	path := filepath.Join("testdata", "format.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		if strings.HasPrefix(string(want), fmt.Sprintf("format %d ", Format)) {
			t.Fatalf("the sample renders to other bytes under the same render.Format %d:\n got  %s want %sbump Format in write.go, then run go test -run FormatGuard -update", Format, got, want)
		}
		t.Fatalf("format.golden is for another Format: got %s want %srun go test -run FormatGuard -update", got, want)
	}
}

// TestReproduceOtherFormat checks that a document written by another render
// format is reported as such, not as a document whose sources were changed.
func TestReproduceOtherFormat(t *testing.T) {
	a := decode(t, filepath.Join("..", "data", "pk-2021-bppbj.toml"))
	var buf bytes.Buffer
	if err := Agreement(&buf, a); err != nil {
		t.Fatal(err)
	}
	now := fmt.Sprintf(`&#34;format&#34;:%d}`, Format)
	if bytes.Count(buf.Bytes(), []byte(now)) != 1 {
		t.Fatalf("the XMP does not hold %s exactly once", now)
	}
	// Same length, so every offset stays valid.
	old := bytes.Replace(buf.Bytes(), []byte(now), []byte(fmt.Sprintf(`&#34;format&#34;:%d}`, Format+1)), 1)
	r, err := Reproduce(old)
	if err != nil {
		t.Fatal(err)
	}
	if r.Match || !r.OtherFormat || r.Format != Format+1 || !strings.Contains(r.Reason, "render format") {
		t.Errorf("Reproduce = %+v, want a mismatch marked OtherFormat with format %d", r, Format+1)
	}
	r, err = Reproduce(buf.Bytes())
	if err != nil || !r.Match || r.OtherFormat {
		t.Errorf("Reproduce(unchanged) = %+v, %v; want a match", r, err)
	}
}
