package batch

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var (
	genDir = flag.String("gen-dir", "", "write generated agreements into this directory (TestWriteGenerated)")
	genN   = flag.Int("gen-n", 1000, "number of agreements -gen-dir gets")
	genOne = flag.Bool("gen-same-parties", false, "every generated agreement names the same two people")
)

// TestWriteGenerated writes -gen-n generated agreements as
// pk-gen-NNNNN.toml into -gen-dir, for measuring the command line on a
// realistic batch (make bench-rss). Without -gen-dir it writes three into
// a temporary directory and checks them.
func TestWriteGenerated(t *testing.T) {
	dir, n := *genDir, *genN
	if dir == "" {
		dir, n = t.TempDir(), 3
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("pk-gen-%05d.toml", i))
		if err := os.WriteFile(p, []byte(genAgreementWith(i, *genOne)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	names, err := Inputs([]string{dir}, ".toml")
	if err != nil || len(names) != n {
		t.Fatalf("Inputs(%s) = %d names, %v; want %d", dir, len(names), err, n)
	}
}
