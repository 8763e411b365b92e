package ltv

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"kinerja/internal/pdfedit"
	"kinerja/internal/pdfupdate"
)

// collected returns the material of a leaf and a TSA chain.
func collected(t *testing.T) *Material {
	t.Helper()
	_, _, _, chains, opts := signerAndTSA(t)
	m, err := Collect(context.Background(), chains, opts)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// withDSS appends an update holding m's /DSS to base and redefines the
// catalog, whose current body is catalogBody.
func withDSS(t *testing.T, base []byte, tr pdfupdate.Trailer, catalogBody []byte, m *Material, opts DSSOptions) ([]byte, pdfupdate.Ref) {
	t.Helper()
	w := pdfupdate.New(base, tr)
	dss, err := AddDSS(w, m, opts)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := CatalogWithDSS(catalogBody, dss)
	if err != nil {
		t.Fatal(err)
	}
	w.Set(tr.Root, cat)
	res, err := w.Finish([]byte{1})
	if err != nil {
		t.Fatal(err)
	}
	return res.Bytes, dss
}

// wantStreams checks that the streams of refs hold items, in order.
func wantStreams(t *testing.T, doc []byte, key string, refs []int, items [][]byte) {
	t.Helper()
	if len(refs) != len(items) {
		t.Fatalf("/%s has %d streams, want %d", key, len(refs), len(items))
	}
	for i, n := range refs {
		if !bytes.Equal(streamData(t, doc, n), items[i]) {
			t.Errorf("/%s stream %d (object %d) differs from the material", key, i, n)
		}
	}
}

func TestAddDSS(t *testing.T) {
	m := collected(t)
	base, tr := buildPDF(handMade)
	contents := bytes.Repeat([]byte{0x30, 0x82, 0}, 100)
	doc, dss := withDSS(t, base, tr, []byte(handMade[0]), m, DSSOptions{VRI: [][]byte{contents}})
	qpdf(t, doc, "--check")
	if got := catalogDSS(t, doc); got != int(dss) {
		t.Fatalf("catalog /DSS is %d 0 R, want %d", got, dss)
	}
	d := qpdfDict(t, doc, int(dss))
	var certs [][]byte
	for _, c := range m.Certs {
		certs = append(certs, c.Raw)
	}
	wantStreams(t, doc, "Certs", refsOf(t, d, "Certs"), certs)
	wantStreams(t, doc, "OCSPs", refsOf(t, d, "OCSPs"), m.OCSPs)
	if _, ok := d.Get("CRLs"); ok {
		t.Error("/CRLs written for material without CRLs")
	}
	v, _ := d.Get("VRI")
	vri, ok := v.(*pdfedit.Dict)
	if !ok || !slices.Equal(vri.Keys(), []string{VRIKey(contents)}) {
		t.Fatalf("/VRI is %s, want one entry for the signature", encodeOrNone(v))
	}
	e, _ := vri.Get(VRIKey(contents))
	if entry := e.(*pdfedit.Dict); !slices.Equal(refsOf(t, entry, "OCSP"), refsOf(t, d, "OCSPs")) {
		t.Errorf("VRI entry %s does not list the OCSP responses", pdfedit.Encode(entry))
	}
}

func TestSecondDSSAppendsToFirst(t *testing.T) {
	first, second := collected(t), collected(t)
	base, tr := buildPDF(handMade)
	doc, dss := withDSS(t, base, tr, []byte(handMade[0]), first, DSSOptions{VRI: [][]byte{[]byte("sig1")}})
	old := qpdfDict(t, doc, int(dss))
	oldVRI, _ := old.Get("VRI")
	prev := Prev{Certs: toRefs(refsOf(t, old, "Certs")), OCSPs: toRefs(refsOf(t, old, "OCSPs")),
		VRI: pdfedit.Encode(oldVRI)}
	tr2 := pdfupdate.Trailer{Size: int(dss) + 1, Prev: lastStartxref(t, doc), Root: 1, ID: tr.ID}
	doc2, dss2 := withDSS(t, doc, tr2, pdfedit.Encode(qpdfDict(t, doc, 1)), second, DSSOptions{VRI: [][]byte{[]byte("sig2")}, Prev: prev})
	qpdf(t, doc2, "--check")
	if catalogDSS(t, doc2) != int(dss2) {
		t.Fatal("catalog does not point at the new /DSS")
	}
	d := qpdfDict(t, doc2, int(dss2))
	certs := refsOf(t, d, "Certs")
	if !slices.Equal(certs[:len(prev.Certs)], fromRefs(prev.Certs)) || len(certs) != len(prev.Certs)+len(second.Certs) {
		t.Errorf("/Certs %v does not keep %v and append the second material", certs, prev.Certs)
	}
	v, _ := d.Get("VRI")
	if keys := v.(*pdfedit.Dict).Keys(); !slices.Equal(keys, []string{VRIKey([]byte("sig1")), VRIKey([]byte("sig2"))}) {
		t.Errorf("/VRI keys %v, want both signatures", keys)
	}
}

func TestCatalogWithDSSReplaces(t *testing.T) {
	got, err := CatalogWithDSS([]byte("<</Type/Catalog/D#53S 4 0 R/Pages 2 0 R>>"), 9)
	if err != nil || string(got) != "<< /Type /Catalog /DSS 9 0 R /Pages 2 0 R >>" {
		t.Fatalf("%s, %v", got, err)
	}
	for _, bad := range []string{"<< /Type /Page >>", "<< /Pages 2 0 R >>", "<< /Type /Catalog", "[1]"} {
		if _, err := CatalogWithDSS([]byte(bad), 9); err == nil {
			t.Errorf("%q accepted as a catalog", bad)
		}
	}
}

func toRefs(nums []int) []pdfupdate.Ref {
	out := make([]pdfupdate.Ref, len(nums))
	for i, n := range nums {
		out[i] = pdfupdate.Ref(n)
	}
	return out
}

func fromRefs(refs []pdfupdate.Ref) []int {
	out := make([]int, len(refs))
	for i, r := range refs {
		out[i] = int(r)
	}
	return out
}

// lastStartxref returns the offset after the last startxref of doc.
func lastStartxref(t *testing.T, doc []byte) int64 {
	t.Helper()
	i := bytes.LastIndex(doc, []byte("startxref\n"))
	var n int64
	for _, c := range doc[i+len("startxref\n"):] {
		if c < '0' || c > '9' {
			break
		}
		n = 10*n + int64(c-'0')
	}
	return n
}
