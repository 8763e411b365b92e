package verify

import (
	"bytes"
	"fmt"

	"github.com/digitorus/pdf"

	"kinerja/docinfo"
	"kinerja/internal/pdfread"
)

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
	pdf       *pdfread.Doc
	revs      []*revision
	last      *pdf.Reader // reader of the whole file (the latest revision)
	problems  []string
	streams   map[int64]string     // stream offset → hash of its data
	rawRanges [][]int              // /ByteRange arrays in the raw file, once scanned
	sigValues map[ptrKey]pdf.Value // signature dictionaries read from last
	sigCanon  map[any]string       // fast canonical text of self-contained signature values, by cross-reference entry
}

// openDocument parses data (through pdfread's guards) and finds its
// revisions.
func openDocument(data []byte) (*document, error) {
	doc, err := pdfread.Open(data)
	if err != nil {
		return nil, err
	}
	d := &document{data: data, pdf: doc, last: doc.Reader, streams: map[int64]string{},
		sigValues: map[ptrKey]pdf.Value{}, sigCanon: map[any]string{}}
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

// findRevisions records every revision end (pdfread.Revisions).
func (d *document) findRevisions() {
	revs, more := pdfread.Revisions(d.data)
	for _, r := range revs {
		rev := &revision{end: r.End, eof: r.EOF}
		if r.End == int64(len(d.data)) {
			rev.reader, rev.parsed = d.last, true // the same bytes: parse once
		}
		d.revs = append(d.revs, rev)
	}
	if more {
		d.problems = append(d.problems, fmt.Sprintf("more than %d revisions: later ones not checked", pdfread.MaxRevisions))
	}
	d.checkTail()
}

// open parses revision r (once, when first needed: revisions before the
// first signed one are never read).
func (d *document) open(r *revision) *pdf.Reader {
	if !r.parsed {
		r.reader, r.err = d.pdf.Revision(r.end)
		r.parsed = true
	}
	return r.reader
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
