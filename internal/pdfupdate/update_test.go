package pdfupdate

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/internal/testtool"
)

// basePDF builds a one-page PDF with a correct cross-reference table and
// returns it with its trailer values.
func basePDF() ([]byte, Trailer) {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>",
		"<< /Length 11 >>\nstream\n0 0 m 9 9 l\nendstream",
		"<< /Title (old) >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n\r\n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R /ID [<AA> <AA>] >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes(), Trailer{Size: len(objs) + 1, Prev: int64(xref), Root: 1, Info: 5, ID: []byte{0xAA}}
}

// qpdfCheck runs qpdf --check on doc and fails on any error or warning.
func qpdfCheck(t *testing.T, doc []byte) {
	t.Helper()
	qpdf := testtool.Require(t, "qpdf")
	path := filepath.Join(t.TempDir(), "u.pdf")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(qpdf, "--check", path).CombinedOutput()
	if err != nil || strings.Contains(string(out), "WARNING") {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

func TestUpdateRedefinesAndAdds(t *testing.T) {
	base, tr := basePDF()
	w := New(base, tr)
	w.Set(5, []byte("<< /Title (new) /Extra 6 0 R >>"))
	if r := w.Add([]byte("(added)")); r != 6 {
		t.Fatalf("first new object is %v, want 6", r)
	}
	res, err := w.Finish([]byte{0xBB})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(res.Bytes, base) {
		t.Fatal("the base is not a prefix of the update")
	}
	tail := string(res.Bytes[len(base):])
	for _, want := range []string{"xref\n5 2\n", "/Size 7\n", "/Prev " + fmt.Sprint(tr.Prev), "/ID [<AA> <BB>]", "/Info 5 0 R"} {
		if !strings.Contains(tail, want) {
			t.Errorf("update lacks %q:\n%s", want, tail)
		}
	}
	if !bytes.HasPrefix(res.Bytes[res.Offsets[6]:], []byte("6 0 obj\n(added)")) {
		t.Error("offset of object 6 is wrong")
	}
	qpdfCheck(t, res.Bytes)
	path := filepath.Join(t.TempDir(), "u.pdf")
	if err := os.WriteFile(path, res.Bytes, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(testtool.Require(t, "qpdf"), "--show-object=5", path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "(new)") {
		t.Fatalf("qpdf reads object 5 as %s (%v), want the redefined one", out, err)
	}
}

func TestReserveMustBeSet(t *testing.T) {
	base, tr := basePDF()
	w := New(base, tr)
	w.Reserve()
	if _, err := w.Finish(nil); err == nil {
		t.Fatal("an unset reserved object was written")
	}
}

func TestSignaturePlaceholder(t *testing.T) {
	base, tr := basePDF()
	w := New(base, tr)
	sig := w.Add([]byte("<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n" + Placeholder(64) + " >>"))
	res, err := w.Finish([]byte{0xBB})
	if err != nil {
		t.Fatal(err)
	}
	doc := res.Bytes
	br, err := Ranges(doc, res.Offsets[sig])
	if err != nil {
		t.Fatal(err)
	}
	if br[0] != 0 || doc[br[1]] != '<' || doc[br[2]-1] != '>' || br[2]+br[3] != int64(len(doc)) {
		t.Fatalf("byte range %v does not leave out exactly <...> of /Contents", br)
	}
	if br[2]-br[1] != 2*64+2 {
		t.Fatalf("hole of %d bytes, want %d", br[2]-br[1], 2*64+2)
	}
	if !bytes.Contains(doc, []byte(fmt.Sprintf("/ByteRange [%10d %10d %10d %10d]", br[0], br[1], br[2], br[3]))) {
		t.Fatal("byte range not written into the dictionary")
	}
	if err := Seal(doc, br, bytes.Repeat([]byte{0xAB}, 65)); !errors.Is(err, ErrTooSmall) {
		t.Fatalf("oversized signature: err = %v", err)
	}
	if err := Seal(doc, br, []byte{0x30, 0x03, 1, 2, 3}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(doc, []byte("/Contents <3003010203000000")) {
		t.Fatal("signature not sealed into /Contents")
	}
	signed := Signed(doc, br)
	if len(signed[0])+len(signed[1]) != len(doc)-(2*64+2) {
		t.Fatal("signed ranges do not cover everything but the hole")
	}
	qpdfCheck(t, doc)
}

// TestSizeBoundsFinish: Finish allocates its buffer once, from size, which
// must bound what it writes, for runs of objects with gaps, large object
// numbers and offsets, and a long /ID.
func TestSizeBoundsFinish(t *testing.T) {
	base := bytes.Repeat([]byte("%0123456789\n"), 1<<17) // offsets of 7 digits
	for _, n := range []int{1, 2, 17, 300} {
		w := New(base, Trailer{Size: 9999990, Root: 1, Info: 2, Prev: 1 << 40, ID: bytes.Repeat([]byte{0xAB}, 64)})
		for i := range n {
			w.Set(Ref(1+3*i), []byte("<< >>"))
			w.Add([]byte("1"))
		}
		bound := w.size()
		res, err := w.Finish(bytes.Repeat([]byte{0xCD}, 64))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Bytes) > bound {
			t.Errorf("%d objects: Finish wrote %d bytes, size said at most %d", 2*n, len(res.Bytes), bound)
		}
	}
}
