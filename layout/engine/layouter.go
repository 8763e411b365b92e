package engine

import (
	"fmt"
	"math"
)

// gridLayouter places one Grid into a Flow, band by band, breaking pages
// by the pagination rules (see PlaceGrid). The grid is not changed; the
// layouter holds the placement state.
type gridLayouter struct {
	f    *Flow
	g    *Grid
	body float64 // y where rows start on the current page, after the header
}

// PlaceGrid puts the whole grid at the cursor, starting a new page first
// when the header and the first lines of the first band do not fit. Rows
// split at line boundaries across pages under a repeated header:
//
//   - A row of at most six lines (keepRow) that does not fit in the space
//     left moves to the next page whole.
//   - A taller row is split after a whole line; all its cells split after
//     the same line, however many pages that takes. Span cells continue
//     beside the rows placed on each page, one frame per page.
//   - No single line of a row is left alone before or after a break when
//     that can be avoided.
//   - A KeepNext band is kept with the first lines of the band after it.
//   - The last band moves to a new page with the grid's Tail when both do
//     not fit where it stands.
//   - A fragment that continues a row or band shows the Cue of its cells
//     that have no text left.
func (f *Flow) PlaceGrid(g *Grid) error {
	if len(g.Bands) == 0 {
		return nil
	}
	l := &gridLayouter{f: f, g: g}
	if f.Y+g.headH+g.LeadIn(0) > f.Bottom+eps && f.Y > f.Top+eps {
		f.NewPage(f.Landscape())
	}
	l.drawHeader()
	for i := range g.Bands {
		if f.Y+g.LeadIn(i) > f.Bottom+eps && f.Y > l.body+eps || l.tailBreak(i) {
			l.nextPage()
		}
		if err := l.placeBand(&g.Bands[i]); err != nil {
			return err
		}
	}
	return nil
}

// MaxWaste is the largest share of a page's body a keep-together rule may
// leave empty: a block kept whole that would leave more moves no further
// and is split (or cut) where it stands.
const MaxWaste = 0.3

// WholeHeight returns the height PlaceGridWhole keeps together: header,
// rows, and the tail when that fits on an empty page too; before is the
// height of what precedes the grid on the same page (its title).
func (f *Flow) WholeHeight(g *Grid, before float64) float64 {
	keep := before + g.headH + g.Height()
	if keep+g.Tail <= f.Bottom-f.Top {
		keep += g.Tail
	}
	return keep
}

// KeepWhole moves to a new page when h does not fit in the space left but
// fits on an empty page, unless that would leave more than MaxWaste of
// the page empty. It reports whether it moved.
func (f *Flow) KeepWhole(h float64) bool {
	body := f.Bottom - f.Top
	if f.Y+h <= f.Bottom+eps || h > body+eps || f.Y <= f.Top+eps || f.Bottom-f.Y > MaxWaste*body+eps {
		return false
	}
	f.NewPage(f.Landscape())
	return true
}

// PlaceGridWhole places g, first moving to a new page when the whole grid
// (with its tail, when that fits too) would fit on an empty page but not in
// the space left, so that a short grid is not cut before its last rows;
// it stays and is cut when moving would waste more than MaxWaste of the
// page.
func (f *Flow) PlaceGridWhole(g *Grid) error {
	f.KeepWhole(f.WholeHeight(g, 0))
	return f.PlaceGrid(g)
}

// tailBreak reports whether band i starts the bands kept with the grid's
// tail and must start a new page so that the tail can follow them: they
// do not fit here with the tail, they would with the tail on an empty
// page, and they are not the only thing on this page. The kept bands are
// the last one, and the one before it when the last is a short total
// row, so that a total row never stands alone above the signatures.
func (l *gridLayouter) tailBreak(i int) bool {
	g, f := l.g, l.f
	if g.Tail == 0 || i != len(g.Bands)-g.tailBands() || f.Y <= l.body+eps {
		return false
	}
	need := g.Tail
	for j := i; j < len(g.Bands); j++ {
		need += g.bandHeight(j)
	}
	return f.Y+need > f.Bottom+eps && g.headH+need <= f.Bottom-f.Top+eps
}

// tailBands returns how many bands at the end of the grid are kept with
// its tail: two when the last band is one row of at most two lines (a
// total row) after at least two others, else one.
func (g *Grid) tailBands() int {
	n := len(g.Bands)
	if last := &g.Bands[n-1]; n >= 3 && len(last.Rows) == 1 && len(last.Span) == 0 && g.rowLines(last, 0) <= 2 {
		return 2
	}
	return 1
}

// placeBand places a band, splitting rows at line boundaries across pages.
// All cells of a row split after the same line; span cells show, on each
// page, the lines that fit beside the rows placed there.
func (l *gridLayouter) placeBand(b *Band) error {
	f, g := l.f, l.g
	st := bandState{fragTop: f.Y}
	for st.row < len(b.Rows) {
		rem := l.bandRowLines(b, &st) - st.off
		fit := int(math.Floor((f.Bottom-f.Y-2*CellPad)/g.st.Lead + eps))
		if fit >= rem {
			l.drawRow(b.Rows[st.row].Cells, st.off, rem)
			st.row, st.off = st.row+1, 0
			continue
		}
		n, err := splitCount(fit, rem, f.Y <= l.body+eps)
		if err != nil {
			return err
		}
		if n > 0 {
			l.drawRow(b.Rows[st.row].Cells, st.off, n)
			st.off += n
		}
		l.closeSpan(b, &st)
		l.nextPage()
		st.fragTop = f.Y
	}
	l.closeSpan(b, &st)
	return nil
}

// keepRow is the most lines a row (or the rest of a row) may have and still
// be kept whole: a row that short moves to the next page instead of being
// split, unless it starts an empty page.
const keepRow = 6

// splitCount decides how many of rem lines go on the page where fit lines
// fit: none of a row of at most keepRow lines (it moves to the next page
// whole); never a single line before or after the break when that can be
// avoided; nothing at all (the row moves to the next page) unless the page
// holds no row yet. It fails when not even one line fits on an empty page.
func splitCount(fit, rem int, atTop bool) (int, error) {
	if atTop {
		if fit < 1 {
			return 0, fmt.Errorf("table row: %w", ErrNoSpace)
		}
		return min(fit, rem), nil
	}
	if fit < rem && rem <= keepRow {
		return 0, nil
	}
	n := min(fit, rem)
	if rem-n == 1 && n >= 3 {
		n--
	}
	if n < min(2, rem) {
		n = 0
	}
	return n, nil
}

// drawRow draws lines [from, from+n) of a row's cells at the cursor and
// moves the cursor below them. A fragment that continues a row with text
// left shows the continuation cues of its empty cells; a row stretched
// only to hold its band's span text does not.
func (l *gridLayouter) drawRow(cells []Cell, from, n int) {
	h := l.g.rowH(n)
	cue := from > 0 && hasText(cells, from)
	for i := range cells {
		l.drawCell(&cells[i], l.f.Y, h, from, n, cue)
	}
	l.f.Y += h
}

// hasText reports whether one of cells has lines from line from on.
func hasText(cells []Cell, from int) bool {
	for i := range cells {
		if len(cells[i].lines) > from {
			return true
		}
	}
	return false
}

// drawCell draws a cell's frame (and fill) of height h at top, and its
// lines [from, from+n); with cue, a cell that has no lines left there
// shows its continuation cue instead.
func (l *gridLayouter) drawCell(cl *Cell, top, h float64, from, n int, cue bool) {
	f, g := l.f, l.g
	x, w := g.xs[cl.Col], g.xs[cl.Col+cl.Span]-g.xs[cl.Col]
	f.Add(Box{Kind: Rect, X: x, Y: top, W: w, H: h, Stroke: border, Fill: cl.Fill})
	if cue && from > 0 && from >= len(cl.lines) && cl.Cue != "" {
		f.drawCue(cl, x, top, w, h)
		return
	}
	base := top + CellPad + Baseline(g.st.Size, g.st.Lead)
	for j := from; j < from+n && j < len(cl.lines); j++ {
		if j >= len(cl.lines)-cl.small {
			f.Add(Greyed(f.LineBoxes(cl.lines[j], x+CellPad, base, w-2*CellPad, CueSize, cl.Align, cl.smallID))...)
		} else {
			f.Add(f.LineBoxes(cl.lines[j], x+CellPad, base, w-2*CellPad, g.st.Size, cl.Align, cl.ID)...)
		}
		base += g.st.Lead
	}
}
