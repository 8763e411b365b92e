package ltv

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"fmt"
	"strings"

	"kinerja/internal/pdfedit"
	"kinerja/internal/pdfupdate"
)

// Prev is the /DSS a document already has, as the reading core found it:
// a second party's material is appended to the first's.
type Prev struct {
	Certs, OCSPs, CRLs []pdfupdate.Ref // its arrays' streams, kept first
	// VRI is the body of its /VRI dictionary; nil: none. Its entries are
	// kept, except those for the same signature as a new entry.
	VRI []byte
}

// DSSOptions are what AddDSS adds besides the material.
type DSSOptions struct {
	// VRI holds the /Contents value of each signature the material serves
	// (the decoded bytes of the whole string, zero padding included, as
	// Adobe and pyHanko hash it); each gets a /VRI entry keyed by the
	// uppercase hex SHA-1 of those bytes, listing all of the material.
	// None: no new /VRI entries (EN 319 142-1 makes /VRI optional).
	VRI  [][]byte
	Prev Prev
}

// AddDSS adds to w one stream per certificate, OCSP response and CRL of m
// and the /DSS dictionary that lists them after the streams of
// opts.Prev, and returns the dictionary's reference. The catalog must then
// point at it: see CatalogWithDSS.
func AddDSS(w *pdfupdate.Writer, m *Material, opts DSSOptions) (pdfupdate.Ref, error) {
	var certs [][]byte
	for _, c := range m.Certs {
		certs = append(certs, c.Raw)
	}
	added := [3][]pdfupdate.Ref{addStreams(w, certs), addStreams(w, m.OCSPs), addStreams(w, m.CRLs)}
	d := &pdfedit.Dict{}
	d.Set("Type", pdfedit.Name("DSS"))
	for i, key := range []string{"Certs", "OCSPs", "CRLs"} {
		if refs := append(append([]pdfupdate.Ref{}, opts.Prev.refs(i)...), added[i]...); len(refs) > 0 {
			d.Set(key, refArray(refs))
		}
	}
	vri, err := vriDict(opts, added)
	if err != nil {
		return 0, err
	}
	if vri != nil {
		d.Set("VRI", vri)
	}
	return w.Add(pdfedit.Encode(d)), nil
}

// refs returns the previous /Certs (0), /OCSPs (1) or /CRLs (2).
func (p Prev) refs(i int) []pdfupdate.Ref {
	return [][]pdfupdate.Ref{p.Certs, p.OCSPs, p.CRLs}[i]
}

// vriDict returns the /VRI dictionary: the previous entries and one per
// new signature; nil when there are none.
func vriDict(opts DSSOptions, added [3][]pdfupdate.Ref) (*pdfedit.Dict, error) {
	vri := &pdfedit.Dict{}
	if opts.Prev.VRI != nil {
		var err error
		if vri, err = pdfedit.ParseDict(opts.Prev.VRI); err != nil {
			return nil, fmt.Errorf("previous /VRI: %w", err)
		}
	}
	for _, contents := range opts.VRI {
		vri.Set(VRIKey(contents), vriEntry(added))
	}
	if len(vri.Keys()) == 0 {
		return nil, nil
	}
	return vri, nil
}

// vriEntry lists the new streams of one signature.
func vriEntry(added [3][]pdfupdate.Ref) *pdfedit.Dict {
	e := &pdfedit.Dict{}
	for i, key := range []string{"Cert", "OCSP", "CRL"} {
		if len(added[i]) > 0 {
			e.Set(key, refArray(added[i]))
		}
	}
	return e
}

// VRIKey returns the /VRI key of a signature whose /Contents bytes are
// contents: the uppercase hex SHA-1 (ISO 32000-2 §12.8.4.4).
func VRIKey(contents []byte) string {
	return fmt.Sprintf("%X", sha1.Sum(contents))
}

// refArray returns refs as a PDF array.
func refArray(refs []pdfupdate.Ref) pdfedit.Array {
	a := make(pdfedit.Array, len(refs))
	for i, r := range refs {
		a[i] = pdfedit.Ref{Num: int(r)}
	}
	return a
}

// addStreams adds one Flate-compressed stream per item.
func addStreams(w *pdfupdate.Writer, items [][]byte) []pdfupdate.Ref {
	var refs []pdfupdate.Ref
	for _, data := range items {
		refs = append(refs, w.Add(flateStream(data)))
	}
	return refs
}

// flateStream returns a stream object body holding data, zlib-compressed
// (/FlateDecode is RFC 1950).
func flateStream(data []byte) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	_, _ = zw.Write(data) // a bytes.Buffer does not fail
	_ = zw.Close()
	var b bytes.Buffer
	fmt.Fprintf(&b, "<< /Length %d /Filter /FlateDecode >>\nstream\n", z.Len())
	b.Write(z.Bytes())
	b.WriteString("\nendstream")
	return b.Bytes()
}

// CatalogWithDSS returns the catalog body with /DSS pointing at dss,
// added or replacing the old value; body is the catalog's current
// dictionary as the reading core returned it. The update redefines the
// catalog with the result (w.Set(trailer.Root, body)).
func CatalogWithDSS(body []byte, dss pdfupdate.Ref) ([]byte, error) {
	d, err := catalog(body)
	if err != nil {
		return nil, err
	}
	d.Set("DSS", pdfedit.Ref{Num: int(dss)})
	return pdfedit.Encode(d), nil
}

// catalog parses body and checks it is a document catalog.
func catalog(body []byte) (*pdfedit.Dict, error) {
	d, err := pdfedit.ParseDict(body)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	if t, _ := d.Get("Type"); t != pdfedit.Name("Catalog") {
		return nil, fmt.Errorf("catalog: /Type is %s, want /Catalog", strings.TrimSpace(string(encodeOrNone(t))))
	}
	return d, nil
}

// encodeOrNone encodes v, or says it is missing.
func encodeOrNone(v pdfedit.Value) []byte {
	if v == nil {
		return []byte("missing")
	}
	return pdfedit.Encode(v)
}
