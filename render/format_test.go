package render

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"kinerja/internal/golden"
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
	if golden.Updating() {
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
