package layout

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"kinerja/data"
	"kinerja/layout/engine"
)

// The engine's types, under the names callers have always used: render
// draws a Document without importing the engine.
type (
	Font      = engine.Font
	Measurer  = engine.Measurer
	Kind      = engine.Kind
	Box       = engine.Box
	Page      = engine.Page
	SigRect   = engine.SigRect
	Document  = engine.Document
	ImageData = engine.ImageData
)

// Box kinds.
const (
	Text  = engine.Text
	Line  = engine.Line
	Rect  = engine.Rect
	Image = engine.Image
)

// ErrNoSpace is returned when the paper is too small for the content that
// must stay together (a table header with one line of a row, a signature
// section).
var ErrNoSpace = engine.ErrNoSpace

// Dump writes a plain-text listing of d (see engine.Dump).
func Dump(w io.Writer, d *Document) error { return engine.Dump(w, d) }

// mm is one millimetre in points; eps absorbs floating point noise.
const (
	mm  = engine.MM
	eps = engine.Eps
)

// The templates' page frame and type sizes, in points.
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
	groupFill = 0.92 // grey of a group row

	noteSize = 8.0 // the note above the report table
	noteLead = 10.0

	sigSpace = 75.0 // height reserved for a signature
	sigWidth = 170.0
)

// The templates' text styles.
var (
	body     = engine.Style{Size: bodySize, Lead: bodyLead}
	bodyBold = engine.Style{Size: bodySize, Lead: bodyLead, Bold: true}
	att      = engine.Style{Size: attSize, Lead: attLead}
	attBold  = engine.Style{Size: attSize, Lead: attLead, Bold: true}
	// sigNoteStyle is the attachment's electronic-signature notice.
	sigNoteStyle = engine.Style{Size: 9, Lead: 11}
	// cellStyle and cellBold are the agreement tables' text styles.
	cellStyle = engine.Style{Size: tableSize, Lead: tableLead}
	cellBold  = engine.Style{Size: tableSize, Lead: tableLead, Bold: true}
)

// agreementDoc is the agreement template at work: the engine's flow (pages,
// cursor, typesetter) and the model its text comes from.
type agreementDoc struct {
	*engine.Flow
	a *data.Agreement
}

// Agreement lays out the whole Perjanjian Kinerja: the portrait statement
// page followed by the landscape attachment pages. SigRects lists, in
// order, the statement page's PIHAK PERTAMA and PIHAK KEDUA rectangles and
// then the attachment's PIHAK PERTAMA and PIHAK KEDUA rectangles. a must
// have its defaults applied (data.Decode does it; a model built in code
// calls data.Agreement.ApplyDefaults).
func Agreement(a *data.Agreement, m Measurer) (*Document, error) {
	if a == nil || m == nil {
		return nil, errors.New("layout: nil agreement or measurer")
	}
	f, err := newFlow(a, m)
	if err != nil {
		return nil, err
	}
	d := &agreementDoc{Flow: f, a: a}
	if err := d.statement(); err != nil {
		return nil, fmt.Errorf("layout statement page: %w", err)
	}
	if err := d.attachment(); err != nil {
		return nil, fmt.Errorf("layout attachment: %w", err)
	}
	return d.Finish(), nil
}

// newFlow checks the agreement's paper and font and returns an empty
// document in its frame: the margins, its footer and "Halaman N dari M".
func newFlow(a *data.Agreement, m Measurer) (*engine.Flow, error) {
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
	fr := engine.Frame{Width: w * mm, Height: h * mm, Side: marginSide, Top: marginTop, Bottom: marginBottom,
		Footer: a.Footer, PageLabel: pageLabel}
	return engine.NewFlow(engine.NewTypesetter(m, fam), fr), nil
}

// pageLabel is the page number line, "Halaman 2 dari 8".
func pageLabel(n, total int) string {
	return "Halaman " + strconv.Itoa(n) + " dari " + strconv.Itoa(total)
}

// hc returns a header cell: rows header rows from row, span columns from
// col.
func hc(row, rows, col, span int, text string) engine.HeaderCell {
	return engine.HeaderCell{Row: row, Rows: rows, Col: col, Span: span, Text: text}
}

// isBlank reports whether s has no visible characters.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// orDefault returns s, or def when s is blank.
func orDefault(s, def string) string {
	if isBlank(s) {
		return def
	}
	return s
}
