package engine

// Table geometry, in points and grey levels.
const (
	CellPad  = 3.0  // inner padding of a table cell on every side
	border   = 0.5  // table border width
	headFill = 0.85 // grey of the header cells
	NoFill   = -1.0 // Cell.Fill of a cell without fill
)

// Grid is a table resolved into cells, ready for the GridLayouter: the
// column edges, the header laid out once, and the body as bands. A Band
// is a group of rows kept as one unit: a plain row, a group row
// (KeepNext), or rows with row-spanning cells (Span) running down beside
// them. Every cell is set in the grid's size and leading, which lets the
// cells of a row split at one common y.
type Grid struct {
	ts    *Typesetter
	xs    []float64 // column edges: column i is [xs[i], xs[i+1]]
	head  []Box     // header boxes, Y relative to the header's top
	headH float64
	st    Style // the regular text style of its cells (size and leading)

	Bands []Band
	// Tail is the height of what must follow the grid on the same page as
	// its last band (signature blocks): the last band moves to a new page
	// with it rather than leave it alone there.
	Tail float64
}

// Cell is one grid cell: a column range and its wrapped lines.
type Cell struct {
	Col, Span int // first column and number of columns
	lines     []TextLine
	Align     Align
	Fill      float64 // grey fill, NoFill for none
	ID        string  // Box.Cell of its text
	// Cue is drawn, small and grey, on a fragment of a continued row or
	// band where the cell has no text left (see drawCue); "" for none.
	Cue string
	// small is the number of trailing lines set small and grey (a note
	// under the value), named smallID.
	small   int
	smallID string
}

// Row is one grid row: cells covering the columns not taken by the band's
// span cells.
type Row struct{ Cells []Cell }

// Band is a group of rows kept as one unit. Span cells run down beside
// all its rows (a sasaran's NO and text beside its indicator rows).
// KeepNext marks a group row: never the last thing on a page.
type Band struct {
	Span     []Cell
	Rows     []Row
	KeepNext bool
}

// NewGrid returns a grid at x with the given column widths whose cells
// are set in the size and leading of st.
func NewGrid(ts *Typesetter, x float64, widths []float64, st Style) *Grid {
	xs := make([]float64, len(widths)+1)
	xs[0] = x
	for i, w := range widths {
		xs[i+1] = xs[i] + w
	}
	return &Grid{ts: ts, xs: xs, st: st}
}

// CellWidth returns the text width inside columns [col, col+span).
func (g *Grid) CellWidth(col, span int) float64 { return g.xs[col+span] - g.xs[col] - 2*CellPad }

// Cell wraps text into a cell of columns [col, col+span).
func (g *Grid) Cell(col, span int, text string, st Style, al Align, id string) Cell {
	return Cell{Col: col, Span: span, lines: g.ts.Wrap(text, st, g.CellWidth(col, span)), Align: al, Fill: NoFill, ID: id}
}

// AddSmall appends text wrapped small and grey under a cell's lines,
// named id.
func (g *Grid) AddSmall(cl *Cell, text, id string) {
	ls := g.ts.Wrap(text, Style{Size: CueSize, Lead: g.st.Lead}, g.CellWidth(cl.Col, cl.Span))
	cl.lines = append(cl.lines[:len(cl.lines):len(cl.lines)], ls...)
	cl.small, cl.smallID = len(ls), id
}

// rowH returns the height of n lines of a row fragment.
func (g *Grid) rowH(n int) float64 { return 2*CellPad + float64(n)*g.st.Lead }

// bold returns the bold style of the grid's text.
func (g *Grid) bold() Style { return Style{Size: g.st.Size, Lead: g.st.Lead, Bold: true} }

// Height returns the height of the grid's rows placed without a break.
func (g *Grid) Height() float64 {
	h := 0.0
	for i := range g.Bands {
		h += g.bandHeight(i)
	}
	return h
}

// bandHeight returns the height of band i placed without a break.
func (g *Grid) bandHeight(i int) float64 {
	b := &g.Bands[i]
	h := 0.0
	for r := range b.Rows {
		h += g.rowH(g.rowLines(b, r))
	}
	return max(h, g.rowH(spanLines(b)))
}

// LeadIn returns the height that must fit for band i to start on a page:
// its first row whole when that row has at most keepRow lines, else its
// first two lines; for a group row its whole height plus the lead-in of the
// next band.
func (g *Grid) LeadIn(i int) float64 {
	b := &g.Bands[i]
	if b.KeepNext && i+1 < len(g.Bands) {
		return g.rowH(g.rowLines(b, 0)) + g.LeadIn(i+1)
	}
	n := g.rowLines(b, 0)
	if len(b.Rows) == 1 {
		n = max(n, spanLines(b))
	}
	if n <= keepRow {
		return g.rowH(n)
	}
	return g.rowH(2)
}

// rowLines returns the number of lines of row r of b without extension.
func (g *Grid) rowLines(b *Band, r int) int {
	n := 0
	for _, cl := range b.Rows[r].Cells {
		n = max(n, len(cl.lines))
	}
	return n
}
