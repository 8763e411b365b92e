package data

import (
	"strings"

	"kinerja/pesan"
)

// MaxDepth is the deepest nesting CheckDepth lets through: tables, arrays
// and the segments of dotted keys, counted together. An agreement needs
// about six (kelompok.sasaran.indikator and an inline table or array).
const MaxDepth = 64

// CheckDepth returns an Errors holding one problem at the first place src
// nests deeper than MaxDepth, or nil. It is a linear scan meant to run
// before the TOML parser and NewPositions, whose costs grow with the
// square and the cube of the depth (a 20 KB file of inline tables nested
// 5,000 deep would take minutes).
func CheckDepth(name string, src []byte) error {
	return checkDepth(name, string(src))
}

// checkDepth is CheckDepth of a string.
func checkDepth(name, src string) error {
	off, depth := deepest(src)
	if depth <= MaxDepth {
		return nil
	}
	ix := &Positions{src: src, lines: lineStarts(src)}
	p := ix.at(off)
	return Errors{{File: name, Line: p.Line, Col: p.Col,
		Msg: pesan.Sprintf("nested deeper than %d levels (tables, arrays and dotted keys); expected a few", MaxDepth)}}
}

// deepest scans src and returns the offset where the nesting first goes
// past MaxDepth and that depth, or the deepest nesting seen. Strings and
// comments are skipped. A header [a.b] is as deep as its segments; a key
// a.b = as deep as its container plus its segments (the offset is the
// key's start); an inline table as deep as the key it is the value of (its
// keys are one deeper); an array one deeper than what holds it.
func deepest(s string) (off, deepest int) {
	sc := depthScan{s: s, keyMode: true, keyStart: -1}
	for i := 0; i < len(s); i++ {
		at, d := sc.step(i)
		if d > deepest {
			off, deepest = at, d
			if d > MaxDepth {
				break
			}
		}
		i = sc.skipPlain() - 1
	}
	return off, deepest
}

// plainByte marks the bytes that step passes over without a change once
// a key, if one may start, has started.
var plainByte = func() (t [256]bool) {
	for c := range t {
		t[c] = strings.IndexByte("#\"'[]{}.=,\n", byte(c)) < 0
	}
	return t
}()

// skipPlain returns where step is next needed: sc.next, or past the
// plain bytes after it.
func (sc *depthScan) skipPlain() int {
	j := sc.next
	if sc.keyMode && sc.keyStart < 0 {
		return j // the first byte of a key must be seen
	}
	for j < len(sc.s) && plainByte[sc.s[j]] {
		j++
	}
	return j
}

// depthScan is the state of deepest.
type depthScan struct {
	s        string
	open     []byte // '{' or '[' of each open inline table or array
	depth    []int  // the depth of each
	header   int    // depth of the current table header
	cur      int    // depth of the last key, table or array
	keyMode  bool   // a key may be being read
	keyStart int    // where it starts, -1 before its first character
	dots     int    // dots read in it
	next     int    // where the scan goes on
}

// top is the depth of the innermost open container.
func (sc *depthScan) top() int {
	if len(sc.depth) == 0 {
		return sc.header
	}
	return sc.depth[len(sc.depth)-1]
}

// startKey sets whether a key may follow.
func (sc *depthScan) startKey(on bool) { sc.keyMode, sc.keyStart, sc.dots = on, -1, 0 }

// step reads the byte at i and returns an offset and the depth there.
func (sc *depthScan) step(i int) (int, int) {
	s, c := sc.s, sc.s[i]
	sc.next = i + 1
	if sc.keyMode && sc.keyStart < 0 && c != ' ' && c != '\t' && c != '\n' && c != '\r' {
		sc.keyStart = i
	}
	switch {
	case c == '#':
		sc.next = skipComment(s, i)
	case c == '"' || c == '\'':
		sc.next, _ = skipString(s, i)
	case c == '[' && len(sc.open) == 0 && sc.keyMode && atLineStart(s, i):
		_, j, double := readHeader(s, i)
		sc.header = segments(s[i:j])
		if double {
			sc.header++
		}
		sc.cur, sc.next = sc.header, j
		sc.startKey(false)
	case sc.keyMode && c == '.':
		sc.dots++
	case sc.keyMode && c == '=':
		at := max(sc.keyStart, 0)
		sc.cur = sc.top() + sc.dots + 1
		sc.startKey(false)
		return at, sc.cur
	case c == '{' || c == '[':
		if c == '[' {
			sc.cur++
		}
		sc.open, sc.depth = append(sc.open, c), append(sc.depth, sc.cur)
		sc.startKey(c == '{')
	case c == '}' || c == ']':
		if len(sc.open) > 0 {
			sc.open, sc.depth = sc.open[:len(sc.open)-1], sc.depth[:len(sc.depth)-1]
		}
		sc.cur = sc.top()
	case c == ',':
		sc.cur = sc.top()
		sc.startKey(len(sc.open) > 0 && sc.open[len(sc.open)-1] == '{')
	case c == '\n' && len(sc.open) == 0:
		sc.cur = sc.header
		sc.startKey(true)
	}
	return i, sc.cur
}

// segments counts the dotted segments of a header's text, outside quotes.
func segments(h string) int {
	n := 1
	for i := 0; i < len(h); i++ {
		switch h[i] {
		case '"', '\'':
			j, _ := skipString(h, i)
			i = j - 1
		case '.':
			n++
		}
	}
	return n
}
