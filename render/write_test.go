package render

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	pdfreader "github.com/digitorus/pdf"

	"kinerja/docinfo"
	"kinerja/layout"
)

// punct is the non-Latin-1 punctuation the documents use.
const punct = "≥ ≤ – — “ ” ‘ ’ …"

var (
	serif     = layout.Font{Family: "serif"}
	serifBold = layout.Font{Family: "serif", Bold: true}
	sansIt    = layout.Font{Family: "sans", Italic: true}
)

// testPNG returns a small PNG image.
func testPNG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range 8 {
		img.Set(i, i, color.RGBA{200, 0, 0, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// text returns a text box measured with Measurer.
func text(f layout.Font, size, x, y float64, s string) layout.Box {
	return layout.Box{Kind: layout.Text, X: x, Y: y, W: Measurer{}.Width(f, size, s), H: size, Font: f, Size: size, Text: s}
}

// handDoc builds a three-page document: an F4 portrait page and two F4
// landscape pages, with text, lines, rectangles and an image.
func handDoc(t testing.TB) *layout.Document {
	const w, h = 609.45, 935.43 // F4 in points
	name := text(serifBold, 12, 380, 800, "BLESSMIYANDA")
	name.Underline = true
	p1 := layout.Page{Width: w, Height: h, Boxes: []layout.Box{
		{Kind: layout.Image, X: 280, Y: 40, W: 48, H: 48, Name: "logo"},
		text(serifBold, 14, 200, 120, "PERJANJIAN KINERJA TAHUN 2021"),
		text(serif, 12, 72, 160, "Serapan anggaran "+punct+" 80%"),
		text(serif, 12, 72, 140, "Selisih − 5 ≠ 0, 2 × 3, ± 1"),
		text(sansIt, 10, 72, 180, "Dokumen uji — “kutipan” ‘tunggal’"),
		name,
		{Kind: layout.Line, X: 72, Y: 200, W: 465, Stroke: 0.5},
		{Kind: layout.Rect, X: 72, Y: 210, W: 100, H: 20, Stroke: 0.5, Fill: 0.85},
		{Kind: layout.Rect, X: 180, Y: 210, W: 100, H: 20, Stroke: 0, Fill: 0.5},
	}}
	p2 := layout.Page{Width: h, Height: w, Landscape: true, Boxes: []layout.Box{
		text(serif, 9, 40, 60, "Lampiran halaman dua"),
		{Kind: layout.Rect, X: 36, Y: 40, W: 860, H: 500, Stroke: 0.5, Fill: -1},
	}}
	p3 := layout.Page{Width: h, Height: w, Landscape: true, Boxes: []layout.Box{
		text(serif, 9, 40, 60, "Lampiran halaman tiga"),
	}}
	return &layout.Document{
		Pages:    []layout.Page{p1, p2, p3},
		Images:   map[string]layout.ImageData{"logo": {Type: "PNG", Data: testPNG(t)}},
		SigRects: []layout.SigRect{{Party: "pertama", Page: 1, X: 370, Y: 700, W: 180, H: 90}, {Party: "kedua", Page: 1, X: 60, Y: 700, W: 180, H: 90}},
	}
}

// handMeta is metadata for handDoc.
func handMeta() Meta {
	return Meta{
		Title: "Perjanjian Kinerja Tahun 2021 — Uji", Author: "Badan Uji", Subject: "Uji", Keywords: "Perjanjian Kinerja, uji",
		Created: time.Date(2021, 1, 4, 9, 30, 0, 0, time.UTC),
		Info: docinfo.Info{Kind: docinfo.Agreement, Title: "Perjanjian Kinerja", Year: 2021, Unit: "Badan Uji", Signers: []docinfo.Signer{
			{Party: docinfo.Pertama, Name: "BLESSMIYANDA", NIP: "196910131997031004", Jabatan: "Kepala Badan"},
			{Party: docinfo.Kedua, Name: "ANIES RASYID BASWEDAN, Ph.D", Jabatan: "Gubernur"},
		}},
	}
}

// render renders doc with meta and fails the test on error.
func render(t testing.TB, doc *layout.Document, meta Meta) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, doc, meta); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteHandDoc(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	pdf := render(t, handDoc(t), handMeta())
	path := writeTemp(t, "hand.pdf", pdf)
	checkPDFTools(t, path)
	txt := runTool(t, "pdftotext", "-layout", path, "-") + runTool(t, "mutool", "draw", "-F", "txt", "-o", "-", path)
	if n := strings.Count(txt, "Serapan anggaran "+punct+" 80%"); n != 2 {
		t.Errorf("pdftotext and mutool find the punctuation line %d times, want 2:\n%s", n, txt)
	}
	for _, want := range []string{"PERJANJIAN KINERJA TAHUN 2021", "Selisih − 5 ≠ 0, 2 × 3, ± 1", "Serapan anggaran " + punct + " 80%", "“kutipan” ‘tunggal’", "BLESSMIYANDA", "Lampiran halaman tiga"} {
		if !strings.Contains(txt, want) {
			t.Errorf("pdftotext lacks %q:\n%s", want, txt)
		}
	}
	checkPages(t, path, 3)
	info := runTool(t, "pdfinfo", path)
	for _, want := range []string{"Title:           Perjanjian Kinerja Tahun 2021 — Uji", "Author:          Badan Uji", "Creator:         kinerja", "Producer:        kinerja", "CreationDate:    Mon Jan  4 09:30:00 2021"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	checkInfo(t, pdf, 609.45, 935.43)
}

// pageSizes returns the size of every page as pdfinfo reports it.
func pageSizes(t *testing.T, path string) [][2]float64 {
	t.Helper()
	var sizes [][2]float64
	for _, l := range strings.Split(runTool(t, "pdfinfo", "-f", "1", "-l", "9999", path), "\n") {
		var n int
		var w, h float64
		if _, err := fmt.Sscanf(l, "Page %d size: %g x %g", &n, &w, &h); err == nil {
			sizes = append(sizes, [2]float64{w, h})
		}
	}
	return sizes
}

// checkPages asserts via pdfinfo that there are n pages, page 1 portrait
// and the others landscape.
func checkPages(t *testing.T, path string, n int) {
	t.Helper()
	sizes := pageSizes(t, path)
	if len(sizes) != n {
		t.Fatalf("pdfinfo lists %d pages, want %d", len(sizes), n)
	}
	for i, s := range sizes {
		if landscape := s[0] > s[1]; landscape != (i > 0) {
			t.Errorf("page %d: %g x %g (want page 1 portrait, others landscape)", i+1, s[0], s[1])
		}
	}
}

// checkInfo reads the XMP info back and checks the signature rectangles lie
// inside page 1 of size w x h.
func checkInfo(t *testing.T, pdf []byte, w, h float64) *docinfo.Info {
	t.Helper()
	info, err := readInfo(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if info.Kind != docinfo.Agreement || len(info.Signers) != 2 || info.Signers[0].Party != docinfo.Pertama {
		t.Fatalf("info = %+v", info)
	}
	for _, s := range info.Signers {
		r := s.Rect
		if s.Page != 1 || r[0] < 0 || r[1] < 0 || r[2] > w || r[3] > h || r[0] >= r[2] || r[1] >= r[3] {
			t.Errorf("signer %s: page %d rect %v outside page 1 (%gx%g)", s.Party, s.Page, r, w, h)
		}
	}
	return info
}

func TestSignerRectConversion(t *testing.T) {
	doc := handDoc(t)
	info := placeSigners(handMeta().Info, doc)
	// pertama: X 370, Y 700, W 180, H 90 on a page 935.43 high.
	want := [4]float64{370, 935.43 - 790, 550, 935.43 - 700}
	if got := info.Signers[0].Rect; got != want {
		t.Errorf("pertama rect = %v, want %v", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	a := render(t, handDoc(t), handMeta())
	b := render(t, handDoc(t), handMeta())
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same document differ")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20210104093000Z)")) || !bytes.Contains(a, []byte("/ModDate (D:20210104093000Z)")) {
		t.Error("dates do not follow Meta.Created")
	}
	if !bytes.Contains(a, []byte("/ID [<")) {
		t.Error("no /ID in the trailer")
	}
	other := handMeta()
	other.Title += " (revisi)"
	c := render(t, handDoc(t), other)
	if idOf(t, a) == idOf(t, c) {
		t.Error("documents with different content have the same /ID")
	}
}

func TestSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000") // 2023-11-14 22:13:20 UTC
	pdf := render(t, handDoc(t), handMeta())
	if !bytes.Contains(pdf, []byte("/CreationDate (D:20231114221320Z)")) || !bytes.Contains(pdf, []byte("/ModDate (D:20231114221320Z)")) {
		t.Error("dates do not follow SOURCE_DATE_EPOCH")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if err := Write(&bytes.Buffer{}, handDoc(t), handMeta()); err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") {
		t.Errorf("bad SOURCE_DATE_EPOCH: err = %v", err)
	}
}

// idOf returns the first /ID element of a PDF.
func idOf(t *testing.T, pdf []byte) string {
	i := bytes.LastIndex(pdf, []byte("/ID [<"))
	if i < 0 {
		t.Fatal("no /ID")
	}
	return string(pdf[i+6 : i+38])
}

func TestWriteErrors(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	cases := []struct {
		name string
		edit func(d *layout.Document, m *Meta)
		want string
	}{
		{"no pages", func(d *layout.Document, m *Meta) { d.Pages = nil }, "no pages"},
		{"missing glyph", func(d *layout.Document, m *Meta) {
			d.Pages[1].Boxes = append(d.Pages[1].Boxes, text(serif, 9, 40, 80, "aksara 漢字"))
		}, `page 2: text "aksara 漢字": font serif has no glyph for U+6F22 '漢', U+5B57 '字'`},
		{"control character", func(d *layout.Document, m *Meta) {
			d.Pages[0].Boxes[1].Text = "TAHUN\t2021"
		}, `font serif bold has no glyph for U+0009 '\t'`},
		{"unknown family", func(d *layout.Document, m *Meta) {
			d.Pages[0].Boxes[1].Font.Family = "mono"
		}, `unknown font family "mono"`},
		{"unknown image", func(d *layout.Document, m *Meta) { d.Pages[0].Boxes[0].Name = "emblem" }, `image "emblem" not in the document`},
		{"image type", func(d *layout.Document, m *Meta) { d.Images["logo"] = layout.ImageData{Type: "GIF"} }, `type "GIF"`},
		{"page size", func(d *layout.Document, m *Meta) { d.Pages[1].Landscape = false }, "page 2: bad size 935.43x609.45 (landscape false)"},
		{"zero page", func(d *layout.Document, m *Meta) { d.Pages[0].Width = 0 }, "page 1: bad size"},
		{"no date", func(d *layout.Document, m *Meta) { m.Created = time.Time{} }, "no creation date"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, m := handDoc(t), handMeta()
			c.edit(d, &m)
			var b bytes.Buffer
			err := Write(&b, d, m)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to contain %q", err, c.want)
			}
			if b.Len() != 0 {
				t.Errorf("%d bytes written despite the error", b.Len())
			}
		})
	}
}

// fontTypes returns the pdffonts type column by font name (tag removed).
func fontTypes(t *testing.T, path string) map[string]string {
	out := map[string]string{}
	lines := strings.Split(strings.TrimSpace(runTool(t, "pdffonts", path)), "\n")
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		name := f[0][strings.Index(f[0], "+")+1:]
		out[name] = strings.Join(f[1:len(f)-6], " ")
	}
	return out
}

func TestFontRoutes(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	d := handDoc(t)
	const latinExt = "Łódź, Őr ≈ ĳ" // in the cut range, not in the 8-bit encoding
	d.Pages[2].Boxes = append(d.Pages[2].Boxes, text(sansIt, 9, 40, 80, latinExt))
	path := writeTemp(t, "routes.pdf", render(t, d, handMeta()))
	checkPDFTools(t, path)
	got := fontTypes(t, path)
	want := map[string]string{"LiberationSerif": "TrueType", "LiberationSerif-Bold": "TrueType", "LiberationSans-Italic": "CID TrueType"}
	for name, typ := range want {
		if got[name] != typ {
			t.Errorf("font %s: type %q, want %q (all: %v)", name, got[name], typ, got)
		}
	}
	txt := runTool(t, "pdftotext", path, "-")
	for _, s := range []string{latinExt, "“kutipan” ‘tunggal’", punct} {
		if !strings.Contains(txt, s) {
			t.Errorf("pdftotext lacks %q:\n%s", s, txt)
		}
	}
}

func TestFullFaceFallback(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	d := handDoc(t)
	const greek = "Ελληνικά και кириллица" // outside the cut repertoire
	d.Pages[2].Boxes = append(d.Pages[2].Boxes, text(serif, 9, 40, 80, greek))
	path := writeTemp(t, "greek.pdf", render(t, d, handMeta()))
	checkPDFTools(t, path)
	if txt := runTool(t, "pdftotext", path, "-"); !strings.Contains(txt, greek) {
		t.Errorf("pdftotext lacks %q:\n%s", greek, txt)
	}
}

func TestDateZone(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	m := handMeta()
	m.Created = time.Date(2021, 1, 4, 9, 30, 0, 0, time.FixedZone("WIB", 7*3600))
	pdf := render(t, handDoc(t), m)
	if !bytes.Contains(pdf, []byte("/CreationDate (D:20210104093000+07'00')")) {
		t.Error("CreationDate lacks the +07'00' offset")
	}
	info := runTool(t, "pdfinfo", writeTemp(t, "wib.pdf", pdf))
	if !strings.Contains(info, "Mon Jan  4 02:30:00 2021 UTC") {
		t.Errorf("pdfinfo reads another date:\n%s", info)
	}
}

// readInfo reads the kinerja Info of a rendered PDF (tests only: render
// itself never reads PDFs).
func readInfo(b []byte) (*docinfo.Info, error) {
	rd, err := pdfreader.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	return docinfo.InfoFrom(rd)
}
