package verify

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"

	"github.com/digitorus/pdf"
)

// sigDict is a signature dictionary as found in the file.
type sigDict struct {
	obj       string // "N G" of the object holding it
	byteRange []int64
	brErr     string // why byteRange is unusable ("" if it is fine)
	contents  []byte // decoded /Contents
	name      string
	reason    string
	location  string
	subFilter string
	docTS     bool // /Type /DocTimeStamp
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
// /DocTimeStamp dictionary, or carries /ByteRange and /Contents).
func (d *document) findSignatures() []*sigDict {
	var out []*sigDict
	for _, x := range d.last.Xref() {
		ptr := x.Ptr()
		if ptr.GetID() == 0 {
			continue
		}
		if s := sigAt(func() pdf.Value { return d.last.Resolve(ptr, ptr) }); s != nil {
			out = append(out, s)
		}
	}
	return out
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
		contents:  []byte(v.Key("Contents").RawString()),
		name:      v.Key("Name").Text(),
		reason:    v.Key("Reason").Text(),
		location:  v.Key("Location").Text(),
		subFilter: v.Key("SubFilter").Name(),
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

// byteRangeRE matches a /ByteRange array written in the file.
var byteRangeRE = regexp.MustCompile(`/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]`)

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
	for _, m := range byteRangeRE.FindAllSubmatchIndex(d.data, -1) {
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

// strayMessage describes one stray /ByteRange at offset off; index numbers
// it after the signatures found.
func (d *document) strayMessage(index int, off int64, br []int64) string {
	end, size := br[2]+br[3], int64(len(d.data))
	if end > size {
		return fmt.Sprintf("file truncated: signature %d (at offset %d) ByteRange ends at %d beyond end of file %d", index, off, end, size)
	}
	return fmt.Sprintf("the signature at offset %d (ByteRange %v) is not part of the document structure (damaged or removed?)", off, br)
}
