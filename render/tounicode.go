package render

import (
	"bytes"
	"fmt"
	"strconv"
)

// /ToUnicode for the fast font path. fpdf writes no /ToUnicode entry for
// the simple TrueType fonts of its font-definition route, so viewers would
// have to guess the text from glyph names. Each prepared face therefore
// carries a /ToUnicode CMap of its 8-bit encoding (every code the face has
// a glyph for, the /Differences extras ≥ ≤ − ≠ included), built by
// pdffont.ToUnicode and compressed once per process; rewrite appends it as
// a new object after fpdf's last one and adds "/ToUnicode n 0 R" to the
// font dictionary. The maps are numbered in face order, so the bytes stay
// deterministic.

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
