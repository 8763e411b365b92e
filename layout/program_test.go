package layout

import (
	"regexp"
	"strings"
	"testing"
)

// programCell matches the Cell ids of the program table's rows and total.
var programCell = regexp.MustCompile(`^(p\d+\.|jumlah)`)

// TestProgramTableWhole moves the program table down the page step by step
// (by lengthening the last Pengukuran text) and checks that a program table
// that fits on one page is never cut: all its rows and its JUMLAH row stay
// on one page.
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
		pages := map[int]bool{}
		for pi, p := range d.Pages {
			for _, b := range p.Boxes {
				if b.Kind == Text && programCell.MatchString(b.Cell) {
					pages[pi+1] = true
				}
			}
		}
		if len(pages) != 1 {
			t.Errorf("extra %d: the program table (%d rows) is spread over pages %v", extra, len(a.Program), pages)
		}
	}
}
