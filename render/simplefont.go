package render

import (
	"encoding/json"
	"fmt"

	"codeberg.org/go-pdf/fpdf"

	"kinerja/internal/pdffont"
)

// The fast font path. fpdf's UTF-8 fonts (Identity-H) cost several
// milliseconds per face and document whatever we do: fpdf re-parses the
// TrueType file, builds two 65 536-entry width tables, hashes one of them
// through encoding/json and compresses a fresh subset. fpdf has no public
// way to keep a parsed UTF-8 font across documents. Its font-definition
// route (AddFontFromBytes with a JSON definition and a compressed font
// file) does reuse everything: so every face is also prepared once per
// process as a simple TrueType font in an 8-bit encoding (WinAnsi plus
// /Differences for ≥ ≤ − ≠), embedded as a fixed subset holding just that
// repertoire. A document whose text in a face fits the repertoire uses it;
// any other rune sends that face through the UTF-8 route. Text extraction
// works through the /ToUnicode CMap of the encoding, added by rewrite
// (tounicode.go), and through the standard glyph names of the encoding.

// simpleCodes maps each 8-bit code to its rune: Windows-1252 with four of
// its unused codes given to ≥ ≤ − ≠ (named in simpleDiff).
var simpleCodes = func() [256]rune {
	t := pdffont.WinAnsi
	t[0x81], t[0x8D], t[0x8F], t[0x90] = '≥', '≤', '−', '≠'
	return t
}()

// simpleDiff is the /Differences array of the extra codes.
const simpleDiff = "129 /greaterequal 141 /lessequal 143 /minus 144 /notequal"

// simpleFont is a face prepared for fpdf's font-definition route.
type simpleFont struct {
	def  []byte        // fpdf font definition (JSON)
	z    []byte        // zlib-compressed subset TrueType file
	enc  map[rune]byte // rune → code, only runes the face has
	name string        // BaseFont: "TAG+PostScriptName"
	// cmap is the /ToUnicode CMap of the codes in enc, cmapZ the same
	// zlib-compressed (see tounicode.go).
	cmap, cmapZ []byte
}

// fontDefJSON mirrors the exported fields of fpdf's font definition.
type fontDefJSON struct {
	Tp, Name     string
	Desc         fpdf.FontDescType
	Up, Ut       int
	Cw           []int
	Enc, Diff    string
	File         string
	OriginalSize int
}

// newSimpleFont prepares fc for the font-definition route.
func newSimpleFont(fc *face, tables map[string][]byte) (*simpleFont, error) {
	sf := &simpleFont{enc: map[rune]byte{}}
	cw := make([]int, 256)
	var runes []rune
	var codes [256]rune
	for c, r := range simpleCodes {
		if r != 0 && fc.has(r) {
			sf.enc[r] = byte(c)
			cw[c] = fc.metrics.Widths[r]
			runes = append(runes, r)
			codes[c] = r
		}
	}
	sf.cmap = pdffont.ToUnicode(&codes)
	sf.cmapZ = pdffont.CompressBest(sf.cmap)
	cut := fpdf.UTF8CutFont(fc.full, string(runes))
	if len(cut) == 0 {
		return nil, fmt.Errorf("font %s: cutting the font failed", fc.metrics.PostName)
	}
	sf.name = pdffont.SubsetName(cut, fc.metrics.PostName)
	desc, up, ut, err := pdffont.Descriptor(tables)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", fc.metrics.PostName, err)
	}
	desc.MissingWidth = fc.metrics.Notdef
	def := fontDefJSON{Tp: "TrueType", Name: sf.name, Desc: desc, Up: up, Ut: ut, Cw: cw,
		Enc: "cp1252", Diff: simpleDiff, File: fc.metrics.PostName + ".z", OriginalSize: len(cut)}
	if sf.def, err = json.Marshal(def); err != nil {
		return nil, err
	}
	sf.z = pdffont.CompressBest(cut)
	return sf, nil
}

// encode converts s to the 8-bit encoding; ok is false when a rune has no
// code.
func (sf *simpleFont) encode(s string) (b string, ok bool) {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		c, found := sf.enc[r]
		if !found {
			return "", false
		}
		out = append(out, c)
	}
	return string(out), true
}
