package pdfedit

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Limits of what Parse accepts.
const (
	MaxBody  = 4 << 20
	MaxDepth = 64
)

// Parse parses body, one PDF value with nothing but white space and
// comments around it.
func Parse(body []byte) (Value, error) {
	if len(body) > MaxBody {
		return nil, fmt.Errorf("object body of %d bytes, more than %d", len(body), MaxBody)
	}
	p := newParser(body, false)
	defer p.free()
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if p.skipSpace(); p.pos < len(p.b) {
		return nil, p.errorf("trailing bytes after the object")
	}
	return v, nil
}

// ParsePrefix parses the one PDF value at the start of b (after white
// space and comments) and returns it with the offset just past it; what
// follows is not looked at. The strict reading of a file (internal/pdfread)
// uses it to find where an object's value ends. Unlike Parse, it accepts
// a dictionary key written twice with the same value (pdfsign writes
// /Version twice in a catalog), keeping one; with different values, which
// readers would resolve differently, it is an error.
func ParsePrefix(b []byte) (Value, int, error) {
	p := newParser(b[:min(len(b), MaxBody)], true)
	defer p.free()
	v, err := p.value(0)
	if err != nil {
		return nil, 0, err
	}
	return v, p.pos, nil
}

// ParseDict parses body, which must be a dictionary.
func ParseDict(body []byte) (*Dict, error) {
	v, err := Parse(body)
	if err != nil {
		return nil, err
	}
	d, ok := v.(*Dict)
	if !ok {
		return nil, errors.New("object is not a dictionary")
	}
	return d, nil
}

type parser struct {
	b        []byte
	pos      int
	sameDups bool    // a key may repeat with the same value (ParsePrefix)
	stack    []Value // elements of the arrays and values of the dictionaries being parsed
	keys     []Name  // keys of the dictionaries being parsed
	high     int     // the most values the stack has held in this parse
	highKeys int     // the most keys
}

// parsers keeps parsers for reuse: their stacks grow once, not once per
// object parsed.
var parsers = sync.Pool{New: func() any { return new(parser) }}

// newParser returns a parser of b, to be freed after use.
func newParser(b []byte, sameDups bool) *parser {
	p := parsers.Get().(*parser)
	p.b, p.pos, p.sameDups = b, 0, sameDups
	return p
}

// free returns p to the pool, its stacks emptied of what this parse put
// there (and dropped when one huge object grew them).
func (p *parser) free() {
	clear(p.stack[:p.high])
	clear(p.keys[:p.highKeys])
	p.b, p.stack, p.keys, p.high, p.highKeys = nil, p.stack[:0], p.keys[:0], 0, 0
	if cap(p.stack) > 1<<14 || cap(p.keys) > 1<<14 {
		p.stack, p.keys = nil, nil
	}
	parsers.Put(p)
}

// push puts v on the value stack.
func (p *parser) push(v Value) {
	p.stack = append(p.stack, v)
	p.high = max(p.high, len(p.stack))
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("offset %d: %s", p.pos, fmt.Sprintf(format, args...))
}

// value parses the value at the current position.
func (p *parser) value(depth int) (Value, error) {
	if depth > MaxDepth {
		return nil, p.errorf("nesting deeper than %d", MaxDepth)
	}
	p.skipSpace()
	if p.pos >= len(p.b) {
		return nil, p.errorf("unexpected end of object")
	}
	switch c := p.b[p.pos]; {
	case c == '<' && p.peek(1) == '<':
		return p.dict(depth)
	case c == '<':
		return p.hexString()
	case c == '[':
		return p.array(depth)
	case c == '(':
		return p.literalString()
	case c == '/':
		return p.name()
	case isDelimiter(c):
		return nil, p.errorf("unexpected %q", c)
	}
	return p.atomOrRef()
}

// peek returns the byte i ahead of the position, or 0.
func (p *parser) peek(i int) byte {
	if p.pos+i < len(p.b) {
		return p.b[p.pos+i]
	}
	return 0
}

// dict parses << /Key value ... >>. Its entries are gathered on the
// parser's stacks and copied into slices of their exact number at the end.
func (p *parser) dict(depth int) (Value, error) {
	p.pos += 2
	base, kbase := len(p.stack), len(p.keys)
	defer func() { p.stack, p.keys = p.stack[:base], p.keys[:kbase] }()
	for {
		p.skipSpace()
		if p.pos >= len(p.b) {
			return nil, p.errorf("unterminated dictionary")
		}
		if p.b[p.pos] == '>' && p.peek(1) == '>' {
			p.pos += 2
			return &Dict{keys: append([]Name(nil), p.keys[kbase:]...), vals: append([]Value(nil), p.stack[base:]...)}, nil
		}
		if err := p.entry(depth, base, kbase); err != nil {
			return nil, err
		}
	}
}

// entry parses one /Key value of the dictionary whose entries start at
// base and kbase on the stacks.
func (p *parser) entry(depth, base, kbase int) error {
	if p.b[p.pos] != '/' {
		return p.errorf("dictionary key is not a name")
	}
	k, err := p.nameKey()
	if err != nil {
		return err
	}
	dup := slices.Index(p.keys[kbase:], k)
	if dup >= 0 && !p.sameDups {
		return p.errorf("key /%s occurs twice", k)
	}
	v, err := p.value(depth + 1)
	if err != nil {
		return err
	}
	if dup >= 0 {
		if !bytes.Equal(Encode(p.stack[base+dup]), Encode(v)) {
			return p.errorf("key /%s occurs twice with different values", k)
		}
		return nil
	}
	p.keys = append(p.keys, k)
	p.highKeys = max(p.highKeys, len(p.keys))
	p.push(v)
	return nil
}

// array parses [ value ... ].
// The elements are gathered on the parser's stack (shared by nested
// arrays) and copied into an array of their exact number at the end.
func (p *parser) array(depth int) (Value, error) {
	p.pos++
	base := len(p.stack)
	defer func() { p.stack = p.stack[:base] }()
	for {
		p.skipSpace()
		if p.pos >= len(p.b) {
			return nil, p.errorf("unterminated array")
		}
		if p.b[p.pos] == ']' {
			p.pos++
			return append(make(Array, 0, len(p.stack)-base), p.stack[base:]...), nil
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		p.push(v)
	}
}

// atomOrRef parses a number, true, false or null, or "n g R".
func (p *parser) atomOrRef() (Value, error) {
	start := p.pos
	tok := p.regular()
	if !isNumber(tok) && string(tok) != "true" && string(tok) != "false" && string(tok) != "null" {
		p.pos = start
		return nil, p.errorf("unexpected keyword %q", tok)
	}
	if r, ok := p.ref(tok); ok {
		return r, nil
	}
	if n, ok := smallInt(tok); ok && n >= 0 && n < len(smallAtoms) && len(tok) == len(smallAtoms[n].(Atom)) && tok[0] != '+' {
		return smallAtoms[n], nil
	}
	return Atom(tok), nil
}

// smallAtoms are the integers 0 to 999 as Values: a font's /Widths and a
// page's numbers are mostly such, and each would otherwise be a new
// interface box. Only the canonical spelling is shared ("07" is not 7).
var smallAtoms = func() (a [1000]Value) {
	for i := range a {
		a[i] = Atom(strconv.Itoa(i))
	}
	return a
}()

// ref reads " g R" after the integer num when it follows, else leaves
// the position where it was.
func (p *parser) ref(num []byte) (Ref, bool) {
	save := p.pos
	n, ok1 := smallInt(num)
	p.skipSpace()
	g, ok2 := smallInt(p.regular())
	p.skipSpace()
	if ok1 && ok2 && n > 0 && g >= 0 && string(p.regular()) == "R" {
		return Ref{n, g}, true
	}
	p.pos = save
	return Ref{}, false
}

// smallInt parses b, decimal digits after an optional sign, as an int of
// at most 12 digits: an object number or generation (strconv.Atoi would
// need a string, and an allocation, per number).
func smallInt(b []byte) (int, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 12 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// regular returns the run of regular characters at the position, as a
// slice of the input.
func (p *parser) regular() []byte {
	start := p.pos
	for p.pos < len(p.b) && !isSpace(p.b[p.pos]) && !isDelimiter(p.b[p.pos]) {
		p.pos++
	}
	return p.b[start:p.pos:p.pos]
}

// name parses /Name, decoding #xx escapes.
func (p *parser) name() (Value, error) {
	n, err := p.nameKey()
	if err != nil {
		return nil, err
	}
	if v, ok := boxedNames[n]; ok {
		return v, nil
	}
	return n, nil
}

// nameKey parses /Name as a Name, interned when it is a common one.
func (p *parser) nameKey() (Name, error) {
	p.pos++
	raw := p.regular()
	if bytes.IndexByte(raw, '#') < 0 {
		if n, ok := internedNames[string(raw)]; ok {
			return n, nil
		}
		return Name(raw), nil
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		if raw[i] != '#' {
			out = append(out, raw[i])
			continue
		}
		if i+2 >= len(raw) {
			return "", p.errorf("bad #xx escape in name /%s", raw)
		}
		c, err := strconv.ParseUint(string(raw[i+1:i+3]), 16, 8)
		if err != nil || c == 0 {
			return "", p.errorf("bad #xx escape in name /%s", raw)
		}
		out = append(out, byte(c))
		i += 2
	}
	return Name(out), nil
}

// commonNames are the names most PDF objects are made of; parsing them
// allocates nothing (a name is otherwise a new string and, as a Value, a
// new interface box).
var commonNames = strings.Fields(`Type Subtype Length Filter FlateDecode DecodeParms
	Font FontDescriptor XObject Form Image Page Pages Parent Kids Count Resources MediaBox
	CropBox Contents ProcSet PDF Text ImageB ImageC ImageI ExtGState ColorSpace DeviceRGB
	DeviceGray BaseFont Encoding WinAnsiEncoding Differences FirstChar LastChar Widths
	FontFile2 FontName Flags FontBBox ItalicAngle Ascent Descent CapHeight StemV
	MissingWidth ToUnicode TrueType Type0 CIDFontType2 DescendantFonts CIDToGIDMap
	CIDSystemInfo Registry Ordering Supplement W DW Length1 Annots Annot Rect Border
	BS F P T TU V FT Sig AP N Widget Link Names EmbeddedFiles EmbeddedFile Filespec EF UF
	Desc AF AFRelationship Params CheckSum Size ModDate Metadata XML Catalog AcroForm Fields
	SigFlags DR DA Lock Action All Include Exclude Perms DocMDP SigRef TransformMethod
	TransformParams ByteRange SubFilter M Name Reason Location Reference BBox Matrix
	FormType Root Info ID Prev XRefStm DSS VRI Certs OCSPs CRLs DocTimeStamp Lang
	MarkInfo OutputIntents Producer Creator Title Author Subject Keywords CreationDate`)

// internedNames and boxedNames hold the commonNames as Names and Values.
var internedNames, boxedNames = func() (map[string]Name, map[Name]Value) {
	ns, vs := map[string]Name{}, map[Name]Value{}
	for _, s := range commonNames {
		ns[s], vs[Name(s)] = Name(s), Name(s)
	}
	return ns, vs
}()

// literalString parses ( ... ) with balanced parentheses and escapes.
func (p *parser) literalString() (Value, error) {
	start, depth := p.pos, 0
	for ; p.pos < len(p.b); p.pos++ {
		switch p.b[p.pos] {
		case '\\':
			p.pos++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				p.pos++
				return Atom(p.b[start:p.pos]), nil
			}
		}
	}
	return nil, p.errorf("unterminated string")
}

// hexString parses < hex digits >.
func (p *parser) hexString() (Value, error) {
	start := p.pos
	for p.pos++; p.pos < len(p.b); p.pos++ {
		c := p.b[p.pos]
		if c == '>' {
			p.pos++
			return Atom(p.b[start:p.pos]), nil
		}
		if !isSpace(c) && !isHex(c) {
			return nil, p.errorf("bad byte %q in hex string", c)
		}
	}
	return nil, p.errorf("unterminated hex string")
}

// skipSpace skips white space and comments.
func (p *parser) skipSpace() {
	for p.pos < len(p.b) {
		switch c := p.b[p.pos]; {
		case isSpace(c):
			p.pos++
		case c == '%':
			for p.pos < len(p.b) && p.b[p.pos] != '\n' && p.b[p.pos] != '\r' {
				p.pos++
			}
		default:
			return
		}
	}
}

func isSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// isNumber reports whether s is a PDF integer or real.
func isNumber(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	digits, dots := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '.':
			dots++
		case '0' <= s[i] && s[i] <= '9':
			digits++
		default:
			return false
		}
	}
	return digits > 0 && dots <= 1
}
