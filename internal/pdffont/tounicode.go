package pdffont

import (
	"bytes"
	"fmt"
	"unicode/utf16"
)

// MaxCMapBlock is the most entries a bfrange or bfchar block of a CMap may
// hold (PDF 32000-1, 9.10.3, and Adobe technical note 5411).
const MaxCMapBlock = 100

// cmapHead and cmapTail frame a ToUnicode CMap for one-byte codes.
const (
	cmapHead = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n" +
		"/CMapName /Kinerja-8bit-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
	cmapTail = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
)

// codeRun is a run of consecutive codes mapped to consecutive runes.
type codeRun struct {
	first, last byte
	r           rune
}

// ToUnicode returns the ToUnicode CMap of an 8-bit encoding: codes[c] is
// the rune of code c, 0 for an unused code. Runs of two or more go into
// bfrange blocks, single codes into bfchar blocks.
func ToUnicode(codes *[256]rune) []byte {
	var ranges, chars []codeRun
	for _, run := range codeRuns(codes) {
		if run.first == run.last {
			chars = append(chars, run)
		} else {
			ranges = append(ranges, run)
		}
	}
	var b bytes.Buffer
	b.WriteString(cmapHead)
	writeBlocks(&b, "bfrange", ranges)
	writeBlocks(&b, "bfchar", chars)
	b.WriteString(cmapTail)
	return b.Bytes()
}

// codeRuns splits the used codes into maximal runs, in code order.
func codeRuns(codes *[256]rune) []codeRun {
	var runs []codeRun
	for c := 0; c < 256; c++ {
		r := codes[c]
		if r == 0 {
			continue
		}
		if n := len(runs); n > 0 && int(runs[n-1].last) == c-1 && runs[n-1].r+rune(c-int(runs[n-1].first)) == r {
			runs[n-1].last = byte(c)
			continue
		}
		runs = append(runs, codeRun{first: byte(c), last: byte(c), r: r})
	}
	return runs
}

// writeBlocks writes runs as blocks of kind ("bfrange" or "bfchar") of at
// most MaxCMapBlock entries.
func writeBlocks(b *bytes.Buffer, kind string, runs []codeRun) {
	for len(runs) > 0 {
		n := min(len(runs), MaxCMapBlock)
		fmt.Fprintf(b, "%d begin%s\n", n, kind)
		for _, run := range runs[:n] {
			if kind == "bfrange" {
				fmt.Fprintf(b, "<%02X> <%02X> <%s>\n", run.first, run.last, utf16Hex(run.r))
			} else {
				fmt.Fprintf(b, "<%02X> <%s>\n", run.first, utf16Hex(run.r))
			}
		}
		fmt.Fprintf(b, "end%s\n", kind)
		runs = runs[n:]
	}
}

// utf16Hex returns r as UTF-16BE in hexadecimal digits.
func utf16Hex(r rune) string {
	var s string
	for _, u := range utf16.Encode([]rune{r}) {
		s += fmt.Sprintf("%04X", u)
	}
	return s
}
