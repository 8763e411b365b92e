package fonts

import (
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"
)

// Coverage tells which runes a family can draw: those that every face a
// document uses (regular and bold; italic is not used for text from the
// input) maps to a real glyph. It is how `kinerja check` finds, before
// rendering, text that the embedded fonts cannot show.
type Coverage struct {
	faces []*Metrics
	// bmp has the bit of each rune below 0x10000 that every face draws,
	// so that checking text takes a bit test per rune, not a map lookup
	// per face.
	bmp [0x10000 / 64]uint64
}

// coverages caches each known family's coverage (parsing a face takes a
// few ms). It is filled once and only read after, so looking a family up
// takes no lock and allocates nothing.
var coverages = func() map[string]*coverageOnce {
	m := map[string]*coverageOnce{}
	for _, f := range Families {
		m[f] = &coverageOnce{}
	}
	return m
}()

type coverageOnce struct {
	once sync.Once
	c    *Coverage
	err  error
}

// CoverageOf returns the coverage of family ("serif" or "sans"), parsing
// its faces once per process.
func CoverageOf(family string) (*Coverage, error) {
	co, ok := coverages[family]
	if !ok {
		return loadCoverage(family) // fails: Bytes refuses the family
	}
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
	for r := range c.faces[0].Widths {
		if r >= 0 && r < 0x10000 && c.inFaces(r) {
			c.bmp[r/64] |= 1 << (r % 64)
		}
	}
	for _, r := range "\n\t" { // layout turns them into lines and spaces
		c.bmp[r/64] |= 1 << (r % 64)
	}
	return c, nil
}

// inFaces reports whether every face maps r to a glyph.
func (c *Coverage) inFaces(r rune) bool {
	for _, m := range c.faces {
		if _, ok := m.Widths[r]; !ok {
			return false
		}
	}
	return true
}

// Has reports whether every face of the family draws r. Line breaks and
// tabs count as drawable: layout turns them into lines and spaces.
func (c *Coverage) Has(r rune) bool {
	if r >= 0 && r < 0x10000 {
		return c.bmp[r/64]&(1<<(r%64)) != 0
	}
	return c.inFaces(r)
}

// Missing returns the runes of s the family cannot draw, each once, in
// the order they first occur.
func (c *Coverage) Missing(s string) []rune {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && c.bmp[s[i]/64]&(1<<(s[i]%64)) != 0 {
		i++ // ASCII, the most of any text: a byte at a time
	}
	var out []rune
	for _, r := range s[i:] {
		if !c.Has(r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}
