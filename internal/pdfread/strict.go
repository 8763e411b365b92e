package pdfread

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"kinerja/internal/pdfedit"
)

// ErrStrict is wrapped by every refusal of the strict reading (Strict).
var ErrStrict = errors.New("refused by the strict reading")

// Layout is the strict reading of a file: every byte belongs to one
// revision, and every revision is objects followed by one classic
// cross-reference section, its trailer, one startxref and %%EOF.
type Layout struct {
	Revs []Section // oldest first
}

// Section is one revision as the strict reading found it.
type Section struct {
	Begin, End int64             // the revision's bytes: data[Begin:End] (End past the %%EOF line)
	EOF        int64             // just past "%%EOF"
	XrefAt     int64             // offset of its "xref" keyword, which its startxref names
	Prev       int64             // its trailer's /Prev; -1 when there is none
	Trailer    *pdfedit.Dict     // its trailer dictionary
	Entries    []Entry           // its cross-reference entries, in table order
	Objects    map[uint32]Object // the objects its body defines, by number
}

// Entry is one cross-reference entry.
type Entry struct {
	Num  uint32
	Gen  uint16
	Off  int64 // in-use entries: where "Num Gen obj" starts
	Free bool
}

// Object is one object definition found in a revision's body.
type Object struct {
	Num        uint32
	Gen        uint16
	Off        int64 // where "Num Gen obj" starts
	Value      int64 // where its value (a dictionary for a stream) starts
	ValueEnd   int64 // where its value ends
	Stream     bool  // a stream follows the value
	StreamData int64 // where the stream's data starts (Stream only)
	// Parsed is the value as parsed by the reading, for readers that
	// need it (parsing it again costs as much as the whole reading).
	Parsed pdfedit.Value
}

// Strict reads data the one way every reader of a signed kinerja file
// must agree on, and refuses (an error wrapping ErrStrict that names the
// revision, the offset and the reason) what lets two readers see two
// documents: bytes before %PDF-, between objects or revisions, or after
// the last %%EOF other than white space; a revision without a classic
// cross-reference table (a cross-reference stream), with a hybrid
// /XRefStm, with more than one startxref, or whose /Prev does not name
// the previous revision's section; an entry that does not point at
// "N G obj" of the same object; an object defined or listed twice in one
// revision, or defined and not listed; an in-use object marked free while
// a reference to it remains; a stream whose /Length does not end at
// "endstream".
func Strict(data []byte) (*Layout, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, fmt.Errorf("%w: the file does not start with %%PDF-", ErrStrict)
	}
	w := &walker{data: data}
	if err := w.file(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrStrict, err)
	}
	l := &Layout{Revs: w.revs}
	if err := l.check(data); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrStrict, err)
	}
	return l, nil
}

// walker reads a file from its first byte to its last.
type walker struct {
	data []byte
	pos  int
	revs []Section
}

// file reads the header and then revisions until the end.
func (w *walker) file() error {
	w.pos = lineEnd(w.data, 0)
	for w.pos < len(w.data) && w.data[w.pos] == '%' { // the binary comment line
		w.pos = lineEnd(w.data, w.pos)
	}
	for {
		if len(w.revs) == MaxRevisions {
			return fmt.Errorf("more than %d revisions", MaxRevisions)
		}
		begin := w.pos
		w.skipSpace()
		if w.pos == len(w.data) && len(w.revs) > 0 {
			return nil
		}
		sec, err := w.revision(int64(begin))
		if err != nil {
			return fmt.Errorf("revision %d: %v", len(w.revs)+1, err)
		}
		w.revs = append(w.revs, sec)
	}
}

// revision reads objects up to the cross-reference section, the trailer,
// startxref and %%EOF.
func (w *walker) revision(begin int64) (Section, error) {
	sec := Section{Begin: begin, Prev: -1, Objects: map[uint32]Object{}}
	for {
		w.skipSpace()
		switch {
		case w.pos >= len(w.data):
			return sec, fmt.Errorf("the file ends at %d without a cross-reference section", w.pos)
		case w.has("xref"):
			sec.XrefAt = int64(w.pos)
			return sec, w.section(&sec)
		case w.has("startxref"):
			return sec, fmt.Errorf("a startxref at offset %d without a cross-reference table of its own (a cross-reference stream, or a second startxref that a viewer may follow; neither is accepted in a signed document)", w.pos)
		case isDigit(w.data[w.pos]):
			obj, err := w.object()
			if err != nil {
				return sec, err
			}
			if old, dup := sec.Objects[obj.Num]; dup {
				return sec, fmt.Errorf("object %d is defined twice (at offsets %d and %d)", obj.Num, old.Off, obj.Off)
			}
			sec.Objects[obj.Num] = obj
		default:
			return sec, fmt.Errorf("bytes at offset %d are outside any object (%q)", w.pos, snippet(w.data[w.pos:]))
		}
	}
}

// section reads "xref", the table, the trailer, startxref and %%EOF.
func (w *walker) section(sec *Section) error {
	w.pos += len("xref")
	entries, err := w.table()
	if err != nil {
		return err
	}
	sec.Entries = entries
	w.skipSpace()
	if !w.has("trailer") {
		return fmt.Errorf("no trailer after the cross-reference table (offset %d)", w.pos)
	}
	w.pos += len("trailer")
	v, n, err := pdfedit.ParsePrefix(w.data[w.pos:])
	d, ok := v.(*pdfedit.Dict)
	if err != nil || !ok {
		return fmt.Errorf("the trailer at offset %d is not a dictionary", w.pos)
	}
	sec.Trailer, w.pos = d, w.pos+n
	return w.tail(sec)
}

// tail reads "startxref N %%EOF" and the end of line after it.
func (w *walker) tail(sec *Section) error {
	starts := 0
	for w.skipSpace(); w.has("startxref"); w.skipSpace() {
		starts++
		w.pos += len("startxref")
		w.skipSpace()
		n, ok := w.integer()
		if !ok {
			return fmt.Errorf("startxref at offset %d is not followed by an offset", w.pos)
		}
		if starts == 1 && n != sec.XrefAt {
			return fmt.Errorf("startxref %d does not point at its cross-reference section (at %d)", n, sec.XrefAt)
		}
	}
	switch {
	case starts == 0:
		return fmt.Errorf("no startxref after the trailer (offset %d)", w.pos)
	case starts > 1:
		return fmt.Errorf("%d startxref keywords before its %%%%EOF; a viewer may follow another one than this reader", starts)
	case !w.has("%%EOF"):
		return fmt.Errorf("no %%%%EOF after startxref (offset %d: %q)", w.pos, snippet(w.data[w.pos:]))
	}
	w.pos += len("%%EOF")
	sec.EOF = int64(w.pos)
	w.pos = eolEnd(w.data, w.pos)
	sec.End = int64(w.pos)
	if p, ok := sec.Trailer.Get("Prev"); ok {
		n, err := strconv.ParseInt(string(pdfedit.Encode(p)), 10, 64)
		if err != nil {
			return fmt.Errorf("trailer /Prev %s is not an offset", pdfedit.Encode(p))
		}
		sec.Prev = n
	}
	return nil
}

// table reads the subsections of a classic cross-reference table.
func (w *walker) table() ([]Entry, error) {
	var out []Entry
	for {
		w.skipSpace()
		save := w.pos
		start, ok1 := w.integer()
		w.skipSpace()
		count, ok2 := w.integer()
		if !ok1 || !ok2 {
			w.pos = save
			return out, nil
		}
		if start < 0 || count < 0 || start+count > int64(len(w.data))+1 {
			return nil, fmt.Errorf("implausible cross-reference subsection %d %d", start, count)
		}
		for i := int64(0); i < count; i++ {
			e, err := w.entry(uint32(start + i))
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
	}
}

// entry reads one "offset generation n|f" entry for object num.
func (w *walker) entry(num uint32) (Entry, error) {
	w.skipSpace()
	off, ok1 := w.integer()
	w.skipSpace()
	gen, ok2 := w.integer()
	w.skipSpace()
	if !ok1 || !ok2 || gen > 65535 || w.pos >= len(w.data) || (w.data[w.pos] != 'n' && w.data[w.pos] != 'f') {
		return Entry{}, fmt.Errorf("malformed cross-reference entry for object %d at offset %d", num, w.pos)
	}
	e := Entry{Num: num, Gen: uint16(gen), Off: off, Free: w.data[w.pos] == 'f'}
	w.pos++
	return e, nil
}

// object reads "N G obj", the value, an optional stream and "endobj".
func (w *walker) object() (Object, error) {
	obj := Object{Off: int64(w.pos)}
	num, ok1 := w.integer()
	w.skipSpace()
	gen, ok2 := w.integer()
	w.skipSpace()
	if !ok1 || !ok2 || num > int64(len(w.data)) || gen > 65535 || !w.has("obj") {
		return obj, fmt.Errorf("bytes at offset %d are outside any object (%q)", obj.Off, snippet(w.data[obj.Off:]))
	}
	obj.Num, obj.Gen = uint32(num), uint16(gen)
	w.pos += len("obj")
	obj.Value = int64(w.pos)
	v, n, err := pdfedit.ParsePrefix(w.data[w.pos:])
	if err != nil {
		return obj, fmt.Errorf("object %d at offset %d: %v", num, obj.Off, err)
	}
	w.pos += n
	obj.ValueEnd, obj.Parsed = int64(w.pos), v
	w.skipSpace()
	if w.has("stream") {
		if err := w.stream(&obj, v); err != nil {
			return obj, fmt.Errorf("object %d at offset %d: %v", num, obj.Off, err)
		}
		w.skipSpace()
	}
	if !w.has("endobj") {
		return obj, fmt.Errorf("object %d at offset %d: no endobj after its value (%q)", num, obj.Off, snippet(w.data[w.pos:]))
	}
	w.pos += len("endobj")
	return obj, nil
}

// stream skips the stream data of obj (whose dictionary is v) by its
// /Length, which must end at "endstream".
func (w *walker) stream(obj *Object, v pdfedit.Value) error {
	w.pos += len("stream")
	if w.pos < len(w.data) && w.data[w.pos] == '\r' {
		w.pos++
	}
	if w.pos >= len(w.data) || w.data[w.pos] != '\n' {
		return errors.New("no end of line after the stream keyword")
	}
	w.pos++
	obj.Stream, obj.StreamData = true, int64(w.pos)
	d, ok := v.(*pdfedit.Dict)
	if !ok {
		return errors.New("a stream without a dictionary")
	}
	lv, _ := d.Get("Length")
	length, err := strconv.ParseInt(string(pdfedit.Encode(lv)), 10, 64)
	if err != nil || length < 0 || int64(w.pos)+length > int64(len(w.data)) {
		return fmt.Errorf("stream /Length %s is not a length inside the file (an indirect /Length is not accepted)", pdfedit.Encode(lv))
	}
	w.pos += int(length)
	w.skipSpace()
	if !w.has("endstream") {
		return fmt.Errorf("the stream's /Length %d does not end at endstream", length)
	}
	w.pos += len("endstream")
	return nil
}

// has reports whether the data at the position starts with keyword,
// followed by a delimiter, white space or the end.
func (w *walker) has(keyword string) bool {
	if !bytes.HasPrefix(w.data[w.pos:], []byte(keyword)) {
		return false
	}
	e := w.pos + len(keyword)
	return e == len(w.data) || isSpace(w.data[e]) || bytes.IndexByte([]byte("()<>[]{}/%"), w.data[e]) >= 0
}

// integer reads an unsigned integer of at most 18 digits.
func (w *walker) integer() (int64, bool) {
	s := w.pos
	for w.pos < len(w.data) && w.pos-s < 18 && isDigit(w.data[w.pos]) {
		w.pos++
	}
	if w.pos == s {
		return 0, false
	}
	n, err := strconv.ParseInt(string(w.data[s:w.pos]), 10, 64)
	return n, err == nil
}

// skipSpace skips white space (not comments: a comment between objects
// is a byte outside any object).
func (w *walker) skipSpace() {
	for w.pos < len(w.data) && isSpace(w.data[w.pos]) {
		w.pos++
	}
}

// lineEnd returns the offset after the line that contains i.
func lineEnd(data []byte, i int) int {
	for i < len(data) && data[i] != '\n' && data[i] != '\r' {
		i++
	}
	return eolEnd(data, i)
}

// isDigit reports an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// snippet is the start of b, for messages.
func snippet(b []byte) string {
	return string(b[:min(len(b), 24)])
}

// check runs the checks that span the sections of l.
func (l *Layout) check(data []byte) error {
	for i := range l.Revs {
		if err := l.checkSection(data, i); err != nil {
			return fmt.Errorf("revision %d: %v", i+1, err)
		}
	}
	return nil
}

// checkSection checks revision i (0-based): its trailer and its entries.
func (l *Layout) checkSection(data []byte, i int) error {
	s := &l.Revs[i]
	if x, ok := s.Trailer.Get("XRefStm"); ok {
		return fmt.Errorf("a hybrid-reference trailer (/XRefStm %s): its cross-reference stream may define objects other than its table says", pdfedit.Encode(x))
	}
	switch {
	case i == 0 && s.Prev >= 0:
		return fmt.Errorf("the first revision's trailer has /Prev %d", s.Prev)
	case i > 0 && s.Prev != l.Revs[i-1].XrefAt:
		return fmt.Errorf("trailer /Prev %d does not point at revision %d's cross-reference section (at %d)", s.Prev, i, l.Revs[i-1].XrefAt)
	}
	listed := map[uint32]bool{}
	for _, e := range s.Entries {
		if listed[e.Num] {
			return fmt.Errorf("object %d is listed twice in its cross-reference section", e.Num)
		}
		listed[e.Num] = true
		if err := l.checkEntry(data, i, e); err != nil {
			return err
		}
	}
	for num, o := range s.Objects {
		if !listed[num] {
			return fmt.Errorf("object %d is defined at offset %d but not listed in its cross-reference section (a viewer that repairs the file would use it)", num, o.Off)
		}
	}
	return nil
}

// checkEntry checks one entry of revision i.
func (l *Layout) checkEntry(data []byte, i int, e Entry) error {
	if e.Free {
		if e.Num != 0 && i > 0 && Referenced(data[:l.Revs[i].End], e.Num, e.Gen) {
			return fmt.Errorf("object %d is marked free, but a reference to it remains", e.Num)
		}
		return nil
	}
	for j := i; j >= 0; j-- {
		if o, ok := l.Revs[j].Objects[e.Num]; ok && o.Off == e.Off && o.Gen == e.Gen {
			return nil
		}
	}
	return fmt.Errorf("the entry for object %d points at offset %d, which does not hold \"%d %d obj\"", e.Num, e.Off, e.Num, e.Gen)
}

// Referenced reports whether data holds a reference "num gen R" to the
// object (a byte scan: the signed kinerja files hold no object streams,
// whose compressed references this would miss). A freed object's next
// generation (gen-1 in use before) is what references name.
func Referenced(data []byte, num uint32, gen uint16) bool {
	gens := []uint16{gen}
	if gen > 0 {
		gens = append(gens, gen-1)
	}
	for _, g := range gens {
		ref := []byte(strconv.FormatUint(uint64(num), 10) + " " + strconv.FormatUint(uint64(g), 10) + " R")
		for i := 0; ; {
			k := bytes.Index(data[i:], ref)
			if k < 0 {
				break
			}
			p := i + k
			i = p + len(ref)
			before := p == 0 || !isDigit(data[p-1])
			after := i == len(data) || isSpace(data[i]) || bytes.IndexByte([]byte("()<>[]{}/%"), data[i]) >= 0
			if before && after {
				return true
			}
		}
	}
	return false
}

// Defined returns the definition of object num current in revision i
// (0-based) and the revision that wrote it; ok is false when the object
// is free or unknown there.
func (l *Layout) Defined(i int, num uint32) (o Object, rev int, ok bool) {
	for j := i; j >= 0; j-- {
		for _, e := range l.Revs[j].Entries {
			if e.Num != num {
				continue
			}
			if e.Free {
				return Object{}, j, false
			}
			for k := j; k >= 0; k-- {
				if o, ok := l.Revs[k].Objects[num]; ok && o.Off == e.Off {
					return o, k, true
				}
			}
			return Object{}, j, false
		}
	}
	return Object{}, -1, false
}
