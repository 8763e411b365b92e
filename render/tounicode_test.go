package render

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"encoding/xml"
	"io"
	"kinerja/internal/golden"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"kinerja/internal/pdffont"
	"kinerja/layout"
)

// parseCMap reads the bfrange and bfchar blocks of a one-byte ToUnicode
// CMap into a code → rune table. It fails the test on a block whose count
// is wrong or above pdffont.MaxCMapBlock, a code given twice, or a malformed line.
func parseCMap(t *testing.T, cmap []byte) map[byte]rune {
	t.Helper()
	got := map[byte]rune{}
	set := func(c int, r rune) {
		if _, dup := got[byte(c)]; dup {
			t.Errorf("code %02X mapped twice", c)
		}
		got[byte(c)] = r
	}
	lines := strings.Split(string(cmap), "\n")
	for i := 0; i < len(lines); i++ {
		n, kind, ok := blockStart(lines[i])
		if !ok {
			continue
		}
		if n < 1 || n > pdffont.MaxCMapBlock || i+n+1 >= len(lines) || lines[i+n+1] != "end"+kind {
			t.Fatalf("block %q: wrong count or end", lines[i])
		}
		for _, l := range lines[i+1 : i+n+1] {
			f := hexFields(t, l)
			if kind == "bfchar" && len(f) == 2 {
				set(int(f[0][0]), utf16Rune(t, f[1]))
			} else if kind == "bfrange" && len(f) == 3 && f[0][0] < f[1][0] {
				for c, r := int(f[0][0]), utf16Rune(t, f[2]); c <= int(f[1][0]); c, r = c+1, r+1 {
					set(c, r)
				}
			} else {
				t.Fatalf("%s line %q malformed", kind, l)
			}
		}
		i += n + 1
	}
	return got
}

// blockStart parses "n beginbfrange" or "n beginbfchar".
func blockStart(l string) (n int, kind string, ok bool) {
	f := strings.Fields(l)
	if len(f) != 2 || (f[1] != "beginbfrange" && f[1] != "beginbfchar") {
		return 0, "", false
	}
	n, err := strconv.Atoi(f[0])
	return n, strings.TrimPrefix(f[1], "begin"), err == nil
}

var hexField = regexp.MustCompile(`<([0-9A-F]*)>`)

// hexFields returns the bytes of every <hex> field of l.
func hexFields(t *testing.T, l string) [][]byte {
	var out [][]byte
	for _, m := range hexField.FindAllStringSubmatch(l, -1) {
		b, err := hex.DecodeString(m[1])
		if err != nil || len(b) == 0 {
			t.Fatalf("line %q: bad hex field %q", l, m[0])
		}
		out = append(out, b)
	}
	return out
}

// utf16Rune decodes one rune from UTF-16BE bytes.
func utf16Rune(t *testing.T, b []byte) rune {
	if len(b)%2 != 0 {
		t.Fatalf("odd UTF-16 length %X", b)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	rs := utf16.Decode(u)
	if len(rs) != 1 {
		t.Fatalf("%X is %d runes, want 1", b, len(rs))
	}
	return rs[0]
}

func TestToUnicodeCMapEveryFace(t *testing.T) {
	for _, f := range allFaces() {
		fc, err := loadFace(f)
		if err != nil {
			t.Fatal(err)
		}
		sf := fc.simple
		got := parseCMap(t, sf.cmap)
		if len(got) != len(sf.enc) || len(got) < 200 {
			t.Errorf("%s: CMap maps %d codes, encoding has %d", fontLabel(f), len(got), len(sf.enc))
		}
		for r, c := range sf.enc {
			if got[c] != r {
				t.Errorf("%s: code %02X maps to %U, want %U", fontLabel(f), c, got[c], r)
			}
		}
		for _, r := range "≥≤−≠“”‘’–—…€" {
			if c, ok := sf.enc[r]; !ok || got[c] != r {
				t.Errorf("%s: %q not mapped back by the CMap", fontLabel(f), r)
			}
		}
		zr, err := zlib.NewReader(bytes.NewReader(sf.cmapZ))
		if err != nil {
			t.Fatal(err)
		}
		if plain, err := io.ReadAll(zr); err != nil || !bytes.Equal(plain, sf.cmap) {
			t.Errorf("%s: compressed CMap does not inflate to the CMap (%v)", fontLabel(f), err)
		}
	}
}

func TestToUnicodeCMapGolden(t *testing.T) {
	fc, err := loadFace(serif)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/cmap-serif.golden", fc.simple.cmap)
}

func TestToUnicodeCMapBlocks(t *testing.T) {
	var codes [256]rune
	for c := 0x20; c < 0x100; c += 2 { // 112 single codes: two bfchar blocks
		codes[c] = rune(0x4E00 + 3*c)
	}
	codes[0x21], codes[0x23] = '😀', 'x' // a surrogate pair; 0x20..0x23 no run
	cmap := pdffont.ToUnicode(&codes)
	if !bytes.Contains(cmap, []byte("<21> <D83DDE00>")) {
		t.Errorf("non-BMP rune not written as a UTF-16 surrogate pair:\n%s", cmap)
	}
	if n := bytes.Count(cmap, []byte("beginbfchar")); n != 2 {
		t.Errorf("%d bfchar blocks, want 2 (114 entries, at most 100 each)", n)
	}
	got := parseCMap(t, cmap)
	for c, r := range codes {
		if got[byte(c)] != r {
			t.Errorf("code %02X → %U, want %U", c, got[byte(c)], r)
		}
	}
	var runs [256]rune
	for c := 0x30; c <= 0x39; c++ {
		runs[c] = rune('0' + c - 0x30)
	}
	runs[0x3A] = 'Z'
	if cm := pdffont.ToUnicode(&runs); !bytes.Contains(cm, []byte("1 beginbfrange\n<30> <39> <0030>\nendbfrange\n1 beginbfchar\n<3A> <005A>\n")) {
		t.Errorf("run not written as one bfrange and a bfchar:\n%s", cm)
	}
}

func TestRewriteMissingFont(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	pdf := render(t, handDoc(t), handMeta())
	m := fontMap{font: simpleFontDict("AAAAAA+NoSuchFont"), plain: []byte("x"), z: []byte("x")}
	if _, err := rewrite(pdf, false, "", []fontMap{m}); err == nil || !strings.Contains(err.Error(), "found 0 times") {
		t.Errorf("err = %v, want a font dictionary not found", err)
	}
}

// TestToUnicodeDecidesText swaps the glyph names of ≥ and ≤ in the
// encoding: with /ToUnicode the extracted text is unchanged; with the
// /ToUnicode references blanked out the readers fall back to the names
// and swap the two (so the test would notice a map they ignore).
func TestToUnicodeDecidesText(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	pdf := render(t, handDoc(t), handMeta())
	const names, swapped = "129 /greaterequal 141 /lessequal", "141 /greaterequal 129 /lessequal"
	if bytes.Count(pdf, []byte(names)) != 1 {
		t.Fatalf("encoding %q not found once", names)
	}
	edited := bytes.Replace(pdf, []byte(names), []byte(swapped), 1)
	blank := regexp.MustCompile(`/ToUnicode \d+ 0 R`).ReplaceAllFunc(bytes.Clone(edited), func(b []byte) []byte {
		return bytes.Repeat([]byte(" "), len(b))
	})
	const line, wrong = "Serapan anggaran ≥ ≤ –", "Serapan anggaran ≤ ≥ –"
	for _, c := range []struct {
		name string
		pdf  []byte
		want string
	}{{"with ToUnicode", edited, line}, {"without ToUnicode", blank, wrong}} {
		path := writeTemp(t, "swap.pdf", c.pdf)
		txt := runTool(t, "pdftotext", path, "-")
		stext := stextRunes(t, path)
		if !strings.Contains(txt, c.want) || !strings.Contains(stext, c.want) {
			t.Errorf("%s: pdftotext or mutool lacks %q:\npdftotext: %s\nmutool: %s", c.name, c.want, txt, stext)
		}
	}
}

// stextRunes returns the characters mutool's structured text of path
// holds, in order, with one space between lines.
func stextRunes(t *testing.T, path string) string {
	t.Helper()
	out := runTool(t, "mutool", "draw", "-q", "-F", "stext", "-o", "-", path)
	dec := xml.NewDecoder(strings.NewReader(out[strings.Index(out, "<?xml"):]))
	var b strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatalf("mutool stext of %s: %v", path, err)
		}
		if el, ok := tok.(xml.StartElement); ok {
			switch el.Name.Local {
			case "line":
				b.WriteByte(' ')
			case "char":
				for _, a := range el.Attr {
					if a.Name.Local == "c" {
						b.WriteString(a.Value)
					}
				}
			}
		}
	}
}

// TestMutoolExtractsPunctuation checks with mutool that every ≥ and
// typographic punctuation mark of the sample and the stress file comes
// back: as many of each in the structured text as layout placed.
func TestMutoolExtractsPunctuation(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	for _, p := range []string{samplePath, stressPath} {
		doc, err := layout.Agreement(decode(t, p), Measurer{})
		if err != nil {
			t.Fatal(err)
		}
		_, path := renderAgreement(t, p)
		for name, typ := range fontTypes(t, path) {
			if typ != "TrueType" {
				t.Errorf("%s: font %s is %s, want the simple TrueType route", p, name, typ)
			}
		}
		got := stextRunes(t, path)
		for _, r := range "≥“”‘’–—…" {
			want := 0
			for _, pg := range doc.Pages {
				for _, b := range pg.Boxes {
					want += strings.Count(b.Text, string(r))
				}
			}
			if n := strings.Count(got, string(r)); n != want || (r == '≥' && n == 0) {
				t.Errorf("%s: mutool finds %q %d times, layout placed it %d times", p, r, n, want)
			}
		}
	}
}
