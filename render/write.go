package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"kinerja/docinfo"
	"kinerja/layout"
)

// Meta is the document metadata Write puts into the PDF Info dictionary and
// the XMP packet.
type Meta struct {
	Title, Author, Subject, Keywords string
	// Created is the creation and modification date. The environment
	// variable SOURCE_DATE_EPOCH (seconds since 1970) overrides it when set.
	Created time.Time
	// Info travels in the XMP packet. Write fills in Page and Rect of every
	// signer whose Party has a signature rectangle in the layout.
	Info docinfo.Info
	// Files are embedded as document-level attachments (catalog
	// EmbeddedFiles name tree keyed by name, compressed, no dates); at
	// most MaxEmbeddedFiles, with clean, printable, unique names.
	Files []EmbeddedFile
	// NoSignatureFields leaves out the signature fields Write otherwise
	// makes for every signer with a rectangle (tanda_tangan = "bsre": the
	// signing service adds its own) and prints instead, at the top left of
	// each signature rectangle, the party's docinfo.Tag in white 2-point
	// type, for a service that places its appearance by a text tag.
	NoSignatureFields bool
	// ExactDate makes Write take Created as it is, ignoring
	// SOURCE_DATE_EPOCH (the re-render proof renders with the date a PDF
	// carries).
	ExactDate bool
}

// Producer is the PDF creator and producer name.
const Producer = "kinerja"

// Format is the version of the bytes Write produces (docinfo.Format, where
// it is bumped), recorded in every document's Info.Format.
const Format = docinfo.Format

// Lang is the document language written to the catalog and the XMP packet.
const Lang = "id-ID"

// ErrEmpty is returned by Write for a document without pages.
var ErrEmpty = errors.New("render: document has no pages")

// Write draws doc as a PDF to w: exactly the boxes layout placed, one PDF
// page per layout page, fonts embedded as subsets, streams compressed. The
// same doc and meta give the same bytes. Nothing is written to w when an
// error is returned.
func Write(w io.Writer, doc *layout.Document, meta Meta) error {
	return write(w, doc, meta, true)
}

// write is Write with compression switchable (off for byte goldens).
func write(w io.Writer, doc *layout.Document, meta Meta, compress bool) error {
	out, err := safeBuild(doc, meta, compress)
	if err != nil {
		return err
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("render: write: %w", err)
	}
	return nil
}

// safeBuild is build with a panic inside fpdf (for instance on an image
// that passed validation but that fpdf cannot parse) turned into an error.
func safeBuild(doc *layout.Document, meta Meta, compress bool) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("render: the PDF writer failed: %v", p)
		}
	}()
	return build(doc, meta, compress)
}

// build returns the finished PDF bytes.
func build(doc *layout.Document, meta Meta, compress bool) ([]byte, error) {
	raw, used, created, err := fpdfOutput(doc, meta)
	if err != nil {
		return nil, err
	}
	out, err := rewrite(raw, compress && !plainFpdf, pdfZone(created), fontMaps(used))
	if err != nil {
		return nil, err
	}
	if !meta.NoSignatureFields {
		if out, err = addSigFields(out, placeSigners(meta.Info, doc)); err != nil {
			return nil, err
		}
	}
	return finish(out, used)
}

// fpdfOutput checks doc and meta and returns fpdf's output with the files
// embedded, the faces used and the creation date.
func fpdfOutput(doc *layout.Document, meta Meta) ([]byte, []*fontUse, time.Time, error) {
	if err := validate(doc); err != nil {
		return nil, nil, time.Time{}, err
	}
	if err := checkFiles(meta.Files); err != nil {
		return nil, nil, time.Time{}, err
	}
	created := meta.Created
	if !meta.ExactDate {
		var err error
		if created, err = creationDate(meta.Created); err != nil {
			return nil, nil, time.Time{}, err
		}
	}
	if meta.NoSignatureFields {
		doc = withTags(doc) // for a service that places by tag (BSrE)
	}
	used, err := scanFonts(doc)
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	meta.Info = placeSigners(meta.Info, doc)
	meta.Info.Format = Format
	xmp, err := docinfo.EncodeXMP(meta.Info, meta.Title, meta.Author, meta.Subject, meta.Keywords, Producer, Lang)
	if err != nil {
		return nil, nil, time.Time{}, fmt.Errorf("render: %w", err)
	}
	pdf := newPDF(doc.Pages[0], meta, created, xmp)
	draw(pdf, doc, used)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, nil, time.Time{}, fmt.Errorf("render: %w", err)
	}
	raw, err := embedFiles(buf.Bytes(), meta.Files)
	return raw, used, created, err
}

// validate checks page sizes and image references.
func validate(doc *layout.Document) error {
	if doc == nil || len(doc.Pages) == 0 {
		return ErrEmpty
	}
	for i, p := range doc.Pages {
		if !(p.Width > 0 && p.Height > 0) || p.Landscape != (p.Width > p.Height) {
			return fmt.Errorf("render: page %d: bad size %gx%g (landscape %v)", i+1, p.Width, p.Height, p.Landscape)
		}
	}
	if err := checkColors(doc); err != nil {
		return err
	}
	return checkImages(doc)
}

// draw registers the fonts and images and draws every page.
func draw(pdf *fpdf.Fpdf, doc *layout.Document, used []*fontUse) {
	c := canvas{pdf: pdf, uses: map[layout.Font]*fontUse{}}
	for _, u := range used {
		u.register(pdf)
		c.uses[u.face.font] = u
	}
	registerImages(pdf, doc)
	for i := range doc.Pages {
		c.drawPage(&doc.Pages[i])
	}
}

// pdfZone formats the UTC offset of t for a PDF date: "Z" or "+07'00'".
func pdfZone(t time.Time) string {
	_, off := t.Zone()
	if off == 0 {
		return "Z"
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	return fmt.Sprintf("%s%02d'%02d'", sign, off/3600, off%3600/60)
}

// creationDate returns SOURCE_DATE_EPOCH (in UTC) when set, else created
// in its own time zone.
func creationDate(created time.Time) (time.Time, error) {
	if s, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok && s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("render: SOURCE_DATE_EPOCH=%q: not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	if created.IsZero() {
		return time.Time{}, errors.New("render: no creation date (set Meta.Created or SOURCE_DATE_EPOCH)")
	}
	return created, nil
}

// newPDF returns an fpdf document in points with the metadata set and no
// automatic page breaks.
func newPDF(first layout.Page, meta Meta, created time.Time, xmp []byte) *fpdf.Fpdf {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: portrait(first)})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(plainFpdf) // rewrite compresses page contents
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetTitle(meta.Title, true)
	pdf.SetAuthor(meta.Author, true)
	pdf.SetSubject(meta.Subject, true)
	pdf.SetKeywords(meta.Keywords, true)
	pdf.SetCreator(Producer, true)
	pdf.SetProducer(Producer, true)
	pdf.SetLang(Lang)
	pdf.SetXmpMetadata(xmp)
	return pdf
}

// portrait returns the portrait size of p, as fpdf's AddPageFormat wants it.
func portrait(p layout.Page) fpdf.SizeType {
	if p.Landscape {
		return fpdf.SizeType{Wd: p.Height, Ht: p.Width}
	}
	return fpdf.SizeType{Wd: p.Width, Ht: p.Height}
}

// placeSigners fills in the widgets of every signer from its signature
// rectangles in doc, as PDF rectangles (origin bottom-left), and Page and
// Rect from the first (the statement page's: layout lists those first).
func placeSigners(info docinfo.Info, doc *layout.Document) docinfo.Info {
	signers := append([]docinfo.Signer(nil), info.Signers...)
	for i := range signers {
		signers[i].Widgets = nil
		for _, r := range doc.SigRects {
			if r.Party != signers[i].Party.String() || r.Page < 1 || r.Page > len(doc.Pages) {
				continue
			}
			h := doc.Pages[r.Page-1].Height
			w := docinfo.Widget{Page: r.Page, Rect: [4]float64{round2(r.X), round2(h - (r.Y + r.H)), round2(r.X + r.W), round2(h - r.Y)}}
			if len(signers[i].Widgets) == 0 {
				signers[i].Page, signers[i].Rect = w.Page, w.Rect
			}
			signers[i].Widgets = append(signers[i].Widgets, w)
		}
	}
	info.Signers = signers
	return info
}

// round2 rounds to 1/100 point, the precision fpdf draws with.
func round2(v float64) float64 { return math.Round(v*100) / 100 }

// checkImages makes sure every image box names an image of a known type.
func checkImages(doc *layout.Document) error {
	for pi, p := range doc.Pages {
		for _, b := range p.Boxes {
			if b.Kind != layout.Image {
				continue
			}
			img, ok := doc.Images[b.Name]
			if !ok {
				return fmt.Errorf("render: page %d: image %q not in the document", pi+1, b.Name)
			}
			if img.Type != "PNG" && img.Type != "JPEG" {
				return fmt.Errorf("render: image %q: type %q (want PNG or JPEG)", b.Name, img.Type)
			}
		}
	}
	return nil
}

// registerImages registers every image of doc, in name order.
func registerImages(pdf *fpdf.Fpdf, doc *layout.Document) {
	names := make([]string, 0, len(doc.Images))
	for n := range doc.Images {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		img := doc.Images[n]
		pdf.RegisterImageOptionsReader(n, fpdf.ImageOptions{ImageType: img.Type}, bytes.NewReader(img.Data))
	}
}

// canvas draws boxes into one fpdf document.
type canvas struct {
	pdf  *fpdf.Fpdf
	uses map[layout.Font]*fontUse // the faces registered, by font
	// font and grey are the current text settings on the page, so that
	// unchanged settings are not set again (SetFont is not free).
	font textState
}

// textState is the text font, style, size and grey level in effect.
type textState struct {
	family, style string
	size          float64
	grey          int
	color         string // Box.Color, "" for the grey
}

// drawPage adds p and draws its boxes in order.
func (c *canvas) drawPage(p *layout.Page) {
	orient := "P"
	if p.Landscape {
		orient = "L"
	}
	c.pdf.AddPageFormat(orient, portrait(*p))
	c.font = textState{grey: -1}
	for i := range p.Boxes {
		c.drawBox(&p.Boxes[i])
	}
}

// drawBox draws one box.
func (c *canvas) drawBox(b *layout.Box) {
	pdf := c.pdf
	switch b.Kind {
	case layout.Text:
		c.drawText(b)
	case layout.Line:
		pdf.SetDrawColor(0, 0, 0)
		pdf.SetLineWidth(b.Stroke)
		pdf.Line(b.X, b.Y, b.X+b.W, b.Y+b.H)
	case layout.Rect:
		drawRect(pdf, b)
	case layout.Image:
		pdf.ImageOptions(b.Name, b.X, b.Y, b.W, b.H, false, fpdf.ImageOptions{}, 0, "")
	}
}

// drawText draws a text run with its baseline at b.Y.
func (c *canvas) drawText(b *layout.Box) {
	u := c.uses[b.Font]
	if b.Text == "" || u == nil {
		return
	}
	style := styleOf(b.Font)
	if b.Underline {
		style += "U"
	}
	want := textState{u.family(), style, b.Size, grey(b.Fill), b.Color}
	if want.family != c.font.family || want.style != c.font.style || want.size != c.font.size {
		c.pdf.SetFont(want.family, want.style, want.size)
	}
	if want.grey != c.font.grey || want.color != c.font.color {
		c.pdf.SetTextColor(rgbOf(b))
	}
	c.font = want
	c.pdf.Text(b.X, b.Y, u.text(b.Text))
}

// drawRect strokes and/or fills a rectangle.
func drawRect(pdf *fpdf.Fpdf, b *layout.Box) {
	style := ""
	if b.Fill >= 0 || b.Color != "" {
		pdf.SetFillColor(rgbOf(b))
		style = "F"
	}
	if b.Stroke > 0 {
		pdf.SetDrawColor(0, 0, 0)
		pdf.SetLineWidth(b.Stroke)
		style = "D" + style
	}
	if style != "" {
		pdf.Rect(b.X, b.Y, b.W, b.H, style)
	}
}

// grey converts a grey level 0 (black) .. 1 (white) to an RGB component.
func grey(level float64) int {
	return int(min(max(level, 0), 1)*255 + 0.5)
}

// rgbOf returns the colour of a box: Box.Color when set, else the grey
// of Box.Fill. checkColors has made sure every Color parses.
func rgbOf(b *layout.Box) (r, g, bl int) {
	if c, ok := parseColor(b.Color); ok {
		return c[0], c[1], c[2]
	}
	v := grey(b.Fill)
	return v, v, v
}

// parseColor parses "#rrggbb".
func parseColor(s string) ([3]int, bool) {
	var c [3]int
	if len(s) != 7 || s[0] != '#' {
		return c, false
	}
	for i := range c {
		n, err := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return c, false
		}
		c[i] = int(n)
	}
	return c, true
}

// checkColors makes sure every Box.Color is empty or "#rrggbb".
func checkColors(doc *layout.Document) error {
	for pi, p := range doc.Pages {
		for _, b := range p.Boxes {
			if _, ok := parseColor(b.Color); b.Color != "" && !ok {
				return fmt.Errorf("render: page %d: colour %q (want #rrggbb)", pi+1, b.Color)
			}
		}
	}
	return nil
}

// styleOf returns fpdf's style letters for f.
func styleOf(f layout.Font) string {
	s := ""
	if f.Bold {
		s += "B"
	}
	if f.Italic {
		s += "I"
	}
	return s
}

// joinRunes formats runes for an error message: U+2265 "≥", ...
func joinRunes(rs []rune) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("U+%04X %q", r, r)
	}
	return strings.Join(parts, ", ")
}
