package sign

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/png"
	"math"
	"testing"
	"time"
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
	for _, box := range [][2]float64{{200, 80}, {120, 150}, {170, 56.7}} {
		data, err := a.PNG(box[0], box[1])
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		b := img.Bounds()
		if math.Abs(float64(b.Dx())/float64(b.Dy())-box[0]/box[1]) > 0.01 {
			t.Errorf("box %v: image %dx%d has another aspect ratio", box, b.Dx(), b.Dy())
		}
		if dpi := float64(b.Dx()) / box[0] * 72; math.Abs(dpi-300) > 2 {
			t.Errorf("box %v: %.0f dpi, want about 300", box, dpi)
		}
		qr, text := splitBox(b.Dx(), b.Dy())
		if s := darkShare(img, qr); s < 0.15 || s > 0.75 {
			t.Errorf("box %v: QR area %.2f dark, want a QR code", box, s)
		}
		if s := darkShare(img, text); s < 0.01 {
			t.Errorf("box %v: text area %.3f dark, want text", box, s)
		}
	}
	if _, err := a.PNG(5, 80); err == nil {
		t.Error("a 5 pt wide box: no error")
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
