package bsre

import (
	"fmt"
	"math"

	"github.com/digitorus/pdf"

	"kinerja/docinfo"
	"kinerja/internal/pdfread"
)

// Place returns where the service is to put signer's visible signature
// in the PDF data: the block reserved for it on the statement page
// (docinfo: Page and Rect, PDF points, origin bottom-left), rounded inward
// to whole points and given from the profile's origin; in tag mode the
// party's marker (docinfo.Tag), with the block's size. One signature
// shows in one block: the attachment's blocks stay without a stamp, as
// with kinerja's own signer.
func Place(p *Profile, data []byte, signer docinfo.Signer) (Placement, error) {
	r := signer.Rect
	if signer.Page < 1 || r[2]-r[0] < 1 || r[3]-r[1] < 1 {
		return Placement{}, fmt.Errorf("the document reserves no signature block for %s", signer.Party.Title())
	}
	x0, y0, x1, y1 := math.Ceil(r[0]), math.Ceil(r[1]), math.Floor(r[2]), math.Floor(r[3])
	pl := Placement{Page: signer.Page, X: int(x0), Y: int(y0), Width: int(x1 - x0), Height: int(y1 - y0)}
	if p.Placement == PlaceTag {
		pl.X, pl.Y, pl.Tag = 0, 0, docinfo.Tag(signer.Party)
		return pl, nil
	}
	if p.Origin == OriginTopLeft {
		h, err := pageHeight(data, signer.Page)
		if err != nil {
			return Placement{}, err
		}
		top, bottom := math.Ceil(h-r[3]), math.Floor(h-r[1])
		pl.Y, pl.Height = int(top), int(bottom-top)
	}
	return pl, nil
}

// pageHeight returns the height of page n's /MediaBox.
func pageHeight(data []byte, n int) (h float64, err error) {
	defer pdfread.Catch(&err, "page size")
	d, err := pdfread.Open(data)
	if err != nil {
		return 0, err
	}
	if n > d.Reader.NumPage() {
		return 0, fmt.Errorf("page %d: the document has %d pages", n, d.Reader.NumPage())
	}
	pg := d.Reader.Page(n).V
	mb := pg.Key("MediaBox")
	for i := 0; i < 16 && mb.IsNull(); i++ { // inherited from the page tree
		pg = pg.Key("Parent")
		mb = pg.Key("MediaBox")
	}
	if mb.Kind() != pdf.Array || mb.Len() != 4 {
		return 0, fmt.Errorf("page %d has no /MediaBox", n)
	}
	h = math.Abs(mb.Index(3).Float64() - mb.Index(1).Float64())
	if !(h > 0) {
		return 0, fmt.Errorf("page %d: /MediaBox has no height", n)
	}
	return h, nil
}
