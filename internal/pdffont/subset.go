package pdffont

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/adler32"
	"math/bits"
	"slices"

	"codeberg.org/go-pdf/fpdf"

	"kinerja/fonts"
	"kinerja/internal/zpool"
)

// Face is a TrueType face parsed once for subsetting and measuring.
type Face struct {
	Metrics   *fonts.Metrics    // advance widths per rune
	Desc      fpdf.FontDescType // font descriptor values (see Descriptor)
	tables    map[string][]byte
	glyphs    map[rune]uint16
	loca      []uint32 // numGlyphs+1 offsets into glyf
	numHM     int      // numberOfHMetrics
	advances  []uint16 // advance of every glyph, from hmtx
	sideBears []uint16 // left side bearing of every glyph, from hmtx
	fixed     []byte   // the data of the fixedTables, each padded, as every subset ends
	fixedZ    []byte   // fixed as raw deflate blocks, the last one final
}

// fixedTables are copied whole into every subset. Their data ends the file
// (a table's data may be anywhere, only the directory is sorted), so that
// it is compressed once per face (see Compressed).
var fixedTables = []string{"OS/2", "cvt ", "fpgm", "name", "prep"}

// NewFace parses the TrueType file b.
func NewFace(b []byte) (*Face, error) {
	m, err := fonts.Parse(b)
	if err != nil {
		return nil, err
	}
	t, err := fonts.Tables(b)
	if err != nil {
		return nil, err
	}
	f := &Face{Metrics: m, tables: t}
	if f.Desc, _, _, err = Descriptor(t); err != nil {
		return nil, err
	}
	if f.glyphs, err = fonts.Glyphs(t); err != nil {
		return nil, err
	}
	if err := f.readLoca(); err != nil {
		return nil, err
	}
	if err := f.readHmtx(); err != nil {
		return nil, err
	}
	for _, tag := range fixedTables {
		if t[tag] == nil {
			return nil, fmt.Errorf("%w: no %q table", fonts.ErrTTF, tag)
		}
		f.fixed = append(f.fixed, t[tag]...)
		f.fixed = append(f.fixed, make([]byte, pad4(len(t[tag])))...)
	}
	var z bytes.Buffer
	fw, _ := flate.NewWriter(&z, flate.BestCompression)
	fw.Write(f.fixed)
	fw.Close()
	f.fixedZ = z.Bytes()
	return f, nil
}

// pad4 is the number of zero bytes that pad n bytes to a multiple of four.
func pad4(n int) int { return -n & 3 }

// readLoca reads the glyph offsets of the loca table.
func (f *Face) readLoca() error {
	head, maxp, loca := f.tables["head"], f.tables["maxp"], f.tables["loca"]
	if len(head) < 54 || len(maxp) < 6 || f.tables["glyf"] == nil {
		return fmt.Errorf("%w: short head or maxp, or no glyf", fonts.ErrTTF)
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	f.loca = make([]uint32, n+1)
	for i := range f.loca {
		switch {
		case long && len(loca) >= 4*(i+1):
			f.loca[i] = binary.BigEndian.Uint32(loca[4*i:])
		case !long && len(loca) >= 2*(i+1):
			f.loca[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		default:
			return fmt.Errorf("%w: short loca", fonts.ErrTTF)
		}
		if i > 0 && (f.loca[i] < f.loca[i-1] || int(f.loca[i]) > len(f.tables["glyf"])) {
			return fmt.Errorf("%w: loca out of order or range", fonts.ErrTTF)
		}
	}
	return nil
}

// readHmtx reads the horizontal metrics of every glyph.
func (f *Face) readHmtx() error {
	n := len(f.loca) - 1
	f.numHM = int(binary.BigEndian.Uint16(f.tables["hhea"][34:]))
	hmtx := f.tables["hmtx"]
	if f.numHM == 0 || f.numHM > n || len(hmtx) < 4*f.numHM+2*(n-f.numHM) {
		return fmt.Errorf("%w: short hmtx", fonts.ErrTTF)
	}
	f.advances, f.sideBears = make([]uint16, n), make([]uint16, n)
	for g := range n {
		if g < f.numHM {
			f.advances[g] = binary.BigEndian.Uint16(hmtx[4*g:])
			f.sideBears[g] = binary.BigEndian.Uint16(hmtx[4*g+2:])
		} else {
			f.advances[g] = f.advances[f.numHM-1]
			f.sideBears[g] = binary.BigEndian.Uint16(hmtx[4*f.numHM+2*(g-f.numHM):])
		}
	}
	return nil
}

// glyph returns the glyf data of glyph g.
func (f *Face) glyph(g uint16) []byte {
	return f.tables["glyf"][f.loca[g]:f.loca[g+1]]
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords  = 0x0001
	haveScale     = 0x0008
	moreParts     = 0x0020
	haveXYScale   = 0x0040
	haveTwoByTwo  = 0x0080
	compositeHead = 10 // numberOfContours and bounding box
)

// components calls fn with the offset of the glyph index of every
// component of the composite glyph data d; it is a no-op for a simple
// glyph. It returns an error when d is truncated.
func components(d []byte, fn func(at int)) error {
	if len(d) < compositeHead || int16(binary.BigEndian.Uint16(d)) >= 0 {
		return nil
	}
	for at := compositeHead; ; {
		if at+4 > len(d) {
			return fmt.Errorf("%w: truncated composite glyph", fonts.ErrTTF)
		}
		flags := binary.BigEndian.Uint16(d[at:])
		fn(at + 2)
		at += 4 + 2
		if flags&argsAreWords != 0 {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreParts == 0 {
			return nil
		}
	}
}

// Subset returns a TrueType file holding glyph 0, the glyphs of runes (in
// the order given) and the components of composite ones, renumbered in
// that order, with a Unicode (3,1) cmap of runes only. Every rune must
// be mapped by the face (see Metrics).
func (f *Face) Subset(runes []rune) ([]byte, error) {
	ids, newID, err := f.closure(runes)
	if err != nil {
		return nil, err
	}
	glyf, loca, err := f.subsetGlyf(ids, newID)
	if err != nil {
		return nil, err
	}
	return writeSFNT(f.tables, map[string][]byte{
		"glyf": glyf, "loca": loca, "hmtx": f.subsetHmtx(ids),
		"cmap": cmap4(runes, f.glyphs, newID),
		"head": patched(f.tables["head"], 50, 1, 8, 0, 10, 0), // long loca, checksum later
		"hhea": patched(f.tables["hhea"], 34, uint16(len(ids))),
		"maxp": patched(f.tables["maxp"], 4, uint16(len(ids))),
		"post": post3(f.tables["post"]),
	}), nil
}

// Compressed returns the subset of runes (see Subset) and the same as a
// zlib stream. The part of the file that depends on runes (mostly glyph
// outlines, which deflate shrinks by only a quarter) is written as stored
// deflate blocks, costing no time; the compressed blocks of the fixed
// tables, made once per face, follow it (a deflate stream is a sequence of
// independent blocks).
func (f *Face) Compressed(runes []rune) (file, z []byte, err error) {
	if file, err = f.Subset(runes); err != nil {
		return nil, nil, err
	}
	head := len(file) - len(f.fixed)
	var b bytes.Buffer
	b.Grow(head/2 + len(f.fixedZ) + 16)
	b.Write([]byte{0x78, 0x9C}) // zlib header: deflate, 32 KB window
	fw := deflaters.Get()
	fw.Reset(&b)
	fw.Write(file[:head])
	fw.Flush() // not final
	deflaters.Put(fw)
	b.Write(f.fixedZ)
	return file, binary.BigEndian.AppendUint32(b.Bytes(), adler32.Checksum(file)), nil
}

// deflaters pools deflate writers of stored blocks (kept across garbage
// collections: a new one clears about 1 MB).
var deflaters = zpool.NewKeeper(func() *flate.Writer {
	fw, _ := flate.NewWriter(nil, flate.NoCompression)
	return fw
})

// closure lists the glyphs of the subset: 0, those of runes, then the
// components of composites; newID maps an old glyph index to its new one.
func (f *Face) closure(runes []rune) (ids []uint16, newID map[uint16]uint16, err error) {
	ids, newID = []uint16{0}, map[uint16]uint16{0: 0}
	add := func(g uint16) {
		if _, ok := newID[g]; !ok {
			newID[g] = uint16(len(ids))
			ids = append(ids, g)
		}
	}
	for _, r := range runes {
		g, ok := f.glyphs[r]
		if !ok || g == 0 || int(g) >= len(f.advances) {
			return nil, nil, fmt.Errorf("font %s has no glyph for %q (%U)", f.Metrics.PostName, r, r)
		}
		add(g)
	}
	for i := 0; i < len(ids); i++ {
		d := f.glyph(ids[i])
		err := components(d, func(at int) {
			if g := binary.BigEndian.Uint16(d[at:]); int(g) < len(f.advances) {
				add(g)
			}
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return ids, newID, nil
}

// subsetGlyf copies the glyphs ids, components renumbered, each padded to
// four bytes, and returns the glyf table and its long loca table.
func (f *Face) subsetGlyf(ids []uint16, newID map[uint16]uint16) (glyf, loca []byte, err error) {
	loca = make([]byte, 0, 4*(len(ids)+1))
	for _, g := range ids {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		start := len(glyf)
		glyf = append(glyf, f.glyph(g)...)
		d := glyf[start:]
		err := components(d, func(at int) {
			binary.BigEndian.PutUint16(d[at:], newID[binary.BigEndian.Uint16(d[at:])])
		})
		if err != nil {
			return nil, nil, err
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	return glyf, binary.BigEndian.AppendUint32(loca, uint32(len(glyf))), nil
}

// subsetHmtx returns one full metric per glyph of the subset.
func (f *Face) subsetHmtx(ids []uint16) []byte {
	b := make([]byte, 0, 4*len(ids))
	for _, g := range ids {
		b = binary.BigEndian.AppendUint16(b, f.advances[g])
		b = binary.BigEndian.AppendUint16(b, f.sideBears[g])
	}
	return b
}

// patched returns a copy of t with the 16-bit values at the given offsets
// (pairs of offset, value) replaced.
func patched(t []byte, pairs ...uint16) []byte {
	c := slices.Clone(t)
	for i := 0; i+1 < len(pairs); i += 2 {
		binary.BigEndian.PutUint16(c[pairs[i]:], pairs[i+1])
	}
	return c
}

// post3 returns a version 3 post table (no glyph names) with the values
// of the face's post table.
func post3(post []byte) []byte {
	b := make([]byte, 32)
	binary.BigEndian.PutUint32(b, 0x00030000)
	if len(post) >= 16 {
		copy(b[4:16], post[4:16])
	}
	return b
}

// cmap4 returns a cmap table with one Unicode (3,1) format 4 subtable
// mapping each rune to its glyph in the subset, one segment a rune.
func cmap4(runes []rune, glyphs map[rune]uint16, newID map[uint16]uint16) []byte {
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	seg := len(rs) + 1 // the final 0xFFFF segment
	sr := 2 << (bits.Len(uint(seg)) - 1)
	b := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	u16 := func(v int) { b = binary.BigEndian.AppendUint16(b, uint16(v)) }
	for _, v := range []int{4, 16 + 8*seg, 0, 2 * seg, sr, bits.Len(uint(sr)) - 2, 2*seg - sr} {
		u16(v)
	}
	for _, r := range rs {
		u16(int(r))
	}
	u16(0xFFFF)
	u16(0) // reservedPad
	for _, r := range rs {
		u16(int(r))
	}
	u16(0xFFFF)
	for _, r := range rs {
		u16(int(newID[glyphs[r]]) - int(r))
	}
	u16(1)
	for range seg {
		u16(0)
	}
	return b
}

// writeSFNT writes a TrueType file of the tables made for the subset and
// the fixedTables of the face, the directory sorted by tag, the data of
// the fixed tables last, each table padded to four bytes, with its
// checksums and head's checkSumAdjustment.
func writeSFNT(face, t map[string][]byte) []byte {
	tags := make([]string, 0, len(t)+len(fixedTables))
	size := 12 + 16*(len(t)+len(fixedTables))
	for tag, d := range t {
		tags = append(tags, tag)
		size += len(d) + pad4(len(d))
	}
	slices.Sort(tags)
	for _, tag := range fixedTables { // sorted
		t[tag] = face[tag]
		tags = append(tags, tag)
		size += len(face[tag]) + pad4(len(face[tag]))
	}
	n := len(tags)
	sorted := slices.Sorted(slices.Values(tags))
	sr := 16 << (bits.Len(uint(n)) - 1)
	b := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(b, 0x00010000)
	for i, v := range []int{n, sr, bits.Len(uint(n)) - 1, 16*n - sr} {
		binary.BigEndian.PutUint16(b[4+2*i:], uint16(v))
	}
	headAt, total := 0, uint32(0)
	for _, tag := range tags {
		i, _ := slices.BinarySearch(sorted, tag)
		rec := b[12+16*i:]
		copy(rec, tag)
		sum := checksum(t[tag])
		total += sum
		binary.BigEndian.PutUint32(rec[4:], sum)
		binary.BigEndian.PutUint32(rec[8:], uint32(len(b)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t[tag])))
		if tag == "head" {
			headAt = len(b)
		}
		b = append(b, t[tag]...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
	}
	// Every table starts on a word and is zero-padded, so the file's sum
	// is the directory's plus the tables'.
	total += checksum(b[:12+16*n])
	binary.BigEndian.PutUint32(b[headAt+8:], 0xB1B0AFBA-total)
	return b
}

// checksum is the TrueType table checksum: the sum of big-endian 32-bit
// words, the last one zero-padded.
func checksum(d []byte) uint32 {
	var s uint32
	n := len(d) &^ 3
	for i := 0; i < n; i += 4 {
		s += binary.BigEndian.Uint32(d[i:])
	}
	if n < len(d) {
		var w [4]byte
		copy(w[:], d[n:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
