package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Metrics is what measuring and drawing need from one TrueType face: the
// advance width of every mapped rune in thousandths of an em, rounded the
// way fpdf rounds them (so that measured and drawn widths agree exactly).
type Metrics struct {
	Widths   map[rune]int // rune → advance in 1/1000 em; zero-width glyphs map to 0
	Notdef   int          // advance of glyph 0 in 1/1000 em (fpdf's MissingWidth)
	PostName string       // PostScript name from the 'name' table (ID 6)
}

// ErrTTF reports a malformed or unsupported font file.
var ErrTTF = errors.New("unsupported or malformed TrueType font")

// Tables returns the table directory of a TrueType file: tag → data.
func Tables(b []byte) (map[string][]byte, error) {
	if len(b) < 12 {
		return nil, ErrTTF
	}
	if v := binary.BigEndian.Uint32(b); v != 0x00010000 && v != 0x74727565 {
		return nil, fmt.Errorf("%w: version %#x", ErrTTF, v)
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, ErrTTF
	}
	t := make(map[string][]byte, n)
	for i := range n {
		rec := b[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(b)) {
			return nil, fmt.Errorf("%w: table %q out of range", ErrTTF, rec[:4])
		}
		t[string(rec[:4])] = b[off : off+size]
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "cmap", "maxp"} {
		if t[tag] == nil {
			return nil, fmt.Errorf("%w: no %q table", ErrTTF, tag)
		}
	}
	return t, nil
}

// Parse reads the advance widths of every rune the font maps.
func Parse(b []byte) (*Metrics, error) {
	t, err := Tables(b)
	if err != nil {
		return nil, err
	}
	if len(t["head"]) < 54 || len(t["hhea"]) < 36 {
		return nil, ErrTTF
	}
	upem := float64(binary.BigEndian.Uint16(t["head"][18:]))
	nh := int(binary.BigEndian.Uint16(t["hhea"][34:]))
	hmtx := t["hmtx"]
	if upem == 0 || nh == 0 || len(hmtx) < 4*nh {
		return nil, ErrTTF
	}
	adv := func(g uint16) int { // fpdf: round(1000/upem * advance)
		i := min(int(g), nh-1)
		return int(math.Round(1000 / upem * float64(binary.BigEndian.Uint16(hmtx[4*i:]))))
	}
	cmap, err := parseCmap(t["cmap"])
	if err != nil {
		return nil, err
	}
	m := &Metrics{Widths: make(map[rune]int, len(cmap)), Notdef: adv(0), PostName: postScriptName(t["name"])}
	for r, g := range cmap {
		if g != 0 {
			m.Widths[r] = adv(g)
		}
	}
	return m, nil
}

// Glyphs returns the rune → glyph index map of a face's Unicode cmap, given
// its tables (see Tables); glyph 0 (.notdef) means unmapped.
func Glyphs(t map[string][]byte) (map[rune]uint16, error) {
	return parseCmap(t["cmap"])
}

// parseCmap returns the rune → glyph map of the Unicode BMP subtable
// (platform 3 encoding 1, or platform 0), format 4 — the subtable fpdf uses.
func parseCmap(c []byte) (map[rune]uint16, error) {
	if len(c) < 4 {
		return nil, ErrTTF
	}
	n := int(binary.BigEndian.Uint16(c[2:]))
	for i := range n {
		rec := c[4+8*i:]
		if len(rec) < 8 {
			break
		}
		pid, eid := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if (pid == 3 && eid == 1 || pid == 0) && off+2 <= len(c) && binary.BigEndian.Uint16(c[off:]) == 4 {
			return parseCmap4(c[off:])
		}
	}
	return nil, fmt.Errorf("%w: no Unicode format 4 cmap", ErrTTF)
}

// parseCmap4 decodes a format 4 cmap subtable.
func parseCmap4(s []byte) (map[rune]uint16, error) {
	if len(s) < 14 {
		return nil, ErrTTF
	}
	segs := int(binary.BigEndian.Uint16(s[6:])) / 2
	ends, starts := 14, 16+2*segs
	deltas, ros := starts+2*segs, starts+4*segs
	if len(s) < ros+2*segs {
		return nil, ErrTTF
	}
	u16 := func(o int) uint16 { return binary.BigEndian.Uint16(s[o:]) }
	m := make(map[rune]uint16, 1024)
	for i := range segs {
		end, start := int(u16(ends+2*i)), int(u16(starts+2*i))
		delta, ro := u16(deltas+2*i), int(u16(ros+2*i))
		for c := start; c <= end && c != 0xFFFF; c++ {
			g := uint16(c) + delta
			if ro != 0 {
				o := ros + 2*i + ro + 2*(c-start)
				if o+2 > len(s) {
					return nil, ErrTTF
				}
				if g = u16(o); g != 0 {
					g += delta
				}
			}
			m[rune(c)] = g
		}
	}
	return m, nil
}

// postScriptName returns name ID 6 (Macintosh Roman or Windows UTF-16BE), or "".
func postScriptName(n []byte) string {
	if len(n) < 6 {
		return ""
	}
	count, strOff := int(binary.BigEndian.Uint16(n[2:])), int(binary.BigEndian.Uint16(n[4:]))
	for i := range count {
		rec := n[6+12*i:]
		if len(rec) < 12 || binary.BigEndian.Uint16(rec[6:]) != 6 {
			continue
		}
		pid := binary.BigEndian.Uint16(rec)
		l, o := int(binary.BigEndian.Uint16(rec[8:])), strOff+int(binary.BigEndian.Uint16(rec[10:]))
		if o+l > len(n) {
			continue
		}
		s := n[o : o+l]
		if pid == 1 {
			return string(s)
		}
		var r []byte
		for j := 1; j < len(s); j += 2 {
			r = append(r, s[j])
		}
		return string(r)
	}
	return ""
}
