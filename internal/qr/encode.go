package qr

import (
	"errors"
	"fmt"
)

// Level is an error-correction level: the share of codewords that can be
// restored, about 7 % (L), 15 % (M), 25 % (Q) and 30 % (H).
type Level int

// The four error-correction levels, lowest first.
const (
	L Level = iota
	M
	Q
	H
)

// String returns the level's letter.
func (l Level) String() string {
	if l < L || l > H {
		return fmt.Sprintf("Level(%d)", int(l))
	}
	return string("LMQH"[l])
}

// ErrTooLong is returned (wrapped) for content that a version 40 symbol
// cannot hold at the level asked for.
var ErrTooLong = errors.New("content too long for a QR code")

// Code is a QR code symbol: Size() modules a side, no quiet zone.
type Code struct {
	Version int   // 1 to 40
	Level   Level // error-correction level
	Mask    int   // data mask pattern, 0 to 7
	size    int
	mod     []byte // size*size modules, row by row, 1 dark
}

// Size returns the modules a side, 17+4·Version, quiet zone not included.
func (c *Code) Size() int { return c.size }

// Dark reports whether the module at column x, row y (from the top left)
// is dark. Modules outside the symbol (the quiet zone) are light.
func (c *Code) Dark(x, y int) bool {
	if x < 0 || y < 0 || x >= c.size || y >= c.size {
		return false
	}
	return c.mod[y*c.size+x] == 1
}

// Bitmap returns the modules with a light quiet zone of quiet modules
// around them, row by row from the top, true for dark: the shape of
// go-qrcode's Bitmap, which has quiet = 4 (the standard's minimum).
func (c *Code) Bitmap(quiet int) [][]bool {
	n := c.size + 2*max(quiet, 0)
	all := make([]bool, n*n)
	rows := make([][]bool, n)
	for y := range rows {
		rows[y] = all[y*n : (y+1)*n : (y+1)*n]
	}
	for y := range c.size {
		row := rows[y+quiet][quiet:]
		for x, m := range c.mod[y*c.size : (y+1)*c.size] {
			row[x] = m == 1
		}
	}
	return rows
}

// Encode encodes data as one byte-mode segment (no ECI: readers take the
// bytes as they are, UTF-8 in practice) in the smallest version that
// holds it at level l, with the mask of the lowest penalty.
func Encode(data []byte, l Level) (*Code, error) {
	if l < L || l > H {
		return nil, fmt.Errorf("qr: unknown error-correction level %d", int(l))
	}
	v := chooseVersion(len(data), l)
	if v == 0 {
		return nil, fmt.Errorf("qr: %d bytes at level %v, at most %d: %w", len(data), l, capacity(40, l), ErrTooLong)
	}
	s := newSymbol(v)
	s.place(codewords(data, v, l))
	return s.finish(l, -1), nil
}

// countBits returns the length of a byte-mode character count in version v.
func countBits(v int) int {
	if v < 10 {
		return 8
	}
	return 16
}

// capacity returns the most bytes version v holds at level l in one byte
// segment.
func capacity(v int, l Level) int {
	return (layoutOf(v, l).data*8 - 4 - countBits(v)) / 8
}

// chooseVersion returns the smallest version that holds n bytes at level
// l, or 0 when none does.
func chooseVersion(n int, l Level) int {
	for v := 1; v <= 40; v++ {
		if n <= capacity(v, l) {
			return v
		}
	}
	return 0
}

// codewords returns the codewords of data in version v at level l as
// they are placed: the data codewords (mode, count, bytes, terminator,
// pad codewords) split into blocks, each block's error correction
// computed, both interleaved.
func codewords(data []byte, v int, l Level) []byte {
	ly := layoutOf(v, l)
	buf := make([]byte, ly.data+ly.total) // the data codewords, then the result
	d := buf[:ly.data]
	// mode 0100 and the count, 12 or 20 bits, then the bytes shifted by 4
	hdr := 0x4<<countBits(v) | len(data)
	k := 0
	if v >= 10 {
		d[k], k = byte(hdr>>12), k+1
	}
	d[k], d[k+1], k = byte(hdr>>4), byte(hdr<<4), k+2
	for _, b := range data {
		d[k-1] |= b >> 4
		d[k], k = b<<4, k+1
	}
	// the low 4 bits of d[k-1] are the terminator; pad codewords follow
	pad := [2]byte{0xec, 0x11}
	for i := k; i < ly.data; i++ {
		d[i] = pad[(i-k)%2]
	}
	return interleave(d, buf[ly.data:], ly)
}

// interleave splits the data codewords d into the blocks of ly, computes
// each block's error correction, and writes to out the first codeword of
// every block, then the second, and so on, then the error correction in
// the same way. It returns out.
func interleave(d, out []byte, ly layout) []byte {
	shortLen := ly.data / ly.blocks
	var ecBuf [30]byte
	ec := ecBuf[:ly.ec]
	start := 0
	for b := range ly.blocks {
		n := shortLen
		if b >= ly.short {
			n++
		}
		blk := d[start : start+n]
		start += n
		for i, c := range blk {
			// the short blocks' last codeword has no slot: long blocks come later
			j := i*ly.blocks + b
			if i == shortLen {
				j = shortLen*ly.blocks + b - ly.short
			}
			out[j] = c
		}
		remainder(blk, ec)
		for i, c := range ec {
			out[ly.data+i*ly.blocks+b] = c
		}
	}
	return out
}
