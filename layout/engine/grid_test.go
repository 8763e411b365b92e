package engine

import (
	"math"
	"strings"
	"testing"
)

// TestCueLines checks the cue in narrow columns: one cue word, left out
// where it does not fit.
func TestCueLines(t *testing.T) {
	c := testTypesetter()
	full := c.Width(c.cueFont(), CueSize, CueWord)
	for _, tc := range []struct {
		width float64
		want  string
	}{
		{1000, "3 " + CueWord}, {full, "3|" + CueWord}, {full - 1, "3"},
	} {
		if got := strings.Join(c.cueLines("3 "+CueWord, tc.width), "|"); got != tc.want {
			t.Errorf("width %.1f: %q, want %q", tc.width, got, tc.want)
		}
	}
}

// TestSplitCount covers the widow and orphan rules of row splitting.
func TestSplitCount(t *testing.T) {
	cases := []struct {
		fit, rem int
		atTop    bool
		want     int
		err      bool
	}{
		{10, 20, false, 10, false},
		{1, 20, false, 0, false}, // one line alone at the bottom: move the row
		{1, 1, false, 1, false},  // a one-line row that fits
		{1, 20, true, 1, false},  // nothing better exists on an empty page
		{9, 10, false, 8, false}, // would leave a single line: leave two
		{2, 3, false, 0, false},  // a short row is not split: it moves whole
		{5, 6, false, 0, false},  // up to keepRow lines move whole
		{6, 7, false, 5, false},  // a longer row splits, leaving two
		{3, 8, false, 3, false},  // and may start with three
		{0, 5, true, 0, true},
	}
	for _, c := range cases {
		got, err := splitCount(c.fit, c.rem, c.atTop)
		if got != c.want || (err != nil) != c.err {
			t.Errorf("splitCount(%d, %d, %v) = %d, %v; want %d, err %v", c.fit, c.rem, c.atTop, got, err, c.want, c.err)
		}
	}
}

// TestAllot checks the column allotment: lo widths are honoured when the
// width allows it, sharing columns keep their proportions when no lo
// binds, and an unaffordable lo is cut down to fit without touching the
// narrow columns.
func TestAllot(t *testing.T) {
	cases := []struct {
		name string
		tw   float64
		cs   []ColSpec
		want []float64
	}{
		{"proportions", 400, []ColSpec{{Lo: 20, Want: 40}, {Lo: 30, Weight: 1}, {Lo: 30, Weight: 3}}, []float64{40, 90, 270}},
		{"lo pins a share", 400, []ColSpec{{Lo: 20, Want: 40}, {Lo: 120, Weight: 1}, {Lo: 30, Weight: 3}}, []float64{40, 120, 240}},
		{"narrow give up air", 300, []ColSpec{{Lo: 20, Want: 220}, {Lo: 90, Weight: 1}, {Lo: 20, Weight: 3}}, []float64{190, 90, 20}},
		{"a third at most", 300, []ColSpec{{Lo: 20, Want: 30, Hi: 30}, {Lo: 900, Weight: 1}, {Lo: 60, Weight: 2}}, []float64{30, 100, 170}},
		{"lo too wide", 300, []ColSpec{{Lo: 20, Want: 30, Hi: 30}, {Lo: 250, Hi: 1000, Weight: 1}, {Lo: 60, Weight: 2}}, []float64{20, 220, 60}},
		{"no sharing column", 100, []ColSpec{{Lo: 10, Want: 20}, {Lo: 10, Want: 30}}, []float64{40, 60}},
	}
	for _, tc := range cases {
		got := Allot(tc.tw, tc.cs)
		sum := 0.0
		for i := range got {
			sum += got[i]
			if math.Abs(got[i]-tc.want[i]) > 1e-6 {
				t.Errorf("%s: widths %v, want %v", tc.name, got, tc.want)
				break
			}
		}
		if math.Abs(sum-tc.tw) > 1e-6 {
			t.Errorf("%s: widths sum to %.3f, want %.0f", tc.name, sum, tc.tw)
		}
	}
}
