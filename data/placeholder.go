package data

import (
	"fmt"
	"reflect"
	"regexp"
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
	var found []string
	walkTexts(reflect.ValueOf(raw).Elem(), "", func(path, s string) {
		if m := rePlaceholder.FindString(s); m != "" {
			c.addf(path, "still holds the placeholder %s; fill it in: expected the real value", m)
			found = append(found, path)
		}
	})
	if len(found) > 0 && c.held == nil {
		c.held = map[string]bool{}
	}
	for _, p := range found {
		c.held[p] = true
	}
}

// walkTexts calls fn with the path and text of every string held by the
// vals under v (a struct, slice or val of the private TOML shape).
func walkTexts(v reflect.Value, path string, fn func(path, s string)) {
	switch x := v.Interface().(type) {
	case val:
		textsOf(x.v, path, fn)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			tag, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("toml"), ",")
			walkTexts(v.Field(i), joinPath(path, tag), fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkTexts(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	}
}

// textsOf calls fn for a string, or for each string of a list.
func textsOf(v any, path string, fn func(path, s string)) {
	switch x := v.(type) {
	case string:
		fn(path, x)
	case []any:
		for i, it := range x {
			textsOf(it, fmt.Sprintf("%s[%d]", path, i), fn)
		}
	}
}
