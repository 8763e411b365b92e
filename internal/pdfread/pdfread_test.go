package pdfread

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kinerja/internal/pdfread/pdfreadtest"
	"kinerja/internal/testpdf"
	"kinerja/internal/testtool"
)

const (
	catalog = "<</Type /Catalog /Pages 2 0 R>>"
	pages   = "<</Type /Pages /Kids [] /Count 0>>"
)

// TestOpenGuards checks the guards run before the PDF parser: numbers it
// would loop or allocate over, a missing header or %%EOF; stream data
// that happens to spell a key and junk after %%EOF pass.
func TestOpenGuards(t *testing.T) {
	ok := pdfreadtest.Hand(catalog, pages, "<</Length 9>>\nstream\n/W[x\x00y]\nendstream")
	for name, tc := range map[string]struct {
		pdf  []byte
		want string
	}{
		"fine":        {ok, ""},
		"junk at end": {append(bytes.Clone(ok), bytes.Repeat([]byte(" x"), 2000)...), ""},
		"huge size":   {bytes.Replace(ok, []byte("/Size 4"), []byte("/Size 99999999"), 1), "implausible cross-reference /Size"},
		"huge xref":   {bytes.Replace(ok, []byte("xref\n0 4\n"), []byte("xref\n99999990 33\n"), 1), "implausible cross-reference subsection"},
		"huge index":  {pdfreadtest.Hand(catalog, pages, "<</Index [0 90000000]>>"), "subsection 0 90000000"},
		"wide W":      {pdfreadtest.Hand(catalog, pages, "<</W [1 40 2]>>"), "/W [1 40 2]"},
		"no EOF":      {bytes.ReplaceAll(ok, []byte("%%EOF"), []byte("%%EOX")), "no %%EOF"},
		"no header":   {ok[1:], "no %PDF- header"},
		"broken xref": {bytes.Replace(ok, []byte("startxref\n"), []byte("startxref\n9"), 1), "malformed PDF"},
	} {
		d, err := Open(tc.pdf)
		if (err == nil) != (tc.want == "") || err != nil && !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", name, err, tc.want)
		}
		if err == nil && d.Reader.Trailer().Key("Root").Key("Type").Name() != "Catalog" {
			t.Errorf("%s: no catalog", name)
		}
		if err != nil && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrNotPDF) {
			t.Errorf("%s: %v wraps neither ErrMalformed nor ErrNotPDF", name, err)
		}
	}
}

// TestCatch checks that a panic becomes an error wrapping ErrMalformed.
func TestCatch(t *testing.T) {
	err := func() (err error) {
		defer Catch(&err, "read")
		panic("boom")
	}()
	if err == nil || err.Error() != "read: malformed PDF: boom" || !errors.Is(err, ErrMalformed) {
		t.Errorf("Catch: %v", err)
	}
}

// TestRevisions finds the revision ends of an updated file, and not a
// "%%EOF" that does not start a line.
func TestRevisions(t *testing.T) {
	one := pdfreadtest.Hand(catalog, pages)
	two := pdfreadtest.AppendUpdate(one, bytes.LastIndex(one, []byte("xref")))
	revs, more := Revisions(two)
	if more || len(revs) != 2 || revs[0].End != int64(len(one)) || revs[1].End != int64(len(two)) ||
		revs[0].EOF != int64(len(one)-1) {
		t.Fatalf("Revisions = %+v, %v; want ends %d and %d", revs, more, len(one), len(two))
	}
}

// TestRendered checks the document as rendered: the whole of an unsigned
// file (updates included: they are not what was rendered either, so the
// re-render proof must see them), the part before the first /ByteRange's
// /Contents of a signed one, also when an earlier revision holds a
// "%%EOF" line inside a stream.
func TestRendered(t *testing.T) {
	one := pdfreadtest.Hand(catalog, pages, "<</Length 7>>\nstream\n%%EOF\n\nendstream")
	if got, err := Rendered(one); err != nil || len(got) != len(one) {
		t.Fatalf("unsigned: %d of %d bytes, %v", len(got), len(one), err)
	}
	updated := pdfreadtest.AppendUpdate(one, bytes.LastIndex(one, []byte("xref")))
	if got, err := Rendered(updated); err != nil || len(got) != len(updated) {
		t.Errorf("unsigned, updated: %d of %d bytes, %v", len(got), len(updated), err)
	}
	sig := "9998 0 obj\n<</Type /Sig /ByteRange [0 " + strconv.Itoa(len(one)+40) + " 10 10] /Contents <00>>>\nendobj\n"
	signed := append(bytes.Clone(one), sig+"xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 1>>\nstartxref\n0\n%%EOF\n"...)
	if got, err := Rendered(signed); err != nil || len(got) != len(one) {
		t.Errorf("signed: %d bytes, %v; want %d", len(got), err, len(one))
	}
	early := append([]byte("%PDF-1.4\n/ByteRange [0 3 4 5]\n"), one[9:]...)
	if _, err := Rendered(early); err == nil {
		t.Error("a /ByteRange before any revision end: no error")
	}
}

// TestEncryptedRefused: an encrypted PDF is named as such (it used to be
// "malformed PDF: 256-bit encryption key").
func TestEncryptedRefused(t *testing.T) {
	qpdf := testtool.Require(t, "qpdf")
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.pdf")
	doc, _ := testpdf.Build(catalog, "<</Type /Pages /Kids [3 0 R] /Count 1>>", "<</Type /Page /Parent 2 0 R /MediaBox [0 0 100 100]>>")
	if err := os.WriteFile(plain, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--encrypt", "user", "owner", "256", "--"},
		{"--allow-weak-crypto", "--encrypt", "", "owner", "128", "--use-aes=n", "--"},
	} {
		enc := filepath.Join(dir, "enc.pdf")
		if out, err := exec.Command(qpdf, append(args, plain, enc)...).CombinedOutput(); err != nil {
			t.Fatalf("qpdf: %v: %s", err, out)
		}
		data, err := os.ReadFile(enc)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Open(data); !errors.Is(err, ErrEncrypted) {
			t.Errorf("%q: Open = %v, want ErrEncrypted", args, err)
		}
	}
}
