package render_test

import (
	"fmt"

	"kinerja/layout"
	"kinerja/render"
)

// Measurer gives widths in points from the embedded Liberation fonts.
func ExampleMeasurer_Width() {
	m := render.Measurer{}
	fmt.Printf("%.2f\n", m.Width(layout.Font{Family: "serif"}, 10, "m m"))
	fmt.Printf("%.2f = (549 + 250 + 500 + 500 + 1000) x 12 / 1000\n", m.Width(layout.Font{Family: "serif", Bold: true}, 12, "≥ 80%"))
	// Output:
	// 18.06
	// 33.59 = (549 + 250 + 500 + 500 + 1000) x 12 / 1000
}
