package qr

import "math/bits"

// The mask penalty is computed on lines packed 64 modules a word: bit
// pad+x of a line is its module x, 1 dark, with light bits before and
// after standing for the quiet zone, and a last word always zero so that
// a line can be read at any offset up to 63 from any of its words. Every
// rule is then a few shifts, ANDs and population counts a word, with no
// branch on the modules.

const (
	pad      = 4                         // light bits before a line's first module
	maxWords = (maxSize+2*pad+63)/64 + 1 // words a line of a version 40 symbol takes
)

// lines is a symbol packed for scoring its masks: its rows and its
// columns, each k words, before masking, with their encoding regions, a
// masked candidate, and the bit masks the rules need for lines of n.
type lines struct {
	n, k                   int
	rows, rowData          []uint64
	cols, colData          []uint64
	curRows, curCols       []uint64
	inLine, inLine1, pairs []uint64 // positions 0..n+3, 0..n+2, pad..pad+n-2
	// edges[i][s] is word i at offset s of the forced run boundaries:
	// before the first and after the last module
	edges [maxWords][5]uint64
}

// newLines packs the symbol s.
func newLines(s *symbol) *lines {
	n := s.n
	k := (n+2*pad+63)/64 + 1
	buf := make([]uint64, 6*n*k+3*k)
	part := func(i, size int) []uint64 { return buf[i : i+size : i+size] }
	ls := &lines{n: n, k: k}
	ls.rows, ls.rowData, ls.cols = part(0, n*k), part(n*k, n*k), part(2*n*k, n*k)
	ls.colData, ls.curRows, ls.curCols = part(3*n*k, n*k), part(4*n*k, n*k), part(5*n*k, n*k)
	ls.inLine, ls.inLine1 = part(6*n*k, k), part(6*n*k+k, k)
	ls.pairs = part(6*n*k+2*k, k)
	for y := range n {
		mod, data := s.mod[y*n:(y+1)*n], s.data[y*n:(y+1)*n]
		rows, rowData := ls.rows[y*k:(y+1)*k], ls.rowData[y*k:(y+1)*k]
		for x := range mod {
			rows[(x+pad)/64] |= uint64(mod[x]) << ((x + pad) % 64)
			rowData[(x+pad)/64] |= uint64(data[x]) << ((x + pad) % 64)
		}
		word, shift := (y+pad)/64, (y+pad)%64
		for x := range mod {
			ls.cols[x*k+word] |= uint64(mod[x]) << shift
			ls.colData[x*k+word] |= uint64(data[x]) << shift
		}
	}
	for p := range n + pad {
		setBit(ls.inLine, p)
		if p < n+pad-1 {
			setBit(ls.inLine1, p)
		}
		if p >= pad && p < pad+n-1 {
			setBit(ls.pairs, p)
		}
	}
	edges := make([]uint64, k)
	setBit(edges, pad-1)
	setBit(edges, pad+n-1)
	for i := range k - 1 {
		for s := range 5 {
			ls.edges[i][s] = at(edges, i, uint(s))
		}
	}
	return ls
}

// setIf sets the bit of module x in line y of w when b is 1.
func (ls *lines) setIf(w []uint64, y, x int, b byte) {
	p := x + pad
	w[y*ls.k+p/64] |= uint64(b) << (p % 64)
}

func setBit(w []uint64, p int) { w[p/64] |= 1 << (p % 64) }

// bestMask returns the mask of the lowest penalty, the first of equals.
func (ls *lines) bestMask(l Level) int {
	best, bestScore := 0, ls.score(l, 0)
	for m := 1; m < 8; m++ {
		if p := ls.score(l, m); p < bestScore {
			best, bestScore = m, p
		}
	}
	return best
}

// score returns the penalty of the symbol with mask m and the format
// information of level l.
func (ls *lines) score(l Level, m int) int {
	n, k := ls.n, ls.k
	for y := range n {
		pr, pc := &packRows[m][y%12], &packCols[m][y%12]
		for i := range k {
			j := y*k + i
			ls.curRows[j] = ls.rows[j] ^ pr[i]&ls.rowData[j]
			ls.curCols[j] = ls.cols[j] ^ pc[i]&ls.colData[j]
		}
	}
	f := formatBits(l, m)
	for i := range 15 {
		for _, p := range formatXY(i, n) {
			x, y := p[0], p[1]
			b := byte(f >> i & 1)
			ls.setIf(ls.curRows, y, x, b)
			ls.setIf(ls.curCols, x, y, b)
		}
	}
	return ls.penalty()
}

// penalty returns the penalty of the masked candidate by the four rules
// of ISO/IEC 18004:2015 7.8.3.1:
//
//  1. a run of k ≥ 5 modules of one colour in a row or column: k-2;
//  2. a 2×2 block of one colour: 3 (blocks may overlap);
//  3. dark-light-dark-dark-dark-light-dark in a row or column with 4
//     light modules before or after it: 40 (once, however many sides are
//     light); outside the symbol counts as light, the quiet zone;
//  4. the dark share: 10 for every full 5 % it is away from 50 %.
func (ls *lines) penalty() int {
	n, k := ls.n, ls.k
	p, dark := 0, 0
	for y := range n {
		row := ls.curRows[y*k : (y+1)*k]
		p += ls.line(row) + ls.line(ls.curCols[y*k:(y+1)*k])
		if y > 0 {
			p += 3 * ls.blocks(ls.curRows[(y-1)*k:y*k], row)
		}
		for _, w := range row {
			dark += bits.OnesCount64(w)
		}
	}
	total := n * n
	return p + 10*(abs(20*dark-10*total)/total)
}

// at returns the 64 bits of w from bit 64i+s on (s < 64).
func at(w []uint64, i int, s uint) uint64 {
	return w[i]>>s | w[i+1]<<(64-s)
}

// line returns the penalty of rules 1 and 3 for one line w.
//
// Rule 1: with d(p) set where bits p and p+1 differ (and at the line's
// two edges), a run of length k has k-4 windows of five equal modules,
// no boundary among d(p..p+3), and one start, d(p-1) set: k-4+2 = k-2.
// Rule 3: the pattern starting at bit q+4, with q..q+3 or q+11..q+14 clear.
func (ls *lines) line(w []uint64) int {
	p := 0
	for i := range ls.k - 1 {
		var b [15]uint64
		b[0] = w[i]
		for s := 1; s < 15; s++ {
			b[s] = at(w, i, uint(s))
		}
		var d [5]uint64
		for s := range d {
			d[s] = b[s] ^ b[s+1] | ls.edges[i][s]
		}
		windows := ^(d[0] | d[1] | d[2] | d[3]) & ls.inLine[i]
		starts := d[0] &^ (d[1] | d[2] | d[3] | d[4]) & ls.inLine1[i]
		core := b[4] &^ b[5] & b[6] & b[7] & b[8] &^ b[9] & b[10]
		light := ^(b[0] | b[1] | b[2] | b[3]) | ^(b[11] | b[12] | b[13] | b[14])
		p += bits.OnesCount64(windows) + 2*bits.OnesCount64(starts) + 40*bits.OnesCount64(core&light)
	}
	return p
}

// blocks returns the 2×2 blocks of one colour in rows a and b.
func (ls *lines) blocks(a, b []uint64) int {
	c := 0
	for i := range ls.k - 1 {
		a1, b1 := at(a, i, 1), at(b, i, 1)
		same := ^(a[i] ^ a1) &^ (b[i] ^ b1) &^ (a[i] ^ b[i])
		c += bits.OnesCount64(same & ls.pairs[i])
	}
	return c
}
