package sign

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// nssDB creates a temporary NSS database trusting the CA and returns the
// sql: directory argument for pdfsig.
func nssDB(t *testing.T, caPath string) string {
	t.Helper()
	requireTool(t, "certutil")
	dir := t.TempDir()
	if out, err := runTool(t, nil, "certutil", "-N", "--empty-password", "-d", "sql:"+dir); err != nil {
		t.Fatalf("certutil -N: %v\n%s", err, out)
	}
	if out, err := runTool(t, nil, "certutil", "-A", "-t", "CT,C,C", "-n", "devca", "-i", caPath, "-d", "sql:"+dir); err != nil {
		t.Fatalf("certutil -A: %v\n%s", err, out)
	}
	return dir
}

// checkExternal validates a signed file with pdfsig, mutool and qpdf.
func checkExternal(t *testing.T, signed []byte, caPath string, nsigs int) {
	t.Helper()
	requireTool(t, "pdfsig")
	dir := t.TempDir()
	path := filepath.Join(dir, "signed.pdf")
	if err := os.WriteFile(path, signed, 0o644); err != nil {
		t.Fatal(err)
	}
	db := nssDB(t, caPath)
	out, err := runTool(t, nil, "pdfsig", "-nssdir", "sql:"+db, path)
	if err != nil {
		t.Fatalf("pdfsig: %v\n%s", err, out)
	}
	if got := strings.Count(out, "Signature is Valid."); got != nsigs {
		t.Errorf("pdfsig: %d valid signatures, want %d:\n%s", got, nsigs, out)
	}
	if got := strings.Count(out, "Certificate is Trusted."); got != nsigs {
		t.Errorf("pdfsig: %d trusted certificates, want %d:\n%s", got, nsigs, out)
	}
	last := out[strings.LastIndex(out, "Signature #"):]
	mustContain(t, "pdfsig last signature", last, "Total document signed")
	requireTool(t, "qpdf")
	if out, err := runTool(t, nil, "qpdf", "--check", path); err != nil || strings.Contains(out, "WARNING") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	requireTool(t, "mutool")
	out, err = runTool(t, nil, "mutool", "sign", "-v", path)
	if err != nil {
		t.Errorf("mutool sign -v: %v\n%s", err, out)
	}
	if got := strings.Count(out, "Verifying signature"); got != nsigs {
		t.Errorf("mutool: %d signatures, want %d:\n%s", got, nsigs, out)
	}
	for _, bad := range []string{"invalid", "Digest error", "not valid"} {
		if strings.Contains(out, bad) {
			t.Errorf("mutool reports %q:\n%s", bad, out)
		}
	}
	mustContain(t, "mutool", out, "The document is unchanged since signing.")
}

func TestSignBothExternal(t *testing.T) {
	for _, kt := range []string{"p256", "p384", "rsa2048"} {
		t.Run(kt, func(t *testing.T) {
			p := getPKI(t, kt)
			unsigned := makePDF(t, testInfo(), pdfOpts{})
			signed, err := SignAll(unsigned, p.both("")...)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(signed, unsigned) {
				t.Fatal("the unsigned file is not a prefix of the signed one")
			}
			checkExternal(t, signed, writeCAPEM(t, t.TempDir(), p.ca.Cert), 2)
		})
	}
}

// The QR code of each appearance, as poppler draws the signed page at
// 150 dpi, still has every module where the code's bitmap has it: sampled
// at the module centres, not one differs.
func TestAppearanceRenderedQR(t *testing.T) {
	requireTool(t, "pdftoppm")
	p := getPKI(t, "p256")
	unsigned := makePDF(t, testInfo(), pdfOpts{})
	signed, err := SignAll(unsigned, p.both("")...)
	if err != nil {
		t.Fatal(err)
	}
	page := renderPage1(t, signed, 150)
	hash, err := DocumentHash(unsigned)
	if err != nil {
		t.Fatal(err)
	}
	const pageH = 841.89 // A4, makePDF
	for _, s := range testInfo().Signers {
		bm := qrBitmap(t, qrContent("", hash, s.Name))
		w, h := s.Rect[2]-s.Rect[0], s.Rect[3]-s.Rect[1]
		g := appearanceGeometry(w, h, len(bm))
		sx, sy := w/float64(g.Width), h/float64(g.Height) // pt per image pixel
		bad := 0
		for j, row := range bm {
			for i, dark := range row {
				x := s.Rect[0] + (float64(g.QR.Min.X)+(float64(i)+0.5)*float64(g.Module))*sx
				y := pageH - s.Rect[3] + (float64(g.QR.Min.Y)+(float64(j)+0.5)*float64(g.Module))*sy
				c := page.GrayAt(int(x*150/72), int(y*150/72)).Y
				if (c < 128) != dark {
					bad++
				}
			}
		}
		if bad > 0 {
			t.Errorf("PIHAK %s: %d of %d QR modules wrong in the 150 dpi rendering", s.Party, bad, len(bm)*len(bm))
		}
	}
}

// renderPage1 renders page 1 of doc with pdftoppm as a grey image.
func renderPage1(t *testing.T, doc []byte, dpi int) *image.Gray {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(in, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runTool(t, nil, "pdftoppm", "-r", strconv.Itoa(dpi), "-f", "1", "-l", "1", "-singlefile", "-gray", "-png", in, filepath.Join(dir, "p"))
	if err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "p.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	g := image.NewGray(img.Bounds())
	draw.Draw(g, g.Rect, img, img.Bounds().Min, draw.Src)
	return g
}
