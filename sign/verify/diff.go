package verify

import (
	"fmt"
	"strings"
)

// checkModifications sets Modifications and ModifiedAfter of each
// signature from the changes made by the revisions after the one it covers.
func (d *document) checkModifications(rep *Report) {
	first := len(d.revs)
	for _, s := range rep.Signatures {
		if s.Revision > 0 && s.Revision < first {
			first = s.Revision
		}
	}
	changes := make([][]string, len(d.revs)+1) // changes[n]: made by revision n (1-based)
	for n := first + 1; n <= len(d.revs); n++ {
		changes[n] = d.changesIn(n)
	}
	for i := range rep.Signatures {
		s := &rep.Signatures[i]
		if s.Revision == 0 {
			continue
		}
		for n := s.Revision + 1; n <= len(d.revs); n++ {
			s.Modifications = append(s.Modifications, changes[n]...)
		}
		s.ModifiedAfter = len(s.Modifications) > 0
	}
}

// changesIn lists what revision n (1-based, n ≥ 2) changed compared with
// revision n-1, other than adding signatures. Fast snapshots that agree
// completely mean no change; otherwise the complete snapshots decide and
// describe.
func (d *document) changesIn(n int) []string {
	before, after := d.revs[n-2], d.revs[n-1]
	if d.sameFast(before, after) {
		return nil
	}
	prev, next := d.snapshotOf(before), d.snapshotOf(after)
	if next.err != "" {
		return []string{fmt.Sprintf("revision %d cannot be read (%s), so changes in it cannot be checked", n, next.err)}
	}
	if prev.err != "" {
		return []string{fmt.Sprintf("revision %d cannot be read (%s), so changes after it cannot be checked", n-1, prev.err)}
	}
	in := fmt.Sprintf(" in revision %d", n)
	var out []string
	add := func(msg string) { out = append(out, msg+in) }
	diffPages(prev.pages, next.pages, add)
	diffCatalog(prev.catalog, next.catalog, add)
	diffFields(prev.fields, next.fields, add)
	if prev.over || next.over {
		out = append(out, fmt.Sprintf("revision %d is too complex to compare completely", n))
	}
	return out
}

// sameFast reports whether the fast snapshots of two consecutive
// revisions are readable, within limits, and show no change.
func (d *document) sameFast(before, after *revision) bool {
	var prevOf *revision
	if n := d.revisionIndex(before); n > 0 {
		prevOf = d.revs[n-1]
	}
	prev := d.fastSnapshotOf(before, prevOf)
	next := d.fastSnapshotOf(after, before)
	if prev.err != "" || next.err != "" || prev.over || next.over {
		return false
	}
	same := true
	diff := func(string) { same = false }
	diffPages(prev.pages, next.pages, diff)
	diffCatalog(prev.catalog, next.catalog, diff)
	diffFields(prev.fields, next.fields, diff)
	return same
}

// revisionIndex returns the 0-based index of r in d.revs.
func (d *document) revisionIndex(r *revision) int {
	for i, x := range d.revs {
		if x == r {
			return i
		}
	}
	return -1
}

// diffPages reports changed, added and removed pages.
func diffPages(prev, next []pageSnap, add func(string)) {
	switch {
	case len(next) > len(prev):
		add(fmt.Sprintf("%s added (%d → %d pages)", pageList(len(prev)+1, len(next)), len(prev), len(next)))
	case len(next) < len(prev):
		add(fmt.Sprintf("%s removed (%d → %d pages)", pageList(len(next)+1, len(prev)), len(prev), len(next)))
	}
	for i := 0; i < len(prev) && i < len(next); i++ {
		p, q := prev[i], next[i]
		if p.content != q.content {
			add(fmt.Sprintf("page %d content changed", i+1))
		}
		if p.boxes != q.boxes {
			add(fmt.Sprintf("page %d size, crop or rotation changed", i+1))
		}
		if p.res != q.res {
			add(fmt.Sprintf("page %d resources (fonts, images) changed", i+1))
		}
		if strings.Join(p.annots, "\x00") != strings.Join(q.annots, "\x00") {
			add(fmt.Sprintf("page %d annotations changed (%d → %d, not counting signature fields)", i+1, len(p.annots), len(q.annots)))
		}
		if p.other != q.other {
			add(fmt.Sprintf("page %d dictionary changed", i+1))
		}
	}
}

// pageList names pages from..to ("page 2" or "pages 2-4").
func pageList(from, to int) string {
	if from == to {
		return fmt.Sprintf("page %d", from)
	}
	return fmt.Sprintf("pages %d-%d", from, to)
}

// diffCatalog reports changed catalog entries.
func diffCatalog(prev, next []entry, add func(string)) {
	before := map[string]string{}
	for _, e := range prev {
		before[e.key] = e.canon
	}
	seen := map[string]bool{}
	for _, e := range next {
		seen[e.key] = true
		old, ok := before[e.key]
		switch {
		case !ok:
			add(fmt.Sprintf("catalog entry /%s added", e.key))
		case old != e.canon:
			add(fmt.Sprintf("catalog entry /%s changed", e.key))
		}
	}
	for _, e := range prev {
		if !seen[e.key] {
			add(fmt.Sprintf("catalog entry /%s removed", e.key))
		}
	}
}

// diffFields reports form field changes other than new or newly filled
// signature fields.
func diffFields(prev, next []field, add func(string)) {
	after := map[string]field{}
	for _, f := range next {
		after[f.name] = f
	}
	for _, f := range prev {
		g, ok := after[f.name]
		switch {
		case !ok && f.sig:
			add(fmt.Sprintf("signature field %q removed", f.name))
		case !ok:
			add(fmt.Sprintf("form field %q removed", f.name))
		case f.sig != g.sig:
			add(fmt.Sprintf("form field %q changed type", f.name))
		case f.sig && f.value != "null" && f.value != g.value:
			add(fmt.Sprintf("signature field %q changed", f.name))
		case !f.sig && f.canon != g.canon:
			add(fmt.Sprintf("form field %q changed", f.name))
		}
	}
	before := map[string]bool{}
	for _, f := range prev {
		before[f.name] = true
	}
	for _, f := range next {
		if !before[f.name] && !f.sig {
			add(fmt.Sprintf("form field %q added", f.name))
		}
	}
}
