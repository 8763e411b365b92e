package data

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Position is a 1-based source position; Col counts characters.
type Position struct{ Line, Col int }

// Positions knows where every key of a decoded file is written. toml v1.6
// exposes keys in document order (MetaData.Keys) but not their positions,
// so the index re-scans the source with a small lexer that skips strings
// and comments and matches each key in turn. It is the one position index
// of kinerja's TOML files: agreements here, realisasi files in report.
// Paths are indexed for arrays of tables: kelompok[1].sasaran[0].uraian.
type Positions struct {
	spots map[string]spot // indexed path -> where its key and value are
	paths []string        // the indexed path of every key, in document order
	lines []int           // byte offset of each line start
	src   string
	// headers holds the offsets of every table header by name and
	// doubleness, consumed front to back as keys are located.
	headers map[header][][2]int
	// budget bounds the bytes scanned for keys, so that pathological
	// files cannot make locating quadratic; when it runs out, later keys
	// get the position of their nearest located parent.
	budget int
}

// spot is where one indexed path is written: the start of its key or
// table header and, for a leaf key, the start of its value.
type spot struct {
	key, value       Position
	hasKey, hasValue bool
}

// NewPositions locates every key of md in src, which md was decoded from.
// Run CheckDepth on src first: locating is cubic in the nesting depth.
func NewPositions(src string, md toml.MetaData) *Positions {
	return newPositions(src, md, findTableSegs(src))
}

// newPositions is NewPositions asking toml the type of the keys tables
// says may be tables.
func newPositions(src string, md toml.MetaData, tables tableSegs) *Positions {
	keys := md.Keys()
	ix := &Positions{spots: make(map[string]spot, len(keys)), paths: make([]string, 0, len(keys)), src: src, lines: lineStarts(src),
		headers: allHeaders(src), budget: 16*len(src) + 4096}
	paths := pathIndexer{md: md, counts: map[string]int{}, tables: tables}
	cursor := 0
	for _, k := range keys {
		path, typ := paths.next(k)
		ix.paths = append(ix.paths, path)
		cursor = ix.locate(k, typ, path, cursor)
	}
	return ix
}

// lineStarts returns the byte offset of each line start.
func lineStarts(src string) []int {
	lines := make([]int, 1, strings.Count(src, "\n")+1)
	for i := 0; ; {
		j := strings.IndexByte(src[i:], '\n')
		if j < 0 {
			return lines
		}
		i += j + 1
		lines = append(lines, i)
	}
}

// pathIndexer turns keys into indexed paths, counting [[array]] headers.
// Keys come in document order, so a key mostly shares its leading
// segments with the key before it; their types and paths are reused.
type pathIndexer struct {
	md     toml.MetaData
	counts map[string]int // unindexed path of an [[array]] -> tables seen
	tables tableSegs      // the segments that may name a table
	// segs, types and paths hold, for each prefix of the previous key,
	// its last segment, its TOML type and its indexed path.
	segs, types, paths []string
}

// next returns the indexed path and the TOML type of k.
func (p *pathIndexer) next(k toml.Key) (path, typ string) {
	same := 0
	for same < len(k)-1 && same < len(p.segs) && p.segs[same] == k[same] {
		same++
	}
	p.segs, p.types, p.paths = p.segs[:same], p.types[:same], p.paths[:same]
	for i := same; i < len(k); i++ {
		path = k[i]
		if i > 0 && p.paths[i-1] != "" {
			path = p.paths[i-1] + "." + k[i]
		}
		typ = p.typeOf(k[:i+1])
		if typ == "ArrayHash" {
			if i == len(k)-1 {
				p.counts[path]++
			}
			path += "[" + strconv.Itoa(max(p.counts[path]-1, 0)) + "]"
		}
		p.segs, p.types, p.paths = append(p.segs, k[i]), append(p.types, typ), append(p.paths, path)
	}
	return path, typ
}

// typeOf returns the TOML type of k, or "" when k is no table.
func (p *pathIndexer) typeOf(k toml.Key) string {
	if !p.tables.all && !p.tables.segs[k[len(k)-1]] {
		return "" // neither [..k] nor k = {..} is written: no table
	}
	return p.md.Type(k...)
}

// tableSegs holds every key segment that may name a table of a file,
// found by a crude scan that ignores strings and comments so as to miss
// none: the segment before a ']' (a table header, or an array, which does
// no harm) and the key before "= {" (an inline table). toml types a key
// as a table only when it is written one of those ways, so a key whose
// last segment is not here is no table, and toml need not be asked
// (MetaData.Type builds a string per key).
type tableSegs struct {
	segs map[string]bool
	all  bool // a segment with escapes: every key may be a table
}

// findTableSegs scans src for the segments that may name a table.
func findTableSegs(src string) tableSegs {
	t := tableSegs{segs: map[string]bool{}}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case ']':
			t.addBefore(src, i)
		case '{':
			if j := skipBlankBack(src, i); j > 0 && src[j-1] == '=' {
				t.addBefore(src, j-1)
			}
		}
	}
	return t
}

// addBefore records the key segment that ends, blanks aside, at end.
func (t *tableSegs) addBefore(src string, end int) {
	j := skipBlankBack(src, end)
	k := j
	for k > 0 && (isBare(src[k-1]) || src[k-1] >= utf8.RuneSelf) {
		k--
	}
	if k < j || j == 0 || src[j-1] != '"' && src[j-1] != '\'' {
		t.segs[src[k:j]] = true
		return
	}
	open := strings.LastIndexByte(src[:j-1], src[j-1])
	if open < 0 || strings.IndexByte(src[max(open-1, 0):j], '\\') >= 0 {
		t.all = true // escapes: the segment may read otherwise
		return
	}
	t.segs[src[open+1:j-1]] = true
}

// skipBlankBack returns i moved back over the spaces and tabs before it.
func skipBlankBack(s string, i int) int {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	return i
}

// locate finds key k, of TOML type typ, at or after cursor and records it under path; it
// returns the new cursor.
func (ix *Positions) locate(k toml.Key, typ, path string, cursor int) int {
	if typ == "Hash" || typ == "ArrayHash" {
		if start, end, ok := ix.nextHeader(header{k.String(), typ == "ArrayHash"}, cursor); ok {
			ix.set(path, start, -1)
			return end
		}
	}
	if ix.budget < 0 {
		return cursor
	}
	start, end, ok := findKey(ix.src, cursor, k[len(k)-1])
	if !ok {
		ix.budget -= len(ix.src) - cursor
		return cursor
	}
	ix.budget -= end - cursor
	v := skipBlank(ix.src, end)
	if v < len(ix.src) && ix.src[v] == '=' {
		v = skipBlank(ix.src, v+1)
		ix.set(path, start, v)
		return v
	}
	ix.set(path, start, -1)
	return end
}

// set records that path's key starts at offset key and, unless value is
// negative, its value at offset value.
func (ix *Positions) set(path string, key, value int) {
	sp := ix.spots[path]
	sp.key, sp.hasKey = ix.at(key), true
	if value >= 0 {
		sp.value, sp.hasValue = ix.at(value), true
	}
	ix.spots[path] = sp
}

// header names a table header: [name] or, when double, [[name]].
type header struct {
	name   string
	double bool
}

// allHeaders finds every table header of src in one pass.
func allHeaders(src string) map[header][][2]int {
	m := map[header][][2]int{}
	for i := 0; ; {
		var name header
		start, end, ok := findHeaderFunc(src, i, func(n string, double bool) bool {
			name = header{n, double}
			return true
		})
		if !ok {
			return m
		}
		m[name] = append(m[name], [2]int{start, end})
		i = end
	}
}

// nextHeader returns the first unused header named key at or after from.
func (ix *Positions) nextHeader(key header, from int) (start, end int, ok bool) {
	list := ix.headers[key]
	for len(list) > 0 && list[0][0] < from {
		list = list[1:]
	}
	if len(list) == 0 {
		ix.headers[key] = list
		return 0, 0, false
	}
	ix.headers[key] = list[1:]
	return list[0][0], list[0][1], true
}

// at converts a byte offset to a position.
func (ix *Positions) at(off int) Position {
	lo, hi := 0, len(ix.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if ix.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return Position{Line: lo + 1, Col: utf8.RuneCountInString(ix.src[ix.lines[lo]:off]) + 1}
}

// Value returns the position of path's value, else of its key, else of
// the nearest enclosing key or table, else 1:1: where a problem with the
// value is shown.
func (ix *Positions) Value(path string) Position { return ix.lookup(path) }

// Key returns the position of path's key or table header, else Value of
// its nearest enclosing key or table: where a problem with the key itself
// (unknown, missing a part) is shown.
func (ix *Positions) Key(path string) Position {
	if p, ok := ix.keyAt(path); ok {
		return p
	}
	return ix.lookup(parentPath(path))
}

// lookup returns the position of path: its value, else its key, else the
// nearest enclosing table, else 1:1.
func (ix *Positions) lookup(path string) Position {
	for path != "" {
		if sp := ix.spots[path]; sp.hasValue {
			return sp.value
		} else if sp.hasKey {
			return sp.key
		}
		path = parentPath(path)
	}
	return Position{1, 1}
}

// keyAt returns the start of path's key or table header, if located.
func (ix *Positions) keyAt(path string) (Position, bool) {
	sp := ix.spots[path]
	return sp.key, sp.hasKey
}

// parentPath strips the last component (".x" or "[n]") of an indexed path.
func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// skipBlank skips spaces and tabs.
func skipBlank(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// atKeyStart reports whether a key may start at i: only blanks separate it
// from the line start, '{', ',' or '.'.
func atKeyStart(s string, i int) bool {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	if i == 0 {
		return true
	}
	return strings.IndexByte("\n\r{,.", s[i-1]) >= 0
}

// atLineStart reports whether only blanks precede i on its line.
func atLineStart(s string, i int) bool {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	return i == 0 || s[i-1] == '\n' || s[i-1] == '\r'
}

// keyEnds reports whether a key that ends at j is followed by '=' or '.'.
func keyEnds(s string, j int) bool {
	j = skipBlank(s, j)
	return j < len(s) && (s[j] == '=' || s[j] == '.')
}

// isBare reports whether c may appear in a bare key.
func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// findKey finds the key seg (bare or quoted) at or after from, outside
// strings and comments.
func findKey(s string, from int, seg string) (start, end int, ok bool) {
	for i := from; i < len(s); {
		c := s[i]
		switch {
		case c == '#':
			i = skipComment(s, i)
		case c == '"' || c == '\'':
			j, text := skipString(s, i)
			if atKeyStart(s, i) && text == seg && keyEnds(s, j) {
				return i, j, true
			}
			i = j
		case isBare(c):
			j := i
			for j < len(s) && isBare(s[j]) {
				j++
			}
			if s[i:j] == seg && atKeyStart(s, i) && keyEnds(s, j) {
				return i, j, true
			}
			i = j
		default:
			i++
		}
	}
	return 0, 0, false
}

// findHeaderFunc finds the first table header at or after from whose name
// (blanks removed) and doubleness satisfy match.
func findHeaderFunc(s string, from int, match func(name string, double bool) bool) (start, end int, ok bool) {
	for i := from; i < len(s); {
		c := s[i]
		switch {
		case c == '#':
			i = skipComment(s, i)
		case c == '"' || c == '\'':
			i, _ = skipString(s, i)
		case c == '[' && atLineStart(s, i):
			name, j, dbl := readHeader(s, i)
			if match(name, dbl) {
				return i, j, true
			}
			i++
		default:
			i++
		}
	}
	return 0, 0, false
}

// readHeader reads a header starting at the '[' at i and returns its name
// with blanks removed, the offset after it and whether it is [[double]].
func readHeader(s string, i int) (name string, end int, double bool) {
	j := i + 1
	if j < len(s) && s[j] == '[' {
		double = true
		j++
	}
	if k := plainHeaderEnd(s, j); k >= 0 {
		name, end = s[j:k], k // the common case: nothing to remove or unquote
		for end < len(s) && s[end] == ']' {
			end++
		}
		return name, end, double
	}
	var b strings.Builder
	for j < len(s) && s[j] != ']' && s[j] != '\n' {
		switch s[j] {
		case ' ', '\t':
			j++
		case '"', '\'':
			k, text := skipString(s, j)
			b.WriteString(strconv.Quote(text))
			j = k
		default:
			b.WriteByte(s[j])
			j++
		}
	}
	for j < len(s) && s[j] == ']' {
		j++
	}
	return normaliseHeader(b.String()), j, double
}

// plainHeaderEnd returns the offset of the ']' that ends a header name
// starting at j when the name holds no blank and no quote, else -1.
func plainHeaderEnd(s string, j int) int {
	for k := j; k < len(s); k++ {
		switch s[k] {
		case ']':
			return k
		case '\n', ' ', '\t', '"', '\'':
			return -1
		}
	}
	return -1
}

// normaliseHeader unquotes segments that need no quotes, matching
// toml.Key.String.
func normaliseHeader(h string) string {
	if !strings.Contains(h, `"`) {
		return h
	}
	var segs []string
	for rest := h; rest != ""; {
		var seg string
		if rest[0] == '"' {
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return h
			}
			seg, _ = strconv.Unquote(q)
			rest = rest[len(q):]
		} else {
			k := strings.IndexByte(rest, '.')
			if k < 0 {
				k = len(rest)
			}
			seg, rest = rest[:k], rest[k:]
		}
		segs = append(segs, seg)
		rest = strings.TrimPrefix(rest, ".")
	}
	return toml.Key(segs).String()
}

// skipComment returns the offset of the newline ending the comment at i.
func skipComment(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(s)
}

// skipString skips the (possibly multi-line) string starting at i and
// returns the offset after it and its raw text (escapes not processed).
func skipString(s string, i int) (int, string) {
	q := s[i]
	if i+2 < len(s) && s[i+1] == q && s[i+2] == q {
		end := strings.Index(s[i+3:], s[i:i+3])
		if end < 0 {
			return len(s), s[i+3:]
		}
		j := i + 3 + end + 3
		for j < len(s) && s[j] == q { // up to two quotes may end the content
			j++
		}
		return j, s[i+3 : j-3]
	}
	j, raw := skipLine(s, i, q)
	if q == '"' && strings.IndexByte(raw, '\\') >= 0 {
		if u, err := strconv.Unquote(`"` + raw + `"`); err == nil {
			raw = u
		}
	}
	return j, raw
}

// skipLine skips a one-line string quoted with q that starts at i.
func skipLine(s string, i int, q byte) (int, string) {
	rest := s[i+1:]
	if j := strings.IndexByte(rest, q); j >= 0 {
		body := rest[:j] // the end, unless a line break or an escape comes first
		if strings.IndexByte(body, '\n') < 0 && (q != '"' || strings.IndexByte(body, '\\') < 0) {
			return i + 1 + j + 1, body
		}
	}
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\\' && q == '"':
			j++
		case s[j] == q:
			return j + 1, s[i+1 : j]
		case s[j] == '\n':
			return j, s[i+1 : j]
		}
	}
	return len(s), s[i+1:]
}
