package ltv

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"kinerja/internal/pdfedit"
	"kinerja/internal/pdfupdate"
	"kinerja/internal/testpdf"
	"kinerja/internal/testtool"
)

// handMade is a small PDF with a classic cross-reference table: object
// 1 is the catalog, 3 the page; objs[i] is object i+1.
var handMade = []string{
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>",
	"<< /Length 11 >>\nstream\n0 0 m 9 9 l\nendstream",
}

// buildPDF returns the file of objs and its trailer values.
func buildPDF(objs []string) ([]byte, pdfupdate.Trailer) {
	return testpdf.Build(objs...)
}

// writeTemp writes doc to a temporary file and returns its path.
func writeTemp(t *testing.T, doc []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// qpdf runs qpdf with args on doc and returns its output; an error or a
// warning fails the test.
func qpdf(t *testing.T, doc []byte, args ...string) []byte {
	t.Helper()
	bin := testtool.Require(t, "qpdf")
	out, err := exec.Command(bin, append(args, writeTemp(t, doc))...).CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("WARNING")) {
		t.Fatalf("qpdf %v: %v\n%s", args, err, out)
	}
	return out
}

// qpdfDict returns object n of doc as qpdf prints it, parsed.
func qpdfDict(t *testing.T, doc []byte, n int) *pdfedit.Dict {
	t.Helper()
	d, err := pdfedit.ParseDict(bytes.TrimSpace(qpdf(t, doc, fmt.Sprintf("--show-object=%d", n))))
	if err != nil {
		t.Fatalf("object %d: %v", n, err)
	}
	return d
}

// refsOf returns the references of the array d[key].
func refsOf(t *testing.T, d *pdfedit.Dict, key string) []int {
	t.Helper()
	v, ok := d.Get(key)
	if !ok {
		return nil
	}
	a, ok := v.(pdfedit.Array)
	if !ok {
		t.Fatalf("/%s is %s, want an array", key, pdfedit.Encode(v))
	}
	var out []int
	for _, e := range a {
		r, ok := e.(pdfedit.Ref)
		if !ok {
			t.Fatalf("/%s holds %s, want references", key, pdfedit.Encode(e))
		}
		out = append(out, r.Num)
	}
	return out
}

// streamData returns the decoded data of stream object n as qpdf reads it.
func streamData(t *testing.T, doc []byte, n int) []byte {
	t.Helper()
	return qpdf(t, doc, fmt.Sprintf("--show-object=%d", n), "--filtered-stream-data")
}

// catalogRef reads the /DSS reference of the catalog as qpdf sees it.
func catalogDSS(t *testing.T, doc []byte) int {
	t.Helper()
	v, ok := qpdfDict(t, doc, 1).Get("DSS")
	r, isRef := v.(pdfedit.Ref)
	if !ok || !isRef {
		t.Fatalf("catalog has no /DSS reference: %s", qpdf(t, doc, "--show-object=1"))
	}
	return r.Num
}
