package data

import (
	"reflect"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"kinerja/pesan"
)

// schemaTable is one table of the agreement format: the keys valid in
// it, in the order of the toml tags, and each key's table (nil for a
// leaf value).
type schemaTable struct {
	names []string
	sub   map[string]*schemaTable
}

// schema is the top-level table, derived once from the toml tags of fileT.
var schema = newSchema(reflect.TypeFor[fileT]())

// newSchema records the keys of struct type t and recurses into tables
// and arrays of tables.
func newSchema(t reflect.Type) *schemaTable {
	st := &schemaTable{sub: map[string]*schemaTable{}}
	for f := range t.Fields() {
		name := f.Tag.Get("toml")
		st.names = append(st.names, name)
		ft := f.Type
		if ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		st.sub[name] = nil
		if ft.Kind() == reflect.Struct && ft != reflect.TypeFor[val]() {
			st.sub[name] = newSchema(ft)
		}
	}
	return st
}

// unknownKeys reports keys that are not in the schema, once per unknown
// table or key, with a suggestion. Matching is exact: toml itself matches
// struct fields case-insensitively, but TOML keys are case-sensitive, so
// `Tahun` is reported too. MetaData.Undecoded cross-checks the keys
// inside values taken whole (a val): toml leaves some of those undecoded
// (the keys of tables in an array), and those are reported too. A key
// the schema knows to its end is one toml matched to a struct field,
// which toml always marks decoded, so Undecoded (a string per key) is
// asked only when a key lies inside a value.
func (c *checker) unknownKeys(md toml.MetaData) {
	var undecoded []toml.Key // in the order of md.Keys, so walked along
	if slices.ContainsFunc(md.Keys(), insideValue) {
		undecoded = md.Undecoded()
	}
	var reported map[string]bool
	for n, k := range md.Keys() {
		isUndecoded := len(undecoded) > 0 && slices.Equal(undecoded[0], k)
		if isUndecoded {
			undecoded = undecoded[1:]
		}
		i, valid, ok := firstUnknown(k)
		if ok && !isUndecoded {
			continue // known key, or a key inside a value we took whole
		}
		ix := c.pos()
		full := ix.paths[n]
		path := full
		if !ok {
			path = truncatePath(full, i)
		}
		if reported[path] {
			continue
		}
		if reported == nil {
			reported = map[string]bool{}
		}
		reported[path] = true
		p, found := ix.keyAt(path)
		if !found {
			p = ix.lookup(full)
		}
		c.addAt(p, path, unknownMsg(k[min(i, len(k)-1)], valid))
	}
}

// firstUnknown walks key through the schema. It returns ok when every
// segment is valid or the key lies inside a leaf value; otherwise i is the
// first unknown segment and valid the keys allowed there.
func firstUnknown(key toml.Key) (i int, valid []string, ok bool) {
	table := schema
	for i, seg := range key {
		if table == nil {
			return i, nil, true // inside a leaf value (e.g. an inline table given as text)
		}
		sub, known := table.sub[seg]
		if !known {
			return i, table.names, false
		}
		table = sub
	}
	return len(key), nil, true
}

// insideValue reports whether key lies inside a leaf value of the schema.
func insideValue(key toml.Key) bool {
	i, _, ok := firstUnknown(key)
	return ok && i < len(key)
}

// truncatePath keeps the first n+1 components of an indexed path.
func truncatePath(path string, n int) string {
	parts := strings.Split(path, ".")
	if n+1 < len(parts) {
		parts = parts[:n+1]
	}
	return strings.Join(parts, ".")
}

// unknownMsg says a key is unknown and suggests the nearest valid one.
func unknownMsg(seg string, valid []string) string {
	best, bestD := "", 1<<30
	for _, v := range valid {
		if d := EditDistance(strings.ToLower(seg), v); d < bestD {
			best, bestD = v, d
		}
	}
	if best != "" && (bestD <= 1 || bestD == 2 && len(seg) >= 5 || bestD*3 <= len(seg)) {
		return pesan.Sprintf("unknown key; did you mean `%s`?", best)
	}
	if len(valid) == 0 {
		return pesan.Text("unknown key")
	}
	return pesan.Sprintf("unknown key; expected one of %s", strings.Join(valid, ", "))
}

// EditDistance is the Levenshtein distance between a and b (bytes); the
// realisasi decoder uses it for its "did you mean" suggestions too.
func EditDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
