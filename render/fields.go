package render

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"kinerja/docinfo"
)

// The signature fields (the contract is in package docinfo): one parent
// field /T (kinerja) in /AcroForm /Fields; under it one /FT /Sig field per
// signer, /T (<party>), with /Lock << /Type /SigFieldLock /Action /Include
// /Fields [(kinerja.<party>)] >> (signing it locks itself, not the other
// party's field) and no /V, merged with its widget on the signer's first rectangle (the
// statement page's), whose /AP /N is a shared empty form XObject, listed
// in its page's /Annots. The catalog gets /AcroForm << /Fields [...]
// /SigFlags 3 >>.

// fieldObjects are the objects addSigFields appends, numbered from first.
type fieldObjects struct {
	first  int
	bodies [][]byte      // in number order
	annots map[int][]int // page object number -> widget numbers
	parent int           // the /T (kinerja) field
}

// add appends a body and returns its object number.
func (f *fieldObjects) add(body []byte) int {
	f.bodies = append(f.bodies, body)
	return f.first + len(f.bodies) - 1
}

// next returns the number of the object k adds after the next one.
func (f *fieldObjects) next(k int) int { return f.first + len(f.bodies) + k }

// addSigFields adds the signature fields of info's signers to the PDF
// (one classic xref table, objects 1..n, fpdf's page tree in object 1)
// and rebuilds the xref table. Signers without widgets get no field; when
// none has one the PDF is returned unchanged.
func addSigFields(pdf []byte, info docinfo.Info) ([]byte, error) {
	if !hasWidgets(info) {
		return pdf, nil
	}
	objs, xrefAt, err := readXref(pdf)
	if err != nil {
		return nil, fmt.Errorf("render: internal error: %w", err)
	}
	byNum := make(map[int]object, len(objs))
	for _, o := range objs {
		byNum[o.num] = o
	}
	pages, err := pageObjects(pdf[byNum[1].start:byNum[1].end])
	if err != nil {
		return nil, fmt.Errorf("render: internal error: %w", err)
	}
	f, err := buildFields(info, pages, len(objs)+1)
	if err != nil {
		return nil, err
	}
	return writeFields(pdf, objs, xrefAt, f)
}

// hasWidgets reports whether any signer has a widget.
func hasWidgets(info docinfo.Info) bool {
	for _, s := range info.Signers {
		if len(s.Widgets) > 0 {
			return true
		}
	}
	return false
}

// pageObjects reads the /Kids of fpdf's page tree object: the page
// object numbers in page order.
func pageObjects(obj []byte) ([]int, error) {
	_, rest, ok := bytes.Cut(obj, []byte("/Type /Pages\n/Kids ["))
	kids, _, ok2 := bytes.Cut(rest, []byte("]"))
	if !ok || !ok2 {
		return nil, fmt.Errorf("object 1 is not fpdf's page tree")
	}
	f := strings.Fields(string(kids))
	if len(f)%3 != 0 {
		return nil, fmt.Errorf("page tree /Kids %q", kids)
	}
	var nums []int
	for i := 0; i < len(f); i += 3 {
		n, err := strconv.Atoi(f[i])
		if err != nil || f[i+1] != "0" || f[i+2] != "R" {
			return nil, fmt.Errorf("page tree /Kids %q", kids)
		}
		nums = append(nums, n)
	}
	return nums, nil
}

// buildFields makes the bodies of the empty appearance, the fields and
// their widgets, numbered from first.
func buildFields(info docinfo.Info, pages []int, first int) (*fieldObjects, error) {
	f := &fieldObjects{first: first, annots: map[int][]int{}}
	empty := f.add([]byte("<</Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources <<>> /Length 0>>\nstream\n\nendstream"))
	var signers []docinfo.Signer
	for _, s := range info.Signers {
		if len(s.Widgets) > 0 {
			signers = append(signers, s)
		}
	}
	f.parent = f.next(0)
	fieldNums := make([]string, len(signers))
	at := f.parent + 1
	for i := range signers {
		fieldNums[i] = strconv.Itoa(at) + " 0 R"
		at++
	}
	f.add(fmt.Appendf(nil, "<</T (%s) /Kids [%s]>>", docinfo.FieldPrefix, strings.Join(fieldNums, " ")))
	for _, s := range signers {
		if err := f.addField(s, pages, empty); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// addField adds one party's field, merged with its widget on the
// statement page (the signature validators of poppler 22 and MuPDF 1.21
// read /V and /ByteRange only from the widget's own dictionary).
func (f *fieldObjects) addField(s docinfo.Signer, pages []int, empty int) error {
	w := s.Widgets[0]
	if w.Page < 1 || w.Page > len(pages) {
		return fmt.Errorf("render: internal error: widget of %s on page %d of %d", s.Party, w.Page, len(pages))
	}
	page := pages[w.Page-1]
	n := f.add(fmt.Appendf(nil, "<</FT /Sig /T (%s) /Parent %d 0 R /Lock <</Type /SigFieldLock /Action /Include /Fields [(%s)]>> "+
		"/Type /Annot /Subtype /Widget /F 4 /Rect [%s %s %s %s] /P %d 0 R /AP <</N %d 0 R>>>>",
		s.Party, f.parent, docinfo.FieldName(s.Party), pdfNum(w.Rect[0]), pdfNum(w.Rect[1]), pdfNum(w.Rect[2]), pdfNum(w.Rect[3]), page, empty))
	f.annots[page] = append(f.annots[page], n)
	return nil
}

// writeFields copies pdf with the pages' /Annots and the catalog's
// /AcroForm added, appends the new objects and a new xref table.
func writeFields(pdf []byte, objs []object, xrefAt int, f *fieldObjects) ([]byte, error) {
	out := make([]byte, 0, len(pdf)+4096)
	out = append(out, pdf[:objs[0].start]...)
	offsets := make([]int, len(objs)+1, len(objs)+1+len(f.bodies))
	catalogs := 0
	for _, o := range objs {
		offsets[o.num] = len(out)
		body := pdf[o.start:o.end]
		var err error
		switch {
		case f.annots[o.num] != nil:
			body, err = insertEntry(body, "/Annots ["+refs(f.annots[o.num])+"]")
		case bytes.Contains(body, []byte("/Type /Catalog\n")):
			catalogs++
			body, err = insertEntry(body, fmt.Sprintf("/AcroForm <</Fields [%d 0 R] /SigFlags 3>>", f.parent))
		}
		if err != nil {
			return nil, fmt.Errorf("render: internal error: object %d: %w", o.num, err)
		}
		out = append(out, body...)
	}
	if catalogs != 1 {
		return nil, fmt.Errorf("render: internal error: %d catalogs", catalogs)
	}
	for i, b := range f.bodies {
		offsets = append(offsets, len(out))
		out = fmt.Appendf(out, "%d 0 obj\n%s\nendobj\n", f.first+i, b)
	}
	return appendXref(out, pdf[xrefAt:], offsets)
}

// insertEntry adds entry as the last entry of the dictionary that is the
// whole body of the object obj ("N 0 obj\n<<...>>\nendobj\n").
func insertEntry(obj []byte, entry string) ([]byte, error) {
	const tail = ">>\nendobj\n"
	if !bytes.HasSuffix(obj, []byte(tail)) || bytes.Contains(obj, []byte("stream\n")) {
		return nil, fmt.Errorf("not a dictionary object")
	}
	head := obj[:len(obj)-len(tail)]
	out := make([]byte, 0, len(obj)+len(entry)+2)
	out = append(out, head...)
	if head[len(head)-1] != '\n' {
		out = append(out, '\n')
	}
	out = append(out, entry...)
	return append(out, "\n"+tail...), nil
}

// refs formats object numbers as references "3 0 R 5 0 R".
func refs(nums []int) string {
	s := make([]string, len(nums))
	for i, n := range nums {
		s[i] = strconv.Itoa(n) + " 0 R"
	}
	return strings.Join(s, " ")
}

// pdfNum formats a coordinate with at most two decimals.
func pdfNum(v float64) string {
	return strconv.FormatFloat(round2(v), 'f', -1, 64)
}
