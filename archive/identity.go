package archive

import (
	"encoding/json"
	"fmt"
)

// identityName is the directory below DIR/.chain of the identity markers:
// DIR/.chain/identity/<ab>/<Identity> holds "SEQ OFFSET" of the current
// copy of that agreement.
const identityName = "identity"

// Identity is the key of the agreement (or report) a signed copy is of:
// the SHA-256 of its year, unit, kind and title. Two signed copies with
// the same identity are copies of the same agreement, the later one
// signed again (make demo run twice, a corrected signature); the later
// one supersedes the earlier. It is "" for a draft and for a document
// that lacks any of the four (nothing to recognise it by): those never
// supersede and are never superseded.
func Identity(e *Entry) string {
	if e.Draft || e.Year == 0 || e.Unit == "" || e.Kind == "" || e.Title == "" {
		return ""
	}
	b, err := json.Marshal([]any{e.Year, e.Unit, e.Kind, e.Title})
	if err != nil {
		return ""
	}
	return lineHash(b)
}

// supersede sets e.Supersedes to the seq of the current copy of the same
// agreement, found through its identity marker in constant time. The
// caller holds the lock.
func (c *chain) supersede(e *Entry) error {
	id := Identity(e)
	if id == "" {
		return nil
	}
	old, err := findMarked(c.dir, identityName, id, func(o *Entry) bool { return Identity(o) == id })
	if err != nil || old == nil {
		return err
	}
	e.Supersedes = old.Seq
	return nil
}

// writeMarkers writes the markers of the record e at n: its content
// marker and, for a signed copy with an identity, its identity marker.
func writeMarkers(dir string, e *Entry, n head, durable bool) error {
	if err := writeMarker(dir, markerName, e.SHA256, n.Seq, n.Offset, durable); err != nil {
		return err
	}
	if id := Identity(e); id != "" {
		return writeMarker(dir, identityName, id, n.Seq, n.Offset, durable)
	}
	return nil
}

// checkSupersedes returns what is wrong with the supersedes field of e,
// given the identities of the records before it (by seq), or "".
func checkSupersedes(e *Entry, ids map[int]string) string {
	if e.Supersedes == 0 {
		return ""
	}
	id := Identity(e)
	if e.Supersedes < 0 || e.Supersedes >= e.Seq || id == "" || ids[e.Supersedes] != id {
		return fmt.Sprintf("supersedes record %d, which is not an earlier signed copy of the same agreement (year, unit, kind, title)", e.Supersedes)
	}
	return ""
}
