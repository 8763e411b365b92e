package sign

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"sync"
	"time"

	"github.com/skip2/go-qrcode"

	"kinerja/data"
)

// appearanceDPI is the target raster resolution of the appearance image.
// The actual one is chosen per box near it (never below minDPI) so that
// one QR module is a whole number of pixels (see [appearanceGeometry]).
const (
	appearanceDPI = 200
	minDPI        = 0.8 * appearanceDPI
)

// Appearance is what the visible signature shows.
type Appearance struct {
	Name string    // full name, Unicode
	NIP  string    // "" when the signer has none
	Date time.Time // signing date, printed in Indonesian
	QR   string    // QR code content
}

// textRuns returns the text of the appearance: a small heading, the name in
// bold at full size, then NIP and date.
func (a Appearance) textRuns() []textRun {
	runs := []textRun{
		{Text: "Ditandatangani secara elektronik oleh", Scale: smallScale},
		{Text: a.Name, Bold: true, Scale: 1},
	}
	if a.NIP != "" {
		runs = append(runs, textRun{Text: "NIP " + a.NIP, Scale: smallScale})
	}
	return append(runs, textRun{Text: TanggalIndonesia(a.Date), Scale: smallScale})
}

// TanggalIndonesia formats t as an Indonesian date, e.g. "27 November 2026".
func TanggalIndonesia(t time.Time) string {
	return data.FormatTanggal(t)
}

// Palette indexes of the appearance image: 0 is white, 1..inkIndex a ramp
// from white to ink by glyph coverage, qrIndex black.
const (
	inkIndex = 254
	qrIndex  = 255
)

// inkColor is the colour of the appearance text (dark blue, like ink).
var inkColor = color.RGBA{R: 0x10, G: 0x1c, B: 0x5a, A: 0xff}

// appearancePalette is the 256-colour palette of every appearance image.
// 256 entries make the PNG 8 bits per pixel, which Go's encoder and
// decoder copy row by row instead of packing pixel by pixel.
var appearancePalette = func() color.Palette {
	p := make(color.Palette, 256)
	for i := 0; i <= inkIndex; i++ {
		p[i] = lerpInk(float64(i) / inkIndex)
	}
	p[qrIndex] = color.RGBA{A: 0xff}
	return p
}()

// lerpInk mixes white and inkColor; t = 0 is white, 1 is ink.
func lerpInk(t float64) color.RGBA {
	mix := func(c uint8) uint8 { return uint8(math.Round(255 - t*(255-float64(c)))) }
	return color.RGBA{R: mix(inkColor.R), G: mix(inkColor.G), B: mix(inkColor.B), A: 0xff}
}

// pngEncoder reuses the PNG encoder's buffers between signatures. No
// compression: pdfsign decodes the PNG and compresses the pixels itself.
var pngEncoder = png.Encoder{CompressionLevel: png.NoCompression, BufferPool: &pngPool{}}

// pngPool is a png.EncoderBufferPool backed by a sync.Pool.
type pngPool struct{ p sync.Pool }

func (p *pngPool) Get() *png.EncoderBuffer {
	b, _ := p.p.Get().(*png.EncoderBuffer)
	return b
}

func (p *pngPool) Put(b *png.EncoderBuffer) { p.p.Put(b) }

// PNG rasterises the appearance for a box of w x h PDF points as an opaque,
// 8-bit paletted PNG (no alpha channel, so pdfsign writes no soft mask) of
// exactly the box's aspect ratio up to one pixel, since pdfsign stretches
// the image to the box. The QR code sits left of the text in a wide box,
// above it in a narrow one.
func (a Appearance) PNG(w, h float64) ([]byte, error) {
	img, err := a.image(w, h)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(len(img.Pix) + img.Rect.Dy() + 1024)
	if err := pngEncoder.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("appearance: %w", err)
	}
	return buf.Bytes(), nil
}

// image draws the appearance of a w x h pt box.
func (a Appearance) image(w, h float64) (*image.Paletted, error) {
	if w < 10 || h < 10 {
		return nil, fmt.Errorf("appearance: signature box %.1f x %.1f pt is too small", w, h)
	}
	q, err := qrcode.New(a.QR, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("appearance: qr code: %w", err)
	}
	bm := q.Bitmap() // includes the 4-module quiet zone
	g := appearanceGeometry(w, h, len(bm))
	img := image.NewPaletted(image.Rect(0, 0, g.Width, g.Height), appearancePalette)
	drawQR(img, g.QR.Min, g.Module, bm)
	if err := drawText(img, g.Text, g.DPI, a.textRuns()); err != nil {
		return nil, err
	}
	return img, nil
}

// geometry is the pixel layout of an appearance image.
type geometry struct {
	DPI           float64
	Width, Height int
	Module        int             // pixels per QR module
	QR            image.Rectangle // the QR code with its quiet zone
	Text          image.Rectangle // the area of the text
}

// appearanceGeometry lays out a w x h pt box for a QR code of n modules
// (quiet zone included). A wide box (at least 1.8:1) gets the QR code at
// its left, as tall as the box, and the text to its right; a narrow one the
// QR code centred at the top and the text below. The resolution is the one
// nearest appearanceDPI (at least minDPI) at which a module is a whole
// number of pixels, so the code stays sharp however a reader scales it.
func appearanceGeometry(w, h float64, n int) geometry {
	wide := w >= 1.8*h
	side := h // pt, QR code with quiet zone; the quiet zone is the margin
	if !wide {
		side = math.Min(w, 0.55*h)
	}
	modulePt := side / float64(n)
	m := max(1, int(math.Round(appearanceDPI/72.0*modulePt)))
	if 72*float64(m)/modulePt < minDPI {
		m++
	}
	dpi := 72 * float64(m) / modulePt
	px := func(pt float64) int { return int(math.Round(pt * dpi / 72)) }
	// The QR code is at most as wide and tall as the box: max only absorbs
	// rounding.
	g := geometry{DPI: dpi, Width: max(px(w), n*m), Height: max(px(h), n*m), Module: m}
	pad := px(0.04 * h)
	if wide {
		g.QR = image.Rect(0, 0, n*m, n*m)
		g.Text = image.Rect(g.QR.Max.X, pad, g.Width-pad, g.Height-pad)
		return g
	}
	x := (g.Width - n*m) / 2
	g.QR = image.Rect(x, 0, x+n*m, n*m)
	g.Text = image.Rect(pad, g.QR.Max.Y, g.Width-pad, g.Height-pad)
	return g
}

// drawQR draws the dark modules of bm, m pixels each, from at. The white
// quiet zone is the image's white background.
func drawQR(img *image.Paletted, at image.Point, m int, bm [][]bool) {
	for y, row := range bm {
		line := img.Pix[img.PixOffset(at.X, at.Y+y*m):]
		line = line[:len(row)*m]
		for x, dark := range row {
			if dark {
				fill(line[x*m:(x+1)*m], qrIndex)
			}
		}
		for k := 1; k < m; k++ { // repeat the row for the module's height
			copy(img.Pix[img.PixOffset(at.X, at.Y+y*m+k):], line)
		}
	}
}

// fill sets every byte of b to v.
func fill(b []byte, v byte) {
	for i := range b {
		b[i] = v
	}
}
