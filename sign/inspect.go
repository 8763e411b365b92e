package sign

import (
	"bytes"
	"encoding/asn1"
	"fmt"
	"math"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pkcs7"

	"kinerja/docinfo"
	"kinerja/internal/pdfread"
)

// oidTimeStampToken is id-aa-timeStampToken (RFC 3161), the unsigned CMS
// attribute that carries a signature timestamp.
var oidTimeStampToken = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14}

// existingSig is a signature already in the document.
type existingSig struct {
	Party     docinfo.Party // party whose box the widget occupies, NoParty if none
	Rect      [4]float64    // widget rectangle
	ByteRange []int64
	Timestamp bool // the CMS carries an RFC 3161 timestamp
}

// document is what Sign needs to know about its input.
type document struct {
	Info       *docinfo.Info
	Sigs       []existingSig
	PageAnnots []annot // annotations of each signer's page, by page number
	Version    string
	reader     *pdf.Reader // the parsed input, handed on to pdfsign
}

// annot is one annotation of a page that will be rewritten.
type annot struct {
	Page    int
	Subtype string
	Direct  bool // a direct dictionary in /Annots (pdfsign corrupts these)
}

// inspect reads the kinerja info, the existing signatures and the
// annotations of the signature pages, parsing the file once. Panics of the
// PDF reader become errors.
func inspect(in []byte) (doc *document, err error) {
	defer pdfread.Catch(&err, "read pdf")
	d, err := pdfread.Open(in)
	if err != nil {
		return nil, fmt.Errorf("read pdf: %w", err)
	}
	rd := d.Reader
	info, err := d.Info()
	if err != nil {
		return nil, fmt.Errorf("read pdf: %w (sign only PDFs rendered by kinerja)", err)
	}
	doc = &document{Info: info, Version: rd.PDFVersion, reader: rd}
	doc.Sigs, err = existingSigs(rd, info)
	if err != nil {
		return nil, err
	}
	doc.PageAnnots, err = signerPageAnnots(rd, info)
	return doc, err
}

// existingSigs lists the signature fields of the AcroForm.
func existingSigs(rd *pdf.Reader, info *docinfo.Info) ([]existingSig, error) {
	fields := rd.Trailer().Key("Root").Key("AcroForm").Key("Fields")
	var sigs []existingSig
	for i := 0; i < fields.Len(); i++ {
		f := fields.Index(i)
		if f.Key("FT").Name() != "Sig" || f.Key("V").IsNull() {
			continue
		}
		s := existingSig{Rect: rectOf(f.Key("Rect"))}
		v := f.Key("V")
		for j := 0; j < v.Key("ByteRange").Len(); j++ {
			s.ByteRange = append(s.ByteRange, v.Key("ByteRange").Index(j).Int64())
		}
		if len(s.ByteRange) != 4 {
			return nil, fmt.Errorf("read pdf: signature %d has a malformed /ByteRange", len(sigs)+1)
		}
		s.Party = partyAt(info, s.Rect)
		s.Timestamp = hasTimestamp([]byte(v.Key("Contents").RawString()))
		sigs = append(sigs, s)
	}
	return sigs, nil
}

// rectOf reads a PDF rectangle array.
func rectOf(v pdf.Value) [4]float64 {
	var r [4]float64
	for i := 0; i < 4 && i < v.Len(); i++ {
		r[i] = v.Index(i).Float64()
	}
	return r
}

// partyAt returns the party whose reserved box is r (within 0.5 pt).
func partyAt(info *docinfo.Info, r [4]float64) docinfo.Party {
	for _, s := range info.Signers {
		same := true
		for i := range r {
			same = same && math.Abs(r[i]-s.Rect[i]) < 0.5
		}
		if same {
			return s.Party
		}
	}
	return docinfo.NoParty
}

// hasTimestamp reports whether a CMS signature carries an RFC 3161 token.
func hasTimestamp(cms []byte) bool {
	p7, err := pkcs7.Parse(bytes.TrimRight(cms, "\x00"))
	if err != nil {
		return false
	}
	for _, s := range p7.Signers {
		for _, a := range s.UnauthenticatedAttributes {
			if a.Type.Equal(oidTimeStampToken) {
				return true
			}
		}
	}
	return false
}

// signerPageAnnots lists the annotations on the pages that carry a
// signature box.
func signerPageAnnots(rd *pdf.Reader, info *docinfo.Info) ([]annot, error) {
	var out []annot
	seen := map[int]bool{}
	for _, s := range info.Signers {
		if seen[s.Page] {
			continue
		}
		seen[s.Page] = true
		page, err := pageN(rd.Trailer().Key("Root").Key("Pages"), s.Page)
		if err != nil {
			return nil, fmt.Errorf("read pdf: signature box of %s: %w", s.Party.Title(), err)
		}
		annots := page.Key("Annots")
		for i := 0; i < annots.Len(); i++ {
			a := annots.Index(i)
			direct := a.GetPtr() == page.GetPtr() || a.GetPtr() == annots.GetPtr()
			out = append(out, annot{Page: s.Page, Subtype: a.Key("Subtype").Name(), Direct: direct})
		}
	}
	return out, nil
}

// pageN finds the 1-based page n in a page tree.
func pageN(node pdf.Value, n int) (pdf.Value, error) {
	want := n
	for depth := 0; depth < 64; depth++ {
		if node.Key("Type").Name() == "Page" && n == 1 {
			return node, nil
		}
		kids, found := node.Key("Kids"), false
		for i := 0; i < kids.Len() && !found; i++ {
			k := kids.Index(i)
			c := int(k.Key("Count").Int64())
			if k.Key("Type").Name() == "Page" {
				c = 1
			}
			if n <= c {
				node, found = k, true
			} else {
				n -= c
			}
		}
		if !found || n < 1 {
			break
		}
	}
	return pdf.Value{}, fmt.Errorf("page %d does not exist", want)
}
