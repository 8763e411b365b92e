package pdffont

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/fonts"
	"kinerja/internal/testtool"
)

// face parses one embedded face for the tests.
func face(t testing.TB, family string, bold bool) *Face {
	t.Helper()
	b, err := fonts.Bytes(family, bold, false)
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewFace(b)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestSubsetKeepsWidthsAndMapsOnlyItsRunes(t *testing.T) {
	const text = "Dra. Ñoño Sú, M.Si. ŁŞ 0123 ‘’–"
	for _, family := range fonts.Families {
		for _, bold := range []bool{false, true} {
			f := face(t, family, bold)
			sub, err := f.Subset([]rune(text))
			if err != nil {
				t.Fatal(err)
			}
			m, err := fonts.Parse(sub)
			if err != nil {
				t.Fatalf("%s: subset does not parse: %v", f.Metrics.PostName, err)
			}
			want := map[rune]bool{}
			for _, r := range text {
				want[r] = true
				if m.Widths[r] != f.Metrics.Widths[r] {
					t.Errorf("%s %q: width %d, want %d", f.Metrics.PostName, r, m.Widths[r], f.Metrics.Widths[r])
				}
			}
			if len(m.Widths) != len(want) || m.PostName != f.Metrics.PostName {
				t.Errorf("%s: subset maps %d runes named %q, want %d", f.Metrics.PostName, len(m.Widths), m.PostName, len(want))
			}
			checkComposites(t, sub)
		}
	}
}

// checkComposites fails when a composite glyph of the TrueType file b
// names a glyph it does not hold, and when b has no composite at all (the
// test text has accented capitals, composites in Liberation).
func checkComposites(t *testing.T, b []byte) {
	t.Helper()
	g := &Face{Metrics: &fonts.Metrics{}}
	var err error
	if g.tables, err = fonts.Tables(b); err != nil {
		t.Fatal(err)
	}
	if err := g.readLoca(); err != nil {
		t.Fatal(err)
	}
	n, composites := len(g.loca)-1, 0
	for i := range n {
		d := g.glyph(uint16(i))
		err := components(d, func(at int) {
			composites++
			if c := int(binary.BigEndian.Uint16(d[at:])); c >= n {
				t.Errorf("glyph %d names component %d of %d glyphs", i, c, n)
			}
		})
		if err != nil {
			t.Error(err)
		}
	}
	if composites == 0 {
		t.Error("no composite glyph in the subset")
	}
}

func TestCompressedInflatesToSubset(t *testing.T) {
	f := face(t, "serif", false)
	for _, text := range []string{"a", "Dra. Ñoño Sú, M.Si. 27 November 2026"} {
		file, z, err := f.Compressed([]rune(text))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := f.Subset([]rune(text))
		if !bytes.Equal(file, want) || !bytes.HasSuffix(file, f.fixed) {
			t.Errorf("%q: the file is not the subset ending with the fixed tables", text)
		}
		zr, err := zlib.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr) // checks the Adler-32 too
		if err != nil || !bytes.Equal(got, file) {
			t.Errorf("%q: inflates to %d bytes (%v), want the %d of the subset", text, len(got), err, len(file))
		}
	}
}

func TestSubsetRefusesUnmappedRune(t *testing.T) {
	f := face(t, "sans", false)
	if _, err := f.Subset([]rune("a\u4e00")); err == nil || !strings.Contains(err.Error(), "U+4E00") {
		t.Errorf("err = %v, want one naming U+4E00", err)
	}
}

// TestSubsetReadByFreeType has fontconfig's fc-scan (FreeType) read the
// subset: it must find one scalable face with the family name and charset
// of exactly the runes asked for.
func TestSubsetReadByFreeType(t *testing.T) {
	scan := testtool.Require(t, "fc-scan")
	sub, err := face(t, "serif", true).Subset([]rune("AÑb"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sub.ttf")
	if err := os.WriteFile(path, sub, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(scan, "--format", "%{family}|%{scalable}|%{charset}", path).CombinedOutput()
	if err != nil || string(out) != "Liberation Serif|True|41 62 d1" {
		t.Errorf("fc-scan: %v: %q", err, out)
	}
}

func BenchmarkCompressed(b *testing.B) {
	f := face(b, "sans", true)
	runes := []rune("Dra. Ñoño Sú, M.Si.")
	for b.Loop() {
		if _, _, err := f.Compressed(runes); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSubsetChecksums checks every table checksum of a subset and the
// whole file's (which head's checkSumAdjustment brings to 0xB1B0AFBA),
// word by word and independently of writeSFNT.
func TestSubsetChecksums(t *testing.T) {
	for _, text := range []string{"A", "Dra. Ñoño Sú, M.Si. 0123", "abcdefghijklmnopqrstuvwxyz"} {
		sub, err := face(t, "sans", false).Subset([]rune(text))
		if err != nil {
			t.Fatal(err)
		}
		sum := func(d []byte) uint32 {
			d = append(append([]byte(nil), d...), 0, 0, 0)
			var s uint32
			for i := 0; i+4 <= len(d); i += 4 {
				s += uint32(d[i])<<24 | uint32(d[i+1])<<16 | uint32(d[i+2])<<8 | uint32(d[i+3])
			}
			return s
		}
		if got := sum(sub); got != 0xB1B0AFBA {
			t.Errorf("%q: file checksum %#x, want 0xB1B0AFBA", text, got)
		}
		n := int(binary.BigEndian.Uint16(sub[4:]))
		for i := range n {
			rec := sub[12+16*i:]
			off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
			want := sum(sub[off : off+length])
			if string(rec[:4]) == "head" {
				h := append([]byte(nil), sub[off:off+length]...)
				copy(h[8:12], []byte{0, 0, 0, 0})
				want = sum(h)
			}
			if got := binary.BigEndian.Uint32(rec[4:]); got != want {
				t.Errorf("%q: table %s checksum %#x, want %#x", text, rec[:4], got, want)
			}
		}
	}
}
