package sign

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/skip2/go-qrcode"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"kinerja/fonts"
)

// appearanceDPI is the raster resolution of the appearance image.
const appearanceDPI = 300

// Appearance is what the visible signature shows.
type Appearance struct {
	Name string    // full name, Unicode
	NIP  string    // "" when the signer has none
	Date time.Time // signing date, printed in Indonesian
	QR   string    // QR code content
}

// lines returns the text lines of the appearance and whether each is bold.
func (a Appearance) lines() ([]string, []bool) {
	lines := []string{"Ditandatangani secara elektronik oleh", a.Name}
	bold := []bool{false, true}
	if a.NIP != "" {
		lines, bold = append(lines, "NIP "+a.NIP), append(bold, false)
	}
	return append(lines, TanggalIndonesia(a.Date)), append(bold, false)
}

var bulan = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"}

// TanggalIndonesia formats t as an Indonesian date, e.g. "27 November 2026".
func TanggalIndonesia(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), bulan[t.Month()-1], t.Year())
}

// faces holds the parsed fonts; parsing is done once per process.
var faces struct {
	once          sync.Once
	regular, bold *opentype.Font
	err           error
}

// loadFonts parses Liberation Sans regular and bold once.
func loadFonts() (regular, bold *opentype.Font, err error) {
	faces.once.Do(func() {
		faces.regular, faces.err = parseFont(false)
		if faces.err == nil {
			faces.bold, faces.err = parseFont(true)
		}
	})
	return faces.regular, faces.bold, faces.err
}

// parseFont parses Liberation Sans from package fonts.
func parseFont(bold bool) (*opentype.Font, error) {
	b, err := fonts.Bytes("sans", bold, false)
	if err != nil {
		return nil, err
	}
	return opentype.Parse(b)
}

// PNG rasterises the appearance for a box of w x h PDF points at about
// 300 dpi, with exactly the box's aspect ratio up to one pixel: pdfsign
// stretches the image to the box. The background is transparent except
// behind the QR code.
func (a Appearance) PNG(w, h float64) ([]byte, error) {
	if w < 10 || h < 10 {
		return nil, fmt.Errorf("appearance: signature box %.1f x %.1f pt is too small", w, h)
	}
	pw := int(math.Round(w / 72 * appearanceDPI))
	ph := int(math.Round(h / 72 * appearanceDPI))
	img := image.NewNRGBA(image.Rect(0, 0, pw, ph))
	qrRect, textRect := splitBox(pw, ph)
	if err := drawQR(img, qrRect, a.QR); err != nil {
		return nil, err
	}
	if err := a.drawText(img, textRect); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.NoCompression} // pdfsign decodes and recompresses it anyway
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("appearance: %w", err)
	}
	return buf.Bytes(), nil
}

// splitBox places the QR code left of the text in a wide box, above it in
// a narrow one.
func splitBox(pw, ph int) (qr, text image.Rectangle) {
	pad := max(1, ph/25)
	if pw*10 >= ph*18 { // wide: QR left, text right
		s := ph - 2*pad
		qr = image.Rect(pad, pad, pad+s, pad+s)
		return qr, image.Rect(qr.Max.X+2*pad, pad, pw-pad, ph-pad)
	}
	s := min(pw-2*pad, ph*11/20)
	x := (pw - s) / 2
	qr = image.Rect(x, pad, x+s, pad+s)
	return qr, image.Rect(pad, qr.Max.Y+pad, pw-pad, ph-pad)
}

// drawQR draws the QR code of content, with its quiet zone on white, as
// large as fits in r with whole pixels per module, centred.
func drawQR(img *image.NRGBA, r image.Rectangle, content string) error {
	q, err := qrcode.New(content, qrcode.Medium)
	if err != nil {
		return fmt.Errorf("appearance: qr code: %w", err)
	}
	bm := q.Bitmap() // includes the 4-module quiet zone
	n := len(bm)
	mod := min(r.Dx(), r.Dy()) / n
	if mod < 1 {
		return fmt.Errorf("appearance: box too small for a %d-module QR code", n)
	}
	x0 := r.Min.X + (r.Dx()-mod*n)/2
	y0 := r.Min.Y + (r.Dy()-mod*n)/2
	draw.Draw(img, image.Rect(x0, y0, x0+mod*n, y0+mod*n), image.White, image.Point{}, draw.Src)
	for y, row := range bm {
		for x, black := range row {
			if black {
				m := image.Rect(x0+x*mod, y0+y*mod, x0+(x+1)*mod, y0+(y+1)*mod)
				draw.Draw(img, m, image.Black, image.Point{}, draw.Src)
			}
		}
	}
	return nil
}

// inkColor is the colour of the appearance text (dark blue, like ink).
var inkColor = color.NRGBA{R: 0x10, G: 0x1c, B: 0x5a, A: 0xff}

// drawText draws the text lines in r at the largest size (at most 10 pt)
// at which the widest line fits.
func (a Appearance) drawText(img *image.NRGBA, r image.Rectangle) error {
	reg, bold, err := loadFonts()
	if err != nil {
		return fmt.Errorf("appearance: font: %w", err)
	}
	lines, isBold := a.lines()
	const ref = 100.0 // measure at 100 px, then scale
	widest := 0.0
	for i, l := range lines {
		widest = math.Max(widest, measure(pick(reg, bold, isBold[i]), ref, l))
	}
	size := math.Min(10.0/72*appearanceDPI, float64(r.Dy())/(float64(len(lines))*1.25))
	size = math.Min(size, ref*float64(r.Dx())/widest)
	y := float64(r.Min.Y) + (float64(r.Dy())-size*1.25*float64(len(lines)))/2
	for i, l := range lines {
		y += size * 1.25
		if err := drawLine(img, pick(reg, bold, isBold[i]), size, r.Min.X, y-size*0.3, l); err != nil {
			return err
		}
	}
	return nil
}

// pick returns bold if b, else regular.
func pick(regular, bold *opentype.Font, b bool) *opentype.Font {
	if b {
		return bold
	}
	return regular
}

// measure returns the advance width of s in pixels at size px.
func measure(f *opentype.Font, size float64, s string) float64 {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return float64(len(s)) * size
	}
	defer face.Close()
	return float64(font.MeasureString(face, s)) / 64
}

// drawLine draws s with its baseline at y.
func drawLine(img *image.NRGBA, f *opentype.Font, size float64, x int, y float64, s string) error {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return fmt.Errorf("appearance: %w", err)
	}
	defer face.Close()
	d := font.Drawer{Dst: img, Src: image.NewUniform(inkColor), Face: face,
		Dot: fixed.Point26_6{X: fixed.I(x), Y: fixed.Int26_6(y * 64)}}
	d.DrawString(strings.ToValidUTF8(s, "?"))
	return nil
}
