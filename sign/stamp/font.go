package stamp

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"kinerja/fonts"
	"kinerja/internal/bytecache"
	"kinerja/internal/pdffont"
)

// family is the font family of the stamp: Liberation Sans, regular for the
// small lines, bold for the name.
const family = "sans"

// face is one font face of the stamp.
type face struct{ *pdffont.Face }

// width returns the advance of s in 1/1000 of the font size.
func (f face) width(s string) int {
	w := 0
	for _, r := range s {
		w += f.Metrics.Widths[r]
	}
	return w
}

// faces are the two faces, parsed once per process.
type faces struct{ regular, bold face }

var loaded struct {
	once sync.Once
	fs   *faces
	err  error
}

// loadFaces returns the parsed faces.
func loadFaces() (*faces, error) {
	loaded.once.Do(func() {
		fs := &faces{}
		for _, f := range []*face{&fs.regular, &fs.bold} {
			b, err := fonts.Bytes(family, f == &fs.bold, false)
			if err == nil {
				f.Face, err = pdffont.NewFace(b)
			}
			if err != nil {
				loaded.err = fmt.Errorf("stamp: font: %w", err)
				return
			}
		}
		loaded.fs = fs
	})
	return loaded.fs, loaded.err
}

// face returns the bold or the regular face.
func (fs *faces) face(bold bool) face {
	if bold {
		return fs.bold
	}
	return fs.regular
}

// check fails, naming them, on the characters of r its face cannot draw.
func (fs *faces) check(r run) error {
	f := fs.face(r.Bold)
	var missing []string
	for _, c := range r.Text {
		_, ok := f.Metrics.Widths[c]
		if (!ok || unicode.IsControl(c)) && !unicode.IsSpace(c) {
			if m := fmt.Sprintf("%q (%U)", c, c); !slices.Contains(missing, m) {
				missing = append(missing, m)
			}
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("stamp: font %s has no glyph for %s in %q", f.Metrics.PostName, strings.Join(missing, ", "), r.Text)
	}
	return nil
}

// winAnsiCode maps the runes of WinAnsiEncoding to their codes.
var winAnsiCode = func() map[rune]byte {
	m := map[rune]byte{}
	for c, r := range pdffont.WinAnsi {
		if r != 0 {
			m[r] = byte(c)
		}
	}
	return m
}()

// freeCodes are the codes WinAnsiEncoding leaves unused, given to the
// runes outside it through /Differences.
var freeCodes = func() []byte {
	var cs []byte
	for c, r := range pdffont.WinAnsi {
		if r == 0 && c > 0 {
			cs = append(cs, byte(c))
		}
	}
	return cs
}()

// encoding is the 8-bit encoding of one font of a stamp: WinAnsiEncoding
// for the runes it has, unused codes for the others.
type encoding struct {
	runes []rune        // the runes used, sorted
	code  map[rune]byte // rune → code
	codes [256]rune     // code → rune, 0 when unused
	diff  []byte        // the /Differences entries, e.g. "1 /uni0141 "
}

// newEncoding encodes the runes of texts.
func newEncoding(texts []string) (*encoding, error) {
	e := &encoding{code: map[rune]byte{}}
	for _, s := range texts {
		for _, r := range s {
			if _, ok := e.code[r]; !ok {
				e.code[r] = 0
				e.runes = append(e.runes, r)
			}
		}
	}
	slices.Sort(e.runes)
	free := freeCodes
	for _, r := range e.runes {
		c, ok := winAnsiCode[r]
		if !ok {
			if len(free) == 0 {
				return nil, fmt.Errorf("stamp: more than %d characters outside Windows-1252 in one font", len(freeCodes))
			}
			c, free = free[0], free[1:]
			e.diff = fmt.Appendf(e.diff, "%d /uni%04X ", c, r)
		}
		e.code[r], e.codes[c] = c, r
	}
	return e, nil
}

// encode returns s in the encoding.
func (e *encoding) encode(s string) []byte {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, e.code[r])
	}
	return b
}

// codeRange returns the first and last code used.
func (e *encoding) codeRange() (first, last int) {
	first, last = 255, 0
	for c, r := range e.codes {
		if r != 0 {
			first, last = min(first, c), max(last, c)
		}
	}
	return first, last
}

// fontCache keeps the font objects of the last stamps, by face and rune
// set (which decide the subset, the encoding and so every byte of the
// objects): the runes of a stamp's small lines (heading, NIP digits,
// date) repeat from stamp to stamp, and one official's name signs many
// documents, while making the objects costs about as much as the rest of
// the stamp. Their slices are shared: capped, so that appending to one
// copies it.
var fontCache = bytecache.New[fontObjects](256, 4<<10)

// cachedFont returns the objects of face f subset to the runes of e.
func cachedFont(f face, e *encoding) (fontObjects, error) {
	key := append([]byte(f.Metrics.PostName+"\x00"), string(e.runes)...)
	if o, ok := fontCache.Get(key); ok {
		return o, nil
	}
	o, err := newFontObjects(f, e)
	if err != nil {
		return fontObjects{}, err
	}
	o = fontObjects{file: capped(o.file), toUnicode: capped(o.toUnicode), desc: capped(o.desc), font: capped(o.font)}
	fontCache.Put(key, o)
	return o, nil
}

// capped returns b with no room to append in place.
func capped(b []byte) []byte { return b[:len(b):len(b)] }
