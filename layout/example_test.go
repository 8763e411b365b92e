package layout_test

import (
	"os"

	"kinerja/layout"
)

// ExampleDump shows the text form of a laid-out document.
func ExampleDump() {
	d := &layout.Document{
		Pages: []layout.Page{{Width: 841.89, Height: 595.28, Landscape: true, Boxes: []layout.Box{
			{Kind: layout.Rect, X: 36, Y: 80, W: 330, H: 14, Stroke: 0.5, Fill: 0.9},
			{Kind: layout.Text, X: 72, Y: 520, W: 120.5, H: 9, Size: 9, Font: layout.Font{Family: "serif", Bold: true},
				Text: "Opini laporan", Cell: "k0.s0.i0.indikator"},
		}}},
		SigRects: []layout.SigRect{{Party: "pertama", Page: 1, X: 340, Y: 400, W: 170, H: 75}},
	}
	if err := layout.Dump(os.Stdout, d); err != nil {
		panic(err)
	}
	// Output:
	// page 1 841.89x595.28 landscape
	// p1 rect 36.00,80.00 330.00x14.00 stroke=0.5 fill=0.90
	// p1 text 72.00,520.00 w=120.50 serif-B 9 "Opini laporan" cell=k0.s0.i0.indikator
	// p1 sigrect pertama 340.00,400.00 170.00x75.00
}
