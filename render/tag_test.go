package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/internal/pdfread"
)

// tanda_tangan = "bsre" prints each party's tag inside each of its
// signature blocks (as pdftotext finds it); the default render prints none.
func TestBSrETags(t *testing.T) {
	a := decode(t, samplePath)
	var plain, bsre bytes.Buffer
	if err := Agreement(&plain, a); err != nil {
		t.Fatal(err)
	}
	a.TandaTangan = data.SigningBSrE
	if err := Agreement(&bsre, a); err != nil {
		t.Fatal(err)
	}
	if out := runTool(t, "pdftotext", writeTemp(t, "plain.pdf", plain.Bytes()), "-"); regexp.MustCompile(`#ttd_`).MatchString(out) {
		t.Errorf("the default render prints a BSrE tag")
	}
	info, err := pdfread.Info(bsre.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	out := runTool(t, "pdftotext", "-bbox", writeTemp(t, "bsre.pdf", bsre.Bytes()), "-")
	found := tagBoxes(t, out)
	for _, s := range info.Signers {
		got := found[docinfo.Tag(s.Party)]
		if len(got) != len(s.Widgets) || len(got) == 0 {
			t.Fatalf("%s: %d tags for %d signature blocks", s.Party, len(got), len(s.Widgets))
		}
		for i, w := range s.Widgets {
			h := 935.43 // F4 page height, landscape attachments: width
			if w.Page > 1 {
				h = 609.45
			}
			x, y := got[i][0], h-got[i][1]
			if x < w.Rect[0] || x > w.Rect[2] || y < w.Rect[1] || y > w.Rect[3] {
				t.Errorf("%s: tag %d at %.1f,%.1f is outside its block %v", s.Party, i+1, x, y, w.Rect)
			}
		}
	}
}

// tagBoxes returns the top-left corner (x, y from the top) of every
// "#ttd_..#" word in pdftotext -bbox output, by word, in order.
func tagBoxes(t *testing.T, out string) map[string][][2]float64 {
	t.Helper()
	re := regexp.MustCompile(`xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>(#ttd_[a-z]+#)<`)
	m := map[string][][2]float64{}
	for _, g := range re.FindAllStringSubmatch(out, -1) {
		x, err1 := strconv.ParseFloat(g[1], 64)
		y, err2 := strconv.ParseFloat(g[2], 64)
		if err1 != nil || err2 != nil {
			t.Fatal(fmt.Sprint(err1, err2))
		}
		m[g[3]] = append(m[g[3]], [2]float64{x, y})
	}
	return m
}
