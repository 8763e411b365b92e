package sign

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image"
	"image/png"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/skip2/go-qrcode"
	"golang.org/x/image/font/sfnt"
)

func TestTanggalIndonesia(t *testing.T) {
	cases := map[time.Time]string{
		time.Date(2026, 11, 27, 23, 0, 0, 0, wib): "27 November 2026",
		time.Date(2021, 1, 4, 0, 0, 0, 0, wib):    "4 Januari 2021",
		time.Date(2021, 8, 17, 0, 0, 0, 0, wib):   "17 Agustus 2021",
	}
	for in, want := range cases {
		if got := TanggalIndonesia(in); got != want {
			t.Errorf("TanggalIndonesia(%v) = %q, want %q", in, got, want)
		}
	}
}

// darkShare returns the share of opaque dark pixels in r.
func darkShare(img image.Image, r image.Rectangle) float64 {
	dark, n := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			rr, g, b, a := img.At(x, y).RGBA()
			n++
			if a > 0x8000 && rr+g+b < 3*0x8000 {
				dark++
			}
		}
	}
	return float64(dark) / float64(max(n, 1))
}

func TestAppearancePNG(t *testing.T) {
	a := Appearance{Name: "Dr. Ir. Hérvé Çağlar, M.Sc.", NIP: "196910131997031004", Date: testNow, QR: "sha256:00;signer:x"}
	for _, box := range [][2]float64{{200, 80}, {120, 150}, {170, 56.7}, {170, 75}} {
		data, err := a.PNG(box[0], box[1])
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		// pdfsign writes a soft mask for *image.RGBA and *image.NRGBA only.
		if _, ok := img.(*image.Paletted); !ok {
			t.Errorf("box %v: decodes as %T, want *image.Paletted (no alpha)", box, img)
		}
		b := img.Bounds()
		if math.Abs(float64(b.Dx())/float64(b.Dy())-box[0]/box[1]) > 0.01 {
			t.Errorf("box %v: image %dx%d has another aspect ratio", box, b.Dx(), b.Dy())
		}
		if dpi := float64(b.Dx()) / box[0] * 72; dpi < minDPI-1 || dpi > 1.5*appearanceDPI {
			t.Errorf("box %v: %.0f dpi, want %.0f to %.0f", box, dpi, minDPI, 1.5*appearanceDPI)
		}
		g := appearanceGeometry(box[0], box[1], len(qrBitmap(t, a.QR)))
		if s := darkShare(img, g.QR); s < 0.15 || s > 0.75 {
			t.Errorf("box %v: QR area %.2f dark, want a QR code", box, s)
		}
		if s := darkShare(img, g.Text); s < 0.01 {
			t.Errorf("box %v: text area %.3f dark, want text", box, s)
		}
		if s := darkShare(img, b); s > 0.5 {
			t.Errorf("box %v: %.2f of the image dark, want a white background", box, s)
		}
	}
	if _, err := a.PNG(5, 80); err == nil {
		t.Error("a 5 pt wide box: no error")
	}
	if _, err := a.PNG(40, 12); err == nil || !strings.Contains(err.Error(), "does not fit") {
		t.Errorf("a 40 x 12 pt box: err = %v, want the text refused as too large", err)
	}
}

// qrBitmap is the QR code of content as the appearance draws it.
func qrBitmap(t testing.TB, content string) [][]bool {
	t.Helper()
	q, err := qrcode.New(content, qrcode.Medium)
	if err != nil {
		t.Fatal(err)
	}
	return q.Bitmap()
}

// Every QR module is a block of whole pixels of one colour, equal to the
// code's bitmap: the code survives any scaling a reader applies.
func TestAppearanceQRModules(t *testing.T) {
	a := Appearance{Name: "ANIES RASYID BASWEDAN, Ph.D", Date: testNow,
		QR: "sha256:" + strings.Repeat("ab", 32) + ";signer:ANIES RASYID BASWEDAN, Ph.D"}
	for _, box := range [][2]float64{{170, 75}, {200, 80}, {120, 150}} {
		img, err := a.image(box[0], box[1])
		if err != nil {
			t.Fatal(err)
		}
		bm := qrBitmap(t, a.QR)
		g := appearanceGeometry(box[0], box[1], len(bm))
		if g.Module < 2 {
			t.Errorf("box %v: %d pixel per module", box, g.Module)
		}
		bad := 0
		for y, row := range bm {
			for x, dark := range row {
				m := image.Rect(x*g.Module, y*g.Module, (x+1)*g.Module, (y+1)*g.Module).Add(g.QR.Min)
				if !uniform(img, m, dark) {
					bad++
				}
			}
		}
		if bad > 0 {
			t.Errorf("box %v: %d of %d modules differ from the QR bitmap", box, bad, len(bm)*len(bm))
		}
	}
}

// uniform reports whether every pixel of r is QR black (dark) or white.
func uniform(img *image.Paletted, r image.Rectangle, dark bool) bool {
	want := uint8(0)
	if dark {
		want = qrIndex
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if img.ColorIndexAt(x, y) != want {
				return false
			}
		}
	}
	return true
}

// On the form's signature box (170 x 75 pt) the QR code is at least 60 pt
// and the name at least 7 pt, wrapped when it is long.
func TestAppearanceSizes(t *testing.T) {
	for _, name := range []string{"BLESSMIYANDA", "ANIES RASYID BASWEDAN, Ph.D", "Dr. Ir. H. Muhammad Yusuf Hidayatullah, M.Sc., M.T."} {
		a := Appearance{Name: name, NIP: "196910131997031004", Date: testNow,
			QR: "sha256:" + strings.Repeat("ab", 32) + ";signer:" + name}
		n := len(qrBitmap(t, a.QR))
		g := appearanceGeometry(170, 75, n)
		if qr := float64((n-8)*g.Module) * 72 / g.DPI; qr < 60 {
			t.Errorf("%s: QR code %.1f pt, want >= 60", name, qr)
		}
		reg, bold, err := loadFonts()
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		var runs []measuredRun
		for _, r := range a.textRuns() {
			runs = append(runs, measureRun(pick(reg, bold, r.Bold), &buf, r))
		}
		lines, err := layoutText(runs, g.Text, g.DPI)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range lines {
			if l.Bold {
				got = append(got, l.Text)
				if pt := l.Size * 72 / g.DPI; pt < 7 && len(name) < 40 {
					t.Errorf("%s: name at %.1f pt, want >= 7", name, pt)
				}
			}
		}
		if strings.Join(got, " ") != name {
			t.Errorf("name lines %q, want %q", got, name)
		}
	}
}

func TestQRContent(t *testing.T) {
	if got := qrContent("", "ab12", "Hérvé"); got != "sha256:ab12;signer:Hérvé" {
		t.Errorf("no template: %q", got)
	}
	got := qrContent("https://pk.example.go.id/v?h={sha256}&s={signer}", "ab12", "Hérvé Ç")
	if want := "https://pk.example.go.id/v?h=ab12&s=H%C3%A9rv%C3%A9+%C3%87"; got != want {
		t.Errorf("template: %q, want %q", got, want)
	}
}

// DocumentHash is the hash of the unsigned file for every signer.
func TestDocumentHash(t *testing.T) {
	p := getPKI(t, "p256")
	unsigned := makePDF(t, testInfo(), pdfOpts{})
	sum := sha256.Sum256(unsigned)
	want := hex.EncodeToString(sum[:])
	once, err := Sign(unsigned, p.both("")[0])
	if err != nil {
		t.Fatal(err)
	}
	twice, err := Sign(once, p.both("")[1])
	if err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string][]byte{"unsigned": unsigned, "once": once, "twice": twice} {
		got, err := DocumentHash(doc)
		if err != nil || got != want {
			t.Errorf("DocumentHash(%s) = %s, %v; want %s", name, got, err, want)
		}
	}
}

// PNG is deterministic and safe for concurrent use (shared fonts, palette
// and encoder buffers): run with -race.
func TestAppearanceConcurrent(t *testing.T) {
	a := Appearance{Name: "BLESSMIYANDA", NIP: "196910131997031004", Date: testNow, QR: "sha256:00;signer:BLESSMIYANDA"}
	want, err := a.PNG(170, 75)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			got, err := a.PNG(170, 75)
			if err == nil && !bytes.Equal(got, want) {
				err = errors.New("a concurrent PNG differs from the first one")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
