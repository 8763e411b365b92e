package pades

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/digitorus/pdf"

	"kinerja/docinfo"
	"kinerja/internal/pdfread"
	"kinerja/internal/pdfupdate"
)

// Object is one object of the file: its number and its body as written.
type Object struct {
	Ref  pdfupdate.Ref
	Body []byte
}

// Field is one party's signature field.
type Field struct {
	Object
	Signed  bool // it has a /V
	Widgets []Widget
}

// Widget is one widget of a field.
type Widget struct {
	Object
	Rect [4]float64
}

// Document is what an update of a kinerja PDF needs to know about it.
type Document struct {
	Data    []byte
	Info    *docinfo.Info
	Trailer pdfupdate.Trailer
	Catalog Object
	Fields  map[docinfo.Party]*Field // the renderer's signature fields, by party
	// Signatures counts the signature dictionaries in the file (every
	// /ByteRange array, pdfread.ScanByteRanges).
	Signatures int
	doc        *pdfread.Doc
	// redefined holds the bodies of the objects that the updates made by
	// SignDocument since doc was read redefine.
	redefined map[pdfupdate.Ref][]byte
}

// maxWidgets bounds the widgets of one field (render makes two).
const maxWidgets = 16

// Read parses data through the reading core and returns its trailer, its
// catalog and the signature fields under /AcroForm /Fields' "kinerja".
// Reader panics become errors.
func Read(data []byte) (doc *Document, err error) {
	defer pdfread.Catch(&err, "read pdf")
	d, err := pdfread.Open(data)
	if err != nil {
		return nil, fmt.Errorf("read pdf: %w", err)
	}
	info, err := d.Info()
	if err != nil {
		return nil, fmt.Errorf("read pdf: %w (sign only PDFs rendered by kinerja)", err)
	}
	doc = &Document{Data: data, Info: info, Fields: map[docinfo.Party]*Field{}, doc: d,
		Signatures: len(pdfread.ScanByteRanges(data))}
	if doc.Trailer, err = trailer(d); err != nil {
		return nil, fmt.Errorf("read pdf: %w", err)
	}
	if doc.Catalog, err = doc.object(d.Reader.Trailer().Key("Root")); err != nil {
		return nil, fmt.Errorf("read pdf: catalog: %w", err)
	}
	if err := doc.readFields(d.Reader.Trailer().Key("Root").Key("AcroForm").Key("Fields")); err != nil {
		return nil, fmt.Errorf("read pdf: %w", err)
	}
	return doc, nil
}

// trailer reads what an update carries over from the latest trailer.
func trailer(d *pdfread.Doc) (pdfupdate.Trailer, error) {
	tr := d.Reader.Trailer()
	t := pdfupdate.Trailer{Size: int(tr.Key("Size").Int64())}
	root := tr.Key("Root")
	if root.Kind() != pdf.Dict || objNum(root) == 0 {
		return t, fmt.Errorf("no catalog")
	}
	t.Root = pdfupdate.Ref(objNum(root))
	if info := tr.Key("Info"); info.Kind() == pdf.Dict {
		t.Info = pdfupdate.Ref(objNum(info))
	}
	if id := tr.Key("ID").Index(0); id.Kind() == pdf.String {
		t.ID = []byte(id.RawString())
	}
	prev, err := lastStartxref(d.Data)
	if err != nil {
		return t, err
	}
	t.Prev = prev
	if t.Size <= int(t.Root) || t.Size <= int(t.Info) {
		return t, fmt.Errorf("trailer /Size %d is not above the catalog's number", t.Size)
	}
	return t, nil
}

// lastStartxref returns the number after the last "startxref".
func lastStartxref(data []byte) (int64, error) {
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return 0, fmt.Errorf("no startxref")
	}
	f := bytes.Fields(data[i+len("startxref") : min(len(data), i+len("startxref")+32)])
	if len(f) == 0 {
		return 0, fmt.Errorf("no number after startxref")
	}
	n, err := strconv.ParseInt(string(f[0]), 10, 64)
	if err != nil || n <= 0 || n >= int64(len(data)) {
		return 0, fmt.Errorf("startxref %q", f[0])
	}
	return n, nil
}

// objNum is the number of the object v was read from.
func objNum(v pdf.Value) int {
	p := v.GetPtr()
	return int(p.GetID())
}

// object returns the indirect object v as written.
func (doc *Document) object(v pdf.Value) (Object, error) {
	n := objNum(v)
	if v.Kind() != pdf.Dict || n == 0 {
		return Object{}, fmt.Errorf("not an indirect dictionary")
	}
	body, err := doc.doc.Object(n)
	return Object{Ref: pdfupdate.Ref(n), Body: body}, err
}

// readFields finds the "kinerja" parent field and its party fields.
func (doc *Document) readFields(fields pdf.Value) error {
	for i := 0; i < fields.Len() && i < 1000; i++ {
		p := fields.Index(i)
		if p.Key("T").Text() != docinfo.FieldPrefix {
			continue
		}
		kids := p.Key("Kids")
		for j := 0; j < kids.Len() && j < len(docinfo.Parties)+1; j++ {
			if err := doc.readField(kids.Index(j), p); err != nil {
				return err
			}
		}
	}
	return nil
}

// readField reads one party field and its widgets.
func (doc *Document) readField(f, parent pdf.Value) error {
	party, err := docinfo.ParseParty(f.Key("T").Text())
	name := docinfo.FieldPrefix + "." + f.Key("T").Text()
	if err != nil || f.Key("FT").Name() != "Sig" || doc.Fields[party] != nil {
		return fmt.Errorf("field %q is not one of kinerja's signature fields", name)
	}
	if f.Key("Parent").GetPtr() != parent.GetPtr() {
		return fmt.Errorf("field %q: /Parent is not its parent", name)
	}
	obj, err := doc.object(f)
	if err != nil {
		return fmt.Errorf("field %q: %w", name, err)
	}
	field := &Field{Object: obj, Signed: !f.Key("V").IsNull()}
	if f.Key("Subtype").Name() == "Widget" { // field and widget in one
		field.Widgets = []Widget{{Object: obj, Rect: rect(f.Key("Rect"))}}
		doc.Fields[party] = field
		return nil
	}
	kids := f.Key("Kids")
	if kids.Len() == 0 || kids.Len() > maxWidgets {
		return fmt.Errorf("field %q has %d widgets", name, kids.Len())
	}
	for k := 0; k < kids.Len(); k++ {
		w := kids.Index(k)
		wo, err := doc.object(w)
		if err != nil || w.Key("Subtype").Name() != "Widget" || w.Key("Parent").GetPtr() != f.GetPtr() || wo.Ref == obj.Ref {
			return fmt.Errorf("field %q: widget %d is not an indirect widget of the field", name, k+1)
		}
		field.Widgets = append(field.Widgets, Widget{Object: wo, Rect: rect(w.Key("Rect"))})
	}
	doc.Fields[party] = field
	return nil
}

// rect reads a rectangle, normalised so that [0],[1] is lower left.
func rect(v pdf.Value) [4]float64 {
	var r [4]float64
	for i := 0; i < 4 && i < v.Len(); i++ {
		r[i] = v.Index(i).Float64()
	}
	return [4]float64{min(r[0], r[2]), min(r[1], r[3]), max(r[0], r[2]), max(r[1], r[3])}
}

// Object returns the body of object r as written in the latest revision
// (a dictionary or other direct value; stream objects are refused).
func (doc *Document) Object(r pdfupdate.Ref) ([]byte, error) {
	if b, ok := doc.redefined[r]; ok {
		return b, nil
	}
	return doc.doc.Object(int(r))
}
