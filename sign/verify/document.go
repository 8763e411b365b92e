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
}

// document is a PDF in memory with its revisions.
type document struct {
	data      []byte
	pdf       *pdfread.Doc
	revs      []*revision
	last      *pdf.Reader     // reader of the whole file (the latest revision)
	layout    *pdfread.Layout // the strict reading; nil when it refused the file
	problems  []string
	streams   map[int64]string // stream offset → hash of its data
	rawRanges [][]int          // /ByteRange arrays in the raw file, once scanned
}

// openDocument parses data (through pdfread's guards) and finds its
// revisions.
func openDocument(data []byte) (*document, error) {
	doc, err := pdfread.Open(data)
	if err != nil {
		return nil, err
	}
	d := &document{data: data, pdf: doc, last: doc.Reader, streams: map[int64]string{}}
	if d.layout, err = pdfread.Strict(data); err != nil {
		d.problems = append(d.problems, err.Error())
	}
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

// findRevisions records every revision end: the strict reading's, or
// when it refused the file, every %%EOF line (pdfread.Revisions).
func (d *document) findRevisions() {
	if d.layout != nil {
		for _, s := range d.layout.Revs {
			rev := &revision{end: s.End, eof: s.EOF}
			if s.End == int64(len(d.data)) {
				rev.reader, rev.parsed = d.last, true
			}
			d.revs = append(d.revs, rev)
		}
		return
	}
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
// revision's catalog, or nil: from the strict reading's layout when it
// can (rawInfo), else through the PDF reader.
func (d *document) info() *docinfo.Info {
	if d.layout != nil {
		if info, ok := d.rawInfo(); ok {
			return info
		}
	}
	info, err := docinfo.InfoFrom(d.last)
	if err != nil {
		return nil
	}
	return info
}
