package qr

import (
	"iter"
	"math/bits"
)

// symbol is a symbol under construction: its modules before masking and
// which of them hold codewords.
type symbol struct {
	v, n      int
	mod, data []byte // n*n modules, row by row: 1 dark; 1 in the encoding region
}

// alignTab[v] holds the alignment pattern centres of version v.
var alignTab [41][]int

func init() {
	for v := 1; v <= 40; v++ {
		alignTab[v] = alignPos(v)
	}
}

// newSymbol returns a symbol of version v with its function patterns
// drawn and the format modules reserved.
func newSymbol(v int) *symbol {
	n := 17 + 4*v
	buf := make([]byte, 2*n*n)
	s := &symbol{v: v, n: n, mod: buf[: n*n : n*n], data: buf[n*n:]}
	for i := range s.data {
		s.data[i] = 1
	}
	for i := range n { // timing patterns; the finders then cover their ends
		s.set(i, 6, i%2 == 0)
		s.set(6, i, i%2 == 0)
	}
	for _, c := range [3][2]int{{3, 3}, {n - 4, 3}, {3, n - 4}} {
		s.square(c[0], c[1], 4, func(d int) bool { return d != 2 && d != 4 })
	}
	s.drawAlignment()
	writeFormat(s.mod, n, 0, false)
	for i := range 15 {
		for _, p := range formatXY(i, n) {
			s.data[p[1]*n+p[0]] = 0
		}
	}
	s.set(8, n-8, true) // the dark module
	if v >= 7 {
		s.drawVersion()
	}
	return s
}

// set makes the module at column x, row y a function module, dark or not.
func (s *symbol) set(x, y int, dark bool) {
	i := y*s.n + x
	s.mod[i], s.data[i] = bit(dark), 0
}

// square draws the modules within r of (cx, cy) that lie in the symbol,
// dark where dark(distance) holds; distance is the larger of the two
// coordinate differences.
func (s *symbol) square(cx, cy, r int, dark func(int) bool) {
	for y := max(cy-r, 0); y <= min(cy+r, s.n-1); y++ {
		for x := max(cx-r, 0); x <= min(cx+r, s.n-1); x++ {
			s.set(x, y, dark(max(abs(x-cx), abs(y-cy))))
		}
	}
}

// drawAlignment draws the alignment patterns: one at every pair of
// centres but the three that would overlap a finder.
func (s *symbol) drawAlignment() {
	pos := alignTab[s.v]
	last := len(pos) - 1
	for i, y := range pos {
		for j, x := range pos {
			if i == 0 && (j == 0 || j == last) || j == 0 && i == last {
				continue
			}
			s.square(x, y, 2, func(d int) bool { return d != 1 })
		}
	}
}

// drawVersion draws both copies of the version information (versions 7 and up).
func (s *symbol) drawVersion() {
	info := bch(s.v, 12, 0x1f25)
	for i := range 18 {
		a, b := s.n-11+i%3, i/3
		s.set(a, b, info>>i&1 == 1)
		s.set(b, a, info>>i&1 == 1)
	}
}

// place writes the bits of the codewords cw into the encoding region
// in order (see region). Modules left over (remainder bits) stay light.
func (s *symbol) place(cw []byte) {
	i, total := 0, 8*len(cw)
	for p := range s.region() {
		if i == total {
			break
		}
		s.mod[p] = cw[i>>3] >> (7 - i&7) & 1
		i++
	}
}

// region yields the modules of the encoding region (as indexes into mod)
// in the order codeword bits fill them: in two-module columns from the
// right edge, up the first, down the next, right module before left,
// skipping function modules and the vertical timing pattern.
func (s *symbol) region() iter.Seq[int] {
	return func(yield func(int) bool) {
		n, up := s.n, true
		for right := n - 1; right >= 1; right -= 2 {
			if right == 6 {
				right = 5
			}
			for k := range n {
				y := k
				if up {
					y = n - 1 - k
				}
				for x := right; x >= right-1; x-- {
					if p := y*n + x; s.data[p] == 1 && !yield(p) {
						return
					}
				}
			}
			up = !up
		}
	}
}

// formatXY returns the two places (column, row) of bit i (0 the lowest)
// of the format information in a symbol n modules a side.
func formatXY(i, n int) [2][2]int {
	var a, b [2]int
	switch {
	case i < 6:
		a = [2]int{8, i}
	case i < 8:
		a = [2]int{8, i + 1}
	case i == 8:
		a = [2]int{7, 8}
	default:
		a = [2]int{14 - i, 8}
	}
	if i < 8 {
		b = [2]int{n - 1 - i, 8}
	} else {
		b = [2]int{8, n - 15 + i}
	}
	return [2][2]int{a, b}
}

// writeFormat writes the 15 format bits to both places in the modules m
// of a symbol n modules a side, stored column by column when transposed.
func writeFormat(m []byte, n, info int, transposed bool) {
	for i := range 15 {
		for _, p := range formatXY(i, n) {
			x, y := p[0], p[1]
			if transposed {
				x, y = y, x
			}
			m[y*n+x] = byte(info >> i & 1)
		}
	}
}

// formatBits returns the format information for level l and mask m:
// the level's two bits and the mask's three, their BCH(15,5) code, the
// whole masked with 101010000010010.
func formatBits(l Level, m int) int {
	levelBits := [4]int{1, 0, 3, 2}[l]
	return bch(levelBits<<3|m, 10, 0x537) ^ 0x5412
}

// bch returns d followed by the k check bits of the BCH code with
// generator polynomial g (of degree k).
func bch(d, k, g int) int {
	r := d << k
	for b := bits.Len(uint(r)) - 1; b >= k; b-- {
		if r>>b&1 == 1 {
			r ^= g << (b - k)
		}
	}
	return d<<k | r
}

func bit(b bool) byte {
	if b {
		return 1
	}
	return 0
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
