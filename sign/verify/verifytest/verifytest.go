// Package verifytest makes signed and tampered PDFs for the tests of the
// verifier, of the archive and of `kinerja verify`: two signers and a
// timestamp authority's certificate from internal/testpki (the one test
// PKI), a small hand-made document carrying kinerja info in its XMP
// metadata and kinerja's signature fields (the contract of package
// docinfo), signatures made with kinerja's own writer (package pades, so
// in the shape kinerja sign writes; this package cannot import package
// sign, which imports the verifier), a signature in a new field of its own
// (as BSrE's signer adds one, built with internal/pdfupdate and package
// cades) for documents without fields, and the tampering a verifier must
// catch. It is for tests only: keys are testpki's, held in memory and
// never written anywhere by this package.
//
// Limits: documents are uncompressed so tests can edit their text; the
// incremental updates are written by hand for classic cross-reference
// tables and do not handle xref streams.
package verifytest

import (
	"bytes"
	"encoding/asn1"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/digitorus/pdf"

	"kinerja/docinfo"
	"kinerja/internal/pdfedit"
	"kinerja/internal/testpki"
)

// PKI is the test PKI (internal/testpki's) with two signers, PIHAK
// PERTAMA and PIHAK KEDUA, and a timestamp authority's certificate.
type PKI struct {
	*testpki.PKI
	Pertama *testpki.Leaf // CN "Budi Santoso"
	Kedua   *testpki.Leaf // CN "Siti Aminah"
	TSA     *testpki.Leaf // timestamp authority (critical extended key usage timeStamping)
}

// NewPKI starts a testpki.PKI configured by opts (give a PKI that tests
// must not trust its own testpki.WithName) and issues the two signers'
// and the TSA's certificates. The caller stops it with Close.
func NewPKI(opts ...testpki.Option) (*PKI, error) {
	tp, err := testpki.Start(opts...)
	if err != nil {
		return nil, err
	}
	p := &PKI{PKI: tp}
	if p.Pertama, err = p.signer("Budi Santoso", "pertama"); err == nil {
		if p.Kedua, err = p.signer("Siti Aminah", "kedua"); err == nil {
			p.TSA, err = tp.NewTSALeaf()
		}
	}
	if err != nil {
		tp.Close()
		return nil, fmt.Errorf("new pki: %w", err)
	}
	return p, nil
}

// signer issues a certificate for cn to the P-256 key called key.
func (p *PKI) signer(cn, key string) (*testpki.Leaf, error) {
	k, err := testpki.NamedKey(testpki.P256, "verifytest "+key)
	if err != nil {
		return nil, err
	}
	return p.NewLeaf(k, testpki.Spec{CommonName: cn})
}

// Info is the kinerja info of the test documents; the names carry titles
// and non-ASCII letters, as printed documents do.
func Info() docinfo.Info {
	return docinfo.Info{
		Kind: docinfo.Agreement, Title: "PERJANJIAN KINERJA TAHUN 2021", Year: 2021, Unit: "BPPBJ",
		Signers: []docinfo.Signer{
			{Party: docinfo.Pertama, Name: "Ir. Budi Santoso, M.T.", Jabatan: "Kepala Biro", Page: 1,
				Rect: [4]float64{350, 100, 550, 160}, Widgets: []docinfo.Widget{{Page: 1, Rect: [4]float64{350, 100, 550, 160}}}},
			{Party: docinfo.Kedua, Name: "Dr. Sití Âminah", Jabatan: "Sekretaris Daerah", Page: 1,
				Rect: [4]float64{50, 100, 250, 160}, Widgets: []docinfo.Widget{{Page: 1, Rect: [4]float64{50, 100, 250, 160}}}},
		},
	}
}

// ReplaceText returns a copy of in with the first occurrence of old
// replaced by new (same length, so offsets stay valid).
func ReplaceText(in []byte, old, new string) ([]byte, error) {
	if len(old) != len(new) {
		return nil, fmt.Errorf("replace text: %q and %q differ in length", old, new)
	}
	i := bytes.Index(in, []byte(old))
	if i < 0 {
		return nil, fmt.Errorf("replace text: %q not found", old)
	}
	out := bytes.Clone(in)
	copy(out[i:], new)
	return out, nil
}

// CopyContents returns to with the /Contents of its last signature
// replaced by the signature value (the DER, without the zero padding) of
// from's last signature, padded with zeros. It fails only when that DER is
// larger than to's room.
func CopyContents(from, to []byte) ([]byte, error) {
	fs, fe, err := lastContents(from)
	if err != nil {
		return nil, err
	}
	ts, te, err := lastContents(to)
	if err != nil {
		return nil, err
	}
	der, err := derPrefix(from[fs:fe])
	if err != nil {
		return nil, fmt.Errorf("copy contents: %w", err)
	}
	if 2*len(der) > te-ts {
		return nil, fmt.Errorf("copy contents: %d bytes do not fit in %d hex digits", len(der), te-ts)
	}
	out := bytes.Clone(to)
	n := hex.Encode(out[ts:te], der)
	copy(out[ts+n:te], bytes.Repeat([]byte("0"), te-ts-n))
	return out, nil
}

// derPrefix decodes a /Contents hex string and returns the DER value at
// its start (the zeros after it are padding).
func derPrefix(h []byte) ([]byte, error) {
	raw := make([]byte, hex.DecodedLen(len(h)&^1))
	if _, err := hex.Decode(raw, h[:len(h)&^1]); err != nil {
		return nil, err
	}
	var v asn1.RawValue
	rest, err := asn1.Unmarshal(raw, &v)
	if err != nil {
		return nil, err
	}
	return raw[:len(raw)-len(rest)], nil
}

// contentsRe finds a signature's /Contents hex string.
var contentsRe = regexp.MustCompile(`/Contents\s*<([0-9A-Fa-f]*)>`)

// lastContents returns the span of the hex digits of the last
// "/Contents <hex>" value.
func lastContents(b []byte) (int, int, error) {
	all := contentsRe.FindAllSubmatchIndex(b, -1)
	if len(all) == 0 {
		return 0, 0, fmt.Errorf("no signature /Contents")
	}
	m := all[len(all)-1]
	return m[2], m[3], nil
}

// update is an incremental update being written.
type update struct {
	base    []byte
	rdr     *pdf.Reader
	body    bytes.Buffer
	offsets map[int]int // object number → offset
	next    int         // next free object number
	free    []int       // objects the update marks free
}

// newUpdate starts an incremental update of in.
func newUpdate(in []byte) (*update, error) {
	rdr, err := pdf.NewReader(bytes.NewReader(in), int64(len(in)))
	if err != nil {
		return nil, fmt.Errorf("update: %w", err)
	}
	u := &update{base: in, rdr: rdr, offsets: map[int]int{}, next: int(rdr.Trailer().Key("Size").Int64())}
	u.body.WriteString("\n")
	return u, nil
}

// object writes object num with the given body text.
func (u *update) object(num int, text string) {
	u.offsets[num] = len(u.base) + u.body.Len()
	fmt.Fprintf(&u.body, "%d 0 obj\n%s\nendobj\n", num, text)
}

// stream adds a new content stream object and returns its number.
func (u *update) stream(content string) int {
	n := u.next
	u.next++
	u.object(n, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	return n
}

// textContent is a content stream showing text with page 1's first font.
func (u *update) textContent(text string) string {
	font := "F1"
	if keys := u.rdr.Page(1).V.Key("Resources").Key("Font").Keys(); len(keys) > 0 {
		font = keys[0]
	}
	return fmt.Sprintf("BT /%s 10 Tf 50 781.89 Td (%s) Tj ET", font, text)
}

// finish writes the xref section and trailer and returns the new file.
func (u *update) finish() []byte {
	xref := len(u.base) + u.body.Len()
	u.body.WriteString("xref\n0 1\n0000000000 65535 f \n")
	for _, n := range u.free {
		fmt.Fprintf(&u.body, "%d 1\n0000000000 00001 f \n", n)
	}
	for n := 0; n < u.next; n++ {
		if off, ok := u.offsets[n]; ok {
			fmt.Fprintf(&u.body, "%d 1\n%010d 00000 n \n", n, off)
		}
	}
	root := u.rdr.Trailer().Key("Root").GetPtr()
	info := ""
	if p := u.rdr.Trailer().Key("Info").GetPtr(); p.GetID() != 0 {
		info = fmt.Sprintf(" /Info %d %d R", p.GetID(), p.GetGen())
	}
	fmt.Fprintf(&u.body, "trailer\n<< /Size %d /Root %d 0 R%s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n",
		u.next, root.GetID(), info, u.rdr.XrefInformation.StartPos, xref)
	return append(bytes.Clone(u.base), u.body.Bytes()...)
}

// rawObject returns the text between "num 0 obj" and "endobj" of the
// latest definition of object num.
func rawObject(b []byte, num uint32) (string, error) {
	head := []byte(fmt.Sprintf("\n%d 0 obj", num))
	i := bytes.LastIndex(b, head)
	if i < 0 {
		return "", fmt.Errorf("object %d not found", num)
	}
	s := i + len(head)
	e := bytes.Index(b[s:], []byte("endobj"))
	if e < 0 {
		return "", fmt.Errorf("object %d has no endobj", num)
	}
	return string(b[s : s+e]), nil
}

// replaceContents points a page dictionary's /Contents to object n.
func replaceContents(page string, n int) (string, error) {
	i := strings.Index(page, "/Contents")
	if i < 0 {
		return "", fmt.Errorf("page has no /Contents")
	}
	j := strings.Index(page[i:], " R")
	if j < 0 {
		return "", fmt.Errorf("page /Contents is not a reference")
	}
	return page[:i] + fmt.Sprintf("/Contents %d 0 R", n) + page[i+j+2:], nil
}

// ChangePage1 appends an incremental update that replaces page 1's content
// stream with one showing text.
func ChangePage1(in []byte, text string) ([]byte, error) {
	u, err := newUpdate(in)
	if err != nil {
		return nil, err
	}
	pg := u.rdr.Page(1).V.GetPtr()
	raw, err := rawObject(in, pg.GetID())
	if err != nil {
		return nil, fmt.Errorf("change page 1: %w", err)
	}
	n := u.stream(u.textContent(text))
	page, err := replaceContents(raw, n)
	if err != nil {
		return nil, fmt.Errorf("change page 1: %w", err)
	}
	u.object(int(pg.GetID()), strings.TrimSpace(page))
	return u.finish(), nil
}

// AddPage appends an incremental update that adds a page (a copy of page 1
// with new content showing text) at the end of the document.
func AddPage(in []byte, text string) ([]byte, error) {
	u, err := newUpdate(in)
	if err != nil {
		return nil, err
	}
	pg := u.rdr.Page(1).V.GetPtr()
	raw, err := rawObject(in, pg.GetID())
	if err != nil {
		return nil, fmt.Errorf("add page: %w", err)
	}
	pagesPtr := u.rdr.Trailer().Key("Root").Key("Pages").GetPtr()
	pagesRaw, err := rawObject(in, pagesPtr.GetID())
	if err != nil {
		return nil, fmt.Errorf("add page: %w", err)
	}
	n := u.stream(u.textContent(text))
	page, err := replaceContents(raw, n)
	if err != nil {
		return nil, fmt.Errorf("add page: %w", err)
	}
	if i := strings.Index(page, "/Annots"); i >= 0 { // the copy gets no widgets
		j := strings.Index(page[i:], "]")
		page = page[:i] + page[i+j+1:]
	}
	pn := u.next
	u.next++
	u.object(pn, strings.TrimSpace(page))
	count := u.rdr.Trailer().Key("Root").Key("Pages").Key("Count").Int64()
	k := strings.Index(pagesRaw, "/Kids")
	e := strings.Index(pagesRaw[max(k, 0):], "]")
	if k < 0 || e < 0 {
		return nil, fmt.Errorf("add page: pages object has no /Kids array")
	}
	pages := pagesRaw[:k+e] + fmt.Sprintf(" %d 0 R", pn) + pagesRaw[k+e:]
	pages = strings.Replace(pages, fmt.Sprintf("/Count %d", count), fmt.Sprintf("/Count %d", count+1), 1)
	u.object(int(pagesPtr.GetID()), strings.TrimSpace(pages))
	return u.finish(), nil
}

// ReplaceObject appends an incremental update that redefines object num
// with text (the part between "num 0 obj" and "endobj").
func ReplaceObject(in []byte, num int, text string) ([]byte, error) {
	u, err := newUpdate(in)
	if err != nil {
		return nil, err
	}
	u.object(num, text)
	return u.finish(), nil
}

// AddAnnotation appends an incremental update that puts a FreeText
// annotation showing text on page 1: content laid over the signed page
// without touching its content stream.
func AddAnnotation(in []byte, text string) ([]byte, error) {
	u, err := newUpdate(in)
	if err != nil {
		return nil, err
	}
	pg := u.rdr.Page(1).V.GetPtr()
	raw, err := rawObject(in, pg.GetID())
	if err != nil {
		return nil, fmt.Errorf("add annotation: %w", err)
	}
	an := u.next
	u.next++
	u.object(an, fmt.Sprintf("<< /Type /Annot /Subtype /FreeText /Rect [50 700 300 730] /Contents (%s) /DA (/Helv 12 Tf 0 g) /F 4 >>", text))
	if i := strings.Index(raw, "/Annots"); i >= 0 {
		j := strings.Index(raw[i:], "[")
		raw = raw[:i+j+1] + fmt.Sprintf(" %d 0 R ", an) + raw[i+j+1:]
	} else {
		k := strings.LastIndex(raw, ">>")
		raw = raw[:k] + fmt.Sprintf("/Annots [%d 0 R]\n", an) + raw[k:]
	}
	u.object(int(pg.GetID()), strings.TrimSpace(raw))
	return u.finish(), nil
}

// MetadataObject returns the object number of the catalog's /Metadata.
func MetadataObject(in []byte) (int, error) {
	rdr, err := pdf.NewReader(bytes.NewReader(in), int64(len(in)))
	if err != nil {
		return 0, err
	}
	md := rdr.Trailer().Key("Root").Key("Metadata")
	if md.IsNull() {
		return 0, fmt.Errorf("no /Metadata")
	}
	p := md.GetPtr()
	return int(p.GetID()), nil
}

// Append appends an incremental update to in that (re)defines the objects
// in objs (number → the text between "obj" and "endobj"; a number at or
// past the trailer's /Size adds an object) and marks the objects in free
// free, keeping /Root and /Info.
func Append(in []byte, objs map[int]string, free ...int) ([]byte, error) {
	u, err := newUpdate(in)
	if err != nil {
		return nil, err
	}
	nums := make([]int, 0, len(objs))
	for n := range objs {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		u.object(n, objs[n])
		u.next = max(u.next, n+1)
	}
	u.free = free
	return u.finish(), nil
}

// Object returns the latest definition of object num (the text between
// "num 0 obj" and "endobj", trimmed).
func Object(in []byte, num int) (string, error) {
	s, err := rawObject(in, uint32(num))
	return strings.TrimSpace(s), err
}

// Next returns the trailer /Size of in: the first unused object number.
func Next(in []byte) (int, error) {
	rdr, err := pdf.NewReader(bytes.NewReader(in), int64(len(in)))
	if err != nil {
		return 0, err
	}
	return int(rdr.Trailer().Key("Size").Int64()), nil
}

// SetKey returns the dictionary text dict with key set to value (added
// before the final ">>" when absent). The key is matched as written.
func SetKey(dict, key, value string) (string, error) {
	d, err := pdfedit.ParseDict([]byte(dict))
	if err != nil {
		return "", fmt.Errorf("set /%s: %w", key, err)
	}
	v, err := pdfedit.Parse([]byte(value))
	if err != nil {
		return "", fmt.Errorf("set /%s: %w", key, err)
	}
	d.Set(key, v)
	return string(pdfedit.Encode(d)), nil
}

// AppendTo returns the dictionary text dict with item appended to the
// direct array under key (created when absent), or to the array of the
// direct dictionary under key.sub when sub is not "".
func AppendTo(dict, key, sub, item string) (string, error) {
	d, err := pdfedit.ParseDict([]byte(dict))
	if err != nil {
		return "", err
	}
	v, err := pdfedit.Parse([]byte(item))
	if err != nil {
		return "", err
	}
	target := d
	if sub != "" {
		inner, _ := d.Get(key)
		id, ok := inner.(*pdfedit.Dict)
		if !ok {
			return "", fmt.Errorf("/%s is not a direct dictionary", key)
		}
		target, key = id, sub
	}
	if err := target.Append(key, v); err != nil {
		return "", err
	}
	return string(pdfedit.Encode(d)), nil
}

// PatchSame returns in with the first occurrence of old after offset from
// replaced by new padded with spaces to the same length (offsets stay).
func PatchSame(in []byte, from int, old, new string) ([]byte, error) {
	if len(new) > len(old) {
		return nil, fmt.Errorf("patch: %q longer than %q", new, old)
	}
	i := bytes.Index(in[from:], []byte(old))
	if i < 0 {
		return nil, fmt.Errorf("patch: %q not found", old)
	}
	out := bytes.Clone(in)
	copy(out[from+i:], new+strings.Repeat(" ", len(old)-len(new)))
	return out, nil
}
