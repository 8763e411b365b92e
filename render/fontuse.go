package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"kinerja/layout"
)

// fontUse is one face a document uses and the runes it sets in it.
type fontUse struct {
	face  *face
	runes map[rune]bool
	full  bool // a rune lies outside the cut repertoire: embed from the full face
	// simple is true while every rune has a code in the face's 8-bit
	// encoding: the face then goes through fpdf's font-definition route.
	simple bool
}

// scanFonts checks that every text box can be drawn (known font, a glyph
// for every rune) and returns the faces used, in face order.
func scanFonts(doc *layout.Document) ([]*fontUse, error) {
	byIndex := map[int]*fontUse{}
	for pi := range doc.Pages {
		for _, b := range doc.Pages[pi].Boxes {
			if b.Kind != layout.Text || b.Text == "" {
				continue
			}
			u, err := useFont(byIndex, b.Font)
			if err != nil {
				return nil, fmt.Errorf("render: page %d: %w", pi+1, err)
			}
			if miss := u.face.missing(b.Text); len(miss) > 0 {
				return nil, fmt.Errorf("render: page %d: text %q: font %s has no glyph for %s",
					pi+1, b.Text, fontLabel(b.Font), joinRunes(miss))
			}
			u.add(b.Text)
		}
	}
	idx := make([]int, 0, len(byIndex))
	for i := range byIndex {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	used := make([]*fontUse, len(idx))
	for i, k := range idx {
		used[i] = byIndex[k]
	}
	return used, nil
}

// useFont returns the fontUse of f in m, adding it on first use.
func useFont(m map[int]*fontUse, f layout.Font) (*fontUse, error) {
	i, err := faceIndex(f)
	if err != nil {
		return nil, err
	}
	if u := m[i]; u != nil {
		return u, nil
	}
	fc, err := loadFace(f)
	if err != nil {
		return nil, err
	}
	u := &fontUse{face: fc, runes: map[rune]bool{}, simple: fc.simple != nil}
	m[i] = u
	return u, nil
}

// add records the runes of s.
func (u *fontUse) add(s string) {
	for _, r := range s {
		if !u.runes[r] {
			u.runes[r] = true
			u.full = u.full || !inCutRange(r)
			if u.simple {
				_, u.simple = u.face.simple.enc[r]
			}
		}
	}
}

// plainFpdf makes Write use fpdf the plain way: full faces through the
// UTF-8 route and fpdf's own stream compression. Only the benchmarks set
// it, to measure what the prepared faces and pooled compression save.
var plainFpdf = false

// register adds the face to pdf under its placeholder family name.
func (u *fontUse) register(pdf *fpdf.Fpdf) {
	if u.simple && !plainFpdf {
		pdf.AddFontFromBytes(u.family(), styleOf(u.face.font), u.face.simple.def, u.face.simple.z)
		return
	}
	u.simple = false
	pdf.AddUTF8FontFromBytes(u.face.fam, styleOf(u.face.font), u.face.utf8TTF(u.full || plainFpdf))
}

// family is the family name under which fpdf knows the face in this
// document.
func (u *fontUse) family() string {
	if u.simple {
		return "kj8" + u.face.fam[2:3]
	}
	return u.face.fam
}

// text converts s to what fpdf's Text expects for this face.
func (u *fontUse) text(s string) string {
	if u.simple {
		b, _ := u.face.simple.encode(s) // scanFonts checked every rune
		return b
	}
	return s
}

// family returns the placeholder family name of the face in fpdf. fpdf
// names an embedded font "/utf8<family><style>", which is not a subset
// name (PDF 32000 9.6.4 wants "ABCDEF+PostScriptName", and pdffonts and
// preflight tools look for it). The placeholder has exactly the length of
// the proper name, so finish can rename it in place without moving a byte.
// Its shape ("kj", a family letter, q's, "z") keeps every placeholder from
// being a prefix of another.
func (fc *face) family() string {
	letter := "s"
	if fc.font.Family == "sans" {
		letter = "n"
	}
	return "kj" + letter + strings.Repeat("q", len(fc.metrics.PostName)-1-len(styleOf(fc.font))) + "z"
}

// subsetName returns "TAG+PostScriptName" with a tag derived from the runes
// used, so the same subset always gets the same tag.
func (u *fontUse) subsetName() string {
	rs := make([]rune, 0, len(u.runes))
	for r := range u.runes {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	sum := sha256.Sum256([]byte(u.face.metrics.PostName + "\x00" + string(rs)))
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag) + "+" + u.face.metrics.PostName
}

// finish renames the fonts to proper subset names and adds a document ID
// derived from the content to the trailer. Both edits leave every object
// offset unchanged: the renames keep lengths and the ID goes into the
// trailer, after the cross-reference table.
func finish(pdf []byte, used []*fontUse) ([]byte, error) {
	for _, u := range used {
		if u.simple {
			continue // named properly in its font definition
		}
		old, name := []byte(u.face.ph), []byte("/"+u.subsetName())
		if n := bytes.Count(pdf, old); n != 3 || len(old) != len(name) {
			return nil, fmt.Errorf("render: internal error: font name %s found %d times (want 3)", old, n)
		}
		pdf = bytes.ReplaceAll(pdf, old, name)
	}
	const trailer = "\ntrailer\n<<\n"
	at := bytes.LastIndex(pdf, []byte(trailer))
	if at < 0 {
		return nil, fmt.Errorf("render: internal error: no trailer in fpdf output")
	}
	sum := sha256.Sum256(pdf)
	id := strings.ToUpper(hex.EncodeToString(sum[:16]))
	at += len(trailer)
	out := make([]byte, 0, len(pdf)+80)
	out = append(out, pdf[:at]...)
	out = append(out, "/ID [<"+id+"> <"+id+">]\n"...)
	return append(out, pdf[at:]...), nil
}
