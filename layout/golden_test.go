package layout

import (
	"bytes"
	"kinerja/internal/golden"
	"path/filepath"
	"testing"

	"kinerja/data"
)

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
			golden.Check(t, filepath.Join("testdata", tc.name+".golden"), b.Bytes())
		})
	}
}
