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
	// cue is drawn, small and grey, on a fragment of a continued row or
	// band where the cell has no text left (see drawCue); "" for none.
	cue string
	// small is the number of trailing lines set small and grey (a note
	// under the value), named smallID.
	small   int
	smallID string
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
	// tail is the height of what must follow the table on the same page
	// as its last band (the signature blocks): the last band moves to a
	// new page with it rather than leave it alone there.
	tail float64
	st   style // the regular text style of its cells (size and leading)
}

// cellStyle and headStyle are the table's text styles.
var (
	cellStyle = style{size: tableSize, lead: tableLead}
	cellBold  = style{size: tableSize, lead: tableLead, bold: true}
)

// newTable returns a table at x with the given column widths whose cells
// are set in the size and leading of st.
func newTable(x float64, widths []float64, st style) *table {
	xs := make([]float64, len(widths)+1)
	xs[0] = x
	for i, w := range widths {
		xs[i+1] = xs[i] + w
	}
	return &table{xs: xs, st: st}
}

// cellWidth returns the text width inside columns [col, col+span).
func (t *table) cellWidth(col, span int) float64 { return t.xs[col+span] - t.xs[col] - 2*cellPad }

// newCell wraps text into a cell.
func (c *ctx) newCell(t *table, col, span int, text string, st style, al align, id string) cell {
	return cell{col: col, span: span, lines: c.wrap(text, st, t.cellWidth(col, span)), al: al, fill: noFill, id: id}
}

// rowH returns the height of n lines of a row fragment.
func (t *table) rowH(n int) float64 { return 2*cellPad + float64(n)*t.st.lead }

// bold returns the bold style of the table's text.
func (t *table) bold() style { return style{size: t.st.size, lead: t.st.lead, bold: true} }

// setHeader lays out the header grid once: row heights fit the cells of
// one row, and a cell spanning rows gets the rows' total height.
func (c *ctx) setHeader(t *table, cells []hcell, nrows int) {
	hs := make([]float64, nrows)
	lines := make([][]line, len(cells))
	for i, h := range cells {
		lines[i] = c.wrap(h.text, t.bold(), t.cellWidth(h.col, h.span))
		if h.rows == 1 {
			hs[h.row] = max(hs[h.row], t.rowH(len(lines[i])))
		}
	}
	for i, h := range cells {
		if sum := sumRange(hs, h.row, h.rows); h.rows > 1 && sum < t.rowH(len(lines[i])) {
			hs[h.row+h.rows-1] += t.rowH(len(lines[i])) - sum
		}
	}
	t.headH = sumRange(hs, 0, nrows)
	for i, h := range cells {
		y, hh := sumRange(hs, 0, h.row), sumRange(hs, h.row, h.rows)
		x, w := t.xs[h.col], t.xs[h.col+h.span]-t.xs[h.col]
		t.head = append(t.head, Box{Kind: Rect, X: x, Y: y, W: w, H: hh, Stroke: border, Fill: headFill})
		ty := y + (hh-float64(len(lines[i]))*t.st.lead)/2 + baseline(t.st.size, t.st.lead)
		for j, l := range lines[i] {
			t.head = append(t.head, c.lineBoxes(l, x+cellPad, ty+float64(j)*t.st.lead, w-2*cellPad, t.st.size, alCenter, "head")...)
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
		if c.y+t.leadIn(i) > c.bottom+eps && c.y > t.body+eps || c.tailBreak(t, i) {
			c.tablePage(t)
		}
		if err := c.placeBand(t, &t.bands[i]); err != nil {
			return err
		}
	}
	return nil
}

// tailBreak reports whether band i is the last band and must start a new
// page so that the table's tail can follow it: it does not fit here with
// the tail, it would with the tail on an empty page, and it is not the
// only thing on this page.
func (c *ctx) tailBreak(t *table, i int) bool {
	if t.tail == 0 || i != len(t.bands)-1 || c.y <= t.body+eps {
		return false
	}
	need := t.bandHeight(i) + t.tail
	return c.y+need > c.bottom+eps && t.headH+need <= c.bottom-c.top+eps
}

// height returns the height of the table's rows placed without a break.
func (t *table) height() float64 {
	h := 0.0
	for i := range t.bands {
		h += t.bandHeight(i)
	}
	return h
}

// bandHeight returns the height of band i placed without a break.
func (t *table) bandHeight(i int) float64 {
	b := &t.bands[i]
	h := 0.0
	for r := range b.rows {
		h += t.rowH(t.rowLines(b, r))
	}
	return max(h, t.rowH(spanLines(b)))
}

// leadIn returns the height that must fit for band i to start on a page:
// its first row whole when that row has at most keepRow lines, else its
// first two lines; for a group row its whole height plus the lead-in of the
// next band.
func (t *table) leadIn(i int) float64 {
	b := &t.bands[i]
	if b.keepNext && i+1 < len(t.bands) {
		return t.rowH(t.rowLines(b, 0)) + t.leadIn(i+1)
	}
	n := t.rowLines(b, 0)
	if len(b.rows) == 1 {
		n = max(n, spanLines(b))
	}
	if n <= keepRow {
		return t.rowH(n)
	}
	return t.rowH(2)
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
		fit := int(math.Floor((c.bottom-c.y-2*cellPad)/t.st.lead + eps))
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
	need := float64(spanLines(b)-st.spanOff)*t.st.lead - (c.y - st.fragTop)
	if need <= eps {
		return n
	}
	return max(n, st.off+int(math.Ceil(need/t.st.lead-eps)))
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
func (c *ctx) drawRow(t *table, cells []cell, from, n int) {
	h := t.rowH(n)
	cue := from > 0 && hasText(cells, from)
	for i := range cells {
		c.drawCell(t, &cells[i], c.y, h, from, n, cue)
	}
	c.y += h
}

// hasText reports whether one of cells has lines from line from on.
func hasText(cells []cell, from int) bool {
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
func (c *ctx) drawCell(t *table, cl *cell, top, h float64, from, n int, cue bool) {
	x, w := t.xs[cl.col], t.xs[cl.col+cl.span]-t.xs[cl.col]
	c.add(Box{Kind: Rect, X: x, Y: top, W: w, H: h, Stroke: border, Fill: cl.fill})
	if cue && from > 0 && from >= len(cl.lines) && cl.cue != "" {
		c.drawCue(cl, x, top, w, h)
		return
	}
	base := top + cellPad + baseline(t.st.size, t.st.lead)
	for j := from; j < from+n && j < len(cl.lines); j++ {
		if j >= len(cl.lines)-cl.small {
			c.add(greyed(c.lineBoxes(cl.lines[j], x+cellPad, base, w-2*cellPad, cueSize, cl.al, cl.smallID))...)
		} else {
			c.add(c.lineBoxes(cl.lines[j], x+cellPad, base, w-2*cellPad, t.st.size, cl.al, cl.id)...)
		}
		base += t.st.lead
	}
}

// greyed sets the text of bs in the cue grey.
func greyed(bs []Box) []Box {
	for i := range bs {
		bs[i].Fill = cueGrey
	}
	return bs
}

// addSmall appends text wrapped small under a cell's lines, named id.
func (c *ctx) addSmall(t *table, cl *cell, text, id string) {
	ls := c.wrap(text, style{size: cueSize, lead: t.st.lead}, t.cellWidth(cl.col, cl.span))
	cl.lines = append(cl.lines[:len(cl.lines):len(cl.lines)], ls...)
	cl.small, cl.smallID = len(ls), id
}

// closeSpan draws the span cells beside the band's fragment on this page
// with as many of their remaining lines as fit in it.
func (c *ctx) closeSpan(t *table, b *band, st *bandState) {
	h := c.y - st.fragTop
	if len(b.span) == 0 || h <= eps {
		return
	}
	n := max(0, int(math.Floor((h-2*cellPad)/t.st.lead+eps)))
	cues := c.spanCues(t, b.span, st.spanOff)
	for i := range b.span {
		cl := b.span[i]
		cl.cue = cues[i]
		c.drawCell(t, &cl, st.fragTop, h, st.spanOff, n, true)
	}
	st.spanOff += n
}
