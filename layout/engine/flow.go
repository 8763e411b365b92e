package engine

import (
	"errors"
	"fmt"
)

// boxesPerPage is the initial capacity of a page's box list (a full table
// page holds about 150 to 250 boxes).
const boxesPerPage = 256

// ErrNoSpace is returned when the paper is too small for content that
// must stay together (a table header with one line of a row, a block a
// template keeps on one page).
var ErrNoSpace = errors.New("content does not fit on an empty page")

// Flow is a document being built: its pages, the page frame, and a cursor
// on the current (last) page. It typesets through its Typesetter. Templates
// move the cursor Y; NewPage sets the body area Left, Right, Top and
// Bottom, which templates only read.
type Flow struct {
	*Typesetter
	frame Frame
	doc   *Document
	foot  [2][]TextLine // footer lines for portrait [0] and landscape [1]

	Y                        float64 // the cursor: top of the next content
	Left, Right, Top, Bottom float64 // the body area; content must end above Bottom
}

// NewFlow returns an empty document in the frame fr, set by ts.
func NewFlow(ts *Typesetter, fr Frame) *Flow {
	return &Flow{Typesetter: ts, frame: fr, doc: &Document{Images: map[string]ImageData{}}}
}

// NewPage starts a page and puts the cursor at its top margin.
func (f *Flow) NewPage(landscape bool) {
	w, h := f.frame.Width, f.frame.Height
	if landscape {
		w, h = h, w
	}
	f.doc.Pages = append(f.doc.Pages, Page{Width: w, Height: h, Landscape: landscape,
		Boxes: make([]Box, 0, boxesPerPage)})
	f.Left, f.Right, f.Top = f.frame.Side, w-f.frame.Side, f.frame.Top
	f.Y = f.Top
	f.Bottom = f.bodyBottom(landscape, w, h)
}

// Page returns the current page.
func (f *Flow) Page() *Page { return &f.doc.Pages[len(f.doc.Pages)-1] }

// PageNo returns the 1-based number of the current page.
func (f *Flow) PageNo() int { return len(f.doc.Pages) }

// Add appends boxes to the current page.
func (f *Flow) Add(b ...Box) {
	p := f.Page()
	p.Boxes = append(p.Boxes, b...)
}

// AddImage records an image that boxes refer to by name.
func (f *Flow) AddImage(name string, img ImageData) { f.doc.Images[name] = img }

// AddSigRect records signature rectangles.
func (f *Flow) AddSigRect(r ...SigRect) { f.doc.SigRects = append(f.doc.SigRects, r...) }

// Landscape reports whether the current page is landscape.
func (f *Flow) Landscape() bool { return f.Page().Landscape }

// TextWidth returns the width of the body area.
func (f *Flow) TextWidth() float64 { return f.Right - f.Left }

// Ensure starts a new page of the same orientation when h points do not
// fit below the cursor; it fails when h does not fit on an empty page.
func (f *Flow) Ensure(h float64) error {
	if f.Y+h <= f.Bottom+eps {
		return nil
	}
	if f.Y > f.Top+eps {
		f.NewPage(f.Landscape())
	}
	if f.Y+h > f.Bottom+eps {
		return fmt.Errorf("%w (%.0f pt needed, %.0f pt available)", ErrNoSpace, h, f.Bottom-f.Top)
	}
	return nil
}

// Gap moves the cursor down by h unless it stands at the top of a page.
func (f *Flow) Gap(h float64) {
	if f.Y > f.Top+eps {
		f.Y += h
	}
}

// Paragraph sets lines at the cursor across the measure [x, x+width] and
// moves the cursor below them.
func (f *Flow) Paragraph(lines []TextLine, x, width float64, st Style, al Align, id string) {
	off := Baseline(st.Size, st.Lead)
	for _, l := range lines {
		f.Add(f.LineBoxes(l, x, f.Y+off, width, st.Size, al, id)...)
		f.Y += st.Lead
	}
}

// Block wraps text and sets it at the cursor, first moving to a new page
// when it does not fit. Words overlapping one of emph are set bold.
func (f *Flow) Block(text string, st Style, x, width float64, al Align, id string, emph ...string) error {
	lines := f.Wrap(text, st, width, emph...)
	if err := f.Ensure(float64(len(lines)) * st.Lead); err != nil {
		return err
	}
	f.Paragraph(lines, x, width, st, al, id)
	return nil
}
