package engine

// Units: every length is in PDF points (1/72 inch). Coordinates have their
// origin at the top-left corner of the page with y growing downwards, which
// is also fpdf's convention when it works in points.

// Font names a font face: Family is "serif" or "sans"; Bold and Italic pick
// the style.
type Font struct {
	Family string
	Bold   bool
	Italic bool
}

// Measurer gives the advance width in points of s set in font f at size pt.
// The engine never draws; it only asks a Measurer.
type Measurer interface {
	Width(f Font, size float64, s string) float64
}

// Kind is the kind of a Box.
type Kind int

// Box kinds.
const (
	Text  Kind = iota // a run of text; X is its left edge, Y its baseline
	Line              // a straight line from (X,Y) to (X+W,Y+H), stroke width Stroke
	Rect              // a rectangle at (X,Y) of size W x H; stroked when Stroke > 0, filled when Fill >= 0
	Image             // an image named Name fitted into (X,Y,W,H)
)

// Box is one positioned item on a page.
type Box struct {
	Kind Kind
	X, Y float64 // points, top-left origin; for Text, Y is the baseline
	W, H float64 // for Text, W is the measured width and H the font size

	Font Font    // Text only
	Size float64 // Text only: font size in points
	Text string  // Text only
	// Underline draws a line under the text (names in signature blocks).
	Underline bool

	Stroke float64 // Line and Rect: line width in points (0 = no stroke for Rect)
	// Fill is the grey level for a filled Rect (0 black .. 1 white); -1 = no fill.
	// For Text it is the text grey level (0 = black).
	Fill float64

	// Color, when not empty, is an sRGB colour "#rrggbb" that replaces the
	// grey Fill: the fill colour of a Rect, the colour of a Text. Keep Fill
	// set to a grey of similar luminance for greyscale output.
	Color string

	Name string // Image only: key into Document.Images

	// Cell names the source of a Text box: the id the template gave the
	// text, e.g. "k0.s2.i1.pengukuran", or one of the names the engine
	// gives the text it adds (CellHead, CellCue, CellFooter, CellPage).
	// Render ignores it; tests and Dump use it to check that no text is
	// lost or duplicated across page breaks.
	Cell string
}

// Page is one page of positioned boxes.
type Page struct {
	Width, Height float64 // points, as the page is seen (landscape pages are wider than tall)
	Landscape     bool
	Boxes         []Box
}

// SigRect is the rectangle reserved on a page for one party's signature.
type SigRect struct {
	Party      string  // the signer, named by the template ("pertama" or "kedua")
	Page       int     // 1-based page number
	X, Y, W, H float64 // points, top-left origin
}

// Document is the result of layout: pages of boxes plus what the writer
// needs besides drawing (images, signature rectangles).
type Document struct {
	Pages  []Page
	Images map[string]ImageData // referenced by Box.Name; render emits them sorted by name
	// SigRects are the signature rectangles in the order the template
	// reserved them.
	SigRects []SigRect
}

// ImageData is an embedded image.
type ImageData struct {
	Type string // "PNG" or "JPEG"
	Data []byte
}
