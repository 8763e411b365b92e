package docinfo

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"

	"github.com/digitorus/pdf"
)

// Format is the version of the bytes the renderer (render.Write) produces.
// It is recorded in Info.Format so that the re-render proof
// (proof.Reproduce) can tell a document made by a renderer whose output
// differs from this one's from a document whose embedded sources were
// changed. Bump it whenever the same input renders to different bytes
// (render's TestFormatGuard fails until you do).
// 6: continued rows repeat the sasaran text and indicator name; the
// attachment signature blocks are aligned (issue 11).
// 7: one empty signature field per party, its widget on the party's
// signature block (issue 9).
// 8: each signature field's /Lock locks only itself (/Action /Include
// /Fields [(kinerja.<party>)]), not the other party's field (issue 9).
// 9: the attachment's signature spaces say "Ditandatangani secara
// elektronik — lihat tanda tangan pada halaman 1" unless tanda_tangan is
// "bsre" (issue 9).
const Format = 9

// Info is what a rendered kinerja PDF tells later stages about itself. It
// travels in the document's XMP metadata (catalog /Metadata) as JSON inside
// the element <kinerja:info>, so that `kinerja sign` can place each visible
// signature without coordinates from the user and `kinerja verify` can name
// the party of each signature.
type Info struct {
	Kind      Kind     `json:"kind"`
	Title     string   `json:"title"`
	Year      int      `json:"year"`
	Unit      string   `json:"unit"`
	VerifyURL string   `json:"verify_url,omitempty"` // template for QR codes, may contain {sha256} and {signer}
	Signers   []Signer `json:"signers"`              // in signing order: pertama first
	Triwulan  int      `json:"triwulan,omitempty"`   // the report's quarter 1..4 (Kind Report)
	// Sources names the embedded TOML files the document was rendered
	// from, in role order: the agreement, then (reports) the realisasi.
	Sources []string `json:"sources,omitempty"`
	// Format is the Format of the renderer that wrote the document's bytes.
	Format int `json:"format,omitempty"`
}

// Signer is one party that signs the document and the rectangles reserved
// for its visible signature.
type Signer struct {
	Party   Party      `json:"party"`
	Name    string     `json:"name"` // full name as printed (may contain non-ASCII)
	NIP     string     `json:"nip,omitempty"`
	Jabatan string     `json:"jabatan"`
	Page    int        `json:"page"` // 1-based; the first widget's (the statement page's)
	Rect    [4]float64 `json:"rect"` // llx, lly, urx, ury in PDF points, origin bottom-left; the first widget's
	// Widgets are every place the party signs, in layout order: the
	// statement page's block, then the attachment's. The first is the
	// widget of the party's signature field (FieldName, field and widget
	// in one dictionary); the others have no widget (see the package
	// documentation). Documents of Format 5 and earlier have none (only
	// Page and Rect).
	Widgets []Widget `json:"widgets,omitempty"`
}

// Widget is one place a party's signature shows: a page and a rectangle.
type Widget struct {
	Page int        `json:"page"` // 1-based
	Rect [4]float64 `json:"rect"` // llx, lly, urx, ury in PDF points, origin bottom-left
}

// FieldPrefix is the partial name of the parent of the signature fields
// the renderer makes: the field of party p is FieldPrefix + "." + p.
const FieldPrefix = "kinerja"

// FieldName returns the fully qualified name of party p's signature
// field, e.g. "kinerja.pertama".
func FieldName(p Party) string { return FieldPrefix + "." + string(p) }

// Tag returns the marker text render prints, in white 2-point type, at
// the top left of each of party p's signature blocks when the document is
// signed through BSrE (tanda_tangan = "bsre"), e.g. "#ttd_pertama#": a
// signing service that places its appearance by a text tag
// (package bsre, placement "tag") finds it there. Documents signed by
// kinerja carry no marker.
func Tag(p Party) string { return "#ttd_" + string(p) + "#" }

// xmpNS is the XML namespace of kinerja's XMP property.
const xmpNS = "urn:kinerja:info:1"

// ErrNoInfo is returned by InfoFrom for a PDF that carries no kinerja info.
var ErrNoInfo = errors.New("no kinerja information in the PDF metadata")

// xmlText escapes s for XML character data.
func xmlText(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// EncodeXMP returns an XMP packet with the Dublin Core title, creator,
// description and language, the PDF keywords and producer, and info.
func EncodeXMP(info Info, title, author, subject, keywords, producer, lang string) ([]byte, error) {
	js, err := json.Marshal(info)
	if err != nil {
		return nil, fmt.Errorf("encode xmp: %w", err)
	}
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:kinerja="` + xmpNS + `">` + "\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", xmlText(title))
	fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", xmlText(author))
	fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", xmlText(subject))
	fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", xmlText(lang))
	fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n<pdf:Producer>%s</pdf:Producer>\n", xmlText(keywords), xmlText(producer))
	fmt.Fprintf(&b, "<kinerja:info>%s</kinerja:info>\n", xmlText(string(js)))
	b.WriteString("</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.Bytes(), nil
}

// DecodeXMP extracts the kinerja Info from an XMP packet. The caller
// owns the result.
func DecodeXMP(xmp []byte) (*Info, error) {
	if info, ok := cachedXMP(xmp); ok {
		return info, nil
	}
	info, err := decodeXMP(xmp)
	if err == nil {
		decoded.Put(xmp, info.Clone())
	}
	return info, err
}

// decodeXMP is DecodeXMP without the cache.
func decodeXMP(xmp []byte) (*Info, error) {
	d := xml.NewDecoder(bytes.NewReader(xmp))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil, ErrNoInfo
		}
		if err != nil {
			return nil, fmt.Errorf("decode xmp: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Space != xmpNS || se.Name.Local != "info" {
			continue
		}
		var s string
		if err := d.DecodeElement(&s, &se); err != nil {
			return nil, fmt.Errorf("decode xmp: %w", err)
		}
		var info Info
		if err := json.Unmarshal([]byte(s), &info); err != nil {
			return nil, fmt.Errorf("decode xmp: kinerja:info: %w", err)
		}
		return &info, nil
	}
}

// MaxXMPSize bounds the metadata stream a reader reads (ours is a few KB).
const MaxXMPSize = 4 << 20

// InfoFrom reads the kinerja Info from the XMP metadata of the catalog of
// an already parsed PDF; ErrNoInfo when there is none. A panic of the PDF
// reader on a malformed file becomes an error.
func InfoFrom(rd *pdf.Reader) (info *Info, err error) {
	defer func() {
		if p := recover(); p != nil {
			info, err = nil, fmt.Errorf("read pdf metadata: malformed PDF: %v", p)
		}
	}()
	md := rd.Trailer().Key("Root").Key("Metadata")
	if md.Kind() != pdf.Stream {
		return nil, ErrNoInfo
	}
	rc := md.Reader()
	defer rc.Close()
	xmp, err := io.ReadAll(io.LimitReader(rc, MaxXMPSize))
	if err != nil {
		return nil, fmt.Errorf("read pdf metadata: %w", err)
	}
	return DecodeXMP(xmp)
}
