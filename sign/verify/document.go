package verify

import (
	"bytes"
	"fmt"

	"github.com/digitorus/pdf"

	"kinerja/docinfo"
)

// maxRevisions bounds the work on files with very many %%EOF markers.
const maxRevisions = 200

// revision is one version of the document: the file prefix data[:end].
type revision struct {
	end    int64       // offset just past its %%EOF line
	eof    int64       // offset just past "%%EOF" itself
	reader *pdf.Reader // nil if the prefix could not be parsed (see open)
	err    error       // why reader is nil
	parsed bool        // reader and err are set
	snap   *snapshot   // computed on demand
	fast   *snapshot   // fast snapshot (streams by identity), on demand
}

// document is a PDF in memory with its revisions.
type document struct {
	data      []byte
	revs      []*revision
	last      *pdf.Reader // reader of the whole file (the latest revision)
	problems  []string
	streams   map[int64]string     // stream offset → hash of its data
	rawRanges [][]int              // /ByteRange arrays in the raw file, once scanned
	sigValues map[ptrKey]pdf.Value // signature dictionaries read from last
	sigCanon  map[any]string       // fast canonical text of self-contained signature values, by cross-reference entry
}

// openDocument parses data and each of its revisions.
func openDocument(data []byte) (*document, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, fmt.Errorf("verify: %w (no %%PDF- header)", ErrNotPDF)
	}
	if err := checkXrefBounds(data); err != nil {
		return nil, fmt.Errorf("verify: malformed PDF: %w", err)
	}
	d := &document{data: data, streams: map[int64]string{},
		sigValues: map[ptrKey]pdf.Value{}, sigCanon: map[any]string{}}
	last, err := parsePDF(data)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	d.last = last
	d.findRevisions()
	d.checkHeaders()
	return d, nil
}

// checkHeaders reports a second %PDF- header at the start of a line: the
// whole document written twice into one file (pdfsign does this when its
// signature size estimate overflows); qpdf calls such files damaged.
func (d *document) checkHeaders() {
	for i := 1; ; {
		k := bytes.Index(d.data[i:], []byte("%PDF-"))
		if k < 0 {
			return
		}
		pos := i + k
		i = pos + 5
		if c := d.data[pos-1]; c == '\n' || c == '\r' {
			d.problems = append(d.problems, fmt.Sprintf(
				"file damaged: a second %%PDF- header at offset %d (the document was written twice into one file)", pos))
			return
		}
	}
}

// parsePDF opens data with the PDF reader, turning its panics into errors.
func parsePDF(data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("malformed PDF: %v", p)
		}
	}()
	r, err = pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("malformed PDF: %w", err)
	}
	return r, nil
}

// findRevisions records every revision end: an %%EOF at the start of a
// line, followed by an end of line or the end of the file.
func (d *document) findRevisions() {
	data := d.data
	for i := 0; ; {
		k := bytes.Index(data[i:], []byte("%%EOF"))
		if k < 0 {
			break
		}
		pos := i + k
		i = pos + 5
		if pos > 0 && data[pos-1] != '\n' && data[pos-1] != '\r' {
			continue
		}
		end := eolEnd(data, i)
		if end == i && end < len(data) && !isSpace(data[end]) {
			continue // %%EOFx: not a marker
		}
		if len(d.revs) == maxRevisions {
			d.problems = append(d.problems, fmt.Sprintf("more than %d revisions: later ones not checked", maxRevisions))
			break
		}
		r := &revision{end: int64(end), eof: int64(i)}
		if end == len(data) {
			r.reader, r.parsed = d.last, true // the same bytes: parse once
		}
		d.revs = append(d.revs, r)
	}
	d.checkTail()
}

// open parses revision r (once, when first needed: revisions before the
// first signed one are never read).
func (d *document) open(r *revision) *pdf.Reader {
	if !r.parsed {
		r.reader, r.err = parsePDF(d.data[:r.end])
		r.parsed = true
	}
	return r.reader
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

// isSpace reports PDF white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0
}

// checkTail reports bytes after the last %%EOF other than white space.
func (d *document) checkTail() {
	if len(d.revs) == 0 {
		d.problems = append(d.problems, "no %%EOF marker at the start of a line")
		return
	}
	end := d.revs[len(d.revs)-1].end
	tail := d.data[end:]
	if len(bytes.Trim(tail, " \t\r\n\f\x00")) > 0 {
		d.problems = append(d.problems, fmt.Sprintf(
			"file damaged or truncated: %d bytes after the last complete revision (which ends at %d) are not a complete incremental update",
			len(tail), end))
	}
}

// revisionAt returns the 1-based number of the revision ending at end, or 0.
func (d *document) revisionAt(end int64) int {
	for i, r := range d.revs {
		if r.end == end || r.eof == end {
			return i + 1
		}
	}
	return 0
}

// coversWholeFile reports whether only white space follows end.
func (d *document) coversWholeFile(end int64) bool {
	if end > int64(len(d.data)) {
		return false
	}
	return len(bytes.Trim(d.data[end:], " \t\r\n\f\x00")) == 0
}

// info reads the kinerja info from the XMP metadata of the latest
// revision's catalog, or nil.
func (d *document) info() *docinfo.Info {
	info, err := docinfo.InfoFrom(d.last)
	if err != nil {
		return nil
	}
	return info
}
