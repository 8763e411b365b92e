package bsre

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"kinerja/docinfo"
	"kinerja/internal/pdfread"
	"kinerja/internal/testtool"
)

// The appearances BSrE's stand-in draws by tag and by top-left
// coordinates lie inside the parties' blocks: poppler's image of the
// statement page changes inside each block and nowhere else.
func TestAppearanceInsideBlock(t *testing.T) {
	testtool.Require(t, "pdftoppm")
	for _, pl := range [][2]string{{PlaceTag, OriginBottomLeft}, {PlaceCoordinates, OriginTopLeft}} {
		t.Run(pl[0]+"-"+pl[1], func(t *testing.T) {
			e := setup(t, 1, pl[0], pl[1], "")
			out := e.signBoth(t)
			info, err := pdfread.Info(e.in)
			if err != nil {
				t.Fatal(err)
			}
			before, after := page1(t, e.dir, "before", e.in), page1(t, e.dir, "after", out)
			inside := map[docinfo.Party]int{}
			outside := 0
			b := before.Bounds()
			for y := b.Min.Y; y < b.Max.Y; y++ {
				for x := b.Min.X; x < b.Max.X; x++ {
					if before.At(x, y) == after.At(x, y) {
						continue
					}
					if p := blockAt(info, float64(x), float64(y), float64(b.Dy())); p != docinfo.NoParty {
						inside[p]++
					} else {
						outside++
					}
				}
			}
			if outside > 0 || inside[docinfo.Pertama] < 50 || inside[docinfo.Kedua] < 50 {
				t.Errorf("changed pixels: %d outside the blocks, %v inside", outside, inside)
			}
		})
	}
}

// blockAt names the party whose statement-page block holds pixel x, y
// of an image 72 dpi high h (one pixel of slack).
func blockAt(info *docinfo.Info, x, y, h float64) docinfo.Party {
	for _, s := range info.Signers {
		r := s.Rect
		if s.Page == 1 && x >= r[0]-1 && x <= r[2]+1 && h-y >= r[1]-1 && h-y <= r[3]+1 {
			return s.Party
		}
	}
	return docinfo.NoParty
}

// page1 draws page 1 of pdf at 72 dpi in grey with poppler.
func page1(t *testing.T, dir, name string, pdf []byte) image.Image {
	t.Helper()
	in := filepath.Join(dir, name+".pdf")
	write(t, in, pdf)
	if out, err := exec.Command("pdftoppm", "-r", "72", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", in, filepath.Join(dir, name)).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
