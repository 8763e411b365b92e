package layout

import (
	"errors"
	"fmt"
	"math"

	"kinerja/data"
)

// mm is one millimetre in points.
const mm = 72 / 25.4

// Page geometry and type sizes, in points.
const (
	marginSide   = 25 * mm // left and right margin
	marginTop    = 20 * mm
	marginBottom = 20 * mm // body limit when the footer is one line or none

	bodySize = 12.0 // statement page text
	bodyLead = 15.0
	attSize  = 11.0 // attachment title block and signatures
	attLead  = 13.5

	tableSize = 9.0 // table text
	tableLead = 10.8
	cellPad   = 3.0 // inner padding of a table cell on every side
	border    = 0.5 // table border width
	headFill  = 0.85
	groupFill = 0.92
	noFill    = -1.0

	footSize = 8.0 // footer and page number
	footLead = 10.0
	footBase = 10 * mm // page number baseline, from the bottom edge
	footGap  = 6.0     // space kept between the body and the footer

	sigSpace = 75.0 // height reserved for a signature
	sigWidth = 170.0
)

// boxesPerPage is the initial capacity of a page's box list (a full table
// page holds about 150 to 250 boxes).
const boxesPerPage = 256

// eps absorbs floating point noise when comparing lengths.
const eps = 1e-6

// ErrNoSpace is returned when the paper is too small for the content that
// must stay together (a table header with one line of a row, a signature
// section).
var ErrNoSpace = errors.New("content does not fit on an empty page")

// ctx carries the state of one layout run: the model, the measurer with its
// cache, the document being built and the cursor on the current page.
type ctx struct {
	a      *data.Agreement
	m      Measurer
	family string
	doc    *Document
	pw, ph float64 // portrait page size

	widths map[measureKey]float64
	foot   [2][]line // footer lines for portrait [0] and landscape [1]

	// Cursor on the current (last) page.
	y                float64
	left, right, top float64
	bottom           float64 // body content must end above this
}

// measureKey identifies one measured string; the family is the same for
// the whole document, so only the weight and slant are part of the key.
type measureKey struct {
	bold   bool
	italic bool
	size   float64
	s      string
}

// Agreement lays out the whole Perjanjian Kinerja: the portrait statement
// page followed by the landscape attachment pages. SigRects lists, in
// order, the statement page's PIHAK PERTAMA and PIHAK KEDUA rectangles and
// then the attachment's PIHAK PERTAMA and PIHAK KEDUA rectangles.
func Agreement(a *data.Agreement, m Measurer) (*Document, error) {
	if a == nil || m == nil {
		return nil, errors.New("layout: nil agreement or measurer")
	}
	c, err := newCtx(a, m)
	if err != nil {
		return nil, err
	}
	if err := c.statement(); err != nil {
		return nil, fmt.Errorf("layout statement page: %w", err)
	}
	if err := c.attachment(); err != nil {
		return nil, fmt.Errorf("layout attachment: %w", err)
	}
	c.footers()
	return c.doc, nil
}

// newCtx checks paper and font choice and prepares an empty document.
func newCtx(a *data.Agreement, m Measurer) (*ctx, error) {
	w, h := a.Kertas.Width, a.Kertas.Height
	if !(w > 0 && h > 0) || math.IsInf(w+h, 0) {
		return nil, fmt.Errorf("layout: bad paper size %gx%g mm", w, h)
	}
	if w > h {
		w, h = h, w
	}
	fam := string(a.Huruf)
	if fam != "serif" && fam != "sans" {
		return nil, fmt.Errorf("layout: unknown font family %q (want serif or sans)", fam)
	}
	c := &ctx{a: a, m: m, family: fam, pw: w * mm, ph: h * mm,
		doc:    &Document{Images: map[string]ImageData{}},
		widths: make(map[measureKey]float64, 1024)}
	return c, nil
}

// orDefault returns s, or def when s is blank.
func orDefault(s, def string) string {
	if isBlank(s) {
		return def
	}
	return s
}

// font returns the document's font family with the given weight.
func (c *ctx) font(bold bool) Font { return Font{Family: c.family, Bold: bold} }

// width measures s once per font and size.
func (c *ctx) width(f Font, size float64, s string) float64 {
	k := measureKey{f.Bold, f.Italic, size, s}
	if w, ok := c.widths[k]; ok {
		return w
	}
	w := c.m.Width(f, size, s)
	c.widths[k] = w
	return w
}

// newPage starts a page and puts the cursor at its top margin.
func (c *ctx) newPage(landscape bool) {
	w, h := c.pw, c.ph
	if landscape {
		w, h = h, w
	}
	c.doc.Pages = append(c.doc.Pages, Page{Width: w, Height: h, Landscape: landscape,
		Boxes: make([]Box, 0, boxesPerPage)})
	c.left, c.right, c.top = marginSide, w-marginSide, marginTop
	c.y = c.top
	c.bottom = c.bodyBottom(landscape, w, h)
}

// page returns the current page.
func (c *ctx) page() *Page { return &c.doc.Pages[len(c.doc.Pages)-1] }

// pageNo returns the 1-based number of the current page.
func (c *ctx) pageNo() int { return len(c.doc.Pages) }

// add appends boxes to the current page.
func (c *ctx) add(b ...Box) {
	p := c.page()
	p.Boxes = append(p.Boxes, b...)
}

// landscape reports whether the current page is landscape.
func (c *ctx) landscape() bool { return c.page().Landscape }

// ensure starts a new page of the same orientation when h points do not
// fit below the cursor; it fails when h does not fit on an empty page.
func (c *ctx) ensure(h float64) error {
	if c.y+h <= c.bottom+eps {
		return nil
	}
	if c.y > c.top+eps {
		c.newPage(c.landscape())
	}
	if c.y+h > c.bottom+eps {
		return fmt.Errorf("%w (%.0f pt needed, %.0f pt available)", ErrNoSpace, h, c.bottom-c.top)
	}
	return nil
}

// gap moves the cursor down by h unless it stands at the top of a page.
func (c *ctx) gap(h float64) {
	if c.y > c.top+eps {
		c.y += h
	}
}
