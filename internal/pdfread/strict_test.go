package pdfread

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"kinerja/internal/pdfupdate"
	"kinerja/internal/testpdf"
)

// strictBase is a one-page file and an update of it that redefines the
// page and adds a content stream.
func strictBase(t *testing.T) (base, updated []byte) {
	t.Helper()
	base, tr := testpdf.Build("<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>")
	w := pdfupdate.New(base, tr)
	c := w.Add([]byte("<< /Length 3 >>\nstream\nq Q\nendstream"))
	w.Set(3, []byte("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents "+c.String()+" >>"))
	res, err := w.Finish([]byte{1})
	if err != nil {
		t.Fatal(err)
	}
	return base, res.Bytes
}

// TestStrict checks each refusal of the strict reading by its reason,
// and that a well-formed updated file is read into its two revisions.
func TestStrict(t *testing.T) {
	base, upd := strictBase(t)
	l, err := Strict(upd)
	if err != nil || len(l.Revs) != 2 || l.Revs[1].Begin != int64(len(base)) || len(l.Revs[1].Entries) != 2 {
		t.Fatalf("Strict(updated) = %+v, %v", l, err)
	}
	if o, rev, ok := l.Defined(1, 3); !ok || rev != 1 || o.Off < int64(len(base)) {
		t.Errorf("Defined(1, 3) = %+v, %d, %v", o, rev, ok)
	}
	firstXref := strconv.Itoa(int(l.Revs[0].XrefAt))
	lastEOF := bytes.LastIndex(upd, []byte("%%EOF"))
	rep := func(old, new string) []byte { return bytes.Replace(upd, []byte(old), []byte(new), 1) }
	repLast := func(old, new string) []byte {
		i := bytes.LastIndex(upd, []byte(old))
		return append(append(bytes.Clone(upd[:i]), new...), upd[i+len(old):]...)
	}
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"junk before header":  {append([]byte(" "), upd...), "does not start with %PDF-"},
		"junk between":        {append(append(bytes.Clone(base), "junk\n"...), upd[len(base):]...), "revision 2: bytes at offset " + strconv.Itoa(len(base)) + " are outside any object"},
		"junk after":          {append(bytes.Clone(upd), "x"...), "revision 3: bytes at offset"},
		"comment between":     {append(append(bytes.Clone(base), "%c\n"...), upd[len(base):]...), "outside any object"},
		"hybrid":              {repLast("/Prev", "/XRefStm 10 /Prev"), "revision 2: a hybrid-reference trailer (/XRefStm 10)"},
		"two startxref":       {append(append(bytes.Clone(upd[:lastEOF]), "startxref\n"+firstXref+"\n"...), upd[lastEOF:]...), "revision 2: 2 startxref keywords"},
		"lone startxref":      {append(bytes.Clone(upd), "startxref\n"+firstXref+"\n%%EOF\n"...), "revision 3: a startxref at offset"},
		"wrong prev":          {repLast("/Prev "+firstXref, "/Prev 9"), "revision 2: trailer /Prev 9 does not point at revision 1's cross-reference section"},
		"object twice":        {rep("\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents", "\n3 0 obj\n<< >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents"), "revision 2: object 3 is defined twice"},
		"stream length":       {rep("<< /Length 3 >>", "<< /Length 2 >>"), "revision 2: object 4 at offset"},
		"free but referenced": {rep("xref\n3 2\n", "xref\n2 1\n0000000000 00001 f\r\n3 2\n"), "revision 2: object 2 is marked free, but a reference to it remains"},
		"white space after":   {append(bytes.Clone(upd), "\n\n"...), ""},
	} {
		_, err := Strict(tc.data)
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, ErrStrict) {
			t.Errorf("%s: %v, want %q", name, err, tc.want)
		}
	}
}

// TestStrictEntries checks entries that point at the wrong place and
// objects the cross-reference section does not list.
func TestStrictEntries(t *testing.T) {
	base, upd := strictBase(t)
	l, _ := Strict(upd)
	obj3 := l.Revs[1].Objects[3].Off
	entry := []byte(strings.Repeat("0", 10-len(strconv.Itoa(int(obj3)))) + strconv.Itoa(int(obj3)))
	moved := bytes.Replace(upd, entry, []byte(strings.Repeat("0", 10-len(strconv.Itoa(int(obj3+1))))+strconv.Itoa(int(obj3+1))), 1)
	if _, err := Strict(moved); err == nil || !strings.Contains(err.Error(), "the entry for object 3 points at offset "+strconv.Itoa(int(obj3+1))+", which does not hold \"3 0 obj\"") {
		t.Errorf("moved entry: %v", err)
	}
	body := "7 0 obj\n<< >>\nendobj\n"
	extra := append(bytes.Clone(base), body+"xref\n0 1\n0000000000 65535 f\r\ntrailer\n<< /Size 8 /Root 1 0 R /Prev "+
		strconv.Itoa(int(l.Revs[0].XrefAt))+" >>\nstartxref\n"+strconv.Itoa(len(base)+len(body))+"\n%%EOF\n"...)
	if _, err := Strict(extra); err == nil || !strings.Contains(err.Error(), "revision 2: object 7 is defined at offset "+strconv.Itoa(len(base))+" but not listed") {
		t.Errorf("unlisted object: %v", err)
	}
}
