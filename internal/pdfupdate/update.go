// Package pdfupdate writes incremental updates: the bytes a signer
// appends to a PDF to add or redefine objects without touching a byte of
// what is there (ISO 32000-1 §7.5.6). It writes a classic cross-reference
// section and a trailer chained to the previous one with /Prev, the form
// every PDF reader and verifier understands and the one fpdf writes.
//
// It only writes: what the base file's trailer holds (its size, root, info
// and ID, where its cross-reference section starts) comes from the caller,
// who has read it through the reading core (internal/pdfread). Object
// bodies are given as PDF syntax; this package neither parses nor checks
// them.
//
// Signatures: Placeholder returns the /ByteRange and /Contents entries of
// a signature dictionary with room reserved, and Seal fills them in the
// finished bytes once the signature over the ranges is known.
package pdfupdate

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
)

// Ref is an indirect reference to object Num, generation 0.
type Ref int

// String is the reference in PDF syntax ("12 0 R").
func (r Ref) String() string { return strconv.Itoa(int(r)) + " 0 R" }

// Trailer is what an update carries over from the file it extends.
type Trailer struct {
	Size int    // the base trailer's /Size: the next free object number
	Prev int64  // offset of the base's last cross-reference section (its startxref)
	Root Ref    // the document catalog
	Info Ref    // the document information dictionary (0 = none)
	ID   []byte // the first element of the base /ID, kept as is (nil = none)
}

// Writer collects the objects of one update.
type Writer struct {
	base []byte
	t    Trailer
	next int
	objs map[int][]byte
}

// New starts an update of base, whose trailer values t are.
func New(base []byte, t Trailer) *Writer {
	return &Writer{base: base, t: t, next: t.Size, objs: map[int][]byte{}}
}

// Reserve allocates a new object number; its body is given with Set.
func (w *Writer) Reserve() Ref {
	w.next++
	return Ref(w.next - 1)
}

// Add adds a new object with body and returns its reference.
func (w *Writer) Add(body []byte) Ref {
	r := w.Reserve()
	w.Set(r, body)
	return r
}

// Set gives the body of object r: a reserved one, or an object of the
// base file that the update redefines.
func (w *Writer) Set(r Ref, body []byte) {
	w.objs[int(r)] = body
}

// Result is a finished update.
type Result struct {
	Bytes   []byte        // the base followed by the update
	Offsets map[Ref]int64 // where each object of the update starts
	// Trailer is what a further update of Bytes starts from (New).
	Trailer Trailer
}

// Finish returns the base with the update appended; newID is the second
// element of the new trailer /ID (the first is kept from the base).
func (w *Writer) Finish(newID []byte) (Result, error) {
	for n := w.t.Size; n < w.next; n++ {
		if w.objs[n] == nil {
			return Result{}, fmt.Errorf("pdfupdate: object %d reserved but never set", n)
		}
	}
	var b bytes.Buffer
	b.Grow(w.size())
	b.Write(w.base)
	if len(w.base) > 0 && w.base[len(w.base)-1] != '\n' {
		b.WriteByte('\n')
	}
	res := Result{Offsets: map[Ref]int64{}}
	nums := w.sorted()
	for _, n := range nums {
		res.Offsets[Ref(n)] = int64(b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n", n)
		b.Write(w.objs[n])
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	writeXref(&b, nums, res.Offsets)
	w.writeTrailer(&b, newID)
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", xref)
	res.Bytes = b.Bytes()
	res.Trailer = w.t
	res.Trailer.Size, res.Trailer.Prev = w.next, int64(xref)
	return res, nil
}

// size bounds the bytes Finish writes, so that its buffer is allocated
// once (growing it would copy the whole file again): the base, each object
// with its header and "endobj", a cross-reference line per object and a
// subsection header per run, the trailer (the new /ID half at most 64
// bytes).
func (w *Writer) size() int {
	n := len(w.base) + 1 + 512 + 2*len(w.t.ID) + 2*64
	for _, o := range w.objs {
		n += len(o) + 32 + 20 + 24
	}
	return n
}

// sorted returns the object numbers of the update in ascending order.
func (w *Writer) sorted() []int {
	nums := make([]int, 0, len(w.objs))
	for n := range w.objs {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	return nums
}

// writeXref writes a cross-reference section with one subsection per run
// of consecutive object numbers (entries are exactly 20 bytes).
func writeXref(b *bytes.Buffer, nums []int, off map[Ref]int64) {
	b.WriteString("xref\n")
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j] == nums[j-1]+1 {
			j++
		}
		fmt.Fprintf(b, "%d %d\n", nums[i], j-i)
		for _, n := range nums[i:j] {
			fmt.Fprintf(b, "%010d 00000 n\r\n", off[Ref(n)])
		}
		i = j
	}
}

// writeTrailer writes the trailer dictionary chained to the base.
func (w *Writer) writeTrailer(b *bytes.Buffer, newID []byte) {
	fmt.Fprintf(b, "trailer\n<<\n/Size %d\n/Root %s\n", w.next, w.t.Root)
	if w.t.Info != 0 {
		fmt.Fprintf(b, "/Info %s\n", w.t.Info)
	}
	if w.t.ID != nil {
		fmt.Fprintf(b, "/ID [<%X> <%X>]\n", w.t.ID, newID)
	}
	fmt.Fprintf(b, "/Prev %d\n>>\n", w.t.Prev)
}
