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
	canonBudget    = 500000   // values written per snapshot
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

// canonizer writes PDF values of one revision in a canonical text form:
// references resolved, dictionary keys sorted, numbers normalised, streams
// as their dictionary plus a hash of their decoded data, page dictionaries
// as their page number. Two revisions that mean the same thing give the
// same text whatever their object numbers.
type canonizer struct {
	d      *document
	budget int
	over   bool           // budget or depth exhausted: comparison incomplete
	pages  map[ptrKey]int // page object → 1-based page number
	order  []ptrKey       // page objects in page order

	// Fast mode (see incremental.go): streams are written by identity,
	// and the objects read for each page are recorded.
	fast      bool
	r         *pdf.Reader           // the revision's reader
	reused    bool                  // the page tree is the base revision's: read pages again
	path      []ptrKey              // the current page and its ancestors
	freshVals map[ptrKey]pdf.Value  // objects read again through r (see fresh)
	end       int64                 // end of the revision in the file
	deps      map[uint32]bool       // objects read for the current page (nil: not recording)
	unsafe    bool                  // the current page read a null that may be a dangling reference, or a stream past end
	memo      map[ptrKey]*memoEntry // fast mode: canonical text of indirect objects
	truncs    int                   // values cut by budget or depth so far
	base      *snapshot             // earlier revision's fast snapshot, to reuse pages from
	changed   map[uint32]bool       // objects whose entry changed since base
}

// newCanonizer returns a canonizer for one revision of d.
func newCanonizer(d *document) *canonizer {
	return &canonizer{d: d, budget: canonBudget, pages: map[ptrKey]int{}}
}

// touch records that v was read for the current page.
func (c *canonizer) touch(v pdf.Value) {
	if c.deps != nil {
		p := v.GetPtr()
		c.deps[p.GetID()] = true
	}
}

// key returns v.Key(k), recording what was read. A null value for a key
// that is present may be a reference to a missing object, which a later
// revision could add: the page is then not reused.
func (c *canonizer) key(v pdf.Value, k string) pdf.Value {
	var keys []string
	return c.keyIn(v, k, &keys)
}

// keyIn is key with v's keys listed once in *keys (filled when needed).
func (c *canonizer) keyIn(v pdf.Value, k string, keys *[]string) pdf.Value {
	x := v.Key(k)
	if c.deps != nil {
		c.touch(x)
		if x.Kind() == pdf.Null {
			if *keys == nil {
				*keys = v.Keys()
			}
			if contains(*keys, k) {
				c.unsafe = true
			}
		}
	}
	return x
}

// index returns v.Index(i), recording what was read (see key).
func (c *canonizer) index(v pdf.Value, i int) pdf.Value {
	x := v.Index(i)
	if c.deps != nil {
		c.touch(x)
		if x.Kind() == pdf.Null {
			c.unsafe = true
		}
	}
	return x
}

// canon returns the canonical text of v without the top-level keys in skip.
func (c *canonizer) canon(v pdf.Value, skip ...string) string {
	var b strings.Builder
	c.write(&b, v, 0, skip)
	return b.String()
}

// write appends the canonical text of v to b.
func (c *canonizer) write(b *strings.Builder, v pdf.Value, depth int, skip []string) {
	c.touch(v)
	c.budget--
	if c.budget < 0 || depth > canonMaxDepth {
		c.over = true
		c.truncs++
		b.WriteString("…")
		return
	}
	switch v.Kind() {
	case pdf.Null:
		b.WriteString("null")
	case pdf.Integer, pdf.Real:
		b.WriteString(strconv.FormatFloat(v.Float64(), 'f', -1, 64))
	case pdf.String:
		c.writeString(b, v)
	case pdf.Bool, pdf.Name:
		b.WriteString(v.String())
	case pdf.Array:
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			c.writeChild(b, v, c.index(v, i), depth+1)
			b.WriteString(" ")
		}
		b.WriteString("]")
	case pdf.Dict:
		c.writeDict(b, v, depth, skip)
	case pdf.Stream:
		c.writeDict(b, v, depth, append(skip, "Length"))
		b.WriteString("stream:" + c.streamID(v))
	}
}

// memoEntry is the canonical text of an indirect object and what writing
// it read and cost, to write it again without reading it again.
type memoEntry struct {
	text   string
	deps   map[uint32]bool
	unsafe bool
	cost   int // budget used
	depth  int // depth it was written at (without truncation)
}

// writeChild writes x, an element of parent. In fast mode an indirect
// object (one read through a reference) is written once per revision and
// then copied: shared resources such as fonts are read once, not once per
// page. A copy is used only at a depth no greater than the first writing,
// which was not truncated, so it is the text write would produce.
func (c *canonizer) writeChild(b *strings.Builder, parent, x pdf.Value, depth int) {
	k := keyOf(x)
	switch x.Kind() {
	case pdf.Dict, pdf.Stream, pdf.Array:
	default:
		c.write(b, x, depth, nil)
		return
	}
	if !c.fast || k == keyOf(parent) || k.id == 0 {
		c.write(b, x, depth, nil)
		return
	}
	if e, ok := c.memo[k]; ok && depth <= e.depth {
		c.replay(b, e)
		return
	}
	outerDeps, outerUnsafe, truncs, budget, start := c.deps, c.unsafe, c.truncs, c.budget, b.Len()
	c.deps, c.unsafe = map[uint32]bool{}, false
	c.write(b, x, depth, nil)
	e := &memoEntry{text: b.String()[start:], deps: c.deps, unsafe: c.unsafe, cost: budget - c.budget, depth: depth}
	c.deps, c.unsafe = outerDeps, outerUnsafe
	if c.truncs == truncs {
		if c.memo == nil {
			c.memo = map[ptrKey]*memoEntry{}
		}
		c.memo[k] = e
	}
	c.absorb(e)
}

// replay writes a memorised object.
func (c *canonizer) replay(b *strings.Builder, e *memoEntry) {
	b.WriteString(e.text)
	c.budget -= e.cost
	if c.budget < 0 {
		c.over = true // a complete writing would have been cut somewhere
	}
	c.absorb(e)
}

// absorb adds what writing e read to the current page's record.
func (c *canonizer) absorb(e *memoEntry) {
	c.unsafe = c.unsafe || e.unsafe
	if c.deps != nil {
		for id := range e.deps {
			c.deps[id] = true
		}
	}
}

// writeDict appends a dictionary (or a stream's dictionary) to b.
func (c *canonizer) writeDict(b *strings.Builder, v pdf.Value, depth int, skip []string) {
	if c.key(v, "Type").Name() == "Page" {
		fmt.Fprintf(b, "<page %d>", c.pages[keyOf(v)])
		return
	}
	b.WriteString("<<")
	keys := v.Keys()
	for _, k := range keys {
		if k == "Parent" || contains(skip, k) {
			continue
		}
		b.WriteString("/" + k + " ")
		c.writeChild(b, v, c.keyIn(v, k, &keys), depth+1)
		b.WriteString(" ")
	}
	b.WriteString(">>")
}

// longString is the length above which strings are written as a hash.
const longString = 64

// writeString appends a string: quoted, or when long (signature values)
// as a hash of its bytes, which is as good for telling strings apart and
// much cheaper than quoting kilobytes of binary.
func (c *canonizer) writeString(b *strings.Builder, v pdf.Value) {
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
// bytes when it cannot be decoded (unknown filter, damaged data). Streams
// are cached by file offset: an offset holds the same bytes in every
// revision.
func (d *document) streamHash(v pdf.Value) string {
	off, length := d.streamSpan(v)
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

// streamID identifies a stream's data: in fast mode by its place in the
// file ("@offset+length", the same bytes in every revision containing it),
// else (or when the data does not lie inside this revision) by streamHash.
func (c *canonizer) streamID(v pdf.Value) string {
	off, length := c.d.streamSpan(v)
	c.touch(v.Key("Length"))
	if c.fast && off > 0 && length >= 0 && off+length <= c.end {
		return "@" + strconv.FormatInt(off, 10) + "+" + strconv.FormatInt(length, 10)
	}
	if c.deps != nil {
		c.unsafe = true
	}
	return c.d.streamHash(v)
}

// streamSpan returns the file offset and /Length of a stream's data. The
// PDF reader keeps the offset private (see raw.go); its String form ends
// in "@offset".
func (d *document) streamSpan(v pdf.Value) (off, length int64) {
	if off, ok := rawStreamOffset(v); ok {
		return off, v.Key("Length").Int64()
	}
	s := v.String()
	i := strings.LastIndexByte(s, '@')
	if i < 0 {
		return 0, 0
	}
	off, err := strconv.ParseInt(s[i+1:], 10, 64)
	if err != nil {
		return 0, 0
	}
	return off, v.Key("Length").Int64()
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
