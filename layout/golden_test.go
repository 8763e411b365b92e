package layout

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"kinerja/data"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden compares the Dump of each case with testdata/<name>.golden.
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		a    *data.Agreement
	}{
		{"seed", seedAgreement()},
		{"rich-f4", richAgreement(t)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Agreement(tc.a, &fakeMeasurer{})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := Dump(&b, d); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("dump differs from %s (run go test -update and review the diff)", path)
			}
		})
	}
}
