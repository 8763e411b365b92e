package stamp

import (
	"encoding/hex"
	"fmt"
	"strconv"
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

// appendQR draws the dark modules of bm as filled rectangles: each run of
// dark modules in a row, merged with the same run in the rows below it
// (finder patterns and most columns of a code repeat from row to row), in
// a space scaled to one unit a module, so every module has the same size
// in any resolution. Row 0 is the top; the quiet zone is left unpainted.
func appendQR(b []byte, g geometry, bm [][]bool) []byte {
	b = fmt.Appendf(b, "q\n0 g\n%s 0 0 %s %s %s cm\n", num(g.Module), num(g.Module), num(g.QRX), num(g.QRY))
	var open, next, runs []qrRect
	for y, row := range bm {
		runs = darkRuns(row, y, runs[:0])
		next = next[:0]
		i := 0
		for _, r := range runs {
			for ; i < len(open) && open[i].x0 <= r.x0; i++ {
				if open[i].x0 == r.x0 && open[i].x1 == r.x1 {
					r.top = open[i].top // the run goes on
					continue
				}
				b = appendRect(b, g, open[i], y-1)
			}
			next = append(next, r)
		}
		for ; i < len(open); i++ {
			b = appendRect(b, g, open[i], y-1)
		}
		open, next = next, open
	}
	for _, r := range open {
		b = appendRect(b, g, r, len(bm)-1)
	}
	return append(b, "f\nQ\n"...)
}

// qrRect is a run of dark modules [x0, x1) that starts in row top.
type qrRect struct{ x0, x1, top int }

// darkRuns appends the runs of dark modules of row y to out.
func darkRuns(row []bool, y int, out []qrRect) []qrRect {
	for x := 0; x < len(row); {
		if !row[x] {
			x++
			continue
		}
		start := x
		for x < len(row) && row[x] {
			x++
		}
		out = append(out, qrRect{start, x, y})
	}
	return out
}

// appendRect draws r from its top row down to row bottom ("x y w h re",
// y up from the code's last row).
func appendRect(b []byte, g geometry, r qrRect, bottom int) []byte {
	b = strconv.AppendInt(b, int64(r.x0), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(g.N-1-bottom), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(r.x1-r.x0), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(bottom-r.top+1), 10)
	return append(b, " re\n"...)
}
