package render

import (
	"bytes"
	"kinerja/internal/golden"
	"testing"
	"time"

	"kinerja/docinfo"
	"kinerja/layout"
)

// TestGoldenTiny compares a tiny uncompressed document (lines and
// rectangles only, so no compressed font stream) byte for byte.
func TestGoldenTiny(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	doc := &layout.Document{Pages: []layout.Page{
		{Width: 200, Height: 300, Boxes: []layout.Box{
			{Kind: layout.Line, X: 10, Y: 20, W: 180, Stroke: 0.5},
			{Kind: layout.Rect, X: 10, Y: 30, W: 50, H: 40, Stroke: 1, Fill: 0.85},
		}},
		{Width: 300, Height: 200, Landscape: true, Boxes: []layout.Box{
			{Kind: layout.Rect, X: 20, Y: 20, W: 100, H: 50, Fill: 0.5},
		}},
	}}
	meta := Meta{Title: "Tiny", Author: "kinerja", Created: time.Date(2021, 1, 4, 0, 0, 0, 0, time.UTC),
		Info: docinfo.Info{Kind: docinfo.Agreement, Year: 2021}}
	var b bytes.Buffer
	if err := write(&b, doc, meta, false); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/tiny.pdf.golden", b.Bytes())
	checkPDFTools(t, writeTemp(t, "tiny.pdf", b.Bytes()))
}
