package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/internal/testtool"
)

// requireTool skips the test when an outside tool is missing, or fails it
// when the environment variable CI is set.
func requireTool(t *testing.T, name string) { testtool.Require(t, name) }

// runTool runs an outside tool and returns its combined output; it fails
// the test on a non-zero exit.
func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	requireTool(t, name)
	cmd := exec.Command(name, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out.String())
	}
	return out.String()
}

// writeTemp writes a PDF into the test's temporary directory.
func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// checkPDFTools runs the outside checks every rendered PDF must pass:
// qpdf --check without errors or warnings, every font embedded and
// subset, no links anywhere and no annotation but signature widgets.
func checkPDFTools(t *testing.T, path string) {
	t.Helper()
	out := runTool(t, "qpdf", "--check", path)
	if !strings.Contains(out, "No syntax or stream encoding errors found") || strings.Contains(strings.ToLower(out), "warning") {
		t.Errorf("qpdf --check %s:\n%s", path, out)
	}
	checkFonts(t, runTool(t, "pdffonts", path))
	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	runTool(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"/Link", "/URI"} {
		if bytes.Contains(raw, []byte(bad)) {
			t.Errorf("%s contains %s", path, bad)
		}
	}
	if a, w := bytes.Count(raw, []byte("/Type /Annot")), bytes.Count(raw, []byte("/Subtype /Widget")); a != w {
		t.Errorf("%s has %d annotations, of which %d widgets", path, a, w)
	}
}

// checkFonts asserts that every font pdffonts lists is embedded, subset
// and has a /ToUnicode map (a document without text has none).
func checkFonts(t *testing.T, out string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2 || !strings.HasSuffix(strings.TrimSpace(lines[0]), "emb sub uni object ID") {
		t.Fatalf("pdffonts output unexpected:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || !strings.Contains(f[0], "+") {
			t.Errorf("font not embedded as subset: %s", l)
		}
		if len(f) < 7 || f[len(f)-3] != "yes" {
			t.Errorf("font without /ToUnicode (pdffonts uni column): %s", l)
		}
	}
}
