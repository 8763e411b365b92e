package testpdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/internal/testtool"
)

func TestBuildIsClean(t *testing.T) {
	doc, tr := Build("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>")
	if tr.Size != 3 || tr.Root != 1 || !strings.HasPrefix(string(doc[tr.Prev:]), "xref\n0 3\n") {
		t.Fatalf("trailer %+v does not match the file", tr)
	}
	path := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(testtool.Require(t, "qpdf"), "--check", path).CombinedOutput()
	if err != nil || strings.Contains(string(out), "WARNING") {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}
