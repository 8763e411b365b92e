package pdfread

import (
	"bytes"
	"errors"
	"strconv"
)

// MaxRevisions bounds the revisions Revisions returns.
const MaxRevisions = 200

// Revision is one version of a document: the file prefix data[:End].
type Revision struct {
	End int64 // offset just past its %%EOF line (end-of-line marker included)
	EOF int64 // offset just past "%%EOF" itself
}

// Revisions returns where each revision of data ends, oldest first: at
// every %%EOF at the start of a line that is followed by an end of line,
// white space or the end of the file. At most MaxRevisions are returned;
// more reports whether there were more. A "%%EOF" line inside stream data
// is taken for a revision end too: a prefix ending there does not parse,
// which a caller has to expect anyway.
func Revisions(data []byte) (revs []Revision, more bool) {
	for i := 0; ; {
		k := bytes.Index(data[i:], []byte("%%EOF"))
		if k < 0 {
			return revs, false
		}
		pos := i + k
		i = pos + len("%%EOF")
		if pos > 0 && data[pos-1] != '\n' && data[pos-1] != '\r' {
			continue
		}
		end := eolEnd(data, i)
		if end == i && end < len(data) && !isSpace(data[end]) {
			continue // %%EOFx: not a marker
		}
		if len(revs) == MaxRevisions {
			return revs, true
		}
		revs = append(revs, Revision{End: int64(end), EOF: int64(i)})
	}
}

// eolEnd returns the offset after the end-of-line sequence at i, if any.
func eolEnd(data []byte, i int) int {
	if i < len(data) && data[i] == '\r' {
		i++
	}
	if i < len(data) && data[i] == '\n' {
		i++
	}
	return i
}

// Rendered returns the document as it was rendered, before anyone signed
// it: the latest revision that ends at or before the first signature's
// /Contents (the smallest second number of any /ByteRange array written
// in the file), or the latest revision of an unsigned file. Signing
// appends incremental updates after the rendered bytes, so for a file
// signed by kinerja this is exactly the unsigned file, whose SHA-256 each
// signer prints in the QR code and which the re-render proof compares.
// Any "/ByteRange" spelled earlier in the file only shortens the prefix,
// which then fails every comparison: the error is on the safe side.
func Rendered(data []byte) ([]byte, error) {
	revs, _ := Revisions(data)
	if len(revs) == 0 {
		return nil, errors.New("no %EOF marker at the start of a line")
	}
	limit := int64(len(data))
	for _, m := range ScanByteRanges(data) {
		if n, err := strconv.ParseInt(string(data[m[4]:m[5]]), 10, 64); err == nil && n < limit {
			limit = n
		}
	}
	end := int64(-1)
	for _, r := range revs {
		if r.End <= limit {
			end = r.End
		}
	}
	if end < 0 {
		return nil, errors.New("no revision ends before the first signature")
	}
	return data[:end], nil
}

// ScanByteRanges finds every /ByteRange array of four integers written in
// data and returns what regexp's FindAllSubmatchIndex returns for
// `/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]` (whole match,
// then the four numbers), using bytes.Index (regexp took a third of the
// verifier's time).
func ScanByteRanges(data []byte) [][]int {
	var out [][]int
	const key = "/ByteRange"
	for i := 0; ; {
		k := Index(data[i:], key)
		if k < 0 {
			return out
		}
		start := i + k
		if m := matchByteRange(data, start, start+len(key)); m != nil {
			out = append(out, m)
			i = m[1]
		} else {
			i = start + 1
		}
	}
}

// matchByteRange matches `\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]` at
// data[i:], returning submatch indexes as regexp does (nil: no match).
func matchByteRange(data []byte, start, i int) []int {
	m := []int{start, 0}
	i = skipRESpace(data, i)
	if i >= len(data) || data[i] != '[' {
		return nil
	}
	i = skipRESpace(data, i+1)
	for n := 0; n < 4; n++ {
		j := i
		for j < len(data) && data[j] >= '0' && data[j] <= '9' {
			j++
		}
		if j == i {
			return nil
		}
		m = append(m, i, j)
		i = skipRESpace(data, j)
		if n < 3 && i == j {
			return nil // numbers must be separated by space
		}
	}
	if i >= len(data) || data[i] != ']' {
		return nil
	}
	m[1] = i + 1
	return m
}

// skipRESpace skips regexp \s characters (ASCII space, \t, \n, \f, \r).
func skipRESpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\f' || data[i] == '\r') {
		i++
	}
	return i
}
