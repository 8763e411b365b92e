package verify

import (
	"bytes"
	"cmp"
	"compress/zlib"
	"fmt"
	"io"
	"sort"
	"strconv"

	"kinerja/docinfo"
	"kinerja/internal/pdfedit"
)

// The signatures and the kinerja info of a file the strict reading
// accepted are read from its layout, as the policy reads the objects: one
// reading of the file for finding the signatures and for judging what
// changed after them. The PDF reader's versions (sigdict.go, info) serve
// files the strict reading refused, which are invalid anyway but still
// get their signatures described.

// rawWalk walks the form fields of the latest revision of the layout.
type rawWalk struct {
	o      *rawObjects
	rev    int // the latest revision, 0-based
	budget int // field nodes left to visit (maxFieldNodes)
	found  map[uint32]bool
}

// rawSigsFromFields is sigsFromFields on the layout (d.layout != nil).
func (d *document) rawSigsFromFields() (out []*sigDict, ok bool) {
	w := &rawWalk{o: &rawObjects{data: d.data, l: d.layout}, rev: len(d.layout.Revs) - 1, budget: maxFieldNodes, found: map[uint32]bool{}}
	root := w.o.dict(w.rev, get(d.layout.Revs[w.rev].Trailer, "Root"))
	fields := w.o.array(w.rev, get(w.o.dict(w.rev, get(root, "AcroForm")), "Fields"))
	if len(fields) == 0 {
		return nil, false
	}
	for _, f := range fields {
		if !w.field(f, "", 0, &out) {
			return nil, false
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out, true
}

// field appends the signature values under field v (whose parent's fully
// qualified name is parent) to out; false means the tree is too deep or
// too large.
func (w *rawWalk) field(v pdfedit.Value, parent string, depth int, out *[]*sigDict) bool {
	if w.budget--; depth > 32 || w.budget < 0 || len(w.found) > maxPages {
		return false
	}
	n := w.o.dict(w.rev, v)
	if n == nil {
		return true
	}
	name := pdfedit.Text(w.resolve(get(n, "T")))
	if parent != "" && name != "" {
		name = parent + "." + name
	} else if name == "" {
		name = parent
	}
	if vr := refOf(get(n, "V")); vr != 0 && vr != refOf(v) && !w.found[vr] { // indirect only
		if vd := w.o.dict(w.rev, get(n, "V")); vd != nil {
			w.found[vr] = true
			if s := w.sig(vr, vd); s != nil {
				s.field = name
				s.rect, s.hasRect = rawWidgetRect(n)
				*out = append(*out, s)
			}
		}
	}
	for _, k := range w.o.array(w.rev, get(n, "Kids")) {
		if !w.field(k, name, depth+1, out) {
			return false
		}
	}
	return true
}

// resolve returns the value v refers to, or v.
func (w *rawWalk) resolve(v pdfedit.Value) pdfedit.Value {
	if r, ok := v.(pdfedit.Ref); ok {
		return w.o.value(w.rev, uint32(r.Num))
	}
	return v
}

// sig returns object num, the dictionary d, as a signature, or nil (as
// sigAt does).
func (w *rawWalk) sig(num uint32, d *pdfedit.Dict) *sigDict {
	typ := nameOf(w.resolve(get(d, "Type")))
	br, contents := w.resolve(get(d, "ByteRange")), w.resolve(get(d, "Contents"))
	_, isArray := br.(pdfedit.Array)
	raw, isString := pdfedit.StringBytes(contents)
	if typ != "Sig" && typ != "DocTimeStamp" && (!isArray || !isString) {
		return nil
	}
	obj, _, _ := w.o.l.Defined(w.rev, num)
	s := &sigDict{
		obj:       fmt.Sprintf("%d %d", num, obj.Gen),
		id:        num,
		contents:  raw,
		name:      pdfedit.Text(w.resolve(get(d, "Name"))),
		reason:    pdfedit.Text(w.resolve(get(d, "Reason"))),
		location:  pdfedit.Text(w.resolve(get(d, "Location"))),
		subFilter: nameOf(w.resolve(get(d, "SubFilter"))),
		m:         pdfDate(pdfedit.Text(w.resolve(get(d, "M")))),
		docTS:     typ == "DocTimeStamp",
	}
	s.byteRange, s.brErr = w.byteRange(br)
	return s
}

// byteRange returns the four integers of a /ByteRange array.
func (w *rawWalk) byteRange(v pdfedit.Value) ([]int64, string) {
	a, ok := v.(pdfedit.Array)
	if !ok || len(a) != 4 {
		return nil, fmt.Sprintf("ByteRange is not an array of 4 integers: %s", cmp.Or(encoded(v), "missing"))
	}
	br := make([]int64, 4)
	for i, e := range a {
		atom, _ := w.resolve(e).(pdfedit.Atom)
		n, err := strconv.ParseInt(string(atom), 10, 64)
		if err != nil || n < 0 {
			return nil, fmt.Sprintf("ByteRange is not an array of 4 non-negative integers: %s", encoded(v))
		}
		br[i] = n
	}
	return br, ""
}

// rawWidgetRect is widgetRect on the layout: the normalised /Rect of a
// field merged with its widget.
func rawWidgetRect(n *pdfedit.Dict) ([4]float64, bool) {
	if nameOf(get(n, "Subtype")) != "Widget" {
		return [4]float64{}, false
	}
	return rect(get(n, "Rect"))
}

// rawInfo reads the kinerja info from the XMP metadata stream of the
// latest catalog, as written in the layout (not compressed, or with
// /FlateDecode alone); ok is false for anything else, which the PDF
// reader then reads (info).
func (d *document) rawInfo() (info *docinfo.Info, ok bool) {
	o, last := &rawObjects{data: d.data, l: d.layout}, len(d.layout.Revs)-1
	num := refOf(get(o.dict(last, get(d.layout.Revs[last].Trailer, "Root")), "Metadata"))
	obj, _, defined := d.layout.Defined(last, num)
	sd, _ := obj.Parsed.(*pdfedit.Dict)
	if !defined || !obj.Stream || sd == nil {
		return nil, false
	}
	n, err := strconv.ParseInt(encoded(get(sd, "Length")), 10, 64)
	if err != nil || n < 0 || obj.StreamData+n > int64(len(d.data)) || get(sd, "DecodeParms") != nil {
		return nil, false
	}
	var r io.Reader = bytes.NewReader(d.data[obj.StreamData : obj.StreamData+n])
	switch f := get(sd, "Filter"); {
	case f == nil:
	case nameOf(f) == "FlateDecode":
		zr, err := zlib.NewReader(r)
		if err != nil {
			return nil, true
		}
		r = zr
	default:
		return nil, false
	}
	xmp, err := io.ReadAll(io.LimitReader(r, docinfo.MaxXMPSize))
	if err != nil {
		return nil, true
	}
	info, err = docinfo.DecodeXMP(xmp)
	if err != nil {
		return nil, true
	}
	return info, true
}
