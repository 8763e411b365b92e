package render

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf16"
)

// /ToUnicode for the fast font path. fpdf writes no /ToUnicode entry for
// the simple TrueType fonts of its font-definition route, so viewers would
// have to guess the text from glyph names. Each prepared face therefore
// carries a /ToUnicode CMap of its 8-bit encoding (every code the face has
// a glyph for, the /Differences extras ≥ ≤ − ≠ included), built and
// compressed once per process; rewrite appends it as a new object after
// fpdf's last one and adds "/ToUnicode n 0 R" to the font dictionary. The
// maps are numbered in face order, so the bytes stay deterministic.

// maxCMapBlock is the most entries a bfchar or bfrange block may hold
// (PDF 32000-1, 9.10.3, and Adobe technical note 5411).
const maxCMapBlock = 100

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

// toUnicodeCMap returns the ToUnicode CMap of an 8-bit encoding: codes[c]
// is the rune of code c, 0 for an unused code. Runs of two or more go into
// bfrange blocks, single codes into bfchar blocks.
func toUnicodeCMap(codes *[256]rune) []byte {
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
// most maxCMapBlock entries.
func writeBlocks(b *bytes.Buffer, kind string, runs []codeRun) {
	for len(runs) > 0 {
		n := min(len(runs), maxCMapBlock)
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

// fontMap is a /ToUnicode CMap to attach to one simple font of a document.
type fontMap struct {
	font  []byte // start of the font dictionary: "<</Type /Font\n/BaseFont /NAME\n/Subtype /TrueType\n"
	plain []byte // the CMap
	z     []byte // the CMap zlib-compressed
}

// fontMaps returns the CMaps of the simple fonts among used, in face order.
func fontMaps(used []*fontUse) []fontMap {
	var maps []fontMap
	for _, u := range used {
		if u.simple {
			sf := u.face.simple
			maps = append(maps, fontMap{font: simpleFontDict(sf.name), plain: sf.cmap, z: sf.cmapZ})
		}
	}
	return maps
}

// simpleFontDict returns how fpdf v0.12.0 starts the dictionary of the
// simple TrueType font named name.
func simpleFontDict(name string) []byte {
	return []byte("<</Type /Font\n/BaseFont /" + name + "\n/Subtype /TrueType\n")
}

// fontDictEnd is how fpdf ends the font dictionary object.
const fontDictEnd = ">>\nendobj\n"

// withToUnicode returns obj (one whole object "n 0 obj\n...endobj\n") with
// "/ToUnicode num 0 R" added to its dictionary when it is the font
// dictionary of one of maps; k is the index of that map, else -1.
func withToUnicode(obj []byte, maps []fontMap, first int) (out []byte, k int) {
	i := bytes.IndexByte(obj, '\n') + 1
	if i == 0 || !bytes.HasPrefix(obj[i:], []byte("<</Type /Font\n/BaseFont /")) || !bytes.HasSuffix(obj, []byte(fontDictEnd)) {
		return obj, -1
	}
	for k, m := range maps {
		if bytes.HasPrefix(obj[i:], m.font) {
			end := len(obj) - len(fontDictEnd)
			out = make([]byte, 0, len(obj)+24)
			out = append(out, obj[:end]...)
			out = append(out, "/ToUnicode "+strconv.Itoa(first+k)+" 0 R\n"...)
			return append(out, obj[end:]...), k
		}
	}
	return obj, -1
}

// appendFontMap appends the CMap of m as stream object num, compressed
// with compress.
func appendFontMap(out []byte, num int, m fontMap, compress bool) []byte {
	data, filter := m.plain, ""
	if compress {
		data, filter = m.z, "/Filter /FlateDecode "
	}
	out = fmt.Appendf(out, "%d 0 obj\n<<%s/Length %d>>\nstream\n", num, filter, len(data))
	out = append(out, data...)
	return append(out, "\nendstream\nendobj\n"...)
}
