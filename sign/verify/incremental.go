package verify

import "github.com/digitorus/pdf"

// Fast revision comparison.
//
// Comparing two revisions by meaning means parsing every object reachable
// from pages, catalog and form fields in both, and decoding every stream.
// Two shortcuts keep the result exact while doing much less:
//
//   - Streams are first written by identity (file offset and length)
//     instead of a hash of their decoded data. A stream that lies inside
//     both revisions' bytes at the same offset has the same data, so equal
//     identities mean equal data; only when the fast snapshots differ are
//     both revisions snapshotted again with decoded streams (the complete
//     comparison, which also writes the messages).
//   - An incremental update changes an object only through its
//     cross-reference entry. A page of the later revision whose snapshot
//     read (in the earlier one) no object whose entry changed, and no null
//     that a new object could fill, is the same page: its snapshot is
//     reused instead of read again. Entries in object streams defeat this
//     (the stream itself may change), so such files are compared in full.

// changedObjects returns the numbers of the objects whose cross-reference
// entry differs between two revisions (redefined, added, freed or cut by
// /Size), or ok false when an unchanged entry points into an object
// stream (the stream itself may have changed).
func changedObjects(prev, next *pdf.Reader) (changed map[uint32]bool, ok bool) {
	px, nx := prev.Xref(), next.Xref()
	changed = map[uint32]bool{}
	for i := 0; i < len(px) || i < len(nx); i++ {
		if i >= len(px) || i >= len(nx) || px[i] != nx[i] {
			changed[uint32(i)] = true
		} else if s := px[i].Stream(); s.GetID() != 0 {
			return nil, false
		}
	}
	return changed, true
}

// reusable returns the fast snapshot of page i of base when nothing it
// read has changed, or false.
func (c *canonizer) reusable(i int, ptr ptrKey) (pageSnap, bool) {
	if c.base == nil || i >= len(c.base.pages) {
		return pageSnap{}, false
	}
	p := c.base.pages[i]
	if p.ptr != ptr || p.unsafe || p.deps == nil {
		return pageSnap{}, false
	}
	for id := range p.deps {
		if c.changed[id] {
			return pageSnap{}, false
		}
	}
	return p, true
}

// samePageOrder reports whether the page objects (and so the page numbers
// written for references to pages) are the same in both revisions.
func samePageOrder(a, b []ptrKey) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
