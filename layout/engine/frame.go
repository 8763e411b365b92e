package engine

import "strings"

// Frame is what every page of a document shares: the paper, the margins
// and the footer. The footer text (optional) is set small and centred
// above the page number line, which PageLabel words ("Halaman 2 dari 8")
// and which stands right aligned at footBase above the bottom edge. The
// body ends at the bottom margin, or higher when the footer needs room.
type Frame struct {
	Width, Height     float64 // portrait paper size in points
	Side, Top, Bottom float64 // margins in points
	Footer            string
	PageLabel         func(n, total int) string
}

// Footer typography, in points.
const (
	footSize = 8.0 // footer and page number
	footLead = 10.0
	footBase = 10 * MM // page number baseline, from the bottom edge
	footGap  = 6.0     // space kept between the body and the footer
)

// Names of the texts the engine adds, in Box.Cell.
const (
	CellHead   = "head"           // a table header cell
	CellCue    = "label.lanjutan" // a continuation cue
	CellFooter = "footer"         // the footer text
	CellPage   = "halaman"        // the page number line
)

// footStyle is the style of the footer line and the page number.
var footStyle = Style{Size: footSize, Lead: footLead}

// footLines returns the footer text wrapped to the text width of a page of
// width w; it is computed once per orientation.
func (f *Flow) footLines(landscape bool, w float64) []TextLine {
	i := 0
	if landscape {
		i = 1
	}
	text := strings.TrimSpace(f.frame.Footer)
	if f.foot[i] == nil && text != "" {
		f.foot[i] = f.Wrap(text, footStyle, w-2*f.frame.Side)
	}
	return f.foot[i]
}

// bodyBottom returns the lowest y body content may reach on a page of
// size w x h: the bottom margin, raised when the footer text needs more
// room above the page number.
func (f *Flow) bodyBottom(landscape bool, w, h float64) float64 {
	n := len(f.footLines(landscape, w))
	top := h - footBase - float64(n)*footLead - footSize - footGap
	return min(h-f.frame.Bottom, top)
}

// Finish adds the frame to every page (the footer text centred above the
// page number line) and returns the document. Call it once, last.
func (f *Flow) Finish() *Document {
	total := len(f.doc.Pages)
	for i := range f.doc.Pages {
		p := &f.doc.Pages[i]
		lines := f.footLines(p.Landscape, p.Width)
		left, width := f.frame.Side, p.Width-2*f.frame.Side
		base := p.Height - footBase - float64(len(lines))*footLead
		for _, l := range lines {
			p.Boxes = append(p.Boxes, f.LineBoxes(l, left, base, width, footSize, AlignCenter, CellFooter)...)
			base += footLead
		}
		if f.frame.PageLabel == nil {
			continue
		}
		s := f.frame.PageLabel(i+1, total)
		w := f.Width(f.Font(false), footSize, s)
		p.Boxes = append(p.Boxes, f.TextBox(s, w, left+width-w, base, footSize, false, CellPage))
	}
	return f.doc
}
