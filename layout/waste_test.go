package layout

import (
	"path/filepath"
	"testing"

	"kinerja/data"
	"kinerja/layout/engine"
)

// pageWaste returns, for every page but the last of each orientation run,
// the share of its body left empty under its content.
func pageWaste(d *Document, footerTop func(p Page) float64) []float64 {
	var out []float64
	for i := 0; i+1 < len(d.Pages); i++ {
		p, next := d.Pages[i], d.Pages[i+1]
		if p.Landscape != next.Landscape {
			continue
		}
		end := marginTop
		for _, b := range p.Boxes {
			switch {
			case b.Cell == "footer" || b.Cell == "halaman":
			case b.Kind == Rect:
				end = max(end, b.Y+b.H)
			case b.Kind == Text:
				end = max(end, b.Y+0.3*b.Size)
			}
		}
		bottom := footerTop(p)
		out = append(out, (bottom-end)/(bottom-marginTop))
	}
	return out
}

// TestWasteCeiling measures the empty space page breaks leave in the
// seed, the samples and the form variants: keep-together rules yield
// before a page is left more than engine.MaxWaste empty (plus the height
// of a few lines, since a break falls between whole lines).
func TestWasteCeiling(t *testing.T) {
	models := map[string]*data.Agreement{"seed": seedAgreement(), "rich": richAgreement(t), "contoh": contohAgreement(t)}
	for _, f := range []string{"pk-2022-diskominfo-tahunan.toml", "pk-2023-kanwil-satuan.toml", "pk-2024-ditjen-dua-tabel.toml"} {
		a, err := data.DecodeFile(filepath.Join("..", "data", "contoh", f))
		if err != nil {
			t.Fatal(err)
		}
		models[f] = a
	}
	for name, a := range models {
		d := layoutOK(t, a)
		footer := func(p Page) float64 {
			top := p.Height - marginBottom
			for _, b := range p.Boxes {
				if b.Cell == "footer" {
					top = min(top, b.Y-b.Size)
				}
			}
			return top
		}
		for i, w := range pageWaste(d, footer) {
			t.Logf("%s: break %d leaves %.0f%% of its page empty", name, i+1, 100*w)
			if w > engine.MaxWaste+0.05 {
				t.Errorf("%s: break %d leaves %.0f%% of its page empty; the ceiling is %.0f%%", name, i+1, 100*w, 100*engine.MaxWaste)
			}
		}
	}
}
