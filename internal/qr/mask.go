package qr

// maxSize is the modules a side of a version 40 symbol.
const maxSize = 17 + 4*40

// Every mask pattern repeats every 12 rows and 12 columns, so
// maskRows[m][r%12] is the row r of pattern m (1 where it inverts a
// module), and packRows and packCols hold its rows and its columns
// packed as lines are (see lines).
var (
	maskRows           [8][12][maxSize]byte
	packRows, packCols [8][12][maxWords]uint64
)

func init() {
	for m := range 8 {
		for r := range 12 {
			for c := range maxSize {
				maskRows[m][r][c] = bit(masks(m, r, c))
				p := c + pad
				packRows[m][r][p/64] |= uint64(bit(masks(m, r, c))) << (p % 64)
				packCols[m][r][p/64] |= uint64(bit(masks(m, c, r))) << (p % 64)
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
		m = newLines(s).bestMask(l)
	}
	apply(s.mod, s.mod, s.data, &maskRows[m], s.n)
	writeFormat(s.mod, s.n, formatBits(l, m), false)
	return &Code{Version: s.v, Level: l, Mask: m, size: s.n, mod: s.mod}
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
