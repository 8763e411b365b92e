package verifytest

import (
	"context"
	"crypto"
	"fmt"
	"strings"
	"time"

	"kinerja/docinfo"
	"kinerja/internal/pdfupdate"
	"kinerja/internal/testpki"
	"kinerja/sign/cades"
	"kinerja/sign/pades"
	"kinerja/sign/stamp"
)

// Sign signs in as s, named name: into the next party's empty signature
// field when the document has kinerja's fields (the first signature
// certifies, as kinerja sign does), else in a new field of its own,
// visible on page 1 in rect (llx, lly, urx, ury in points) or invisible
// when rect is nil. It checks nothing about who signs.
func Sign(in []byte, s *testpki.Leaf, name string, rect *[4]float64) ([]byte, error) {
	return SignTSA(in, s, name, rect, "")
}

// SignTSA is Sign with an RFC 3161 timestamp from the authority at tsaURL
// ("" for none).
func SignTSA(in []byte, s *testpki.Leaf, name string, rect *[4]float64, tsaURL string) ([]byte, error) {
	cs := &cades.Signer{Key: s.Key, Chain: s.Chain, Hash: crypto.SHA256}
	if tsaURL != "" {
		cs.TSA = &cades.TSA{URL: tsaURL, Timeout: 10 * time.Second}
	}
	doc, err := pades.Read(in)
	if err != nil {
		return NewFieldSign(in, cs, name, rect)
	}
	party := nextParty(doc)
	if party == docinfo.NoParty {
		return NewFieldSign(in, cs, name, rect)
	}
	now := time.Now()
	out, err := doc.Sign(context.Background(), pades.Signature{
		Party: party, Signer: cs, Certify: doc.Signatures == 0, Time: now, Name: name,
		Reason: "Perjanjian Kinerja", Location: "Jakarta",
		Stamp: stamp.Stamp{Name: name, Date: now, QR: "verifytest:" + name},
	})
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	return out, nil
}

// nextParty is the first party in signing order whose field is empty.
func nextParty(doc *pades.Document) docinfo.Party {
	for _, sg := range doc.Info.Signers {
		if f := doc.Fields[sg.Party]; f != nil && !f.Signed {
			return sg.Party
		}
	}
	return docinfo.NoParty
}

// SignedTwice renders Document(title, pages, lines) and signs it for
// PIHAK PERTAMA, then PIHAK KEDUA, in their fields; it returns the
// unsigned, once- and twice-signed files.
func (p *PKI) SignedTwice(title string, pages, lines int) (unsigned, once, twice []byte, err error) {
	if unsigned, err = Document(title, pages, lines); err != nil {
		return nil, nil, nil, err
	}
	if once, err = Sign(unsigned, p.Pertama, "Budi Santoso", nil); err != nil {
		return nil, nil, nil, err
	}
	if twice, err = Sign(once, p.Kedua, "Siti Aminah", nil); err != nil {
		return nil, nil, nil, err
	}
	return unsigned, once, twice, nil
}

// NewFieldSign appends an approval signature by cs in a signature field
// it adds (as a signer that does not use kinerja's fields, BSrE's for
// one, does): the signature dictionary, a field merged with its widget on
// page 1 (in rect, or of no area when rect is nil), page 1 with the
// widget added to its /Annots and the catalog with the field added to
// /AcroForm /Fields. The catalog's /AcroForm must be absent or direct.
func NewFieldSign(in []byte, cs *cades.Signer, name string, rect *[4]float64) ([]byte, error) {
	u, err := newUpdate(in)
	if err != nil {
		return nil, err
	}
	size, err := cs.Size(context.Background())
	if err != nil {
		return nil, err
	}
	sig, field := u.next, u.next+1
	u.next += 2
	if err := u.addField(field, sig, rect); err != nil {
		return nil, fmt.Errorf("new field signature: %w", err)
	}
	u.object(sig, fmt.Sprintf("<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached %s /M (D:%s) /Name (%s) >>",
		pdfupdate.Placeholder(size), time.Now().UTC().Format("20060102150405Z"), escape(name)))
	doc := u.finish()
	br, err := pdfupdate.Ranges(doc, int64(u.offsets[sig]))
	if err != nil {
		return nil, err
	}
	h := crypto.SHA256.New()
	for _, part := range pdfupdate.Signed(doc, br) {
		h.Write(part)
	}
	der, err := cs.Sign(context.Background(), h.Sum(nil))
	if err != nil {
		return nil, err
	}
	return doc, pdfupdate.Seal(doc, br, der)
}

// addField writes the new field-widget field (its /V sig), page 1 listing
// it and the catalog listing it in /AcroForm /Fields.
func (u *update) addField(field, sig int, rect *[4]float64) error {
	pg := u.rdr.Page(1).V.GetPtr()
	root := u.rdr.Trailer().Key("Root").GetPtr()
	pageText, err := Object(u.base, int(pg.GetID()))
	if err != nil {
		return err
	}
	catText, err := Object(u.base, int(root.GetID()))
	if err != nil {
		return err
	}
	r := [4]float64{}
	if rect != nil {
		r = *rect
	}
	fref := ref(field)
	if pageText, err = AppendTo(pageText, "Annots", "", fref); err != nil {
		return err
	}
	if strings.Contains(catText, "/AcroForm") {
		catText, err = AppendTo(catText, "AcroForm", "Fields", fref)
	} else {
		catText, err = SetKey(catText, "AcroForm", fmt.Sprintf("<< /Fields [%s] /SigFlags 3 >>", fref))
	}
	if err != nil {
		return err
	}
	u.object(field, fmt.Sprintf("<< /FT /Sig /T (Signature %d) /V %d 0 R /Type /Annot /Subtype /Widget /F 132 /Rect [%g %g %g %g] /P %d 0 R >>",
		sig, sig, r[0], r[1], r[2], r[3], pg.GetID()))
	u.object(int(pg.GetID()), pageText)
	u.object(int(root.GetID()), catText)
	return nil
}
