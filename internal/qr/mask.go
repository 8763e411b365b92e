package qr

// maxSize is the modules a side of a version 40 symbol.
const maxSize = 17 + 4*40

// Every mask pattern repeats every 12 rows and 12 columns, so
// maskRows[m][r%12] is the row r of pattern m (1 where it inverts a
// module) and maskCols[m][c%12] its column c.
var maskRows, maskCols [8][12][maxSize]byte

func init() {
	for m := range 8 {
		for r := range 12 {
			for c := range maxSize {
				maskRows[m][r][c] = bit(masks(m, r, c))
				maskCols[m][r][c] = bit(masks(m, c, r))
			}
		}
	}
}

// masks reports whether mask pattern m inverts the module in row i,
// column j (ISO/IEC 18004 table 10).
func masks(m, i, j int) bool {
	switch m {
	case 0:
		return (i+j)%2 == 0
	case 1:
		return i%2 == 0
	case 2:
		return j%3 == 0
	case 3:
		return (i+j)%3 == 0
	case 4:
		return (i/2+j/3)%2 == 0
	case 5:
		return i*j%2+i*j%3 == 0
	case 6:
		return (i*j%2+i*j%3)%2 == 0
	default:
		return ((i+j)%2+i*j%3)%2 == 0
	}
}

// finish masks the symbol with mask m, or with the mask of the lowest
// penalty when m < 0 (the first of equals), writes the format
// information and returns the code.
func (s *symbol) finish(l Level, m int) *Code {
	if m < 0 {
		m = s.bestMask(l)
	}
	apply(s.mod, s.mod, s.data, &maskRows[m], s.n)
	writeFormat(s.mod, s.n, formatBits(l, m), false)
	return &Code{Version: s.v, Level: l, Mask: m, size: s.n, mod: s.mod}
}

// bestMask returns the mask of the lowest penalty, the first of equals.
func (s *symbol) bestMask(l Level) int {
	s.transpose()
	best, bestScore := 0, s.score(l, 0)
	for m := 1; m < 8; m++ {
		if p := s.score(l, m); p < bestScore {
			best, bestScore = m, p
		}
	}
	return best
}

// transpose fills modT and dataT from mod and data.
func (s *symbol) transpose() {
	n := s.n
	for y := range n {
		for x := range n {
			s.modT[x*n+y], s.dataT[x*n+y] = s.mod[y*n+x], s.data[y*n+x]
		}
	}
}

// score returns the penalty of the symbol with mask m and the format
// information of level l, its transpose made.
func (s *symbol) score(l Level, m int) int {
	n, f := s.n, formatBits(l, m)
	apply(s.g, s.mod, s.data, &maskRows[m], n)
	apply(s.t, s.modT, s.dataT, &maskCols[m], n)
	writeFormat(s.g, n, f, false)
	writeFormat(s.t, n, f, true)
	return penalty(s.g, s.t, n)
}

// apply writes to dst the modules src with pattern pat applied to those
// in the encoding region (data 1), n modules a side. dst may be src.
func apply(dst, src, data []byte, pat *[12][maxSize]byte, n int) {
	for r := range n {
		row := pat[r%12][:n]
		d, s, f := dst[r*n:(r+1)*n], src[r*n:(r+1)*n], data[r*n:(r+1)*n]
		for c := range d {
			d[c] = s[c] ^ row[c]&f[c]
		}
	}
}

// penalty returns the penalty of the masked symbol g (row by row, n
// modules a side) whose transpose is t, by the four rules of ISO/IEC
// 18004:2015 7.8.3.1:
//
//  1. a run of k ≥ 5 modules of one colour in a row or column: k-2;
//  2. a 2×2 block of one colour: 3 (blocks may overlap);
//  3. dark-light-dark-dark-dark-light-dark in a row or column with 4
//     light modules before or after it: 40 (once, however many sides are
//     light); outside the symbol counts as light, the quiet zone;
//  4. the dark share: 10 for every full 5 % it is away from 50 %.
func penalty(g, t []byte, n int) int {
	p, dark := 0, 0
	for r := range n {
		row := g[r*n : (r+1)*n]
		p += line(row) + line(t[r*n:(r+1)*n])
		if r > 0 {
			p += 3 * blocks(g[(r-1)*n:r*n], row)
		}
		for _, m := range row {
			dark += int(m)
		}
	}
	total := n * n
	return p + 10*(abs(20*dark-10*total)/total)
}

// line returns the penalty of rules 1 and 3 for one row or column.
func line(a []byte) int {
	p, run, prev := 0, 0, byte(2)
	var w uint // the last 15 modules, the newest lowest, light before the start
	for i, m := range a {
		if m == prev {
			run++
		} else {
			if run >= 5 {
				p += run - 2
			}
			run, prev = 1, m
		}
		w = (w<<1 | uint(m)) & 0x7fff
		if i >= 10 && finder(w) {
			p += 40
		}
	}
	if run >= 5 {
		p += run - 2
	}
	for range 4 { // light after the end
		w = w << 1 & 0x7fff
		if finder(w) {
			p += 40
		}
	}
	return p
}

// finder reports whether the 15 modules w hold 1011101 in their middle
// with four light modules before or after it.
func finder(w uint) bool {
	return w>>4&0x7f == 0x5d && (w>>11 == 0 || w&0xf == 0)
}

// blocks returns the 2×2 blocks of one colour in rows a and b.
func blocks(a, b []byte) int {
	k := 0
	b = b[:len(a)]
	for c := 1; c < len(a); c++ {
		if s := a[c-1] + a[c] + b[c-1] + b[c]; s == 0 || s == 4 {
			k++
		}
	}
	return k
}
