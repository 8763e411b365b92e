package verify

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

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
	last      *pdf.Reader     // reader of the whole file (the latest revision): use reader()
	lazy      bool            // last is opened when first needed (see openDocument)
	layout    *pdfread.Layout // the strict reading; nil when it refused the file
	problems  []string
	streams   map[int64]string // stream offset → hash of its data
	rawRanges [][]int          // /ByteRange arrays in the raw file, once scanned
}

// openDocument reads data strictly and finds its revisions. A file the
// strict reading accepts is read from its layout; the PDF reader (behind
// pdfread's guards) opens it only when a check needs it (page names, the
// info of an earlier revision, objects the fields do not account for). A
// file the strict reading refuses, or plainLayout does not pass, is
// opened at once, and an error of the reader is the verifier's.
func openDocument(data []byte) (*document, error) {
	d := &document{data: data, streams: map[int64]string{}}
	layout, err := pdfread.Strict(data)
	if err == nil && plainLayout(layout, len(data)) {
		d.layout, d.pdf, d.lazy = layout, &pdfread.Doc{Data: data}, true
	} else {
		doc, oerr := pdfread.Open(data)
		if oerr != nil {
			return nil, oerr
		}
		d.pdf, d.last, d.layout = doc, doc.Reader, layout
		if err != nil {
			d.problems = append(d.problems, err.Error())
		}
	}
	d.findRevisions()
	d.checkHeaders()
	return d, nil
}

// plainLayout reports whether the PDF reader may wait until it is needed:
// the file is within the size cap, and no revision's trailer asks for
// decryption or claims more objects than the file has bytes (what
// pdfread.Open refuses before parsing).
func plainLayout(l *pdfread.Layout, size int) bool {
	if size > pdfread.MaxSize {
		return false
	}
	for _, s := range l.Revs {
		n, err := strconv.ParseInt(encoded(get(s.Trailer, "Size")), 10, 64)
		if get(s.Trailer, "Encrypt") != nil || err != nil || n < 0 || n > int64(size)+1 {
			return false
		}
	}
	return true
}

// reader returns the PDF reader of the whole file, opened through
// pdfread's guards when first needed; nil when it cannot read the file.
func (d *document) reader() *pdf.Reader {
	if d.lazy {
		d.lazy = false
		if doc, err := pdfread.Open(d.data); err == nil {
			d.pdf, d.last = doc, doc.Reader
		}
	}
	return d.last
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
			d.revs = append(d.revs, &revision{end: s.End, eof: s.EOF})
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
	switch {
	case r.parsed:
	case d.reader() == nil: // the guards first: a prefix is parsed without them
		r.err = errors.New("the PDF reader cannot read the file")
	case r.end == int64(len(d.data)):
		r.reader = d.last
	default:
		r.reader, r.err = d.pdf.Revision(r.end)
	}
	r.parsed = true
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
	rd := d.reader()
	if rd == nil {
		return nil
	}
	info, err := docinfo.InfoFrom(rd)
	if err != nil {
		return nil
	}
	return info
}
