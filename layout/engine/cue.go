package engine

import "strings"

// Continuation cues and small notes inside table cells.
const (
	CueSize = 7.0          // size of a continuation cue and of a cell's small lines
	cueLead = 8.4          // leading of a continuation cue
	CueGrey = 0.45         // grey level of a cue or small line (0 black .. 1 white)
	CueWord = "(lanjutan)" // the one continuation word of every document
)

// cueFont returns the face of the cues: the regular face of the
// document's family (small and grey is distinction enough, and an italic
// face would be one more font to embed in every document with a cue).
func (t *Typesetter) cueFont() Font { return Font{Family: t.family} }

// drawCue draws cl's continuation cue in the frame (x, top, w, h): the
// row's NO or kode, and the cue word for a NO cell, in small grey type,
// as many lines as fit. Its boxes are named CellCue, so they count as text
// the layout adds, not as the cell's text.
func (f *Flow) drawCue(cl *Cell, x, top, w, h float64) {
	lines := f.cueLines(cl.Cue, w-2*CellPad)
	n := min(len(lines), int((h-2*CellPad)/cueLead+eps))
	base := top + CellPad + Baseline(CueSize, cueLead)
	for _, l := range lines[:n] {
		lw := f.Width(f.cueFont(), CueSize, l)
		lx := x + CellPad
		if cl.Align == AlignCenter {
			lx += (w - 2*CellPad - lw) / 2
		}
		f.Add(Box{Kind: Text, X: lx, Y: base, W: lw, H: CueSize, Font: f.cueFont(), Size: CueSize,
			Text: l, Fill: CueGrey, Cell: CellCue})
		base += cueLead
	}
}

// cueLines breaks a cue into lines at most width wide: a word that does
// not fit is left out, so a cue never overflows its cell.
func (t *Typesetter) cueLines(cue string, width float64) []string {
	f, sp := t.cueFont(), t.Width(t.cueFont(), CueSize, " ")
	var out []string
	cur, cw := "", 0.0
	for _, s := range strings.Fields(cue) {
		sw := t.Width(f, CueSize, s)
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
// span lines start at from: each cell's own cue ("3 (lanjutan)" for NO,
// the sasaran's text for Sasaran), except that when the cue word does not
// fit the NO column and the next span cell (Sasaran) has no text left,
// the word moves there, before that cell's cue.
func (t *Typesetter) spanCues(g *Grid, span []Cell, from int) []string {
	cues := make([]string, len(span))
	for i := range span {
		cues[i] = span[i].Cue
	}
	if len(span) < 2 || !strings.HasSuffix(cues[0], " "+CueWord) || from < len(span[1].lines) {
		return cues
	}
	if t.Width(t.cueFont(), CueSize, CueWord) > g.CellWidth(span[0].Col, span[0].Span)+eps {
		cues[0], cues[1] = strings.TrimSuffix(cues[0], " "+CueWord), strings.TrimSpace(CueWord+" "+cues[1])
	}
	return cues
}

// Greyed sets the text of bs in the cue grey and returns bs.
func Greyed(bs []Box) []Box {
	for i := range bs {
		bs[i].Fill = CueGrey
	}
	return bs
}
