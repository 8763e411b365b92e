package data

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// rePlaceholder matches a placeholder left in a file for a person to fill
// in, as `kinerja init` writes them: <<NAMA PIHAK PERTAMA>>.
var rePlaceholder = regexp.MustCompile(`<<[^<>\n]*>>`)

// placeholders reports every text value of raw that still holds a
// placeholder, at its position, and marks its path so that the other
// checks of that value (not a date, not a target, not a NIP) stay quiet:
// the one thing to do there is to fill it in.
func (c *checker) placeholders(raw *fileT) {
	if !mayHoldPlaceholder(c.src) {
		return
	}
	var found []string
	w := textWalker{fn: func(path []byte, s string) {
		if !strings.Contains(s, "<<") {
			return // the cheap test first: most texts hold no placeholder
		}
		if m := rePlaceholder.FindString(s); m != "" {
			c.addf(string(path), "still holds the placeholder %s; fill it in: expected the real value", m)
			found = append(found, string(path))
		}
	}}
	w.walk(reflect.ValueOf(raw).Elem())
	if len(found) > 0 && c.held == nil {
		c.held = map[string]bool{}
	}
	for _, p := range found {
		c.held[p] = true
	}
}

// mayHoldPlaceholder reports whether a text decoded from src may hold
// "<<": src holds it, or an escape that may make a '<' (\u, \U) or join
// two lines (a backslash before a blank or line break). It is false for
// most files, which then need no walk through their values.
func mayHoldPlaceholder(src string) bool {
	if strings.Contains(src, "<<") {
		return true
	}
	for i := strings.IndexByte(src, '\\'); i >= 0 && i+1 < len(src); {
		if strings.IndexByte("uU \t\r\n", src[i+1]) >= 0 {
			return true
		}
		j := strings.IndexByte(src[i+1:], '\\')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// textWalker calls fn with the path and text of every string held by the
// vals under a value of the private TOML shape. The path is built in one
// buffer, valid only during the call, so that walking allocates nothing.
type textWalker struct {
	path []byte
	fn   func(path []byte, s string)
}

// valType is the type of the leaves of the private TOML shape.
var valType = reflect.TypeFor[val]()

// walk visits v, a struct, slice or val; v is addressable.
func (w *textWalker) walk(v reflect.Value) {
	if v.Type() == valType {
		w.texts(v.Addr().Interface().(*val).v)
		return
	}
	n := len(w.path)
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			tag, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("toml"), ",")
			if n > 0 {
				w.path = append(w.path, '.')
			}
			w.path = append(w.path, tag...)
			w.walk(v.Field(i))
			w.path = w.path[:n]
		}
	case reflect.Slice:
		for i := range v.Len() {
			w.path = strconv.AppendInt(append(w.path, '['), int64(i), 10)
			w.path = append(w.path, ']')
			w.walk(v.Index(i))
			w.path = w.path[:n]
		}
	}
}

// texts calls fn for a string, or for each string of a list.
func (w *textWalker) texts(v any) {
	switch x := v.(type) {
	case string:
		w.fn(w.path, x)
	case []any:
		n := len(w.path)
		for i, it := range x {
			w.path = strconv.AppendInt(append(w.path, '['), int64(i), 10)
			w.path = append(w.path, ']')
			w.texts(it)
			w.path = w.path[:n]
		}
	}
}
