package archive

import "path/filepath"

// Filter selects entries for List; zero fields match everything.
type Filter struct {
	Year int
	Unit string // matched by slug, so "BPPBJ" and "bppbj" are the same
}

// List returns the readable index entries that match f, in index order.
func (a *Archive) List(f Filter) ([]Entry, error) {
	ix, err := readIndex(filepath.Join(a.dir, IndexName))
	if err != nil {
		return nil, err
	}
	out := []Entry{}
	for _, l := range ix.lines {
		if l.entry != nil && f.match(l.entry) {
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
	return f.Unit == "" || Slug(f.Unit) == Slug(e.Unit)
}
