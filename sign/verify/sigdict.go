package verify

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/digitorus/pdf"

	"kinerja/internal/pdfread"
)

// sigDict is a signature dictionary as found in the file.
type sigDict struct {
	obj       string // "N G" of the object holding it
	id        uint32 // its object number
	byteRange []int64
	brErr     string // why byteRange is unusable ("" if it is fine)
	contents  []byte // decoded /Contents
	name      string
	reason    string
	location  string
	subFilter string
	m         time.Time  // /M, the claimed signing time (zero if absent or unreadable)
	docTS     bool       // /Type /DocTimeStamp
	field     string     // the fully qualified name of the field whose /V it is, if found through the fields
	rect      [4]float64 // that field's /Rect when it is its own widget (normalised)
	hasRect   bool
}

// end is the offset where the signed bytes end (0 if unknown).
func (s *sigDict) end() int64 {
	if len(s.byteRange) != 4 {
		return 0
	}
	return s.byteRange[2] + s.byteRange[3]
}

// findSignatures returns the signature dictionaries of the latest revision
// (every object in its cross-reference table that is a /Type /Sig or
// /DocTimeStamp dictionary, or carries /ByteRange and /Contents). It first
// takes the values of the signature fields in /AcroForm /Fields, and reads
// every object of the table only when that may miss one: no form fields,
// object streams (whose text cannot be seen), a document timestamp, or a
// "/ByteRange" in the raw file that the fields did not account for.
// The fields' names are kept on the signatures the table read finds too
// (a party's signature stays bound to its field).
func (d *document) findSignatures() []*sigDict {
	sigs, ok := d.fieldSignatures()
	if ok && d.accountsForRaw(sigs) {
		return sigs
	}
	named := map[uint32]string{}
	for _, s := range sigs {
		named[s.id] = s.field
	}
	all := d.sigsFromXref()
	for _, s := range all {
		s.field = named[s.id]
	}
	return all
}

// fieldSignatures returns the signature values of the form fields: from
// the strict reading's layout when there is one (rawsigs.go), else (or
// when the layout's walk gives up) through the PDF reader.
func (d *document) fieldSignatures() ([]*sigDict, bool) {
	if d.layout != nil {
		if sigs, ok := d.rawSigsFromFields(); ok {
			return sigs, true
		}
	}
	return d.sigsFromFields()
}

// sigsFromXref resolves every object of the latest revision's table.
func (d *document) sigsFromXref() []*sigDict {
	var out []*sigDict
	rd := d.reader()
	if rd == nil {
		return nil
	}
	for _, x := range rd.Xref() {
		ptr := x.Ptr()
		if ptr.GetID() == 0 {
			continue
		}
		if s := sigAt(func() pdf.Value { return rd.Resolve(ptr, ptr) }); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// sigsFromFields returns the signature dictionaries that are values of
// form fields, in table order; ok is false when the document has no form
// fields or the walk failed.
func (d *document) sigsFromFields() (out []*sigDict, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			out, ok = nil, false
		}
	}()
	rd := d.reader()
	if rd == nil {
		return nil, false
	}
	fields := rd.Trailer().Key("Root").Key("AcroForm").Key("Fields")
	if fields.Len() == 0 {
		return nil, false
	}
	found, budget := map[ptrKey]bool{}, maxFieldNodes
	for i := 0; i < fields.Len(); i++ {
		if !d.fieldSigs(fields.Index(i), "", 0, &budget, found, &out) {
			return nil, false
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out, true
}

// maxFieldNodes bounds the field tree nodes sigsFromFields visits: a
// tree whose nodes share kids grows exponentially with its depth (27
// levels of four references to the next took a 3 KB file out of reach).
const maxFieldNodes = 2000

// fieldSigs appends the signature values under field n (whose parent's
// fully qualified name is parent) to out; false means the tree is too
// deep, too large (more than *budget nodes are left to visit) or loops.
func (d *document) fieldSigs(n pdf.Value, parent string, depth int, budget *int, found map[ptrKey]bool, out *[]*sigDict) bool {
	if *budget--; depth > 32 || *budget < 0 || len(found) > maxPages {
		return false
	}
	name := n.Key("T").Text()
	if parent != "" && name != "" {
		name = parent + "." + name
	} else if name == "" {
		name = parent
	}
	if v := n.Key("V"); v.Kind() == pdf.Dict && keyOf(v) != keyOf(n) && !found[keyOf(v)] { // indirect only
		found[keyOf(v)] = true
		if s := sigAt(func() pdf.Value { return v }); s != nil {
			s.field = name
			s.rect, s.hasRect = widgetRect(n)
			*out = append(*out, s)
		}
	}
	kids := n.Key("Kids")
	for i := 0; i < kids.Len(); i++ {
		if !d.fieldSigs(kids.Index(i), name, depth+1, budget, found, out) {
			return false
		}
	}
	return true
}

// widgetRect is the normalised /Rect of a field merged with its widget.
func widgetRect(n pdf.Value) ([4]float64, bool) {
	r := n.Key("Rect")
	if n.Key("Subtype").Name() != "Widget" || r.Kind() != pdf.Array || r.Len() != 4 {
		return [4]float64{}, false
	}
	var v [4]float64
	for i := range v {
		v[i] = r.Index(i).Float64()
	}
	return [4]float64{min(v[0], v[2]), min(v[1], v[3]), max(v[0], v[2]), max(v[1], v[3])}, true
}

// accountsForRaw reports whether sigs explain every signature trace in the
// raw bytes: each "/ByteRange" and "/Type /Sig" of the file belongs to one
// of them, and there are no object streams or document timestamps.
func (d *document) accountsForRaw(sigs []*sigDict) bool {
	if pdfread.Index(d.data, "/ObjStm") >= 0 || pdfread.Index(d.data, "/DocTimeStamp") >= 0 {
		return false
	}
	if pdfread.Count(d.data, "/ByteRange") != len(sigs) || countTypeSig(d.data) > len(sigs) {
		return false
	}
	return len(d.strayByteRanges(sigs)) == 0
}

// sigAt resolves one object and returns it as a signature, or nil.
func sigAt(resolve func() pdf.Value) (s *sigDict) {
	defer func() {
		if p := recover(); p != nil {
			s = nil
		}
	}()
	v := resolve()
	if v.Kind() != pdf.Dict {
		return nil
	}
	typ := v.Key("Type").Name()
	isSig := typ == "Sig" || typ == "DocTimeStamp"
	if !isSig && (v.Key("ByteRange").Kind() != pdf.Array || v.Key("Contents").Kind() != pdf.String) {
		return nil
	}
	k := keyOf(v)
	s = &sigDict{
		obj:       fmt.Sprintf("%d %d", k.id, k.gen),
		id:        k.id,
		contents:  []byte(v.Key("Contents").RawString()),
		name:      v.Key("Name").Text(),
		reason:    v.Key("Reason").Text(),
		location:  v.Key("Location").Text(),
		subFilter: v.Key("SubFilter").Name(),
		m:         pdfDate(v.Key("M").Text()),
		docTS:     typ == "DocTimeStamp",
	}
	s.byteRange, s.brErr = readByteRange(v.Key("ByteRange"))
	return s
}

// readByteRange returns the four integers of a /ByteRange array.
func readByteRange(v pdf.Value) ([]int64, string) {
	if v.Kind() != pdf.Array || v.Len() != 4 {
		return nil, fmt.Sprintf("ByteRange is not an array of 4 integers: %s", v.String())
	}
	br := make([]int64, 4)
	for i := range br {
		e := v.Index(i)
		if e.Kind() != pdf.Integer || e.Int64() < 0 {
			return nil, fmt.Sprintf("ByteRange is not an array of 4 non-negative integers: %s", v.String())
		}
		br[i] = e.Int64()
	}
	return br, ""
}

// checkByteRange checks that br starts at 0, that the gap is exactly the
// /Contents hex string of this signature and that it ends inside the file.
func (d *document) checkByteRange(s *sigDict) string {
	br, size := s.byteRange, int64(len(d.data))
	if br[0] != 0 {
		return fmt.Sprintf("ByteRange %v does not start at 0", br)
	}
	if br[1] <= 0 || br[2] <= br[1] {
		return fmt.Sprintf("ByteRange %v is not two ranges around the /Contents gap", br)
	}
	if s.end() > size || br[2] > size || s.end() < br[2] {
		return fmt.Sprintf("file truncated: ByteRange ends at %d beyond end of file %d", s.end(), size)
	}
	gap := d.data[br[1]:br[2]]
	if len(gap) < 2 || gap[0] != '<' || gap[len(gap)-1] != '>' {
		return fmt.Sprintf("ByteRange %v: the unsigned gap is not a hex string <...>", br)
	}
	if !bytes.HasSuffix(bytes.TrimRight(d.data[:br[1]], " \t\r\n\f\x00"), []byte("/Contents")) {
		return fmt.Sprintf("ByteRange %v: the unsigned gap is not the value of a /Contents key", br)
	}
	raw, err := hex.DecodeString(string(stripSpace(gap[1 : len(gap)-1])))
	if err != nil || !bytes.Equal(raw, s.contents) {
		return fmt.Sprintf("ByteRange %v: the unsigned gap is not this signature's /Contents", br)
	}
	return ""
}

// stripSpace removes PDF white space from b.
func stripSpace(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if !isSpace(c) {
			out = append(out, c)
		}
	}
	return out
}

// strayByteRanges reports /ByteRange arrays in the raw file that belong to
// no signature found through the document structure: the trace of a
// truncated or damaged incremental update.
func (d *document) strayByteRanges(found []*sigDict) []string {
	known := map[string]bool{}
	for _, s := range found {
		known[fmt.Sprint(s.byteRange)] = true
	}
	var out []string
	index := len(found)
	for _, m := range d.rawByteRanges() {
		br := make([]int64, 4)
		for i := range br {
			br[i], _ = strconv.ParseInt(string(d.data[m[2+2*i]:m[3+2*i]]), 10, 64)
		}
		if known[fmt.Sprint(br)] {
			continue
		}
		index++
		out = append(out, d.strayMessage(index, int64(m[0]), br))
	}
	return out
}

// countTypeSig counts "/Type /Sig" (any white space between, a delimiter
// after) in the raw bytes.
func countTypeSig(data []byte) int {
	n := 0
	for i := 0; ; {
		k := pdfread.Index(data[i:], "/Type")
		if k < 0 {
			return n
		}
		i += k + len("/Type")
		rest := bytes.TrimLeft(data[i:], " \t\n\f\r")
		if bytes.HasPrefix(rest, []byte("/Sig")) && (len(rest) == 4 || isDelimOrSpace(rest[4])) {
			n++
		}
	}
}

// isDelimOrSpace reports PDF white space and delimiters.
func isDelimOrSpace(c byte) bool {
	return isSpace(c) || bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// rawByteRanges returns the /ByteRange arrays written in the file
// (submatch indexes, pdfread.ScanByteRanges), scanning once.
func (d *document) rawByteRanges() [][]int {
	if d.rawRanges == nil {
		d.rawRanges = pdfread.ScanByteRanges(d.data)
		if d.rawRanges == nil {
			d.rawRanges = [][]int{}
		}
	}
	return d.rawRanges
}

// strayMessage describes one stray /ByteRange at offset off; index numbers
// it after the signatures found.
func (d *document) strayMessage(index int, off int64, br []int64) string {
	end, size := br[2]+br[3], int64(len(d.data))
	if end > size {
		return fmt.Sprintf("file truncated: signature %d (at offset %d) ByteRange ends at %d beyond end of file %d", index, off, end, size)
	}
	return fmt.Sprintf("the signature at offset %d (ByteRange %v) is not part of the document structure (damaged or removed?)", off, br)
}

// isSpace reports PDF white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0
}

// pdfDate reads a PDF date (D:YYYYMMDDHHmmSS followed by Z, +HH'mm' or
// -HH'mm'; later parts may be left out); zero when it is not one.
func pdfDate(s string) time.Time {
	s = strings.TrimPrefix(s, "D:")
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits < 4 || digits > 14 || digits%2 != 0 {
		return time.Time{}
	}
	full := s[:digits] + "0101000000"[digits-4:]
	zone := strings.ReplaceAll(s[digits:], "'", "")
	loc := time.UTC
	if len(zone) == 5 && (zone[0] == '+' || zone[0] == '-') {
		h, err1 := strconv.Atoi(zone[1:3])
		m, err2 := strconv.Atoi(zone[3:5])
		if err1 != nil || err2 != nil {
			return time.Time{}
		}
		off := (h*60 + m) * 60
		if zone[0] == '-' {
			off = -off
		}
		loc = time.FixedZone("", off)
	} else if zone != "" && zone != "Z" {
		return time.Time{}
	}
	t, err := time.ParseInLocation("20060102150405", full, loc)
	if err != nil {
		return time.Time{}
	}
	return t
}
