package stamp

import (
	"encoding/hex"
	"fmt"
)

// inkRGB is the colour of the text (dark blue, like ink: #101C5A); the QR
// code is black.
var inkRGB = [3]float64{0x10 / 255.0, 0x1c / 255.0, 0x5a / 255.0}

// content returns the form's content stream: the QR code, then the text.
func content(g geometry, bm [][]bool, lines []line, encs [2]*encoding) []byte {
	b := make([]byte, 0, 4096)
	b = appendQR(b, g, bm)
	b = fmt.Appendf(b, "BT\n%s %s %s rg\n", num(inkRGB[0]), num(inkRGB[1]), num(inkRGB[2]))
	for _, l := range lines {
		i := bi(l.Bold)
		b = fmt.Appendf(b, "/%s %s Tf\n1 0 0 1 %s %s Tm\n<", resourceNames[i], num(l.Size), num(l.X), num(l.Y))
		b = hex.AppendEncode(b, encs[i].encode(l.Text))
		b = append(b, "> Tj\n"...)
	}
	return append(b, "ET\n"...)
}

// appendQR draws the dark modules of bm as filled rectangles, one per run
// of dark modules in a row, in a space scaled to one unit a module, so
// every module has the same size in any resolution. Row 0 is the top; the
// quiet zone is left unpainted.
func appendQR(b []byte, g geometry, bm [][]bool) []byte {
	b = fmt.Appendf(b, "q\n0 g\n%s 0 0 %s %s %s cm\n", num(g.Module), num(g.Module), num(g.QRX), num(g.QRY))
	for y, row := range bm {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			b = fmt.Appendf(b, "%d %d %d 1 re\n", start, g.N-1-y, x-start)
		}
	}
	return append(b, "f\nQ\n"...)
}
