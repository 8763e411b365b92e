package stamp

import (
	"errors"
	"fmt"
	"time"

	"kinerja/data"
	"kinerja/internal/pdfupdate"
	"kinerja/internal/qr"
)

// Stamp is what the visible signature shows.
type Stamp struct {
	Name string    // the signer's full name, Unicode
	NIP  string    // "" when the signer has none
	Date time.Time // signing date, printed in Indonesian
	QR   string    // content of the QR code
}

// Heading is the first line of every stamp.
const Heading = "Ditandatangani secara elektronik oleh"

// runs returns the paragraphs of the stamp's text: the heading, the name
// in bold at full size, then NIP and date.
func (s Stamp) runs() []run {
	rs := []run{{Text: Heading, Scale: smallScale}, {Text: s.Name, Bold: true, Scale: 1}}
	if s.NIP != "" {
		rs = append(rs, run{Text: "NIP " + s.NIP, Scale: smallScale})
	}
	return append(rs, run{Text: data.FormatTanggal(s.Date), Scale: smallScale})
}

// Add adds to the update w the appearance of s for a box of width x height
// points: a form XObject and the two fonts it uses. It returns the form's
// reference, to be the widget's /AP /N. Nothing is added when it fails.
func Add(w *pdfupdate.Writer, s Stamp, width, height float64) (pdfupdate.Ref, error) {
	return AddShared(w, s, width, height, nil)
}

// Fonts are the font objects the stamps of one update added, by font: the
// stamps of one signature (one per widget size) draw the same characters
// and so share them.
type Fonts map[string]pdfupdate.Ref

// AddShared is Add, adding a font only when fonts (which it updates; nil
// for none) does not hold it already.
func AddShared(w *pdfupdate.Writer, s Stamp, width, height float64, fonts Fonts) (pdfupdate.Ref, error) {
	objs, err := build(s, width, height)
	if err != nil {
		return 0, err
	}
	return objs.add(w, fonts), nil
}

// build makes every object of the appearance of s.
func build(s Stamp, width, height float64) (*objects, error) {
	if !(width >= 10 && height >= 10 && width <= 14400 && height <= 14400) {
		return nil, fmt.Errorf("stamp: box %.1f x %.1f pt is too small or too large", width, height)
	}
	if s.Name == "" {
		return nil, errors.New("stamp: no name")
	}
	bm, err := qrBitmap(s.QR)
	if err != nil {
		return nil, err
	}
	g := newGeometry(width, height, len(bm))
	fs, err := loadFaces()
	if err != nil {
		return nil, err
	}
	lines, err := layoutText(fs, s.runs(), g.Text)
	if err != nil {
		return nil, err
	}
	return newObjects(fs, g, bm, lines)
}

// qrBitmap returns the QR code of content at level M with its quiet zone
// of four modules, true for dark.
func qrBitmap(content string) ([][]bool, error) {
	if content == "" {
		return nil, errors.New("stamp: no QR code content")
	}
	q, err := qr.Encode([]byte(content), qr.M)
	if err != nil {
		return nil, fmt.Errorf("stamp: %w", err)
	}
	return q.Bitmap(4), nil
}
