package qr

// Block structure by level and version (ISO/IEC 18004:2015 table 9):
// the error-correction codewords of each block and the number of blocks.
// Index [level][version-1], levels in the order L, M, Q, H.
var (
	ecPerBlock = [4][40]int8{
		{7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
			28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
		{10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
			26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
		{13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
			28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
		{17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
			30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
	}
	numBlocks = [4][40]int8{
		{1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
			8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
		{1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
			17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
		{1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
			23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
		{1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
			25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
	}
)

// layout is the codeword structure of one version at one level.
type layout struct {
	total  int // codewords in the symbol
	data   int // data codewords
	ec     int // error-correction codewords per block
	blocks int // blocks; the first short ones have one data codeword less
	short  int // blocks with data/blocks data codewords
	extra  int // remainder bits after the last codeword (0 to 7)
}

// layoutOf returns the codeword structure of version v at level l.
func layoutOf(v int, l Level) layout {
	raw := dataModules(v)
	ly := layout{total: raw / 8, extra: raw % 8, ec: int(ecPerBlock[l][v-1]), blocks: int(numBlocks[l][v-1])}
	ly.data = ly.total - ly.ec*ly.blocks
	ly.short = ly.blocks - ly.total%ly.blocks
	return ly
}

// dataModules returns the modules of version v left for codewords and
// remainder bits: all but the finder, separator, timing, alignment,
// format and version modules.
func dataModules(v int) int {
	n := 17 + 4*v
	fn := 3*64 + 2*(n-16) + 31 // finders with separators, timing, format and dark module
	if a := len(alignPos(v)); a > 0 {
		fn += 25*(a*a-3) - 10*(a-2) // alignment patterns less their overlap with timing
	}
	if v >= 7 {
		fn += 36
	}
	return n*n - fn
}

// alignPos returns the row (and column) centres of the alignment patterns
// of version v: 6, then evenly spaced up to size-7 with an even step
// (table E.1 of the standard, whose one irregular step is version 32's).
func alignPos(v int) []int {
	if v == 1 {
		return nil
	}
	a := v/7 + 2
	last := 17 + 4*v - 7
	step := ((last-6+a-2)/(a-1) + 1) &^ 1
	if v == 32 {
		step = 26
	}
	pos := make([]int, a)
	pos[0] = 6
	for i := a - 1; i > 0; i-- {
		pos[i] = last - (a-1-i)*step
	}
	return pos
}
