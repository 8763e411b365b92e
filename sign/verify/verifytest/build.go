package verifytest

import (
	"fmt"
	"strings"

	"kinerja/docinfo"
	"kinerja/internal/testpdf"
)

// The objects of a built document: the catalog, the page tree, page 1,
// its content stream, the font, the XMP metadata, the fields' shared empty
// appearance and their parent field; then one field per signer, then the
// other pages with their content streams.
const (
	objPage1    = 3
	objEmptyAP  = 7
	objParent   = 8
	firstField  = 9
	linesOnPage = 60
)

// Build makes an uncompressed A4 document whose pages show the given text
// lines (Helvetica 10, from the top), carrying info in its XMP metadata
// (nil: none) and, for each of info's signers with a reserved rectangle,
// kinerja's signature field on page 1 as render makes it: merged with its
// widget, a /Lock that locks itself, an empty shared appearance.
func Build(info *docinfo.Info, title string, pages [][]string) ([]byte, error) {
	if len(pages) == 0 {
		return nil, fmt.Errorf("build: no pages")
	}
	md := "null"
	if info != nil {
		xmp, err := docinfo.EncodeXMP(*info, title, "kinerja test", "test", "", "kinerja", "id")
		if err != nil {
			return nil, err
		}
		md = fmt.Sprintf("<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\nendstream", len(xmp), xmp)
	}
	fields := fieldBodies(info)
	next := firstField + len(fields)
	kids := []string{ref(objPage1)}
	for i := 1; i < len(pages); i++ {
		kids = append(kids, ref(next+2*i-2))
	}
	catalog := "<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>"
	annots := ""
	if len(fields) > 0 {
		catalog = fmt.Sprintf("<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R /AcroForm << /Fields [%d 0 R] /SigFlags 3 >> >>", objParent)
		annots = " /Annots [" + strings.Join(fieldRefs(len(fields)), " ") + "]"
	}
	objs := []string{catalog,
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)),
		page(4, annots), content(pages[0]),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>", md,
		"<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << >> /Length 0 >>\nstream\n\nendstream",
		fmt.Sprintf("<< /T (%s) /Kids [%s] >>", docinfo.FieldPrefix, strings.Join(fieldRefs(len(fields)), " "))}
	objs = append(objs, fields...)
	for i := 1; i < len(pages); i++ {
		objs = append(objs, page(next+2*i-1, ""), content(pages[i]))
	}
	b, _ := testpdf.Build(objs...)
	return b, nil
}

// fieldBodies are the signature fields of info's signers that have a
// reserved rectangle, in signing order.
func fieldBodies(info *docinfo.Info) []string {
	if info == nil {
		return nil
	}
	var out []string
	for _, s := range info.Signers {
		r := s.Rect
		if r == [4]float64{} {
			continue
		}
		out = append(out, fmt.Sprintf("<< /FT /Sig /T (%s) /Parent %d 0 R "+
			"/Lock << /Type /SigFieldLock /Action /Include /Fields [(%s)] >> "+
			"/Type /Annot /Subtype /Widget /F 4 /Rect [%g %g %g %g] /P %d 0 R /AP << /N %d 0 R >> >>",
			s.Party, objParent, docinfo.FieldName(s.Party), r[0], r[1], r[2], r[3], objPage1, objEmptyAP))
	}
	return out
}

// fieldRefs are references to n fields numbered from firstField.
func fieldRefs(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = ref(firstField + i)
	}
	return out
}

// ref is a reference to object n.
func ref(n int) string { return fmt.Sprintf("%d 0 R", n) }

// page is an A4 page dictionary showing content stream c.
func page(c int, annots string) string {
	return fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 5 0 R >> >> /Contents %d 0 R%s >>", c, annots)
}

// content is a content stream showing lines from the top of the page.
func content(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		fmt.Fprintf(&b, "BT /F1 10 Tf 50 %.2f Td (%s) Tj ET\n", 781.89-12*float64(i), escape(l))
	}
	return fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", b.Len(), b.String())
}

// escape writes s as the inside of a PDF literal string.
func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
}

// Paginate splits lines into pages of 60.
func Paginate(lines []string) [][]string {
	var out [][]string
	for len(lines) > linesOnPage {
		out = append(out, lines[:linesOnPage])
		lines = lines[linesOnPage:]
	}
	return append(out, lines)
}

// Document renders the test document of Info: pages pages with lines
// lines of text each (about 60 bytes per line), title on the first line
// of page 1.
func Document(title string, pages, lines int) ([]byte, error) {
	info := Info()
	text := make([][]string, pages)
	for p := range text {
		text[p] = append(text[p], fmt.Sprintf("%s - halaman %d", title, p+1))
		for i := 0; i < lines; i++ {
			text[p] = append(text[p], fmt.Sprintf("Indikator %d.%d: persentase capaian kinerja 100 persen", p+1, i))
		}
	}
	return Build(&info, title, text)
}
