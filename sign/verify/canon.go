package verify

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/digitorus/pdf"
)

// Limits of the canonical form, against hostile or absurd files.
const (
	canonBudget    = 500000   // values written per comparison
	canonMaxDepth  = 40       // nesting depth
	maxDecodedSize = 64 << 20 // bytes decoded from one stream
)

// ptrKey identifies an indirect object.
type ptrKey struct {
	id  uint32
	gen uint16
}

// keyOf returns the object a value was read from.
func keyOf(v pdf.Value) ptrKey {
	p := v.GetPtr()
	return ptrKey{p.GetID(), p.GetGen()}
}

// canonizer writes PDF values in a canonical text form: references
// resolved, dictionary keys sorted (as the reader lists them), numbers
// normalised, streams as their dictionary plus a hash of their decoded
// data, page dictionaries below the top as "<page>". Two values that mean
// the same thing give the same text whatever their object numbers. Only
// the legacy rule (legacy.go) compares by meaning; the policy otherwise
// compares objects as written.
type canonizer struct {
	d      *document
	budget int
	over   bool // budget or depth exhausted: the text is incomplete
}

// newCanonizer returns a canonizer for values of d.
func newCanonizer(d *document) *canonizer {
	return &canonizer{d: d, budget: canonBudget}
}

// canon returns the canonical text of v without the top-level keys in skip.
func (c *canonizer) canon(v pdf.Value, skip ...string) string {
	var b strings.Builder
	c.write(&b, v, 0, skip)
	return b.String()
}

// write appends the canonical text of v to b.
func (c *canonizer) write(b *strings.Builder, v pdf.Value, depth int, skip []string) {
	c.budget--
	if c.budget < 0 || depth > canonMaxDepth {
		c.over = true
		b.WriteString("…")
		return
	}
	switch v.Kind() {
	case pdf.Null:
		b.WriteString("null")
	case pdf.Integer, pdf.Real:
		b.WriteString(strconv.FormatFloat(v.Float64(), 'f', -1, 64))
	case pdf.String:
		writeString(b, v)
	case pdf.Bool, pdf.Name:
		b.WriteString(v.String())
	case pdf.Array:
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			c.write(b, v.Index(i), depth+1, nil)
			b.WriteString(" ")
		}
		b.WriteString("]")
	case pdf.Dict:
		c.writeDict(b, v, depth, skip)
	case pdf.Stream:
		c.writeDict(b, v, depth, append(skip, "Length"))
		b.WriteString("stream:" + c.d.streamHash(v))
	}
}

// writeDict appends a dictionary (or a stream's dictionary) to b; a page
// inside another value is written as "<page>" (its parent and the pages
// that refer to each other would otherwise be written without end).
func (c *canonizer) writeDict(b *strings.Builder, v pdf.Value, depth int, skip []string) {
	if depth > 0 && v.Key("Type").Name() == "Page" {
		b.WriteString("<page>")
		return
	}
	b.WriteString("<<")
	for _, k := range v.Keys() {
		if k == "Parent" || contains(skip, k) {
			continue
		}
		b.WriteString("/" + k + " ")
		c.write(b, v.Key(k), depth+1, nil)
		b.WriteString(" ")
	}
	b.WriteString(">>")
}

// longString is the length above which strings are written as a hash.
const longString = 64

// writeString appends a string: quoted, or when long (signature values)
// as a hash of its bytes.
func writeString(b *strings.Builder, v pdf.Value) {
	raw := v.RawString()
	if len(raw) <= longString {
		b.WriteString(v.String())
		return
	}
	sum := sha256.Sum256([]byte(raw))
	b.WriteString("(#" + hex.EncodeToString(sum[:16]) + ")")
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// streamHash returns a hash of a stream's decoded data, or of its raw
// bytes when it cannot be decoded. Streams are cached by file offset: an
// offset holds the same bytes in every revision.
func (d *document) streamHash(v pdf.Value) string {
	off, length := streamSpan(v)
	if h, ok := d.streams[off]; ok && off > 0 {
		return h
	}
	h := sha256.New()
	if data, err := decodeStream(v); err == nil {
		h.Write([]byte("decoded:"))
		h.Write(data)
	} else if off > 0 && off+length <= int64(len(d.data)) && length >= 0 {
		h.Write([]byte("raw:"))
		h.Write(d.data[off : off+length])
	} else {
		h.Write([]byte("unreadable"))
	}
	s := hex.EncodeToString(h.Sum(nil)[:16])
	if off > 0 {
		d.streams[off] = s
	}
	return s
}

// streamSpan returns the file offset and /Length of a stream's data.
func streamSpan(v pdf.Value) (off, length int64) {
	if off, ok := rawStreamOffset(v); ok {
		return off, v.Key("Length").Int64()
	}
	return 0, 0
}

// decodeStream returns a stream's decoded data; the reader panics on
// unknown filters and damaged data.
func decodeStream(v pdf.Value) (data []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			data, err = nil, fmt.Errorf("decode stream: %v", p)
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	data, err = io.ReadAll(io.LimitReader(rc, maxDecodedSize+1))
	if err == nil && len(data) > maxDecodedSize {
		err = fmt.Errorf("decode stream: more than %d bytes", maxDecodedSize)
	}
	return data, err
}
