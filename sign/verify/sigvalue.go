package verify

import "github.com/digitorus/pdf"

// sigValue returns the canonical text of the /V of signature field n.
// A signature dictionary holds a /Contents of kilobytes that the PDF
// reader parses character by character, and every revision after the
// signature holds it again; in fast mode each is read once:
//   - in the latest revision, the dictionary found by findSignatures is
//     used instead of reading it again;
//   - a dictionary that references no other object has the same text in
//     every later revision whose cross-reference entry for it is the same
//     (the same bytes, which an earlier, shorter revision read completely).
func (c *canonizer) sigValue(n pdf.Value) string {
	id, gen, ok := rawRef(n, "V")
	if !c.fast || !ok {
		return c.canon(n.Key("V"))
	}
	ent, ok := xrefEntry(c.r, id, gen)
	if ok {
		if text, hit := c.d.sigCanon[ent]; hit {
			return text
		}
	}
	v, known := c.d.sigValues[ptrKey{id, gen}]
	if c.r != c.d.last || !known {
		v = n.Key("V")
	}
	outer, outerUnsafe := c.deps, c.unsafe
	c.deps, c.unsafe = map[uint32]bool{}, false
	text := c.canon(v)
	selfContained := !c.unsafe && len(c.deps) <= 2 && (len(c.deps) == 0 || c.deps[id]) && (len(c.deps) < 2 || c.deps[0])
	c.deps, c.unsafe = outer, outerUnsafe
	if ok && selfContained && keyOf(v) == (ptrKey{id, gen}) {
		c.d.sigCanon[ent] = text
	}
	return text
}
