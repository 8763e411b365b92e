package stamp

import (
	"bytes"
	"fmt"
	"strconv"

	"kinerja/internal/pdffont"
	"kinerja/internal/pdfupdate"
	"kinerja/internal/zpool"
)

// objects are the bodies of the objects of one stamp, made before any is
// added to the update.
type objects struct {
	fonts   [2]fontObjects // regular (/R), bold (/B)
	w, h    float64        // the form's box
	content []byte         // the form's content, compressed
}

// fontObjects are the objects of one simple TrueType font.
type fontObjects struct {
	file, toUnicode []byte // stream objects
	desc, font      []byte // dictionaries, without the references they hold
}

// resourceNames are the names of the fonts in the form's resources.
var resourceNames = [2]string{"R", "B"}

// newObjects makes the fonts and the form of a stamp.
func newObjects(fs *faces, g geometry, bm [][]bool, lines []line) (*objects, error) {
	var texts [2][]string
	for _, l := range lines {
		texts[bi(l.Bold)] = append(texts[bi(l.Bold)], l.Text)
	}
	o := &objects{}
	var encs [2]*encoding
	for i, f := range []face{fs.regular, fs.bold} {
		e, err := newEncoding(texts[i])
		if err != nil {
			return nil, err
		}
		if o.fonts[i], err = cachedFont(f, e); err != nil {
			return nil, err
		}
		encs[i] = e
	}
	o.w, o.h, o.content = g.W, g.H, zpool.Compress(content(g, bm, lines, encs))
	return o, nil
}

// bi is 1 for true, 0 for false.
func bi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// newFontObjects makes the objects of face f subset to the runes of e.
func newFontObjects(f face, e *encoding) (fontObjects, error) {
	sub, z, err := f.Compressed(e.runes)
	if err != nil {
		return fontObjects{}, fmt.Errorf("stamp: %w", err)
	}
	name := pdffont.SubsetName(sub, f.Metrics.PostName)
	d := f.Desc
	desc := fmt.Appendf(nil, "<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] "+
		"/ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d", name, d.Flags,
		d.FontBBox.Xmin, d.FontBBox.Ymin, d.FontBBox.Xmax, d.FontBBox.Ymax,
		d.ItalicAngle, d.Ascent, d.Descent, d.CapHeight, d.StemV, f.Metrics.Notdef)
	first, last := e.codeRange()
	font := fmt.Appendf(nil, "<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar %d /LastChar %d /Widths [", name, first, last)
	for c := first; c <= last; c++ {
		font = fmt.Appendf(font, "%d ", f.Metrics.Widths[e.codes[c]]) // 0 for an unused code
	}
	font = append(font[:len(font)-1], "] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding"...)
	if len(e.diff) > 0 {
		font = fmt.Appendf(font, " /Differences [%s]", bytes.TrimSpace(e.diff))
	}
	font = append(font, " >>"...)
	return fontObjects{
		file:      stream(fmt.Sprintf("/Length1 %d", len(sub)), z),
		toUnicode: plainStream(pdffont.ToUnicode(&e.codes)),
		desc:      desc, font: font,
	}, nil
}

// add adds the objects to w, but the fonts that fonts holds, and returns
// the form's reference.
func (o *objects) add(w *pdfupdate.Writer, fonts Fonts) pdfupdate.Ref {
	var refs [2]pdfupdate.Ref
	for i, f := range o.fonts {
		if r, ok := fonts[string(f.font)]; ok {
			refs[i] = r
			continue
		}
		file, tu := w.Add(f.file), w.Add(f.toUnicode)
		desc := w.Add(fmt.Appendf(f.desc, " /FontFile2 %s >>", file))
		refs[i] = w.Add(fmt.Appendf(f.font, " /FontDescriptor %s /ToUnicode %s >>", desc, tu))
		if fonts != nil {
			fonts[string(f.font)] = refs[i]
		}
	}
	dict := fmt.Sprintf("/Type /XObject /Subtype /Form /FormType 1 /BBox [0 0 %s %s] "+
		"/Resources << /Font << /%s %s /%s %s >> /ProcSet [/PDF /Text] >>",
		num(o.w), num(o.h), resourceNames[0], refs[0], resourceNames[1], refs[1])
	return w.Add(stream(dict, o.content))
}

// stream returns the body of a stream object of data compressed with
// /FlateDecode, with the extra dictionary entries dict.
func stream(dict string, z []byte) []byte {
	b := make([]byte, 0, len(z)+len(dict)+64)
	b = append(b, "<< "...)
	if dict != "" {
		b = append(append(b, dict...), ' ')
	}
	b = fmt.Appendf(b, "/Filter /FlateDecode /Length %d >>\nstream\n", len(z))
	b = append(b, z...)
	return append(b, "\nendstream"...)
}

// plainStream returns the body of an uncompressed stream object of data:
// for a few hundred bytes, compressing costs more time than it saves room.
func plainStream(data []byte) []byte {
	b := fmt.Appendf(make([]byte, 0, len(data)+48), "<< /Length %d >>\nstream\n", len(data))
	return append(append(b, data...), "\nendstream"...)
}

// num formats v with at most three decimals.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 3, 64)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	if s == "-0" {
		s = "0"
	}
	return s
}
