package fonts

import (
	"fmt"
	"slices"
	"sync"
)

// Coverage tells which runes a family can draw: those that every face a
// document uses (regular and bold; italic is not used for text from the
// input) maps to a real glyph. It is how `kinerja check` finds, before
// rendering, text that the embedded fonts cannot show.
type Coverage struct {
	faces []*Metrics
}

// coverages caches each family's coverage (parsing a face takes a few ms).
var coverages sync.Map // family → *coverageOnce

type coverageOnce struct {
	once sync.Once
	c    *Coverage
	err  error
}

// CoverageOf returns the coverage of family ("serif" or "sans"), parsing
// its faces once per process.
func CoverageOf(family string) (*Coverage, error) {
	v, _ := coverages.LoadOrStore(family, &coverageOnce{})
	co := v.(*coverageOnce)
	co.once.Do(func() { co.c, co.err = loadCoverage(family) })
	return co.c, co.err
}

// loadCoverage parses the regular and bold faces of family.
func loadCoverage(family string) (*Coverage, error) {
	c := &Coverage{}
	for _, bold := range []bool{false, true} {
		b, err := Bytes(family, bold, false)
		if err != nil {
			return nil, err
		}
		m, err := Parse(b)
		if err != nil {
			return nil, fmt.Errorf("fonts: %s: %w", family, err)
		}
		c.faces = append(c.faces, m)
	}
	return c, nil
}

// Has reports whether every face of the family draws r. Line breaks and
// tabs count as drawable: layout turns them into lines and spaces.
func (c *Coverage) Has(r rune) bool {
	if r == '\n' || r == '\t' {
		return true
	}
	for _, m := range c.faces {
		if _, ok := m.Widths[r]; !ok {
			return false
		}
	}
	return true
}

// Missing returns the runes of s the family cannot draw, each once, in
// the order they first occur.
func (c *Coverage) Missing(s string) []rune {
	var out []rune
	for _, r := range s {
		if !c.Has(r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}
