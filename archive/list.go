package archive

import (
	"path/filepath"
	"strings"
)

// Filter selects entries for List; zero fields match everything.
type Filter struct {
	Year int
	// Unit is a part of the unit's name, in any case: "pengadaan" finds
	// "Badan Pelayanan Pengadaan Barang/Jasa". It is also compared as a
	// slug, so "barang-jasa" and "Barang Jasa" find it too.
	Unit string
	// All lists every copy; otherwise a copy that a later one supersedes
	// (Entry.Supersedes) is left out, so each agreement shows once.
	All bool
}

// List returns the readable index entries that match f, in index order.
func (a *Archive) List(f Filter) ([]Entry, error) {
	ix, err := readIndex(filepath.Join(a.dir, IndexName))
	if err != nil {
		return nil, err
	}
	superseded := map[int]bool{}
	for _, l := range ix.lines {
		if l.entry != nil && l.entry.Supersedes > 0 && !f.All {
			superseded[l.entry.Supersedes] = true
		}
	}
	out := []Entry{}
	for _, l := range ix.lines {
		if l.entry != nil && !superseded[l.entry.Seq] && f.match(l.entry) {
			out = append(out, *l.entry)
		}
	}
	return out, nil
}

// match reports whether e passes the filter.
func (f Filter) match(e *Entry) bool {
	if f.Year != 0 && e.Year != f.Year {
		return false
	}
	if f.Unit == "" || strings.Contains(strings.ToLower(e.Unit), strings.ToLower(f.Unit)) {
		return true
	}
	slug := Slug(f.Unit)
	return slug != "" && strings.Contains(Slug(e.Unit), slug)
}
