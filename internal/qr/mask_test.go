package qr

import (
	"math/rand/v2"
	"testing"
)

// rules selects how refPenalty reads the rules: as the standard says, or
// as go-qrcode applies them.
type rules int

const (
	standard rules = iota
	goQRCode
)

// refPenalty is the penalty of the symbol bm (no quiet zone) computed the
// plain way, module by module, for comparison with penalty.
func refPenalty(bm [][]bool, how rules) int {
	n := len(bm)
	at := func(x, y int, transposed bool) bool {
		if x < 0 || x >= n { // the quiet zone
			return false
		}
		if transposed {
			return bm[x][y]
		}
		return bm[y][x]
	}
	p := 0
	for _, tr := range []bool{false, true} {
		for y := range n {
			p += refRuns(n, how, func(x int) bool { return at(x, y, tr) })
			if how == goQRCode {
				p += goFinders(n, func(x int) bool { return at(x, y, tr) })
			} else {
				p += refFinders(n, func(x int) bool { return at(x, y, tr) })
			}
		}
	}
	dark := 0
	for y := range n {
		for x := range n {
			if bm[y][x] {
				dark++
			}
			if x > 0 && y > 0 && bm[y][x] == bm[y][x-1] && bm[y][x] == bm[y-1][x] && bm[y][x] == bm[y-1][x-1] {
				p += 3
			}
		}
	}
	total := n * n
	if how == goQRCode {
		return p + 10*(abs(total/2-dark)/(total/20))
	}
	// the share's distance from 50 % in whole steps of 5 %
	k := 0
	for abs(100*dark-50*total) >= 5*(k+1)*total {
		k++
	}
	return p + 10*k
}

// refRuns is rule 1 for one line: 3 + (k-5) for every run of k ≥ 5
// modules of one colour; go-qrcode starts at 6.
func refRuns(n int, how rules, dark func(int) bool) int {
	least := 5
	if how == goQRCode {
		least = 6
	}
	p := 0
	for start := 0; start < n; {
		end := start
		for end < n && dark(end) == dark(start) {
			end++
		}
		if k := end - start; k >= least {
			p += 3 + k - 5
		}
		start = end
	}
	return p
}

// refFinders is rule 3 for one line: 40 for every 1:1:3:1:1 pattern
// with four light modules on at least one side, outside the line light.
func refFinders(n int, dark func(int) bool) int {
	core := []bool{true, false, true, true, true, false, true}
	light := func(from int) bool {
		for x := from; x < from+4; x++ {
			if dark(x) {
				return false
			}
		}
		return true
	}
	p := 0
	for x := 0; x+7 <= n; x++ {
		ok := true
		for i, c := range core {
			ok = ok && dark(x+i) == c
		}
		if ok && (light(x-4) || light(x+7)) {
			p += 40
		}
	}
	return p
}

// goFinders is rule 3 as go-qrcode applies it: a window of 11 modules
// runs along the line (light before it); each time it shows the pattern
// with four light modules before or after it counts 40, and from then on
// the window reads the 8 modules up to there as dark and those before
// them as light; at the end of the line the pattern ending at the edge
// counts too.
func goFinders(n int, dark func(int) bool) int {
	p, from, counted := 0, 0, false
	seen := func(x int) bool {
		if x >= from {
			return dark(x)
		}
		return counted && x >= from-8
	}
	match := func(end int, pat []int) bool {
		for i, want := range pat {
			if seen(end-len(pat)+1+i) != (want == 1) {
				return false
			}
		}
		return true
	}
	before := []int{0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1}
	after := []int{1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0}
	for x := range n {
		if match(x, before) || match(x, after) || x == n-1 && match(x, before[4:]) {
			p += 40
			from, counted = x+1, true
		}
	}
	return p
}

// TestMaskChoice checks penalty against refPenalty for every mask of
// symbols of all sizes, and that Encode takes the first mask of the
// lowest penalty. It also shows why go-qrcode's choice differs for about
// a quarter of contents: it picks the mask refPenalty's goQRCode reading
// scores lowest (rule 1 from runs of 6, not 5, and its rule 3 window).
func TestMaskChoice(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	goSame := 0
	var in [][]byte
	for _, n := range []int{1, 10, 30, 60, 100, 150, 250, 400, 700} {
		in = append(in, randomBytes(r, n))
	}
	in = append(in, stampInputs(r)[:20]...)
	for _, d := range in {
		c, err := Encode(d, M)
		if err != nil {
			t.Fatal(err)
		}
		best, bestP, goBest, goP := -1, 0, -1, 0
		for m := range 8 {
			bm := encodeMask(d, M, m).Bitmap(0)
			s := newSymbol(c.Version)
			s.place(codewords(d, s.v, M))
			want := refPenalty(bm, standard)
			if got := newLines(s).score(M, m); got != want {
				t.Errorf("version %d mask %d: penalty %d, reference %d", c.Version, m, got, want)
			}
			if best < 0 || want < bestP {
				best, bestP = m, want
			}
			if p := refPenalty(bm, goQRCode); goBest < 0 || p < goP {
				goBest, goP = m, p
			}
		}
		if c.Mask != best {
			t.Errorf("version %d: mask %d, lowest penalty has %d", c.Version, c.Mask, best)
		}
		if th := goQR(t, d, M); th.mask == goBest {
			goSame++
		}
	}
	if goSame != len(in) {
		t.Errorf("go-qrcode's mask is its reading's lowest in %d of %d symbols", goSame, len(in))
	}
}
