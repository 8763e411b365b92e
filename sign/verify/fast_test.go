package verify

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/digitorus/pdf"

	"kinerja/internal/pdfread"
	"kinerja/sign/verify/verifytest"
)

// appendUpdate appends an incremental update to base that (re)defines the
// objects in objs (number → text between "obj" and "endobj"), with a new
// trailer /Size of at least size.
func appendUpdate(t *testing.T, base []byte, objs map[uint32]string, size int) []byte {
	t.Helper()
	rdr, err := pdf.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.Write(base)
	b.WriteString("\n")
	var nums []int
	for n := range objs {
		nums = append(nums, int(n))
	}
	sort.Ints(nums)
	offsets := map[int]int{}
	for _, n := range nums {
		offsets[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, objs[uint32(n)])
	}
	xref := b.Len()
	b.WriteString("xref\n0 1\n0000000000 65535 f \n")
	for _, n := range nums {
		fmt.Fprintf(&b, "%d 1\n%010d 00000 n \n", n, offsets[n])
	}
	if old := int(rdr.Trailer().Key("Size").Int64()); old > size {
		size = old
	}
	root := rdr.Trailer().Key("Root").GetPtr()
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n",
		size, root.GetID(), rdr.XrefInformation.StartPos, xref)
	return b.Bytes()
}

// rawObj returns the latest text of object n between "obj" and "endobj".
func rawObj(t *testing.T, data []byte, n uint32) string {
	t.Helper()
	head := []byte(fmt.Sprintf("\n%d 0 obj", n))
	i := bytes.LastIndex(data, head)
	if i < 0 {
		t.Fatalf("object %d not found", n)
	}
	s := i + len(head)
	e := bytes.Index(data[s:], []byte("endobj"))
	if e < 0 {
		t.Fatalf("object %d has no endobj", n)
	}
	return strings.TrimSpace(string(data[s : s+e]))
}

// pageObj returns the object number of page n and its reader.
func pageObj(t *testing.T, data []byte, n int) (uint32, pdf.Page) {
	t.Helper()
	rdr, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	pg := rdr.Page(n)
	p := pg.V.GetPtr()
	return p.GetID(), pg
}

// TestFastAgreesWithComplete: on good and changed files, the fast
// comparison says "no change" exactly when the complete one finds none.
func TestFastAgreesWithComplete(t *testing.T) {
	f := fixtures(t)
	files := map[string][]byte{"once": f.once, "twice": f.twice, "big": f.bigTwice}
	for _, tc := range tamperCases() {
		if data, err := tc.make(f); err == nil {
			files[tc.name] = data
		}
	}
	for name, data := range hiddenChanges(t, f) {
		files[name] = data
	}
	for name, data := range files {
		d, err := openDocument(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for n := 2; n <= len(d.revs); n++ {
			same := d.sameFast(d.revs[n-2], d.revs[n-1])
			prev, next := d.snapshotOf(d.revs[n-2]), d.snapshotOf(d.revs[n-1])
			var changes []string
			add := func(s string) { changes = append(changes, s) }
			diffPages(prev.pages, next.pages, add)
			diffCatalog(prev.catalog, next.catalog, add)
			diffFields(prev.fields, next.fields, add)
			if prev.err != "" || next.err != "" {
				changes = append(changes, "unreadable")
			}
			pagesAgree(t, fmt.Sprintf("%s revision %d", name, n), d.revs[n-2].fast, d.revs[n-1].fast, prev, next)
			if same && len(changes) > 0 {
				t.Errorf("%s revision %d: fast comparison says no change, complete finds %q", name, n, changes)
			}
			if !same && len(changes) == 0 {
				t.Logf("%s revision %d: fast comparison inconclusive, complete finds no change", name, n)
			}
		}
	}
}

// pagesAgree checks page by page that a page the complete snapshots see
// changed is changed in the fast snapshots too (a reused page must not
// hide a change).
func pagesAgree(t *testing.T, what string, fastPrev, fastNext, prev, next *snapshot) {
	t.Helper()
	if fastPrev == nil || fastNext == nil || fastPrev.err != "" || fastNext.err != "" || prev.err != "" || next.err != "" {
		return
	}
	for i := 0; i < len(prev.pages) && i < len(next.pages) && i < len(fastPrev.pages) && i < len(fastNext.pages); i++ {
		var complete, fast []string
		diffPages(prev.pages[i:i+1], next.pages[i:i+1], func(s string) { complete = append(complete, s) })
		diffPages(fastPrev.pages[i:i+1], fastNext.pages[i:i+1], func(s string) { fast = append(fast, s) })
		if len(complete) > 0 && len(fast) == 0 {
			t.Errorf("%s page %d: complete snapshots differ (%q), fast ones do not", what, i+1, complete)
		}
	}
}

// hiddenChanges are updates that change what pages show without touching
// the changed page's own objects: they must defeat page reuse.
func hiddenChanges(t *testing.T, f *fixture) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	big := f.bigTwice
	// A font shared by every page, redefined.
	_, pg := pageObj(t, big, 2)
	fonts := pg.V.Key("Resources").Key("Font")
	fp := fonts.Key(fonts.Keys()[0]).GetPtr()
	font := rawObj(t, big, fp.GetID())
	out["shared font"] = appendUpdate(t, big, map[uint32]string{fp.GetID(): strings.Replace(font, "Helvetica", "Courier", 1)}, 0)
	// The page tree root, rotated: inherited by every page.
	rdr, err := pdf.NewReader(bytes.NewReader(big), int64(len(big)))
	if err != nil {
		t.Fatal(err)
	}
	pp := rdr.Trailer().Key("Root").Key("Pages").GetPtr()
	root := rawObj(t, big, pp.GetID())
	out["inherited rotation"] = appendUpdate(t, big, map[uint32]string{pp.GetID(): strings.Replace(root, "/Type /Pages", "/Type /Pages /Rotate 90", 1)}, 0)
	return out
}

func TestVerifySharedChanges(t *testing.T) {
	f := fixtures(t)
	data := hiddenChanges(t, f)
	rep := verifyBytesT(t, data["shared font"], f.pki.Roots)
	for _, p := range []int{1, 2, 14} {
		assertReason(t, rep, fmt.Sprintf("signature 1 (pertama): page %d resources (fonts, images) changed in revision 4", p))
	}
	rep = verifyBytesT(t, data["inherited rotation"], f.pki.Roots)
	for _, p := range []int{1, 2, 14} {
		assertReason(t, rep, fmt.Sprintf("signature 2 (kedua): page %d size, crop or rotation changed in revision 4", p))
	}
}

// TestVerifyDanglingReferenceFilled: a page that refers to an object that
// does not exist yet, which a later update then defines, has changed even
// though none of the page's own objects was rewritten.
func TestVerifyDanglingReferenceFilled(t *testing.T) {
	f := fixtures(t)
	_, _, unsigned, err := signedBase(f)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := pageObj(t, unsigned, 2)
	page := rawObj(t, unsigned, id)
	const missing = 500
	withRef := appendUpdate(t, unsigned, map[uint32]string{id: strings.Replace(page, "/Type /Page", fmt.Sprintf("/Type /Page /Annots [%d 0 R]", missing), 1)}, 0)
	info := verifytest.Info()
	once, err := verifytest.Sign(withRef, f.pki.Pertama, "Budi Santoso", &info.Signers[0].Rect)
	if err != nil {
		t.Fatal(err)
	}
	if rep := verifyBytesT(t, once, f.pki.Roots); !rep.OK() {
		t.Fatalf("signed file with a dangling reference not OK: %q", rep.Reasons())
	}
	filled := appendUpdate(t, once, map[uint32]string{missing: "<< /Type /Annot /Subtype /Square /Rect [50 700 300 760] /C [1 0 0] >>"}, missing+1)
	rep := verifyBytesT(t, filled, f.pki.Roots)
	assertReason(t, rep, "signature 1 (pertama): page 2 annotations changed (1 → 1, not counting signature fields)")
}

// signedBase returns a small unsigned two-page document (pages 2 and up
// are not rewritten by signing page 1).
func signedBase(f *fixture) (pki *verifytest.PKI, once, unsigned []byte, err error) {
	unsigned, err = verifytest.Document("PERJANJIAN KINERJA TAHUN 2021", 2, 5)
	return f.pki, nil, unsigned, err
}

// TestVerifySignatureFieldsRemoved: when the form no longer lists the
// signature fields, the signatures are still found (every object is read)
// and their removal reported.
func TestVerifySignatureFieldsRemoved(t *testing.T) {
	f := fixtures(t)
	rdr, err := pdf.NewReader(bytes.NewReader(f.twice), int64(len(f.twice)))
	if err != nil {
		t.Fatal(err)
	}
	rp := rdr.Trailer().Key("Root").GetPtr()
	cat := rawObj(t, f.twice, rp.GetID())
	i := strings.Index(cat, "/Fields [")
	j := strings.Index(cat[i:], "]")
	if i < 0 || j < 0 {
		t.Fatalf("no /Fields in catalog %q", cat)
	}
	emptied := cat[:i] + "/Fields []" + cat[i+j+1:]
	data := appendUpdate(t, f.twice, map[uint32]string{rp.GetID(): emptied}, 0)
	rep := verifyBytesT(t, data, f.pki.Roots)
	if len(rep.Signatures) != 2 {
		t.Fatalf("found %d signatures, want 2; reasons %q", len(rep.Signatures), rep.Reasons())
	}
	assertReason(t, rep, "signature 1 (pertama): signature field \"Signature 1\" removed in revision 4")
	for _, p := range rep.Problems {
		if strings.Contains(p, "not part of the document structure") {
			t.Errorf("signature reported as stray: %s", p)
		}
	}
}

// byteRangeRE is what pdfread.ScanByteRanges finds, as a regular
// expression.
var byteRangeRE = regexp.MustCompile(`/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]`)

func TestScanByteRangesMatchesRegexp(t *testing.T) {
	f := fixtures(t)
	inputs := []string{string(f.twice), string(f.bigTwice),
		"/ByteRange[0 1 2 3]", "/ByteRange [ 0\n1\r2\t3 ]x/ByteRange [1 2 3]", "/ByteRange/ByteRange [5 6 7 8]",
		"/ByteRange [01 2 3 4", "/ByteRange [1 2 3 4 5]", "/ByteRange [1  2 3 4] /ByteRange[9 9 9 9]", "/ByteRang", ""}
	for _, in := range inputs {
		want := byteRangeRE.FindAllSubmatchIndex([]byte(in), -1)
		got := pdfread.ScanByteRanges([]byte(in))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%.40q: scan %v, regexp %v", in, got, want)
		}
	}
	if n := len(regexp.MustCompile(`/ByteRange`).FindAllIndex(f.twice, -1)); n != 2 {
		t.Errorf("fixture has %d /ByteRange, want 2", n)
	}
}

// TestVerifyDanglingKidsFilled: a page tree node whose /Kids refers to a
// missing object is a page; an update that defines the object makes it a
// node with other pages under it.
func TestVerifyDanglingKidsFilled(t *testing.T) {
	f := fixtures(t)
	_, _, unsigned, err := signedBase(f)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := pageObj(t, unsigned, 2)
	page := rawObj(t, unsigned, id)
	const missing = 600
	odd := strings.Replace(page, "/Type /Page", fmt.Sprintf("/Type /PageX /Kids %d 0 R", missing), 1)
	withRef := appendUpdate(t, unsigned, map[uint32]string{id: odd}, 0)
	info := verifytest.Info()
	once, err := verifytest.Sign(withRef, f.pki.Pertama, "Budi Santoso", &info.Signers[0].Rect)
	if err != nil {
		t.Fatal(err)
	}
	newPage := strings.Replace(page, "/Type /Page", fmt.Sprintf("/Type /Page /Rotate 180 /Parent %d 0 R", id), 1)
	filled := appendUpdate(t, once, map[uint32]string{missing: fmt.Sprintf("[%d 0 R %d 0 R]", missing+1, missing+2),
		missing + 1: newPage, missing + 2: newPage}, missing+3)
	rep := verifyBytesT(t, filled, f.pki.Roots)
	assertReason(t, rep, "signature 1 (pertama): page 3 added (2 → 3 pages)")
}

// TestVerifyOrphanSignatureDict: a /Type /Sig dictionary that no field
// refers to is still found and reported (it has no valid /ByteRange).
func TestVerifyOrphanSignatureDict(t *testing.T) {
	f := fixtures(t)
	data := appendUpdate(t, f.twice, map[uint32]string{700: "<< /Type /Sig /Filter /Adobe.PPKLite /Contents <00> >>"}, 701)
	rep := verifyBytesT(t, data, f.pki.Roots)
	if len(rep.Signatures) != 3 {
		t.Fatalf("found %d signatures, want 3", len(rep.Signatures))
	}
	assertReason(t, rep, "ByteRange is not an array of 4 integers")
	if n := countTypeSig([]byte("/Type/Sig /Type /SigFlags /Type\n/Sig>>")); n != 2 {
		t.Errorf("countTypeSig = %d, want 2", n)
	}
}

// TestRawAccess checks the reflection on the PDF reader's internals
// against its public forms, so that a change of the reader is noticed.
func TestRawAccess(t *testing.T) {
	f := fixtures(t)
	d, err := openDocument(f.twice)
	if err != nil {
		t.Fatal(err)
	}
	pg := d.last.Page(1).V
	contents := pg.Key("Contents")
	off, ok := rawStreamOffset(contents)
	if s := contents.String(); !ok || !strings.HasSuffix(s, fmt.Sprintf("@%d", off)) {
		t.Errorf("rawStreamOffset = %d, %v; String %q", off, ok, s)
	}
	id, gen, ok := rawRef(pg, "Contents")
	if p := contents.GetPtr(); !ok || id != p.GetID() || gen != p.GetGen() {
		t.Errorf("rawRef(Contents) = %d %d %v, want %v", id, gen, ok, p)
	}
	if _, _, ok := rawRef(pg, "Type"); ok {
		t.Error("rawRef(Type) reports a reference")
	}
	if _, ok := xrefEntry(d.last, id, gen+1); ok {
		t.Error("xrefEntry accepts a wrong generation")
	}
}
