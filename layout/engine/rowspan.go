package engine

import "math"

// bandState is the progress of a band being placed.
type bandState struct {
	row, off int     // current row and its first line not yet placed
	spanOff  int     // first span line not yet placed
	fragTop  float64 // top of the band's fragment on the current page
}

// spanLines returns the number of lines of b's tallest span cell.
func spanLines(b *Band) int {
	n := 0
	for _, cl := range b.Span {
		n = max(n, len(cl.lines))
	}
	return n
}

// bandRowLines returns the number of lines of the current row; the last row
// of a band grows so that the remaining span lines fit beside the band.
func (l *gridLayouter) bandRowLines(b *Band, st *bandState) int {
	g := l.g
	n := g.rowLines(b, st.row)
	if st.row < len(b.Rows)-1 {
		return n
	}
	need := float64(spanLines(b)-st.spanOff)*g.st.Lead - (l.f.Y - st.fragTop)
	if need <= eps {
		return n
	}
	return max(n, st.off+int(math.Ceil(need/g.st.Lead-eps)))
}

// closeSpan draws the span cells beside the band's fragment on this page
// with as many of their remaining lines as fit in it.
func (l *gridLayouter) closeSpan(b *Band, st *bandState) {
	h := l.f.Y - st.fragTop
	if len(b.Span) == 0 || h <= eps {
		return
	}
	n := max(0, int(math.Floor((h-2*CellPad)/l.g.st.Lead+eps)))
	cues := l.f.spanCues(l.g, b.Span, st.spanOff)
	for i := range b.Span {
		cl := b.Span[i]
		cl.Cue = cues[i]
		l.drawCell(&cl, st.fragTop, h, st.spanOff, n, true)
	}
	st.spanOff += n
}
