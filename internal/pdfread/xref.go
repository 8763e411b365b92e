package pdfread

import (
	"bytes"
	"fmt"
	"strconv"
)

// checkXref rejects cross-reference data that would make the PDF
// reader (github.com/digitorus/pdf) allocate or loop in proportion to a
// number written in the file instead of the file's size: it grows its
// table one entry at a time up to the largest object number, and
// allocates /Size and /W entries up front. No object number can sensibly
// exceed the file size, since every object takes bytes. The scan looks for
// literal keys (bytes.Index); regular expressions took a third of Verify's
// time.
func checkXref(data []byte) error {
	limit := int64(len(data)) + 1
	for _, rest := range after(data, "/Size") {
		if inParams(data, len(data)-len(rest)) {
			continue // an embedded file's size, not a cross-reference /Size
		}
		if n, ok := leadingInt(rest); ok && n > limit {
			return fmt.Errorf("implausible cross-reference /Size %d for a file of %d bytes", n, len(data))
		}
	}
	for _, rest := range after(data, "/Index") {
		if err := checkPairs(bytes.Fields(arrayBody(rest)), limit); err != nil {
			return err
		}
	}
	for _, rest := range after(data, "/W") {
		if err := checkWidths(arrayBody(rest)); err != nil {
			return err
		}
	}
	for _, rest := range after(data, "xref") {
		if err := checkXrefTable(rest, limit); err != nil {
			return err
		}
	}
	return nil
}

// inParams reports whether the key ending at end sits in an embedded
// file's /Params dictionary (/Params << /Size 262144 ... >>), where /Size
// is the file's length and may well exceed the compressed PDF's.
func inParams(data []byte, end int) bool {
	win := data[max(0, end-256):end]
	open := bytes.LastIndex(win, []byte("<<"))
	if open < 0 || bytes.Contains(win[open:], []byte(">>")) {
		return false
	}
	return bytes.HasSuffix(bytes.TrimRight(win[:open], " \t\r\n\f\x00"), []byte("/Params"))
}

// after returns the text following each occurrence of key that is a whole
// token: not followed by a name character (so "/W" skips "/Widget"), and
// for "xref" at the start of a line (so "startxref" is skipped).
func after(data []byte, key string) [][]byte {
	var out [][]byte
	for i := 0; ; {
		k := Index(data[i:], key)
		if k < 0 {
			return out
		}
		pos := i + k
		i = pos + len(key)
		if i < len(data) && !isSpace(data[i]) && data[i] != '[' {
			continue
		}
		if key == "xref" && pos > 0 && data[pos-1] != '\n' && data[pos-1] != '\r' {
			continue
		}
		out = append(out, data[i:])
	}
}

// leadingInt parses the integer after optional white space.
func leadingInt(b []byte) (int64, bool) {
	b = bytes.TrimLeft(b, " \t\r\n\f\x00")
	n := 0
	for n < len(b) && n < 20 && b[n] >= '0' && b[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0, false
	}
	v, err := strconv.ParseInt(string(b[:n]), 10, 64)
	if err != nil {
		return 1 << 62, true // too many digits: certainly implausible
	}
	return v, true
}

// arrayBody returns the inside of an array that starts b after white
// space ("" when b does not start with "[" or the array does not close).
func arrayBody(b []byte) []byte {
	b = bytes.TrimLeft(b, " \t\r\n\f\x00")
	if len(b) == 0 || b[0] != '[' {
		return nil
	}
	e := bytes.IndexByte(b, ']')
	if e < 0 || e > 4096 {
		return nil
	}
	return b[1:e]
}

// checkWidths checks the field widths of an xref stream. A body that is
// not all integers is no width array (compressed stream data spells "/W["
// in about one file in 200) and the reader cannot use it: not an error.
func checkWidths(body []byte) error {
	total := int64(0)
	for _, f := range bytes.Fields(body) {
		n, err := strconv.ParseInt(string(f), 10, 64)
		if err != nil {
			return nil
		}
		if n > 16 {
			return fmt.Errorf("implausible cross-reference stream /W [%s]", body)
		}
		total += n
	}
	if total > 32 {
		return fmt.Errorf("implausible cross-reference stream /W [%s]", body)
	}
	return nil
}

// checkPairs checks "start count" pairs of object numbers.
func checkPairs(fields [][]byte, limit int64) error {
	for i := 0; i+1 < len(fields); i += 2 {
		a, err1 := strconv.ParseInt(string(fields[i]), 10, 64)
		b, err2 := strconv.ParseInt(string(fields[i+1]), 10, 64)
		if err1 != nil || err2 != nil || a+b > limit {
			return fmt.Errorf("implausible cross-reference subsection %s %s for a file of %d bytes", fields[i], fields[i+1], limit-1)
		}
	}
	return nil
}

// checkXrefTable checks the subsection headers of a classic xref table
// (lines of two numbers; entries have three fields) up to its trailer.
func checkXrefTable(b []byte, limit int64) error {
	for len(b) > 0 {
		i := bytes.IndexAny(b, "\r\n")
		line := b
		if i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		f := bytes.Fields(line)
		switch len(f) {
		case 0, 3:
			continue
		case 2:
			if _, err := strconv.ParseInt(string(f[0]), 10, 64); err != nil {
				return nil // "trailer <<" ends the table
			}
			if err := checkPairs(f, limit); err != nil {
				return err
			}
		default:
			return nil // trailer or anything else ends the table
		}
	}
	return nil
}

// isSpace reports PDF white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0
}
