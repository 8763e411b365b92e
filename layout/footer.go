package layout

import (
	"fmt"
	"strings"
)

// footStyle is the style of the footer line and the page number.
var footStyle = style{size: footSize, lead: footLead}

// footLines returns the footer text wrapped to the text width of a page of
// width w; it is computed once per orientation.
func (c *ctx) footLines(landscape bool, w float64) []line {
	i := 0
	if landscape {
		i = 1
	}
	if c.foot[i] == nil && !isBlank(c.a.Footer) {
		c.foot[i] = c.wrap(strings.TrimSpace(c.a.Footer), footStyle, w-2*marginSide)
	}
	return c.foot[i]
}

// bodyBottom returns the lowest y body content may reach on a page of
// size w x h: the bottom margin, raised when the footer text needs more
// room above the page number.
func (c *ctx) bodyBottom(landscape bool, w, h float64) float64 {
	n := len(c.footLines(landscape, w))
	top := h - footBase - float64(n)*footLead - footSize - footGap
	return min(h-marginBottom, top)
}

// footers adds to every page the footer text (centred, above) and
// "Halaman N dari M" (right aligned, at footBase from the bottom edge).
func (c *ctx) footers() {
	total := len(c.doc.Pages)
	for i := range c.doc.Pages {
		p := &c.doc.Pages[i]
		lines := c.footLines(p.Landscape, p.Width)
		left, width := marginSide, p.Width-2*marginSide
		base := p.Height - footBase - float64(len(lines))*footLead
		for _, l := range lines {
			p.Boxes = append(p.Boxes, c.lineBoxes(l, left, base, width, footSize, alCenter, "footer")...)
			base += footLead
		}
		s := fmt.Sprintf("Halaman %d dari %d", i+1, total)
		w := c.width(c.font(false), footSize, s)
		p.Boxes = append(p.Boxes, c.textBox(s, w, left+width-w, base, footSize, false, "halaman"))
	}
}
