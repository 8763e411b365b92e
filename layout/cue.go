package layout

import "strings"

// Continuation cues and small notes inside table cells.
const (
	cueSize  = 7.0  // size of a continuation cue and of a cell's small lines
	cueLead  = 8.4  // leading of a continuation cue
	cueGrey  = 0.45 // grey level of a cue or small line (0 black .. 1 white)
	cueWord  = "(lanjutan)"
	cueBrief = "(lanj.)" // the cue word when cueWord does not fit its cell
	cueCell  = "label.lanjutan"
)

// cueFont returns the face of the cues: the regular face of the
// document's family (small and grey is distinction enough, and an italic
// face would be one more font to embed in every document with a cue).
func (c *ctx) cueFont() Font { return Font{Family: c.family} }

// drawCue draws cl's continuation cue in the frame (x, top, w, h): the
// row's NO or kode, and the cue word for a NO cell, in small grey type,
// as many lines as fit. Its boxes are named cueCell, so they count as text
// the layout adds, not as the cell's text.
func (c *ctx) drawCue(cl *cell, x, top, w, h float64) {
	lines := c.cueLines(cl.cue, w-2*cellPad)
	n := min(len(lines), int((h-2*cellPad)/cueLead+eps))
	base := top + cellPad + baseline(cueSize, cueLead)
	for _, l := range lines[:n] {
		lw := c.width(c.cueFont(), cueSize, l)
		lx := x + cellPad
		if cl.al == alCenter {
			lx += (w - 2*cellPad - lw) / 2
		}
		c.add(Box{Kind: Text, X: lx, Y: base, W: lw, H: cueSize, Font: c.cueFont(), Size: cueSize,
			Text: l, Fill: cueGrey, Cell: cueCell})
		base += cueLead
	}
}

// cueLines breaks a cue into lines at most width wide: the cue word is
// shortened when it does not fit, and a word that still does not fit is
// left out, so a cue never overflows its cell.
func (c *ctx) cueLines(cue string, width float64) []string {
	f, sp := c.cueFont(), c.width(c.cueFont(), cueSize, " ")
	var out []string
	cur, cw := "", 0.0
	for _, s := range strings.Fields(cue) {
		if s == cueWord && c.width(f, cueSize, s) > width+eps {
			s = cueBrief
		}
		sw := c.width(f, cueSize, s)
		switch {
		case sw > width+eps:
			continue
		case cur != "" && cw+sp+sw <= width+eps:
			cur, cw = cur+" "+s, cw+sp+sw
			continue
		case cur != "":
			out = append(out, cur)
		}
		cur, cw = s, sw
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// spanCues returns the cues of a band's span cells on a fragment whose
// span lines start at from: each cell's own cue ("3 (lanjutan)" for NO),
// except that when the cue word does not fit the NO column and the next
// span cell (Sasaran) has no text left, the word moves there.
func (c *ctx) spanCues(t *table, span []cell, from int) []string {
	cues := make([]string, len(span))
	for i := range span {
		cues[i] = span[i].cue
	}
	if len(span) < 2 || !strings.HasSuffix(cues[0], " "+cueWord) || from < len(span[1].lines) {
		return cues
	}
	if c.width(c.cueFont(), cueSize, cueWord) > t.cellWidth(span[0].col, span[0].span)+eps {
		cues[0], cues[1] = strings.TrimSuffix(cues[0], " "+cueWord), cueWord
	}
	return cues
}
