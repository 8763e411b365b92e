package render

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/digitorus/pdf"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/internal/pdfread"
)

// The sample agreement has one signature field per party under the parent
// field "kinerja", each merged with its widget on the statement page,
// exactly where the Info records it, listed in its page's /Annots, with
// the shared empty appearance; the Info records the attachment's block
// too; the form has /SigFlags 3.
func TestSignatureFields(t *testing.T) {
	b, path := renderAgreement(t, samplePath)
	checkPDFTools(t, path)
	d, err := pdfread.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	info, err := d.Info()
	if err != nil {
		t.Fatal(err)
	}
	root := d.Reader.Trailer().Key("Root")
	form := root.Key("AcroForm")
	if form.Key("SigFlags").Int64() != 3 || form.Key("Fields").Len() != 1 {
		t.Fatalf("AcroForm %v", form)
	}
	parent := form.Key("Fields").Index(0)
	if parent.Key("T").Text() != docinfo.FieldPrefix || parent.Key("Kids").Len() != 2 {
		t.Fatalf("parent field %v", parent)
	}
	pages := pageList(root.Key("Pages"))
	var empty pdf.Value
	for i, s := range info.Signers {
		f := parent.Key("Kids").Index(i)
		if f.Key("FT").Name() != "Sig" || f.Key("T").Text() != s.Party.String() || !f.Key("V").IsNull() {
			t.Errorf("field %d: %v", i, f)
		}
		if l := f.Key("Lock"); l.Key("Type").Name() != "SigFieldLock" || l.Key("Action").Name() != "Include" ||
			l.Key("Fields").Len() != 1 || l.Key("Fields").Index(0).Text() != docinfo.FieldName(s.Party) {
			t.Errorf("field %s: /Lock %v", s.Party, l)
		}
		if len(s.Widgets) != 2 || s.Widgets[0].Page != s.Page || s.Widgets[0].Rect != s.Rect || s.Widgets[1].Page == s.Page {
			t.Fatalf("%s widgets %+v (page %d rect %v)", s.Party, s.Widgets, s.Page, s.Rect)
		}
		checkWidget(t, f, s.Widgets[0], pages[s.Page-1])
		if i == 0 {
			empty = f.Key("AP").Key("N")
		}
		if f.Key("AP").Key("N").GetPtr() != empty.GetPtr() || empty.Key("Subtype").Name() != "Form" || !f.Key("Kids").IsNull() {
			t.Errorf("%s: appearance is not the shared empty form, or the field has kids", s.Party)
		}
	}
}

// checkWidget checks one widget against its Info entry and its page.
func checkWidget(t *testing.T, w pdf.Value, want docinfo.Widget, page pdf.Value) {
	t.Helper()
	if w.Key("Type").Name() != "Annot" || w.Key("Subtype").Name() != "Widget" || w.Key("F").Int64() != 4 {
		t.Errorf("widget %v", w)
	}
	for k := range 4 {
		if w.Key("Rect").Index(k).Float64() != want.Rect[k] {
			t.Errorf("widget /Rect %v, want %v", w.Key("Rect"), want.Rect)
		}
	}
	if w.Key("P").GetPtr() != page.GetPtr() {
		t.Errorf("widget /P is not page %d", want.Page)
	}
	annots, found := page.Key("Annots"), false
	for i := 0; i < annots.Len(); i++ {
		found = found || annots.Index(i).GetPtr() == w.GetPtr()
	}
	if !found {
		t.Errorf("page %d /Annots does not list its widget", want.Page)
	}
}

// pageList returns the leaves of a flat page tree.
func pageList(pages pdf.Value) []pdf.Value {
	var out []pdf.Value
	for i := 0; i < pages.Key("Kids").Len(); i++ {
		out = append(out, pages.Key("Kids").Index(i))
	}
	return out
}

// tanda_tangan = "bsre" renders no signature fields, and the fields
// change nothing poppler draws: every page of the document with fields is
// drawn exactly as the one without. MuPDF ignores the (empty) appearance
// of an unsigned signature widget on purpose and draws its own "SIGN"
// marker there (pdf_update_appearance: "we want the sign arrow to be
// visible"): its pages differ only inside the widgets' rectangles. With
// fields, the attachment's signature spaces (each party's second place)
// hold the electronic-signature notice: both viewers differ there too.
func TestSignatureFieldsInvisible(t *testing.T) {
	a := decode(t, samplePath)
	var with, without bytes.Buffer
	if err := Agreement(&with, a); err != nil {
		t.Fatal(err)
	}
	a.TandaTangan = data.SigningBSrE
	if err := Agreement(&without, a); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"/AcroForm", "/Annots", "/Widget"} {
		if bytes.Contains(without.Bytes(), []byte(bad)) {
			t.Errorf("tanda_tangan = bsre: the PDF has %s", bad)
		}
	}
	info, err := pdfread.Info(with.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, b := range map[string][]byte{"with": with.Bytes(), "without": without.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		runTool(t, "pdftoppm", "-r", "50", "-gray", "-png", filepath.Join(dir, name+".pdf"), filepath.Join(dir, "pop-"+name))
		runTool(t, "mutool", "draw", "-q", "-r", "50", "-c", "gray", "-o", filepath.Join(dir, "mu-"+name+"-%d.png"), filepath.Join(dir, name+".pdf"))
	}
	for _, viewer := range []string{"pop", "mu"} {
		withPages, _ := filepath.Glob(filepath.Join(dir, viewer+"-with-*.png"))
		withoutPages, _ := filepath.Glob(filepath.Join(dir, viewer+"-without-*.png"))
		if len(withPages) != 7 || len(withPages) != len(withoutPages) {
			t.Fatalf("%s: %d and %d pages drawn", viewer, len(withPages), len(withoutPages))
		}
		for i := range withPages {
			inside := noticesOn(info, i+1)
			if viewer == "mu" {
				inside = append(inside, widgetsOn(info, i+1)...)
			}
			if n := diffOutside(t, withPages[i], withoutPages[i], inside, 50); n > 0 {
				t.Errorf("%s page %d: %d pixels differ outside the widgets", viewer, i+1, n)
			}
			notices := noticesOn(info, i+1)
			if len(notices) > 0 && diffOutside(t, withPages[i], withoutPages[i], nil, 50) == 0 {
				t.Errorf("%s page %d: the attachment's signature spaces show no notice", viewer, i+1)
			}
		}
	}
}

// widgetsOn returns the field widgets on page n (the first of each
// signer's).
func widgetsOn(info *docinfo.Info, n int) []docinfo.Widget {
	var out []docinfo.Widget
	for _, s := range info.Signers {
		if w := s.Widgets[0]; w.Page == n {
			out = append(out, w)
		}
	}
	return out
}

// noticesOn returns the attachment's signature spaces on page n (each
// signer's places after the first), where the notice is printed.
func noticesOn(info *docinfo.Info, n int) []docinfo.Widget {
	var out []docinfo.Widget
	for _, s := range info.Signers {
		for _, w := range s.Widgets[1:] {
			if w.Page == n {
				out = append(out, w)
			}
		}
	}
	return out
}

// diffOutside counts the pixels that differ between two grey PNGs of a
// page drawn at dpi, outside the widgets' rectangles.
func diffOutside(t *testing.T, a, b string, widgets []docinfo.Widget, dpi float64) int {
	t.Helper()
	ia, ib := readPNG(t, a), readPNG(t, b)
	if ia.Bounds() != ib.Bounds() {
		t.Fatalf("%s and %s differ in size", a, b)
	}
	h := float64(ia.Bounds().Dy())
	n := 0
	for y := ia.Bounds().Min.Y; y < ia.Bounds().Max.Y; y++ {
		for x := ia.Bounds().Min.X; x < ia.Bounds().Max.X; x++ {
			if ia.At(x, y) == ib.At(x, y) || inWidget(float64(x)*72/dpi, (h-float64(y))*72/dpi, widgets) {
				continue
			}
			n++
		}
	}
	return n
}

// inWidget reports whether the point (PDF points) is inside one of the
// widgets, or within 3 points of one (MuPDF's marker reaches about 2 pt
// beyond the rectangle; pixels are 1.44 pt at 50 dpi).
func inWidget(x, y float64, widgets []docinfo.Widget) bool {
	for _, w := range widgets {
		if x >= w.Rect[0]-3 && x <= w.Rect[2]+3 && y >= w.Rect[1]-3 && y <= w.Rect[3]+3 {
			return true
		}
	}
	return false
}

// readPNG decodes a PNG file.
func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
