package render

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"

	"kinerja/internal/zpool"
)

// fpdf compresses each stream with a new zlib writer, and creating one
// (about 1 MB of tables to clear) cost more than the compression itself.
// So Write lets fpdf write page contents uncompressed and compresses them
// here with pooled writers, rebuilding the cross-reference table. The
// output keeps fpdf's shape: one classic xref table, objects in the same
// order.

// deflate returns b zlib-compressed.
func deflate(b []byte) []byte { return zpool.Compress(b) }

// object is one indirect object of the file: its number and byte span.
type object struct {
	num        int
	start, end int
}

// rewrite edits fpdf's output object by object and rebuilds the xref
// table: with compress, every stream whose dictionary is exactly
// "<</Length n>>" (page contents and ToUnicode maps, which fpdf leaves
// uncompressed with compression off) is compressed; zone ("Z", "+07'00'")
// is appended to the Info dates, which fpdf writes without one; each of
// maps is appended as a new object (numbered on from fpdf's last, in
// order) and referenced as /ToUnicode from its font dictionary.
func rewrite(pdf []byte, compress bool, zone string, maps []fontMap) ([]byte, error) {
	objs, xrefAt, err := readXref(pdf)
	if err != nil {
		return nil, fmt.Errorf("render: internal error: %w", err)
	}
	out := make([]byte, 0, len(pdf)+1024*len(maps))
	out = append(out, pdf[:objs[0].start]...)
	offsets := make([]int, len(objs)+1, len(objs)+1+len(maps))
	found := make([]int, len(maps))
	for _, o := range objs {
		offsets[o.num] = len(out)
		obj, k := withToUnicode(pdf[o.start:o.end], maps, len(objs)+1)
		if k >= 0 {
			found[k]++
		}
		out = appendObject(out, obj, o.num, compress, zone)
	}
	for k, m := range maps {
		if found[k] != 1 {
			return nil, fmt.Errorf("render: internal error: font dictionary %q found %d times (want 1)", m.font, found[k])
		}
		offsets = append(offsets, len(out))
		out = appendFontMap(out, len(offsets)-1, m, compress)
	}
	return appendXref(out, pdf[xrefAt:], offsets)
}

// readXref returns the objects of pdf in file order and the offset of the
// xref table; fpdf numbers objects 1..n without gaps.
func readXref(pdf []byte) ([]object, int, error) {
	xrefAt := bytes.LastIndex(pdf, []byte("\nxref\n")) + 1
	if xrefAt == 0 {
		return nil, 0, fmt.Errorf("no xref table")
	}
	p := pdf[xrefAt+len("xref\n"):]
	var first, n int
	if _, err := fmt.Sscanf(string(p[:min(len(p), 32)]), "%d %d\n", &first, &n); err != nil || first != 0 || n < 2 {
		return nil, 0, fmt.Errorf("xref header: %v", err)
	}
	p = p[bytes.IndexByte(p, '\n')+1:]
	if len(p) < 20*n {
		return nil, 0, fmt.Errorf("xref table truncated")
	}
	objs := make([]object, 0, n-1)
	for num := 1; num < n; num++ {
		off, err := strconv.Atoi(string(p[20*num : 20*num+10]))
		if err != nil || off <= 0 || off >= xrefAt {
			return nil, 0, fmt.Errorf("xref entry %d: bad offset", num)
		}
		objs = append(objs, object{num: num, start: off})
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].start < objs[j].start })
	for i := range objs {
		objs[i].end = xrefAt
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].start
		}
	}
	return objs, xrefAt, nil
}

// appendObject appends one object, compressed when it is a plain stream
// and compress is set, with zoned dates when it is the Info dictionary.
func appendObject(out, obj []byte, num int, compress bool, zone string) []byte {
	head := strconv.Itoa(num) + " 0 obj\n<</Length "
	if !compress || !bytes.HasPrefix(obj, []byte(head)) {
		return append(out, zoneDates(obj, zone)...)
	}
	rest := obj[len(head):]
	j := bytes.Index(rest, []byte(">>\nstream\n"))
	n, err := strconv.Atoi(string(rest[:max(j, 0)]))
	body := rest[j+len(">>\nstream\n"):]
	if j < 0 || err != nil || len(body) < n || !bytes.HasPrefix(body[n:], []byte("\nendstream\nendobj\n")) {
		return append(out, obj...)
	}
	z := deflate(body[:n])
	out = append(out, strconv.Itoa(num)+" 0 obj\n<</Filter /FlateDecode /Length "+strconv.Itoa(len(z))+">>\nstream\n"...)
	out = append(out, z...)
	return append(out, body[n:]...)
}

// zoneDates appends zone to the /CreationDate and /ModDate strings of obj.
func zoneDates(obj []byte, zone string) []byte {
	for _, key := range []string{"/CreationDate (D:", "/ModDate (D:"} {
		i := bytes.Index(obj, []byte(key))
		if i < 0 || zone == "" {
			continue
		}
		at := i + len(key) + len("20060102150405")
		if at < len(obj) && obj[at] == ')' {
			obj = append(obj[:at:at], append([]byte(zone), obj[at:]...)...)
		}
	}
	return obj
}
