package render

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"

	"codeberg.org/go-pdf/fpdf"

	"kinerja/fonts"
)

// The fast font path. fpdf's UTF-8 fonts (Identity-H) cost several
// milliseconds per face and document whatever we do: fpdf re-parses the
// TrueType file, builds two 65 536-entry width tables, hashes one of them
// through encoding/json and compresses a fresh subset. fpdf has no public
// way to keep a parsed UTF-8 font across documents. Its font-definition
// route (AddFontFromBytes with a JSON definition and a compressed font
// file) does reuse everything: so every face is also prepared once per
// process as a simple TrueType font in an 8-bit encoding (WinAnsi plus
// /Differences for ≥ ≤ − ≠), embedded as a fixed subset holding just that
// repertoire. A document whose text in a face fits the repertoire uses it;
// any other rune sends that face through the UTF-8 route. Text extraction
// works through the /ToUnicode CMap of the encoding, added by rewrite
// (tounicode.go), and through the standard glyph names of the encoding.

// simpleCodes maps each 8-bit code to its rune: Windows-1252 with four of
// its unused codes given to ≥ ≤ − ≠ (named in simpleDiff).
var simpleCodes = func() [256]rune {
	var t [256]rune
	for c := 0x20; c < 0x7F; c++ {
		t[c] = rune(c)
	}
	for c := 0xA0; c <= 0xFF; c++ {
		t[c] = rune(c)
	}
	copy(t[0x80:], []rune("€≥‚ƒ„…†‡ˆ‰Š‹Œ≤Ž−≠‘’“”•–—˜™š›œ\x00žŸ"))
	return t
}()

// simpleDiff is the /Differences array of the extra codes.
const simpleDiff = "129 /greaterequal 141 /lessequal 143 /minus 144 /notequal"

// simpleFont is a face prepared for fpdf's font-definition route.
type simpleFont struct {
	def  []byte        // fpdf font definition (JSON)
	z    []byte        // zlib-compressed subset TrueType file
	enc  map[rune]byte // rune → code, only runes the face has
	name string        // BaseFont: "TAG+PostScriptName"
	// cmap is the /ToUnicode CMap of the codes in enc, cmapZ the same
	// zlib-compressed (see tounicode.go).
	cmap, cmapZ []byte
}

// fontDefJSON mirrors the exported fields of fpdf's font definition.
type fontDefJSON struct {
	Tp, Name     string
	Desc         fpdf.FontDescType
	Up, Ut       int
	Cw           []int
	Enc, Diff    string
	File         string
	OriginalSize int
}

// newSimpleFont prepares fc for the font-definition route.
func newSimpleFont(fc *face, tables map[string][]byte) (*simpleFont, error) {
	sf := &simpleFont{enc: map[rune]byte{}}
	cw := make([]int, 256)
	var runes []rune
	var codes [256]rune
	for c, r := range simpleCodes {
		if r != 0 && fc.has(r) {
			sf.enc[r] = byte(c)
			cw[c] = fc.metrics.Widths[r]
			runes = append(runes, r)
			codes[c] = r
		}
	}
	sf.cmap = toUnicodeCMap(&codes)
	sf.cmapZ = compressOnce(sf.cmap)
	cut := fpdf.UTF8CutFont(fc.full, string(runes))
	if len(cut) == 0 {
		return nil, fmt.Errorf("font %s: cutting the font failed", fc.metrics.PostName)
	}
	sum := sha256.Sum256(cut)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	sf.name = string(tag) + "+" + fc.metrics.PostName
	desc, up, ut, err := fontDesc(tables)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", fc.metrics.PostName, err)
	}
	desc.MissingWidth = fc.metrics.Notdef
	def := fontDefJSON{Tp: "TrueType", Name: sf.name, Desc: desc, Up: up, Ut: ut, Cw: cw,
		Enc: "cp1252", Diff: simpleDiff, File: fc.metrics.PostName + ".z", OriginalSize: len(cut)}
	if sf.def, err = json.Marshal(def); err != nil {
		return nil, err
	}
	sf.z = compressOnce(cut)
	return sf, nil
}

// compressOnce zlib-compresses b at the best level (done once per face).
func compressOnce(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&buf, zlib.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// fontDesc computes the font descriptor the way fpdf does for UTF-8 fonts
// (same values, so both routes draw alike), marked nonsymbolic so that
// viewers apply the encoding. It returns underline position and thickness.
func fontDesc(t map[string][]byte) (d fpdf.FontDescType, up, ut int, err error) {
	head, hhea, os2, post := t["head"], t["hhea"], t["OS/2"], t["post"]
	if len(os2) < 90 || len(post) < 16 {
		return d, 0, 0, fmt.Errorf("%w: short OS/2 or post table", fonts.ErrTTF)
	}
	i16 := func(b []byte, o int) float64 { return float64(int16(binary.BigEndian.Uint16(b[o:]))) }
	scale := 1000 / float64(binary.BigEndian.Uint16(head[18:]))
	d.FontBBox.Xmin, d.FontBBox.Ymin = int(i16(head, 36)*scale), int(i16(head, 38)*scale)
	d.FontBBox.Xmax, d.FontBBox.Ymax = int(i16(head, 40)*scale), int(i16(head, 42)*scale)
	d.Ascent, d.Descent = int(i16(hhea, 4)*scale), int(i16(hhea, 6)*scale)
	d.CapHeight = d.Ascent
	if binary.BigEndian.Uint16(os2) > 1 {
		d.CapHeight = int(i16(os2, 88) * scale)
	}
	weight := float64(binary.BigEndian.Uint16(os2[4:]))
	d.StemV = 50 + int(math.Pow(weight/65, 2))
	d.ItalicAngle = int(i16(post, 4))
	d.Flags = 32 // nonsymbolic
	if d.ItalicAngle != 0 {
		d.Flags |= 64
	}
	if weight >= 600 {
		d.Flags |= 262144 // force bold
	}
	return d, int(math.Round(i16(post, 8) * scale)), int(math.Round(i16(post, 10) * scale)), nil
}

// encode converts s to the 8-bit encoding; ok is false when a rune has no
// code.
func (sf *simpleFont) encode(s string) (b string, ok bool) {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		c, found := sf.enc[r]
		if !found {
			return "", false
		}
		out = append(out, c)
	}
	return string(out), true
}
