package qr

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestTooLong(t *testing.T) {
	for _, c := range []struct {
		l    Level
		most int
	}{{L, 2953}, {M, 2331}, {Q, 1663}, {H, 1273}} { // the standard's table 7
		if got := capacity(40, c.l); got != c.most {
			t.Errorf("%v: version 40 holds %d bytes, want %d", c.l, got, c.most)
		}
		code, err := Encode(make([]byte, c.most), c.l)
		if err != nil || code.Version != 40 {
			t.Errorf("%v: %d bytes: %v", c.l, c.most, err)
		}
		_, err = Encode(make([]byte, c.most+1), c.l)
		if !errors.Is(err, ErrTooLong) || !strings.Contains(err.Error(), "at most") {
			t.Errorf("%v: %d bytes: err = %v, want ErrTooLong", c.l, c.most+1, err)
		}
	}
	if _, err := Encode(nil, Level(4)); err == nil {
		t.Error("level 4: no error")
	}
}

func TestGeneratorsHaveNoZero(t *testing.T) {
	for n, g := range genLog {
		for _, l := range g {
			if gfExp[l] == 0 {
				t.Errorf("generator of degree %d has a zero coefficient", n)
			}
		}
	}
}

func TestEmpty(t *testing.T) {
	c, err := Encode(nil, M)
	if err != nil || c.Version != 1 {
		t.Fatalf("empty: %v", err)
	}
	checkShape(t, c, nil, M)
}

// checkShape checks what every symbol of data at level l must be: the
// smallest version that holds it, 17+4v modules a side, finder
// patterns in three corners, timing patterns, format information that
// names l and the mask in both places, and Bitmap's quiet zone.
func checkShape(t *testing.T, c *Code, data []byte, l Level) {
	t.Helper()
	n := c.Size()
	if c.Version < 1 || c.Version > 40 || n != 17+4*c.Version || len(data) > capacity(c.Version, l) ||
		c.Version > 1 && len(data) <= capacity(c.Version-1, l) || c.Level != l {
		t.Fatalf("%d bytes at %v: version %d, %d modules", len(data), l, c.Version, n)
	}
	for _, o := range [3][2]int{{0, 0}, {n - 7, 0}, {0, n - 7}} {
		for y := -1; y <= 7; y++ {
			for x := -1; x <= 7; x++ {
				d := max(abs(x-3), abs(y-3))
				if c.Dark(o[0]+x, o[1]+y) != (d != 2 && d != 4) {
					t.Fatalf("finder at %v: module %d,%d", o, x, y)
				}
			}
		}
	}
	for i := 8; i < n-8; i++ {
		if c.Dark(i, 6) != (i%2 == 0) || c.Dark(6, i) != (i%2 == 0) {
			t.Fatalf("timing pattern at %d", i)
		}
	}
	for i := range 15 {
		want := formatBits(l, c.Mask) >> i & 1
		for _, p := range formatXY(i, n) {
			if got := bit(c.Dark(p[0], p[1])); int(got) != want {
				t.Fatalf("format bit %d at %v is %d", i, p, got)
			}
		}
	}
	bm := c.Bitmap(4)
	if len(bm) != n+8 {
		t.Fatalf("bitmap %d rows", len(bm))
	}
	for y, row := range bm {
		if len(row) != n+8 {
			t.Fatalf("bitmap row %d: %d modules", y, len(row))
		}
		for x, dark := range row {
			if dark != c.Dark(x-4, y-4) {
				t.Fatalf("bitmap module %d,%d", x, y)
			}
		}
	}
}

func FuzzEncode(f *testing.F) {
	f.Add([]byte("https://verifikasi.example.go.id/v?h=00&s=Budi"), byte(1))
	f.Add([]byte{}, byte(0))
	f.Add(bytes.Repeat([]byte{0xff}, 2400), byte(1))
	f.Fuzz(func(t *testing.T, data []byte, lb byte) {
		l := Level(lb % 4)
		c, err := Encode(data, l)
		if len(data) > capacity(40, l) {
			if !errors.Is(err, ErrTooLong) {
				t.Fatalf("%d bytes at %v: err = %v", len(data), l, err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkShape(t, c, data, l)
	})
}

// BenchmarkEncode encodes a stamp's QR content (version 7 at M) and makes
// its bitmap, as sign/stamp does.
func BenchmarkEncode(b *testing.B) {
	data := []byte("https://verifikasi.example.go.id/v?h=3f9a2c71d0b84e55a1c0e2d7b9f4a6c8e1d3f5a7b9c2e4d6f8a0b1c3d5e7f9a2&s=Dra.%20%C3%91o%C3%B1o%20S%C3%BA")
	for b.Loop() {
		c, err := Encode(data, M)
		if err != nil {
			b.Fatal(err)
		}
		c.Bitmap(4)
	}
}

// BenchmarkEncodeVersion40 encodes the most bytes a symbol holds at M.
func BenchmarkEncodeVersion40(b *testing.B) {
	data := bytes.Repeat([]byte{0xa5}, capacity(40, M))
	for b.Loop() {
		if _, err := Encode(data, M); err != nil {
			b.Fatal(err)
		}
	}
}
