package verify

import (
	"os/exec"
	"strings"
	"testing"

	"kinerja/internal/pdfread"
	"kinerja/internal/pdfread/pdfreadtest"
)

// TestRawFastPath fails when the reflective reader of the PDF reader's
// private stream offset (raw.go) stops finding it: the stream cache would
// silently switch off and verification would only get slower.
func TestRawFastPath(t *testing.T) {
	data := pdfreadtest.Hand("<</Type /Catalog /Pages 2 0 R /Metadata 3 0 R>>", "<</Type /Pages /Kids [] /Count 0>>",
		"<</Length 5>>\nstream\nhallo\nendstream")
	d, err := pdfread.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	root := d.Reader.Trailer().Key("Root")
	want := int64(strings.Index(string(data), "hallo"))
	if off, ok := rawStreamOffset(root.Key("Metadata")); !ok || off != want {
		t.Errorf("rawStreamOffset = %d %v, want %d true", off, ok, want)
	}
}

// TestVerifierDeps: the verifier must not pull in the writer side (the
// TOML decoder, data model, layout, renderer, fpdf and its fonts).
func TestVerifierDeps(t *testing.T) {
	goBin, err := exec.LookPath("go") // the system path, as runtime.GOROOT's deprecation asks
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(goBin, "list", "-deps", "kinerja/sign/verify").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, bad := range []string{"kinerja/layout", "kinerja/render", "kinerja/data", "kinerja/report",
			"kinerja/fonts", "codeberg.org/go-pdf/fpdf", "github.com/BurntSushi/toml"} {
			if dep == bad || strings.HasPrefix(dep, bad+"/") {
				t.Errorf("kinerja/sign/verify depends on %s", dep)
			}
		}
	}
}
