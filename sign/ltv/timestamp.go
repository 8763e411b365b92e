package ltv

import (
	"context"
	"crypto"
	"fmt"

	"kinerja/internal/pdfedit"
	"kinerja/internal/pdfupdate"
	"kinerja/sign/cades"
)

// Object is one object of the base file: its number and its current
// body, read by the caller through the reading core.
type Object struct {
	Ref  pdfupdate.Ref
	Body []byte
}

// DocTimeStamp is what AddDocTimeStamp needs from the file it extends.
type DocTimeStamp struct {
	Trailer pdfupdate.Trailer
	Catalog []byte // the current body of the catalog, Trailer.Root
	// AcroForm is the interactive form when the catalog's /AcroForm is an
	// indirect reference; nil when the catalog holds it directly or has
	// none (then one is made).
	AcroForm *Object
	// Page is the page whose /Annots gets the widget, and which the widget
	// names in /P. Nil puts the widget on no page: the field is still in
	// the form, which is where pdfsig, mutool and validators look, and no
	// page dictionary changes.
	Page  *Object
	Field string      // the new field's name, unique in the form; "": "DocTimeStamp"
	Hash  crypto.Hash // of the /ByteRange digest; 0: SHA-256
	TSA   *cades.TSA
	NewID []byte // the second element of the new trailer /ID
}

// widgetFlags are the annotation flags of the invisible widget: Print (4)
// and Locked (128), as pyHanko writes for invisible signature fields;
// Print because PDF/A wants it on every widget, no Hidden because PDF/A
// forbids it (the zero /Rect already makes the widget invisible).
const widgetFlags = 132

// AddDocTimeStamp appends to base an update with a document timestamp
// (ISO 32000-2 §12.8.5, ETSI EN 319 142-1 B-LTA): a signature dictionary
// of /Type /DocTimeStamp and /SubFilter /ETSI.RFC3161 whose /Contents is
// the TSA's token over the digest of the /ByteRange, in a new invisible
// signature field (widget /Rect [0 0 0 0]) added to the AcroForm's
// /Fields, /SigFlags 3. The /Contents room is sized by ts.TSA.TokenSize.
func AddDocTimeStamp(ctx context.Context, base []byte, ts DocTimeStamp) ([]byte, error) {
	h := ts.Hash
	if h == 0 {
		h = crypto.SHA256
	}
	size, err := ts.TSA.TokenSize(ctx, h)
	if err != nil {
		return nil, err
	}
	w := pdfupdate.New(base, ts.Trailer)
	sig := w.Add([]byte("<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161\n" + pdfupdate.Placeholder(size) + "\n>>"))
	if err := ts.addField(w, sig); err != nil {
		return nil, err
	}
	res, err := w.Finish(ts.NewID)
	if err != nil {
		return nil, err
	}
	return seal(ctx, res, sig, h, ts.TSA)
}

// seal asks the TSA for a token over the byte ranges of the finished
// update and writes it into /Contents.
func seal(ctx context.Context, res pdfupdate.Result, sig pdfupdate.Ref, h crypto.Hash, tsa *cades.TSA) ([]byte, error) {
	doc := res.Bytes
	br, err := pdfupdate.Ranges(doc, res.Offsets[sig])
	if err != nil {
		return nil, err
	}
	d := h.New()
	for _, part := range pdfupdate.Signed(doc, br) {
		d.Write(part)
	}
	token, err := tsa.Timestamp(ctx, h, d.Sum(nil))
	if err != nil {
		return nil, err
	}
	if err := pdfupdate.Seal(doc, br, token); err != nil {
		return nil, err
	}
	return doc, nil
}

// addField adds the field-and-widget whose value is sig, registers it in
// the form and, when a page is given, in the page's /Annots.
func (ts *DocTimeStamp) addField(w *pdfupdate.Writer, sig pdfupdate.Ref) error {
	name := ts.Field
	if name == "" {
		name = "DocTimeStamp"
	}
	if err := checkFieldName(name); err != nil {
		return err
	}
	field := w.Reserve()
	if err := ts.register(w, field); err != nil {
		return err
	}
	widget := &pdfedit.Dict{}
	widget.Set("Type", pdfedit.Name("Annot"))
	widget.Set("Subtype", pdfedit.Name("Widget"))
	widget.Set("FT", pdfedit.Name("Sig"))
	widget.Set("T", pdfedit.Atom("("+name+")"))
	widget.Set("V", pdfedit.Ref{Num: int(sig)})
	widget.Set("Rect", pdfedit.Array{pdfedit.Atom("0"), pdfedit.Atom("0"), pdfedit.Atom("0"), pdfedit.Atom("0")})
	widget.Set("F", pdfedit.Atom(fmt.Sprint(widgetFlags)))
	if ts.Page != nil {
		widget.Set("P", pdfedit.Ref{Num: int(ts.Page.Ref)})
		if err := addAnnot(w, ts.Page, field); err != nil {
			return err
		}
	}
	w.Set(field, pdfedit.Encode(widget))
	return nil
}

// checkFieldName accepts names that need no escaping in a literal
// string and hold no period (which separates partial names).
func checkFieldName(name string) error {
	for _, c := range []byte(name) {
		if c < 0x20 || c > 0x7e || c == '(' || c == ')' || c == '\\' || c == '.' {
			return fmt.Errorf("field name %q: want printable ASCII without a period, parentheses or backslash", name)
		}
	}
	return nil
}

// register appends field to the AcroForm's /Fields and sets /SigFlags 3
// (SignaturesExist, AppendOnly), redefining the AcroForm object, or the
// catalog when the form is direct or new.
func (ts *DocTimeStamp) register(w *pdfupdate.Writer, field pdfupdate.Ref) error {
	cat, err := catalog(ts.Catalog)
	if err != nil {
		return err
	}
	v, _ := cat.Get("AcroForm")
	switch form := v.(type) {
	case nil:
		cat.Set("AcroForm", pdfedit.Ref{Num: int(w.Add(formWith(&pdfedit.Dict{}, field)))})
	case *pdfedit.Dict:
		cat.Set("AcroForm", form)
		if err := appendField(form, field); err != nil {
			return err
		}
	case pdfedit.Ref:
		return ts.registerIndirect(w, form, field)
	default:
		return fmt.Errorf("catalog /AcroForm is %s, not a dictionary", pdfedit.Encode(v))
	}
	w.Set(ts.Trailer.Root, pdfedit.Encode(cat))
	return nil
}

// registerIndirect edits the AcroForm object the catalog points at.
func (ts *DocTimeStamp) registerIndirect(w *pdfupdate.Writer, ref pdfedit.Ref, field pdfupdate.Ref) error {
	if ts.AcroForm == nil || int(ts.AcroForm.Ref) != ref.Num || ref.Gen != 0 {
		return fmt.Errorf("catalog /AcroForm is %d %d R: pass that object as AcroForm", ref.Num, ref.Gen)
	}
	form, err := pdfedit.ParseDict(ts.AcroForm.Body)
	if err != nil {
		return fmt.Errorf("AcroForm: %w", err)
	}
	if err := appendField(form, field); err != nil {
		return err
	}
	w.Set(ts.AcroForm.Ref, pdfedit.Encode(form))
	return nil
}

// formWith returns form with field appended, encoded; form is new and
// cannot fail.
func formWith(form *pdfedit.Dict, field pdfupdate.Ref) []byte {
	_ = appendField(form, field)
	return pdfedit.Encode(form)
}

// appendField adds field to form's /Fields and sets /SigFlags 3.
func appendField(form *pdfedit.Dict, field pdfupdate.Ref) error {
	if err := form.Append("Fields", pdfedit.Ref{Num: int(field)}); err != nil {
		return fmt.Errorf("AcroForm: %w", err)
	}
	form.Set("SigFlags", pdfedit.Atom("3"))
	return nil
}

// addAnnot redefines page with widget appended to its /Annots.
func addAnnot(w *pdfupdate.Writer, page *Object, widget pdfupdate.Ref) error {
	d, err := pdfedit.ParseDict(page.Body)
	if err != nil {
		return fmt.Errorf("page %d: %w", page.Ref, err)
	}
	if t, _ := d.Get("Type"); t != pdfedit.Name("Page") {
		return fmt.Errorf("page %d: /Type is not /Page", page.Ref)
	}
	if err := d.Append("Annots", pdfedit.Ref{Num: int(widget)}); err != nil {
		return fmt.Errorf("page %d: %w", page.Ref, err)
	}
	w.Set(page.Ref, pdfedit.Encode(d))
	return nil
}
