package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"kinerja/pesan"
)

// val holds one TOML value as decoded, before validation. Every leaf of the
// private TOML structs is a val, so decoding never stops at a wrong type:
// the checker reports type problems with positions, all at once.
type val struct {
	v   any
	set bool
}

// UnmarshalTOML implements toml.Unmarshaler.
func (x *val) UnmarshalTOML(v any) error {
	x.v, x.set = v, true
	return nil
}

// checker collects problems while converting the TOML structs to the model.
type checker struct {
	file  string
	src   string        // the file's text, which md was decoded from
	md    toml.MetaData // its keys
	ix    *Positions    // built by pos on first use
	probs Errors
	texts []textAt // every text value read, for checkGlyphs
	// held marks the paths whose value still holds a placeholder
	// (placeholders): their other problems are not reported.
	held map[string]bool
}

// pos returns where the keys of the file are written, located on first
// use: a file without indicators or problems never needs it.
func (c *checker) pos() *Positions {
	if c.ix == nil {
		c.ix = NewPositions(c.src, c.md)
	}
	return c.ix
}

// addf records a problem for path at the path's position.
func (c *checker) addf(path, format string, args ...any) {
	c.addAt(c.pos().lookup(path), path, pesan.Sprintf(format, args...))
}

// addAt records a problem for path at p.
func (c *checker) addAt(p Position, path, msg string) {
	if c.held[path] {
		return
	}
	c.probs = append(c.probs, Problem{File: c.file, Line: p.Line, Col: p.Col, Field: path, Msg: msg})
}

// describe names the TOML type of a decoded value for messages.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return pesan.Sprintf("text %q", x)
	case int64:
		return pesan.Sprintf("integer %d", x)
	case float64:
		return pesan.Sprintf("number %v", x)
	case bool:
		return pesan.Sprintf("boolean %v", x)
	case time.Time:
		return pesan.Sprintf("date %s", x.Format("2006-01-02"))
	case []any:
		return pesan.Text("a list")
	case map[string]any:
		return pesan.Text("a table")
	}
	return fmt.Sprintf("%T", v)
}

// text returns a string value, trimmed; ok is false when absent or wrong.
func (c *checker) text(path string, v val) (string, bool) {
	if !v.set {
		return "", false
	}
	s, isStr := v.v.(string)
	if !isStr {
		c.addf(path, "got %s; expected text in quotes", describe(v.v))
		return "", false
	}
	s, msg := CleanText(strings.TrimSpace(s))
	if msg != "" {
		c.addf(path, "%s", msg)
	} else {
		c.texts = append(c.texts, textAt{path, s})
	}
	return s, true
}

// optText returns a string value or def when absent or empty.
func (c *checker) optText(path string, v val, def string) string {
	s, ok := c.text(path, v)
	if !ok || s == "" {
		return def
	}
	return s
}

// reqText returns a required, non-empty string value; hint says what is
// expected, e.g. `the official's name, e.g. nama = "BLESSMIYANDA"`.
func (c *checker) reqText(path string, v val, hint string) string {
	if !v.set {
		c.addf(path, "missing; expected %s", pesan.Text(hint))
		return ""
	}
	s, ok := c.text(path, v)
	if ok && s == "" {
		c.addf(path, "is empty; expected %s", pesan.Text(hint))
	}
	return s
}

// textList returns a list of strings (each trimmed); a single string is
// accepted as a one-element list.
func (c *checker) textList(path string, v val) []string {
	if !v.set {
		return nil
	}
	if s, ok := v.v.(string); ok {
		return []string{strings.TrimSpace(s)}
	}
	items, ok := v.v.([]any)
	if !ok {
		c.addf(path, "got %s; expected a list of texts like [\"line 1\", \"line 2\"]", describe(v.v))
		return nil
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		s, ok := it.(string)
		if !ok {
			c.addf(fmt.Sprintf("%s[%d]", path, i), "got %s; expected text in quotes", describe(it))
			continue
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// integer returns an integer value; ok is false when absent or wrong.
func (c *checker) integer(path string, v val, hint string) (int64, bool) {
	if !v.set {
		return 0, false
	}
	n, ok := v.v.(int64)
	if !ok {
		c.addf(path, "got %s; expected %s", describe(v.v), pesan.Text(hint))
	}
	return n, ok
}

// number returns an integer or float value as float64.
func (c *checker) number(path string, v val, hint string) (float64, bool) {
	if !v.set {
		return 0, false
	}
	switch n := v.v.(type) {
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	c.addf(path, "got %s; expected %s", describe(v.v), pesan.Text(hint))
	return 0, false
}

// elemPath names element i of the array key in the table at path:
// path.key[i].
func elemPath(path, key string, i int) string {
	return path + "." + key + "[" + strconv.Itoa(i) + "]"
}

// formatNumber writes n the Indonesian way: decimal comma, no exponent.
func formatNumber(n float64) string {
	return strings.Replace(strconv.FormatFloat(n, 'f', -1, 64), ".", ",", 1)
}
