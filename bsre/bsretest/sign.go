package bsretest

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strings"
	"time"

	"github.com/digitorus/pdf"

	"kinerja/identity"
	"kinerja/internal/pdfedit"
	"kinerja/internal/pdfread"
	"kinerja/internal/pdfupdate"
	"kinerja/sign/cades"
	"kinerja/sign/pades"
	"kinerja/sign/stamp"
)

// timeAfter is time.After (a variable for nothing but readability).
var timeAfter = time.After

// sign adds u's signature in a new field and widget (see the package
// documentation) and returns the signed file.
func (s *Service) sign(ctx context.Context, u *User, req request) (out []byte, err error) {
	defer pdfread.Catch(&err, "stand-in sign")
	doc, err := pades.Read(req.pdf)
	if err != nil {
		return nil, err
	}
	d, err := pdfread.Open(req.pdf)
	if err != nil {
		return nil, err
	}
	if req.page < 1 || req.page > d.Reader.NumPage() {
		return nil, fmt.Errorf("halaman %d tidak ada", req.page)
	}
	page := d.Reader.Page(req.page).V
	rect, err := s.rect(page, req)
	if err != nil {
		return nil, err
	}
	w := pdfupdate.New(req.pdf, doc.Trailer)
	sig, field := w.Reserve(), w.Reserve()
	if err := s.widget(w, field, sig, page, rect, u, doc.Signatures+1); err != nil {
		return nil, err
	}
	if err := addAnnot(w, d, page, field); err != nil {
		return nil, err
	}
	if err := addField(w, d, doc.Catalog, field); err != nil {
		return nil, err
	}
	signer := &cades.Signer{Key: u.Key, Chain: u.Chain, TSA: s.TSA}
	size, err := signer.Size(ctx)
	if err != nil {
		return nil, err
	}
	w.Set(sig, pades.SignatureDict(pades.Signature{Time: s.now(), Name: u.Chain[0].Subject.CommonName,
		Reason: req.reason, Location: req.location}, size))
	h := sha256.Sum256(append(req.pdf, fmt.Sprint(s.now().UnixNano())...))
	res, err := w.Finish(h[:16])
	if err != nil {
		return nil, err
	}
	return pades.Seal(ctx, res, sig, signer)
}

// rect is the widget's rectangle (PDF points, origin bottom-left) from
// the coordinates or the tag.
func (s *Service) rect(page pdf.Value, req request) ([4]float64, error) {
	if req.width < 10 || req.height < 10 {
		return [4]float64{}, fmt.Errorf("ukuran %gx%g terlalu kecil", req.width, req.height)
	}
	if req.tag != "" {
		x, y, ok := findTag(page, req.tag)
		if !ok {
			return [4]float64{}, fmt.Errorf("tag %q tidak ditemukan di halaman %d", req.tag, req.page)
		}
		top := y + 3
		return [4]float64{x - 1, top - req.height, x - 1 + req.width, top}, nil
	}
	y := req.y
	if s.Origin == "kiri_atas" {
		mb := page.Key("MediaBox")
		for i := 0; i < 16 && mb.IsNull(); i++ {
			page = page.Key("Parent")
			mb = page.Key("MediaBox")
		}
		y = mb.Index(3).Float64() - req.y - req.height
	}
	return [4]float64{req.x, y, req.x + req.width, y + req.height}, nil
}

// findTag returns where the text tag starts on the page (x, baseline y).
func findTag(page pdf.Value, tag string) (x, y float64, ok bool) {
	texts := pdf.Page{V: page}.Content().Text
	var b strings.Builder
	var starts []int // index into texts of each byte of b
	for i, t := range texts {
		b.WriteString(t.S)
		for range len(t.S) {
			starts = append(starts, i)
		}
	}
	at := strings.Index(b.String(), tag)
	if at < 0 {
		return 0, 0, false
	}
	t := texts[starts[at]]
	return t.X, t.Y, true
}

// widget writes the new signature field merged with its widget and its
// stamp.
func (s *Service) widget(w *pdfupdate.Writer, field, sig pdfupdate.Ref, page pdf.Value, r [4]float64, u *User, n int) error {
	h := identity.Of(u.Chain[0])
	ap, err := stamp.Add(w, stamp.Stamp{Name: h.Name, NIP: h.NIP, Date: s.now(),
		QR: "https://tte.example.invalid/verifikasi/" + fmt.Sprint(n)}, r[2]-r[0], r[3]-r[1])
	if err != nil {
		return err
	}
	pageRef := objNum(page)
	w.Set(field, fmt.Appendf(nil, "<< /FT /Sig /T (Signature%d) /V %s /Type /Annot /Subtype /Widget /F 132 "+
		"/Rect [%.2f %.2f %.2f %.2f] /P %d 0 R /AP << /N %s >> >>", n, sig, r[0], r[1], r[2], r[3], pageRef, ap))
	return nil
}

// addAnnot appends field to the page's /Annots (redefining the page, or
// the array when it is an object of its own).
func addAnnot(w *pdfupdate.Writer, d *pdfread.Doc, page pdf.Value, field pdfupdate.Ref) error {
	return appendTo(w, d, objNum(page), "Annots", field)
}

// objNum is the number of the object v was read from.
func objNum(v pdf.Value) int {
	p := v.GetPtr()
	return int(p.GetID())
}

// addField appends field to /AcroForm /Fields with /SigFlags 3,
// creating the AcroForm when the catalog has none.
func addField(w *pdfupdate.Writer, d *pdfread.Doc, cat pades.Object, field pdfupdate.Ref) error {
	cd, err := pdfedit.ParseDict(cat.Body)
	if err != nil {
		return err
	}
	switch v, _ := cd.Get("AcroForm"); v := v.(type) {
	case pdfedit.Ref: // an object of its own: redefine it
		body, err := d.Object(v.Num)
		if err != nil {
			return err
		}
		form, err := pdfedit.ParseDict(body)
		if err != nil {
			return err
		}
		if err := growForm(w, d, form, field); err != nil {
			return err
		}
		w.Set(pdfupdate.Ref(v.Num), pdfedit.Encode(form))
		return nil
	case *pdfedit.Dict:
		if err := growForm(w, d, v, field); err != nil {
			return err
		}
	case nil:
		form := &pdfedit.Dict{}
		if err := growForm(w, d, form, field); err != nil {
			return err
		}
		cd.Set("AcroForm", form)
	default:
		return fmt.Errorf("/AcroForm is not a dictionary")
	}
	w.Set(cat.Ref, pdfedit.Encode(cd))
	return nil
}

// growForm appends field to the form's /Fields (redefining the array
// when it is an object of its own) and sets /SigFlags 3.
func growForm(w *pdfupdate.Writer, d *pdfread.Doc, form *pdfedit.Dict, field pdfupdate.Ref) error {
	form.Set("SigFlags", pdfedit.Atom("3"))
	if r, ok := get(form, "Fields").(pdfedit.Ref); ok {
		arr, err := array(d, r.Num)
		if err != nil {
			return err
		}
		w.Set(pdfupdate.Ref(r.Num), pdfedit.Encode(append(arr, pdfedit.Ref{Num: int(field)})))
		return nil
	}
	return appendIn(form, "Fields", field)
}

// get returns the value of key (nil when absent).
func get(d *pdfedit.Dict, key string) pdfedit.Value {
	v, _ := d.Get(key)
	return v
}

// appendTo appends ref to the array under key of dictionary object num
// and redefines what holds the array.
func appendTo(w *pdfupdate.Writer, d *pdfread.Doc, num int, key string, ref pdfupdate.Ref) error {
	body, err := d.Object(num)
	if err != nil {
		return err
	}
	dict, err := pdfedit.ParseDict(body)
	if err != nil {
		return fmt.Errorf("object %d: %w", num, err)
	}
	if v := get(dict, key); v != nil {
		if r, ok := v.(pdfedit.Ref); ok { // the array is an object of its own
			arr, err := array(d, r.Num)
			if err != nil {
				return err
			}
			w.Set(pdfupdate.Ref(r.Num), pdfedit.Encode(append(arr, pdfedit.Ref{Num: int(ref)})))
			return nil
		}
	}
	if err := appendIn(dict, key, ref); err != nil {
		return err
	}
	w.Set(pdfupdate.Ref(num), pdfedit.Encode(dict))
	return nil
}

// appendIn appends ref to the direct array under key of dict (made when
// absent).
func appendIn(dict *pdfedit.Dict, key string, ref pdfupdate.Ref) error {
	v := get(dict, key)
	arr, ok := v.(pdfedit.Array)
	if v != nil && !ok {
		return fmt.Errorf("/%s is not an array", key)
	}
	dict.Set(key, append(arr, pdfedit.Ref{Num: int(ref)}))
	return nil
}

// array reads the array object num.
func array(d *pdfread.Doc, num int) (pdfedit.Array, error) {
	body, err := d.Object(num)
	if err != nil {
		return nil, err
	}
	v, err := pdfedit.Parse(body)
	if err != nil {
		return nil, err
	}
	arr, ok := v.(pdfedit.Array)
	if !ok {
		return nil, fmt.Errorf("object %d is not an array", num)
	}
	return arr, nil
}
