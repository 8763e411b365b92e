package layout

import (
	"fmt"
	"math"
)

// cell is one table cell: a column range and its wrapped lines.
type cell struct {
	col, span int // first column and number of columns
	lines     []line
	al        align
	fill      float64 // grey fill, noFill for none
	id        string  // Box.Cell of its text
}

// row is one table row: cells covering the columns not taken by the band's
// span cells.
type row struct{ cells []cell }

// band is a group of rows kept as one unit: a plain row, a group row, or a
// sasaran whose NO and text (span cells) run down beside all its
// indicator rows.
type band struct {
	span     []cell
	rows     []row
	keepNext bool // a group row: never the last thing on a page
}

// hcell is one header cell in the header grid.
type hcell struct {
	row, rows, col, span int
	text                 string
}

// table is a laid-out table ready to be placed.
type table struct {
	xs    []float64 // column edges: column i is [xs[i], xs[i+1]]
	head  []Box     // header boxes, Y relative to the header's top
	headH float64
	bands []band
	body  float64 // y where rows start on the current page, after the header
}

// cellStyle and headStyle are the table's text styles.
var (
	cellStyle = style{size: tableSize, lead: tableLead}
	cellBold  = style{size: tableSize, lead: tableLead, bold: true}
)

// newTable returns a table at x with the given column widths.
func newTable(x float64, widths []float64) *table {
	xs := make([]float64, len(widths)+1)
	xs[0] = x
	for i, w := range widths {
		xs[i+1] = xs[i] + w
	}
	return &table{xs: xs}
}

// cellWidth returns the text width inside columns [col, col+span).
func (t *table) cellWidth(col, span int) float64 { return t.xs[col+span] - t.xs[col] - 2*cellPad }

// newCell wraps text into a cell.
func (c *ctx) newCell(t *table, col, span int, text string, st style, al align, id string) cell {
	return cell{col: col, span: span, lines: c.wrap(text, st, t.cellWidth(col, span)), al: al, fill: noFill, id: id}
}

// rowH returns the height of n lines of a row fragment.
func rowH(n int) float64 { return 2*cellPad + float64(n)*tableLead }

// setHeader lays out the header grid once: row heights fit the cells of
// one row, and a cell spanning rows gets the rows' total height.
func (c *ctx) setHeader(t *table, cells []hcell, nrows int) {
	hs := make([]float64, nrows)
	lines := make([][]line, len(cells))
	for i, h := range cells {
		lines[i] = c.wrap(h.text, cellBold, t.cellWidth(h.col, h.span))
		if h.rows == 1 {
			hs[h.row] = max(hs[h.row], rowH(len(lines[i])))
		}
	}
	for i, h := range cells {
		if sum := sumRange(hs, h.row, h.rows); h.rows > 1 && sum < rowH(len(lines[i])) {
			hs[h.row+h.rows-1] += rowH(len(lines[i])) - sum
		}
	}
	t.headH = sumRange(hs, 0, nrows)
	for i, h := range cells {
		y, hh := sumRange(hs, 0, h.row), sumRange(hs, h.row, h.rows)
		x, w := t.xs[h.col], t.xs[h.col+h.span]-t.xs[h.col]
		t.head = append(t.head, Box{Kind: Rect, X: x, Y: y, W: w, H: hh, Stroke: border, Fill: headFill})
		ty := y + (hh-float64(len(lines[i]))*tableLead)/2 + baseline(tableSize, tableLead)
		for j, l := range lines[i] {
			t.head = append(t.head, c.lineBoxes(l, x+cellPad, ty+float64(j)*tableLead, w-2*cellPad, tableSize, alCenter, "head")...)
		}
	}
}

// sumRange returns the sum of hs[from : from+n].
func sumRange(hs []float64, from, n int) float64 {
	s := 0.0
	for _, h := range hs[from : from+n] {
		s += h
	}
	return s
}

// drawHeader places the header at the cursor.
func (c *ctx) drawHeader(t *table) {
	for _, b := range t.head {
		b.Y += c.y
		c.add(b)
	}
	c.y += t.headH
	t.body = c.y
}

// tablePage continues the table on a new landscape page under a repeated
// header.
func (c *ctx) tablePage(t *table) {
	c.newPage(true)
	c.drawHeader(t)
}

// place puts the whole table at the cursor, starting a new page first when
// the header and the first lines of the first row do not fit.
func (c *ctx) place(t *table) error {
	if len(t.bands) == 0 {
		return nil
	}
	if c.y+t.headH+t.leadIn(0) > c.bottom+eps && c.y > c.top+eps {
		c.newPage(true)
	}
	c.drawHeader(t)
	for i := range t.bands {
		if c.y+t.leadIn(i) > c.bottom+eps && c.y > t.body+eps {
			c.tablePage(t)
		}
		if err := c.placeBand(t, &t.bands[i]); err != nil {
			return err
		}
	}
	return nil
}

// leadIn returns the height that must fit for band i to start on a page:
// its first two lines (fewer if it has fewer), and for a group row its
// whole height plus the lead-in of the next band.
func (t *table) leadIn(i int) float64 {
	b := &t.bands[i]
	if b.keepNext && i+1 < len(t.bands) {
		return rowH(t.rowLines(b, 0)) + t.leadIn(i+1)
	}
	n := t.rowLines(b, 0)
	if len(b.rows) == 1 {
		n = max(n, spanLines(b))
	}
	return rowH(min(2, n))
}

// rowLines returns the number of lines of row r of b without extension.
func (t *table) rowLines(b *band, r int) int {
	n := 0
	for _, cl := range b.rows[r].cells {
		n = max(n, len(cl.lines))
	}
	return n
}

// spanLines returns the number of lines of b's tallest span cell.
func spanLines(b *band) int {
	n := 0
	for _, cl := range b.span {
		n = max(n, len(cl.lines))
	}
	return n
}

// bandState is the progress of a band being placed.
type bandState struct {
	row, off int     // current row and its first line not yet placed
	spanOff  int     // first span line not yet placed
	fragTop  float64 // top of the band's fragment on the current page
}

// placeBand places a band, splitting rows at line boundaries across pages.
// All cells of a row split after the same line; span cells show, on each
// page, the lines that fit beside the rows placed there.
func (c *ctx) placeBand(t *table, b *band) error {
	st := bandState{fragTop: c.y}
	for st.row < len(b.rows) {
		rem := c.bandRowLines(t, b, &st) - st.off
		fit := int(math.Floor((c.bottom-c.y-2*cellPad)/tableLead + eps))
		if fit >= rem {
			c.drawRow(t, b.rows[st.row].cells, st.off, rem)
			st.row, st.off = st.row+1, 0
			continue
		}
		n, err := splitCount(fit, rem, c.y <= t.body+eps)
		if err != nil {
			return err
		}
		if n > 0 {
			c.drawRow(t, b.rows[st.row].cells, st.off, n)
			st.off += n
		}
		c.closeSpan(t, b, &st)
		c.tablePage(t)
		st.fragTop = c.y
	}
	c.closeSpan(t, b, &st)
	return nil
}

// bandRowLines returns the number of lines of the current row; the last row
// of a band grows so that the remaining span lines fit beside the band.
func (c *ctx) bandRowLines(t *table, b *band, st *bandState) int {
	n := t.rowLines(b, st.row)
	if st.row < len(b.rows)-1 {
		return n
	}
	need := float64(spanLines(b)-st.spanOff)*tableLead - (c.y - st.fragTop)
	if need <= eps {
		return n
	}
	return max(n, st.off+int(math.Ceil(need/tableLead-eps)))
}

// splitCount decides how many of rem lines go on the page where fit lines
// fit: never a single line before or after the break when that can be
// avoided; nothing at all (the row moves to the next page) unless the page
// holds no row yet. It fails when not even one line fits on an empty page.
func splitCount(fit, rem int, atTop bool) (int, error) {
	if atTop {
		if fit < 1 {
			return 0, fmt.Errorf("table row: %w", ErrNoSpace)
		}
		return min(fit, rem), nil
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
// moves the cursor below them.
func (c *ctx) drawRow(t *table, cells []cell, from, n int) {
	h := rowH(n)
	for i := range cells {
		c.drawCell(t, &cells[i], c.y, h, from, n)
	}
	c.y += h
}

// drawCell draws a cell's frame (and fill) of height h at top, and its
// lines [from, from+n).
func (c *ctx) drawCell(t *table, cl *cell, top, h float64, from, n int) {
	x, w := t.xs[cl.col], t.xs[cl.col+cl.span]-t.xs[cl.col]
	c.add(Box{Kind: Rect, X: x, Y: top, W: w, H: h, Stroke: border, Fill: cl.fill})
	base := top + cellPad + baseline(tableSize, tableLead)
	for j := from; j < from+n && j < len(cl.lines); j++ {
		c.add(c.lineBoxes(cl.lines[j], x+cellPad, base, w-2*cellPad, tableSize, cl.al, cl.id)...)
		base += tableLead
	}
}

// closeSpan draws the span cells beside the band's fragment on this page
// with as many of their remaining lines as fit in it.
func (c *ctx) closeSpan(t *table, b *band, st *bandState) {
	h := c.y - st.fragTop
	if len(b.span) == 0 || h <= eps {
		return
	}
	n := max(0, int(math.Floor((h-2*cellPad)/tableLead+eps)))
	for i := range b.span {
		c.drawCell(t, &b.span[i], st.fragTop, h, st.spanOff, n)
	}
	st.spanOff += n
}
