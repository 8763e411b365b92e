package verify

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// Patterns of the cross-reference data the PDF reader trusts blindly.
var (
	sizeRE  = regexp.MustCompile(`/Size\s*(\d+)`)
	indexRE = regexp.MustCompile(`/Index\s*\[([\d\s]*)\]`)
	wRE     = regexp.MustCompile(`/W\s*\[([\d\s]*)\]`)
	xrefRE  = regexp.MustCompile(`(?m)^[ \t]*xref[ \t]*\r?\n`)
)

// checkXrefBounds rejects cross-reference data that would make the PDF
// reader (github.com/digitorus/pdf) allocate or loop in proportion to a
// number written in the file instead of the file's size: it grows its
// table one entry at a time up to the largest object number, and
// allocates /Size and /W entries up front. No object number can sensibly
// exceed the file size, since every object takes bytes.
func checkXrefBounds(data []byte) error {
	limit := int64(len(data)) + 1
	for _, m := range sizeRE.FindAllSubmatch(data, -1) {
		if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > limit {
			return fmt.Errorf("implausible cross-reference /Size %s for a file of %d bytes", m[1], len(data))
		}
	}
	for _, m := range indexRE.FindAllSubmatch(data, -1) {
		if err := checkPairs(bytes.Fields(m[1]), limit); err != nil {
			return err
		}
	}
	for _, m := range wRE.FindAllSubmatch(data, -1) {
		total := int64(0)
		for _, f := range bytes.Fields(m[1]) {
			n, err := strconv.ParseInt(string(f), 10, 64)
			if err != nil || n > 16 {
				return fmt.Errorf("implausible cross-reference stream /W [%s]", m[1])
			}
			total += n
		}
		if total > 32 {
			return fmt.Errorf("implausible cross-reference stream /W [%s]", m[1])
		}
	}
	for _, loc := range xrefRE.FindAllIndex(data, -1) {
		if err := checkXrefTable(data[loc[1]:], limit); err != nil {
			return err
		}
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
