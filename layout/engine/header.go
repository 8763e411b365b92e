package engine

// HeaderCell is one cell of a grid's header: Rows header rows from Row,
// Span columns from Col.
type HeaderCell struct {
	Row, Rows, Col, Span int
	Text                 string
}

// SetHeader lays out the header once, in the bold of the grid's style,
// centred: row heights fit the cells of one row, and a cell spanning rows
// gets the rows' total height. The GridLayouter repeats it at the top of
// every page the grid continues on.
func (g *Grid) SetHeader(cells []HeaderCell, nrows int) {
	hs := make([]float64, nrows)
	lines := make([][]TextLine, len(cells))
	for i, h := range cells {
		lines[i] = g.ts.Wrap(h.Text, g.bold(), g.CellWidth(h.Col, h.Span))
		if h.Rows == 1 {
			hs[h.Row] = max(hs[h.Row], g.rowH(len(lines[i])))
		}
	}
	for i, h := range cells {
		if sum := sumRange(hs, h.Row, h.Rows); h.Rows > 1 && sum < g.rowH(len(lines[i])) {
			hs[h.Row+h.Rows-1] += g.rowH(len(lines[i])) - sum
		}
	}
	g.headH = sumRange(hs, 0, nrows)
	for i, h := range cells {
		y, hh := sumRange(hs, 0, h.Row), sumRange(hs, h.Row, h.Rows)
		x, w := g.xs[h.Col], g.xs[h.Col+h.Span]-g.xs[h.Col]
		g.head = append(g.head, Box{Kind: Rect, X: x, Y: y, W: w, H: hh, Stroke: border, Fill: headFill})
		ty := y + (hh-float64(len(lines[i]))*g.st.Lead)/2 + Baseline(g.st.Size, g.st.Lead)
		for j, l := range lines[i] {
			g.head = append(g.head, g.ts.LineBoxes(l, x+CellPad, ty+float64(j)*g.st.Lead, w-2*CellPad, g.st.Size, AlignCenter, CellHead)...)
		}
	}
}

// HeaderHeight returns the height of the header.
func (g *Grid) HeaderHeight() float64 { return g.headH }

// sumRange returns the sum of hs[from : from+n].
func sumRange(hs []float64, from, n int) float64 {
	s := 0.0
	for _, h := range hs[from : from+n] {
		s += h
	}
	return s
}

// drawHeader places the header at the cursor; the body of the page
// starts under it.
func (l *gridLayouter) drawHeader() {
	for _, b := range l.g.head {
		b.Y += l.f.Y
		l.f.Add(b)
	}
	l.f.Y += l.g.headH
	l.body = l.f.Y
}

// nextPage continues the grid on a new page of the same orientation under
// a repeated header.
func (l *gridLayouter) nextPage() {
	l.f.NewPage(l.f.Landscape())
	l.drawHeader()
}
