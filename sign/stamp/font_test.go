package stamp

import (
	"bytes"
	"kinerja/internal/pdfupdate"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestFontCache checks that cached font objects are those made afresh,
// that another rune set or face gets its own, and that appending to a
// cached body (as objects.add does) cannot change the cache.
func TestFontCache(t *testing.T) {
	fs, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	e, _ := newEncoding([]string{"ABC abc 019"})
	first, err := cachedFont(fs.regular, e)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := cachedFont(fs.regular, e)
	x, y := append(first.desc, " /X"...), append(again.desc, " /Y"...)
	if !bytes.HasSuffix(x, []byte(" /X")) || !bytes.HasSuffix(y, []byte(" /Y")) {
		t.Error("two appends to one cached body wrote over each other")
	}
	fresh, err := newFontObjects(fs.regular, e)
	if err != nil {
		t.Fatal(err)
	}
	for i, pair := range [][2][]byte{{again.file, fresh.file}, {again.toUnicode, fresh.toUnicode}, {again.desc, fresh.desc}, {again.font, fresh.font}} {
		if !bytes.Equal(pair[0], pair[1]) {
			t.Errorf("cached object %d differs from a fresh one", i)
		}
	}
	if &first.file[0] != &again.file[0] {
		t.Error("the second request made new objects instead of using the cache")
	}
	e2, _ := newEncoding([]string{"ABC abc 01"})
	other, _ := cachedFont(fs.regular, e2)
	bold, _ := cachedFont(fs.bold, e)
	if bytes.Equal(other.font, first.font) || bytes.Equal(bold.font, first.font) {
		t.Error("different rune sets or faces share font objects")
	}
}

// TestAppendQRCoversExactly parses the rectangles appendQR draws for
// random bitmaps and checks that they cover every dark module once and
// no light one.
func TestAppendQRCoversExactly(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 1; n < 40; n++ {
		bm := make([][]bool, n)
		for y := range bm {
			bm[y] = make([]bool, n)
			for x := range bm[y] {
				bm[y][x] = rng.IntN(3) > 0 || (y > 0 && bm[y-1][x] && rng.IntN(2) == 0)
			}
		}
		g := geometry{N: n, Module: 1}
		covered := make([][]int, n)
		for y := range covered {
			covered[y] = make([]int, n)
		}
		for _, m := range regexp.MustCompile(`(?m)^(\d+) (\d+) (\d+) (\d+) re$`).FindAllStringSubmatch(string(appendQR(nil, g, bm)), -1) {
			x, y, w, h := atoi(m[1]), atoi(m[2]), atoi(m[3]), atoi(m[4])
			for row := n - y - h; row < n-y; row++ {
				for col := x; col < x+w; col++ {
					covered[row][col]++
				}
			}
		}
		for y := range bm {
			for x := range bm[y] {
				if want := map[bool]int{true: 1, false: 0}[bm[y][x]]; covered[y][x] != want {
					t.Fatalf("%dx%d: module (%d,%d) painted %d times, want %d", n, n, x, y, covered[y][x], want)
				}
			}
		}
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// TestAddSharedFonts: two stamps of one text in boxes of two sizes, added
// to one update with one Fonts, embed the regular and the bold font once.
func TestAddSharedFonts(t *testing.T) {
	base, tr := basePDF()
	w := pdfupdate.New(base, tr)
	fonts := Fonts{}
	for _, size := range [][2]float64{{200, 60}, {110, 120}} {
		if _, err := AddShared(w, sample, size[0], size[1], fonts); err != nil {
			t.Fatal(err)
		}
	}
	res, err := w.Finish(nil)
	if err != nil {
		t.Fatal(err)
	}
	update := string(res.Bytes[len(base):])
	if forms, files := strings.Count(update, "/Subtype /Form"), strings.Count(update, "/FontFile2"); forms != 2 || files != 2 || len(fonts) != 2 {
		t.Errorf("%d forms, %d embedded fonts, %d kept, want 2, 2, 2", forms, files, len(fonts))
	}
}
