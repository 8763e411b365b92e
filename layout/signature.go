package layout

import (
	"strings"

	"kinerja/data"
)

// piece is one short text of a signature block.
type piece struct {
	text, id string
	bold     bool
}

// sigCol describes one party's signature block.
type sigCol struct {
	party string     // "pertama" or "kedua"
	pre   []piece    // lines above the position (role line, date line)
	jab   string     // position, printed with a trailing comma
	p     data.Party // for pangkat and NIP
	name  string     // printed bold and underlined under the signature space
	key   string     // Box.Cell prefix, e.g. "ttd.pertama"
}

// chunk is a wrapped piece.
type chunk struct {
	lines []line
	id    string
}

// sigInset is the horizontal space kept free on each side of a column.
const sigInset = 6.0

// signatures sets two signature blocks side by side, each centred in half
// of the text width: left (PIHAK KEDUA) and right (PIHAK PERTAMA). The date
// line goes either on its own row above the right block or, with dateInCol,
// as the first line of the right block. The whole section stays on one
// page; the signature spaces of both blocks share one row, so the names
// line up. The SigRects are appended right (pertama) first.
func (c *ctx) signatures(left, right sigCol, st style, date piece, dateInCol bool) error {
	colW := (c.right - c.left) / 2
	inner := colW - 2*sigInset
	dateLines, lp, lq, rp, rq := c.sigPlan(&left, &right, st, date, dateInCol)
	preN, postN := max(countLines(lp), countLines(rp)), max(countLines(lq), countLines(rq))
	h := float64(len(dateLines)+preN+postN)*st.lead + sigSpace
	if err := c.ensure(h); err != nil {
		return err
	}
	c.paragraph(dateLines, c.left+colW+sigInset, inner, st, alCenter, date.id)
	top := c.y
	sigTop := top + float64(preN)*st.lead
	rr := c.sigBlock(rp, rq, right, c.left+colW, colW, top, sigTop, st)
	rl := c.sigBlock(lp, lq, left, c.left, colW, top, sigTop, st)
	c.doc.SigRects = append(c.doc.SigRects, rr, rl)
	c.y = sigTop + sigSpace + float64(postN)*st.lead
	return nil
}

// sigPlan wraps the date line (or puts it at the top of the right block)
// and both blocks' parts above and under the signature space.
func (c *ctx) sigPlan(left, right *sigCol, st style, date piece, dateInCol bool) (dateLines []line, lp, lq, rp, rq []chunk) {
	inner := (c.right-c.left)/2 - 2*sigInset
	if dateInCol {
		right.pre = append([]piece{date}, right.pre...)
	} else {
		dateLines = c.wrap(date.text, st, inner)
	}
	lp, lq = c.sigChunks(*left, st, inner)
	rp, rq = c.sigChunks(*right, st, inner)
	return dateLines, lp, lq, rp, rq
}

// sigHeight returns the height signatures would take for these blocks.
func (c *ctx) sigHeight(left, right sigCol, st style, date piece, dateInCol bool) float64 {
	dateLines, lp, lq, rp, rq := c.sigPlan(&left, &right, st, date, dateInCol)
	preN, postN := max(countLines(lp), countLines(rp)), max(countLines(lq), countLines(rq))
	return float64(len(dateLines)+preN+postN)*st.lead + sigSpace
}

// sigChunks wraps the parts of a block above the signature space (pre) and
// under the name (post, which starts with the name itself).
func (c *ctx) sigChunks(s sigCol, st style, width float64) (pre, post []chunk) {
	for _, p := range s.pre {
		pre = append(pre, chunk{c.wrap(p.text, style{st.size, st.lead, p.bold}, width), p.id})
	}
	if !isBlank(s.jab) {
		pre = append(pre, chunk{c.wrap(withComma(s.jab), st, width), s.key + ".jabatan"})
	}
	post = append(post, chunk{c.wrap(s.name, style{st.size, st.lead, true}, width), s.key + ".nama"})
	if !isBlank(s.p.Pangkat) {
		post = append(post, chunk{c.wrap(s.p.Pangkat, st, width), s.key + ".pangkat"})
	}
	if !isBlank(s.p.NIP) {
		post = append(post, chunk{c.wrap("NIP "+s.p.NIP, st, width), s.key + ".nip"})
	}
	return pre, post
}

// sigBlock draws one block in the column [x, x+colW] and returns its SigRect.
func (c *ctx) sigBlock(pre, post []chunk, s sigCol, x, colW, top, sigTop float64, st style) SigRect {
	inner := colW - 2*sigInset
	c.y = top
	for _, ch := range pre {
		c.paragraph(ch.lines, x+sigInset, inner, st, alCenter, ch.id)
	}
	c.y = sigTop + sigSpace
	for i, ch := range post {
		n := len(c.page().Boxes)
		c.paragraph(ch.lines, x+sigInset, inner, st, alCenter, ch.id)
		for j := n; i == 0 && j < len(c.page().Boxes); j++ {
			c.page().Boxes[j].Underline = true
		}
	}
	w := min(sigWidth, inner)
	return SigRect{Party: s.party, Page: c.pageNo(), X: x + (colW-w)/2, Y: sigTop, W: w, H: sigSpace}
}

// countLines returns the number of lines of all chunks.
func countLines(cs []chunk) int {
	n := 0
	for _, ch := range cs {
		n += len(ch.lines)
	}
	return n
}

// withComma returns s trimmed and ending with a comma.
func withComma(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ",") {
		return s
	}
	return s + ","
}
