package qr

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"kinerja/internal/testtool"
)

// writePNG writes the bitmap bm at scale pixels a module to a new file
// in dir and returns its path.
func writePNG(t *testing.T, dir string, bm [][]bool, scale int) string {
	t.Helper()
	n := len(bm) * scale
	img := image.NewGray(image.Rect(0, 0, n, n))
	for y := range n {
		for x := range n {
			if !bm[y/scale][x/scale] {
				img.SetGray(x, y, color.Gray{Y: 255})
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	f, err := os.CreateTemp(dir, "qr-*.png")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return f.Name()
}

// zbar decodes the QR code in the image at path with zbarimg, its bytes
// as they are (-Sbinary, no charset guessing). Other symbologies are off:
// zbarimg finds a Codabar-like "A50D" in some QR codes.
func zbar(t *testing.T, path string) []byte {
	t.Helper()
	out, err := exec.Command(testtool.Require(t, "zbarimg"), "--raw", "-q", "-Sdisable", "-Sqrcode.enable", "-Sbinary", path).Output()
	if err != nil {
		t.Fatalf("zbarimg %s: %v", filepath.Base(path), err)
	}
	return out
}

// TestZbarReads has zbarimg, a decoder we did not write, read our
// symbols of versions 1 to 20 at every level: stamp contents (UTF-8,
// names not all ASCII) and random bytes. For the stamp contents it also
// reads go-qrcode's symbol and expects the same text.
func TestZbarReads(t *testing.T) {
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(4, 4))
	var in [][]byte
	for i, s := range stampInputs(r)[:12] {
		in = append(in, s)
		in = append(in, []byte(fmt.Sprintf("%s#%d", s, i))) // other lengths
	}
	for v := 1; v <= 20; v += 3 {
		in = append(in, randomBytes(r, capacity(v, Level(v%4))))
	}
	versions := map[int]bool{}
	for i, d := range in {
		l := Level(i % 4)
		c, err := Encode(d, l)
		if err != nil {
			t.Fatal(err)
		}
		versions[c.Version] = true
		if got := zbar(t, writePNG(t, dir, c.Bitmap(4), 4)); !bytes.Equal(got, d) {
			t.Errorf("version %d %v: zbarimg reads %q, want %q", c.Version, l, got, d)
		}
		if i < 24 && l == M {
			th, err := goQRBitmap(d)
			if err != nil {
				t.Fatal(err)
			}
			if got := zbar(t, writePNG(t, dir, th, 4)); !bytes.Equal(got, d) {
				t.Errorf("go-qrcode's symbol: zbarimg reads %q, want %q", got, d)
			}
		}
	}
	if len(versions) < 8 {
		t.Errorf("only versions %v", versions)
	}
}
