package layout

import (
	"path/filepath"
	"regexp"
	"strings"
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
	for name, a := range formModels(t) {
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

// formModels returns the seed, the samples and the form variants.
func formModels(t *testing.T) map[string]*data.Agreement {
	models := map[string]*data.Agreement{"seed": seedAgreement(), "rich": richAgreement(t), "contoh": contohAgreement(t)}
	for _, f := range []string{"pk-2022-diskominfo-tahunan.toml", "pk-2023-kanwil-satuan.toml", "pk-2024-ditjen-dua-tabel.toml"} {
		a, err := data.DecodeFile(filepath.Join("..", "data", "contoh", f))
		if err != nil {
			t.Fatal(err)
		}
		models[f] = a
	}
	return models
}

// TestNoLoneWords checks that no signature-block position or name, kop
// line or title ends with one word alone on its last line, and that the
// two blocks of each signature section start on the same line.
func TestNoLoneWords(t *testing.T) {
	checked := regexp.MustCompile(`^(ttd|lampiran)\.(pertama|kedua)\.(jabatan|nama)$|^kop\.\d+$|^judul\.`)
	for name, a := range formModels(t) {
		d := layoutOK(t, a)
		first := map[string]float64{}
		for pi, p := range d.Pages {
			lines := map[string]map[float64]int{}
			for _, b := range p.Boxes {
				if b.Kind != Text || !checked.MatchString(b.Cell) {
					continue
				}
				if lines[b.Cell] == nil {
					lines[b.Cell] = map[float64]int{}
				}
				lines[b.Cell][b.Y] += len(strings.Fields(b.Text))
				if _, ok := first[b.Cell]; !ok {
					first[b.Cell] = b.Y
				}
			}
			for id, ls := range lines {
				last := -1.0
				for y := range ls {
					last = max(last, y)
				}
				if len(ls) > 1 && ls[last] == 1 {
					t.Errorf("%s p%d: %s ends with a lone word", name, pi+1, id)
				}
			}
		}
		for _, sec := range []string{"ttd", "lampiran"} {
			if k, p := first[sec+".kedua.jabatan"], first[sec+".pertama.jabatan"]; k != p {
				t.Errorf("%s: %s signature blocks start at %.2f (kedua) and %.2f (pertama)", name, sec, k, p)
			}
		}
	}
}
