package stamp

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"kinerja/internal/pdfupdate"
	"kinerja/internal/testtool"
)

// sample is a stamp with non-ASCII letters in the name, one outside
// Windows-1252 (ş).
var sample = Stamp{
	Name: "Dra. Ñoño Sú Kurniaşih, M.Si.",
	NIP:  "197001012000032001",
	Date: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC),
	QR:   "https://kinerja.example.go.id/v/3f9a2c71d0b84e55",
}

// page is the test page: its size and where the stamp is drawn.
const pageW, pageH, atX, atY = 300.0, 240.0, 40.0, 50.0

// basePDF is a one-page PDF with an empty page, with its trailer values.
func basePDF() ([]byte, pdfupdate.Trailer) {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Resources << >> >>", pageW, pageH),
	}
	b := []byte("%PDF-1.7\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, len(b))
		b = fmt.Appendf(b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := len(b)
	b = fmt.Appendf(b, "xref\n0 %d\n0000000000 65535 f\r\n", len(objs)+1)
	for _, o := range offs {
		b = fmt.Appendf(b, "%010d 00000 n\r\n", o)
	}
	b = fmt.Appendf(b, "trailer\n<< /Size %d /Root 1 0 R /ID [<01> <01>] >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b, pdfupdate.Trailer{Size: len(objs) + 1, Prev: int64(xref), Root: 1, ID: []byte{1}}
}

// stampedPDF adds the stamp of s for a w x h box to the base PDF and, for
// the test only, redefines the page to draw it at (atX, atY).
func stampedPDF(t testing.TB, s Stamp, w, h float64) []byte {
	t.Helper()
	base, tr := basePDF()
	u := pdfupdate.New(base, tr)
	form, err := Add(u, s, w, h)
	if err != nil {
		t.Fatal(err)
	}
	draw := fmt.Sprintf("q 1 0 0 1 %g %g cm /Stamp Do Q", atX, atY)
	c := u.Add(fmt.Appendf(nil, "<< /Length %d >>\nstream\n%s\nendstream", len(draw), draw))
	u.Set(3, fmt.Appendf(nil, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents %s "+
		"/Resources << /XObject << /Stamp %s >> >> >>", pageW, pageH, c, form))
	res, err := u.Finish([]byte{2})
	if err != nil {
		t.Fatal(err)
	}
	return res.Bytes
}

// writePDF writes doc to a temporary file and returns its path.
func writePDF(t *testing.T, doc []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stamp.pdf")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// tool runs the outside tool name on args and returns its output.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(testtool.Require(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func TestStampReadByPoppler(t *testing.T) {
	path := writePDF(t, stampedPDF(t, sample, 200, 60))
	if out := tool(t, "qpdf", "--check", path); strings.Contains(out, "WARNING") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	text := strings.Join(strings.Fields(tool(t, "pdftotext", path, "-")), " ")
	for _, want := range []string{Heading, sample.Name, "NIP " + sample.NIP, "27 November 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q:\n%s", want, text)
		}
	}
	if out := tool(t, "pdfimages", "-list", path); len(strings.Split(strings.TrimSpace(out), "\n")) != 2 {
		t.Errorf("pdfimages finds images:\n%s", out)
	}
	checkFonts(t, tool(t, "pdffonts", path))
}

// checkFonts checks the pdffonts listing: the two stamp fonts, embedded,
// subset, with /ToUnicode.
func checkFonts(t *testing.T, out string) {
	t.Helper()
	re := regexp.MustCompile(`(?m)^[A-Z]{6}\+(LiberationSans(?:-Bold)?)\s+TrueType\s+(?:WinAnsi|Custom)\s+yes\s+yes\s+yes\s`)
	got := re.FindAllStringSubmatch(out, -1)
	if len(got) != 2 || got[0][1] == got[1][1] || strings.Count(out, "\n") != 4 {
		t.Errorf("pdffonts: want LiberationSans and LiberationSans-Bold embedded, subset, uni yes:\n%s", out)
	}
}

// box is where the stamp's parts are on the page (points, y down, as
// pdftotext -bbox gives them).
type box struct{ x0, y0, x1, y1 float64 }

func TestStampTextInsideItsArea(t *testing.T) {
	for _, c := range []struct{ w, h float64 }{{200, 60}, {110, 120}, {160, 40}} {
		t.Run(fmt.Sprintf("%gx%g", c.w, c.h), func(t *testing.T) {
			g := newGeometry(c.w, c.h, qrSize(t, sample.QR))
			area := box{atX + g.Text.X0, pageH - atY - g.Text.Y1, atX + g.Text.X1, pageH - atY - g.Text.Y0}
			out := tool(t, "pdftotext", "-bbox", writePDF(t, stampedPDF(t, sample, c.w, c.h)), "-")
			words := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`).FindAllStringSubmatch(out, -1)
			var text []string
			for _, m := range words {
				b := box{atof(t, m[1]), atof(t, m[2]), atof(t, m[3]), atof(t, m[4])}
				// pdftotext's boxes reach from the font's ascent to its descent.
				if b.x0 < area.x0-0.01 || b.x1 > area.x1+0.01 || b.y0 < area.y0-1.5 || b.y1 > area.y1+1.5 {
					t.Errorf("word %q at %v outside the text area %v", m[5], b, area)
				}
				text = append(text, m[5])
			}
			if got := strings.Join(text, " "); !strings.Contains(got, "Ñoño Sú Kurniaşih") || !strings.HasPrefix(got, Heading) {
				t.Errorf("words: %s", got)
			}
		})
	}
}

// qrSize returns the modules a side of the QR code of s, quiet zone included.
func qrSize(t testing.TB, s string) int {
	bm, err := qrBitmap(s)
	if err != nil {
		t.Fatal(err)
	}
	return len(bm)
}

func atof(t *testing.T, s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestStampQRScans renders the page with pdftoppm at 150 dpi and reads
// every module of the QR code at its centre: each must be as dark or light
// as in the bitmap of internal/qr, quiet zone included.
func TestStampQRScans(t *testing.T) {
	for _, c := range []struct{ w, h float64 }{{200, 60}, {110, 120}} {
		t.Run(fmt.Sprintf("%gx%g", c.w, c.h), func(t *testing.T) {
			bm, err := qrBitmap(sample.QR)
			if err != nil {
				t.Fatal(err)
			}
			g := newGeometry(c.w, c.h, len(bm))
			img := renderPage(t, stampedPDF(t, sample, c.w, c.h))
			const scale = 150 / 72.0
			bad := 0
			for row := range bm {
				for col := range bm[row] {
					x := atX + g.QRX + (float64(col)+0.5)*g.Module
					y := atY + g.QRY + (float64(g.N-1-row)+0.5)*g.Module
					r, gg, b, _ := img.At(int(x*scale), int((pageH-y)*scale)).RGBA()
					if dark := r+gg+b < 3*0x8000; dark != bm[row][col] {
						bad++
					}
				}
			}
			if bad > 0 {
				t.Errorf("%d of %d modules read wrong", bad, len(bm)*len(bm))
			}
		})
	}
}

// renderPage renders page 1 of doc at 150 dpi.
func renderPage(t *testing.T, doc []byte) image.Image {
	t.Helper()
	path := writePDF(t, doc)
	prefix := filepath.Join(t.TempDir(), "page")
	tool(t, "pdftoppm", "-r", "150", "-png", "-singlefile", path, prefix)
	f, err := os.ReadFile(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func TestStampDeterministic(t *testing.T) {
	a, b := stampedPDF(t, sample, 200, 60), stampedPDF(t, sample, 200, 60)
	if !bytes.Equal(a, b) {
		t.Error("two stamps of the same input differ")
	}
}

func TestStampErrors(t *testing.T) {
	for _, c := range []struct {
		s    Stamp
		w, h float64
		want string
	}{
		{Stamp{Name: "Budi 王 Santoso", QR: "x"}, 200, 60, `'王' (U+738B)`},
		{Stamp{Name: "Budi", NIP: "12\x0034", QR: "x"}, 200, 60, "U+0000"},
		{Stamp{Name: "", QR: "x"}, 200, 60, "no name"},
		{sample, 5, 60, "too small"},
		{Stamp{Name: strings.Repeat("Panjang ", 40), QR: "x"}, 60, 20, "does not fit"},
		{Stamp{Name: "Budi", QR: strings.Repeat("x", 2332)}, 200, 60, "content too long for a QR code"},
		{Stamp{Name: "Budi"}, 200, 60, "no QR code content"},
	} {
		base, tr := basePDF()
		u := pdfupdate.New(base, tr)
		if _, err := Add(u, c.s, c.w, c.h); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q %gx%g: err = %v, want %q", c.s.Name, c.w, c.h, err, c.want)
		}
		if r := u.Reserve(); r != pdfupdate.Ref(tr.Size) {
			t.Errorf("%q: objects were added before the error", c.s.Name)
		}
	}
}

func BenchmarkStamp(b *testing.B) {
	base, tr := basePDF()
	for b.Loop() {
		if _, err := Add(pdfupdate.New(base, tr), sample, 200, 60); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQR is the part of BenchmarkStamp spent making the QR code.
func BenchmarkQR(b *testing.B) {
	for b.Loop() {
		if _, err := qrBitmap(sample.QR); err != nil {
			b.Fatal(err)
		}
	}
}
