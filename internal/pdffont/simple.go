package pdffont

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"

	"codeberg.org/go-pdf/fpdf"

	"kinerja/fonts"
)

// WinAnsi maps each 8-bit code of Windows-1252 (the PDF WinAnsiEncoding)
// to its rune; the five codes Windows-1252 leaves unused, and the control
// codes, are 0.
var WinAnsi = func() [256]rune {
	var t [256]rune
	for c := 0x20; c < 0x7F; c++ {
		t[c] = rune(c)
	}
	for c := 0xA0; c <= 0xFF; c++ {
		t[c] = rune(c)
	}
	copy(t[0x80:], []rune("€\x00‚ƒ„…†‡ˆ‰Š‹Œ\x00Ž\x00\x00‘’“”•–—˜™š›œ\x00žŸ"))
	return t
}()

// Descriptor computes the font descriptor of a face from its tables the
// way fpdf does for UTF-8 fonts (same values, so every route draws alike),
// marked nonsymbolic so that viewers apply the encoding. It also returns
// the underline position and thickness, in 1/1000 em.
func Descriptor(t map[string][]byte) (d fpdf.FontDescType, up, ut int, err error) {
	head, hhea, os2, post := t["head"], t["hhea"], t["OS/2"], t["post"]
	if len(os2) < 90 || len(post) < 16 || len(head) < 54 || len(hhea) < 36 {
		return d, 0, 0, fmt.Errorf("%w: short head, hhea, OS/2 or post table", fonts.ErrTTF)
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

// SubsetName returns the BaseFont name of a subset font file: a tag of six
// capital letters derived from the file's SHA-256, "+", and the face's
// PostScript name (PDF 32000-1, 9.6.4).
func SubsetName(file []byte, postName string) string {
	sum := sha256.Sum256(file)
	tag := make([]byte, 6, 7+len(postName))
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(append(append(tag, '+'), postName...))
}

// CompressBest zlib-compresses b at the best level, for what is prepared
// once per process.
func CompressBest(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&buf, zlib.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}
