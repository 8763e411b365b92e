package layout

import (
	"regexp"
	"strings"
	"testing"

	"kinerja/layout/engine"
)

// programCell matches the Cell ids of the program table's rows and total.
var programCell = regexp.MustCompile(`^(p\d+\.|jumlah)`)

// TestProgramTableWhole moves the program table down the page step by step
// (by lengthening the last Pengukuran text) and checks that a program table
// that fits on one page is cut only where keeping it whole would waste
// more than engine.MaxWaste of a page: otherwise all its rows and its
// JUMLAH row stay on one page.
func TestProgramTableWhole(t *testing.T) {
	for extra := 0; extra < 40; extra++ {
		a := contohAgreement(t)
		refs := a.Indicators()
		last := refs[len(refs)-1].Indicator
		last.Pengukuran += strings.Repeat(" kata", extra*6)
		d, err := Agreement(a, &fakeMeasurer{})
		if err != nil {
			t.Fatal(err)
		}
		// top: the end of what precedes the table on its first page.
		pages, top := map[int]bool{}, -1.0
		for pi, p := range d.Pages {
			end := marginTop
			for _, b := range p.Boxes {
				if b.Kind == Text && programCell.MatchString(b.Cell) {
					pages[pi+1] = true
					if top < 0 {
						top = end
					}
				}
				if b.Kind == Text && !pages[pi+1] && b.Cell != "head" && b.Cell != "footer" && b.Cell != "halaman" {
					end = max(end, b.Y+0.3*b.Size+engine.CellPad) // the bottom of its cell
				}
			}
		}
		p := d.Pages[len(d.Pages)-1]
		bottom := p.Height - marginBottom
		left := bottom - top
		if len(pages) != 1 && left <= engine.MaxWaste*(bottom-marginTop) {
			t.Errorf("extra %d: the program table (%d rows) is spread over pages %v though only %.0f pt were left", extra, len(a.Program), pages, left)
		}
	}
}
