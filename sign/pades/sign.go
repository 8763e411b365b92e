package pades

import (
	"context"
	"crypto"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"

	"kinerja/docinfo"
	"kinerja/internal/pdfedit"
	"kinerja/internal/pdfupdate"
	"kinerja/sign/cades"
	"kinerja/sign/stamp"
)

// Signature is one party's signature.
type Signature struct {
	Party  docinfo.Party
	Signer *cades.Signer // key, chain (signer first), digest, optional TSA
	// Certify makes it a certification signature: DocMDP /P 2 and the
	// catalog's /Perms. Only the document's first signature may certify.
	Certify  bool
	Time     time.Time // written as /M
	Name     string    // /Name: the signer's name (the certificate's)
	Reason   string    // optional /Reason
	Location string    // optional /Location
	Stamp    stamp.Stamp
}

// Errors of Sign, for errors.Is.
var (
	ErrNoField       = errors.New("no signature field")
	ErrAlreadySigned = errors.New("already signed")
)

// Sign appends one incremental update with s's signature in its party's
// field and returns the whole signed file (doc.Data is not modified).
func (doc *Document) Sign(ctx context.Context, s Signature) ([]byte, error) {
	next, err := doc.SignDocument(ctx, s)
	if err != nil {
		return nil, err
	}
	return next.Data, nil
}

// SignDocument is Sign returning the signed file as a Document whose
// trailer, catalog and fields are those of the update, so that a further
// signature needs no second reading of the file.
func (doc *Document) SignDocument(ctx context.Context, s Signature) (*Document, error) {
	f := doc.Fields[s.Party]
	switch {
	case f == nil:
		return nil, fmt.Errorf("%w %s in the document (rendered with tanda_tangan = \"bsre\" or by an older kinerja: render it again)", ErrNoField, docinfo.FieldName(s.Party))
	case f.Signed:
		return nil, fmt.Errorf("field %s: %w", docinfo.FieldName(s.Party), ErrAlreadySigned)
	case s.Certify && doc.Signatures > 0:
		return nil, errors.New("a certification signature must be the document's first signature")
	}
	size, err := s.Signer.Size(ctx)
	if err != nil {
		return nil, err
	}
	w := pdfupdate.New(doc.Data, doc.Trailer)
	sig := w.Reserve()
	next := doc.successor()
	if err := next.fill(w, f, sig, s); err != nil {
		return nil, err
	}
	w.Set(sig, sigDict(s, size))
	res, err := w.Finish(newID(doc.Data, doc.Trailer, s))
	if err != nil {
		return nil, err
	}
	if next.Data, err = seal(ctx, res, sig, s.Signer); err != nil {
		return nil, err
	}
	next.Trailer = res.Trailer
	next.Signatures++
	next.Fields[s.Party].Signed = true
	return next, nil
}

// successor returns a copy of doc whose catalog, fields and redefined
// objects fill may change without touching doc.
func (doc *Document) successor() *Document {
	next := *doc
	next.Fields = make(map[docinfo.Party]*Field, len(doc.Fields))
	for p, f := range doc.Fields {
		c := *f
		c.Widgets = append([]Widget(nil), f.Widgets...)
		next.Fields[p] = &c
	}
	next.redefined = map[pdfupdate.Ref][]byte{}
	for r, b := range doc.redefined {
		next.redefined[r] = b
	}
	return &next
}

// fill adds the field's /V, the widgets' stamps and, to certify, /Perms.
// A field merged with its widget is one object that gets both edits. doc
// is the successor: its field, widgets and catalog take the new bodies.
func (doc *Document) fill(w *pdfupdate.Writer, f *Field, sig pdfupdate.Ref, s Signature) error {
	bodies := map[pdfupdate.Ref][]byte{f.Ref: f.Body}
	for _, wd := range f.Widgets {
		if bodies[wd.Ref] == nil {
			bodies[wd.Ref] = wd.Body
		}
	}
	var err error
	if bodies[f.Ref], err = setKey(f.Body, "V", ref(sig)); err != nil {
		return fmt.Errorf("field %s: %w", docinfo.FieldName(s.Party), err)
	}
	if err := addStamps(w, f.Widgets, s.Stamp, bodies); err != nil {
		return err
	}
	for r, body := range bodies {
		w.Set(r, body)
		doc.redefine(r, body)
	}
	if !s.Certify {
		return nil
	}
	cat, err := pdfedit.ParseDict(doc.Catalog.Body)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	if _, ok := cat.Get("Perms"); ok {
		return errors.New("the catalog already has /Perms")
	}
	perms := &pdfedit.Dict{}
	perms.Set("DocMDP", ref(sig))
	cat.Set("Perms", perms)
	w.Set(doc.Catalog.Ref, pdfedit.Encode(cat))
	doc.redefine(doc.Catalog.Ref, pdfedit.Encode(cat))
	return nil
}

// redefine records the new body of object r in the successor document:
// in its catalog, fields and widgets, and for Object.
func (doc *Document) redefine(r pdfupdate.Ref, body []byte) {
	doc.redefined[r] = body
	if doc.Catalog.Ref == r {
		doc.Catalog.Body = body
	}
	for _, f := range doc.Fields {
		if f.Ref == r {
			f.Body = body
		}
		for i := range f.Widgets {
			if f.Widgets[i].Ref == r {
				f.Widgets[i].Body = body
			}
		}
	}
}

// addStamps gives every widget a stamp of its size as /AP /N in bodies,
// one stamp per distinct size, the stamps sharing their fonts.
func addStamps(w *pdfupdate.Writer, widgets []Widget, st stamp.Stamp, bodies map[pdfupdate.Ref][]byte) error {
	made, fonts := map[[2]float64]pdfupdate.Ref{}, stamp.Fonts{}
	for _, wd := range widgets {
		size := [2]float64{wd.Rect[2] - wd.Rect[0], wd.Rect[3] - wd.Rect[1]}
		r, ok := made[size]
		if !ok {
			var err error
			if r, err = stamp.AddShared(w, st, size[0], size[1], fonts); err != nil {
				return err
			}
			made[size] = r
		}
		ap := &pdfedit.Dict{}
		ap.Set("N", ref(r))
		body, err := setKey(bodies[wd.Ref], "AP", ap)
		if err != nil {
			return fmt.Errorf("widget %d: %w", wd.Ref, err)
		}
		bodies[wd.Ref] = body
	}
	return nil
}

// setKey returns the dictionary body with key set to v.
func setKey(body []byte, key string, v pdfedit.Value) ([]byte, error) {
	d, err := pdfedit.ParseDict(body)
	if err != nil {
		return nil, err
	}
	d.Set(key, v)
	return pdfedit.Encode(d), nil
}

// ref is a reference to an object of the update.
func ref(r pdfupdate.Ref) pdfedit.Ref { return pdfedit.Ref{Num: int(r)} }

// docMDP is the /Reference of a certification signature: DocMDP with /P 2
// (filling in forms and signing allowed).
const docMDP = "/Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P 2 /V /1.2 >> >>]"

// sigDict is the body of the signature dictionary, with room for a CMS of
// size bytes.
func sigDict(s Signature, size int) []byte {
	var b strings.Builder
	b.Grow(2*size + 1024)
	b.WriteString("<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n")
	b.WriteString(pdfupdate.Placeholder(size))
	b.WriteString("\n/M " + textString(pdfDate(s.Time)))
	if s.Name != "" {
		b.WriteString("\n/Name " + textString(s.Name))
	}
	if s.Reason != "" {
		b.WriteString("\n/Reason " + textString(s.Reason))
	}
	if s.Location != "" {
		b.WriteString("\n/Location " + textString(s.Location))
	}
	if s.Certify {
		b.WriteString("\n" + docMDP)
	}
	b.WriteString("\n>>")
	return []byte(b.String())
}

// pdfDate formats t as a PDF date, D:YYYYMMDDHHmmSS+HH'mm' (or Z).
func pdfDate(t time.Time) string {
	_, off := t.Zone()
	zone := "Z"
	if off != 0 {
		sign := "+"
		if off < 0 {
			sign, off = "-", -off
		}
		zone = fmt.Sprintf("%s%02d'%02d'", sign, off/3600, off%3600/60)
	}
	return "D:" + t.Format("20060102150405") + zone
}

// literalEscaper escapes what a literal string cannot hold as is.
var literalEscaper = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)

// textString writes s as a PDF text string: a literal string when it is
// printable ASCII, else UTF-16BE with a byte order mark in hexadecimal.
func textString(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r > 0x7e }) {
		return "(" + literalEscaper.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// newID is the second element of the new trailer /ID: a hash of what
// identifies the input (its first /ID, its length and its last kilobyte,
// which holds its last trailer) and of what this signature writes.
// Hashing the whole input instead cost as much as one more digest of the
// file per signature.
func newID(data []byte, t pdfupdate.Trailer, s Signature) []byte {
	h := sha256.New()
	h.Write(t.ID)
	fmt.Fprintf(h, "%d %d ", len(data), t.Prev)
	h.Write(data[len(data)-min(len(data), 1024):])
	fmt.Fprintf(h, "%s %s %s", s.Party, pdfDate(s.Time), s.Name)
	return h.Sum(nil)[:16]
}

// seal writes the byte ranges, signs their digest and writes the CMS
// into /Contents.
func seal(ctx context.Context, res pdfupdate.Result, sig pdfupdate.Ref, signer *cades.Signer) ([]byte, error) {
	doc := res.Bytes
	br, err := pdfupdate.Ranges(doc, res.Offsets[sig])
	if err != nil {
		return nil, err
	}
	h := signer.Hash
	if h == 0 {
		h = crypto.SHA256
	}
	d := h.New()
	for _, part := range pdfupdate.Signed(doc, br) {
		d.Write(part)
	}
	der, err := signer.Sign(ctx, d.Sum(nil))
	if err != nil {
		return nil, err
	}
	if err := pdfupdate.Seal(doc, br, der); err != nil {
		return nil, err
	}
	return doc, nil
}
