// Package testpdf builds small hand-made PDFs for tests of code that
// reads or extends a PDF without rendering one: objects given as PDF
// syntax, a correct classic cross-reference table, and the trailer values
// that internal/pdfupdate needs to append an update.
//
// The unit tests of internal/pdfupdate and render (extract) still carry
// their own copies of this builder; they can call Build instead.
package testpdf

import (
	"bytes"
	"fmt"

	"kinerja/internal/pdfupdate"
)

// ID is the first element of the trailer /ID of every built file.
var ID = []byte{0xC0, 0xFF, 0xEE}

// Build returns a PDF 1.7 file whose objects 1..n are objs (object 1 is
// the catalog) with a trailer /Size, /Root 1 0 R and /ID [<ID> <ID>], and
// the trailer values an update of it carries over.
func Build(objs ...string) ([]byte, pdfupdate.Trailer) {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n\r\n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /ID [<%X> <%X>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(objs)+1, ID, ID, xref)
	return b.Bytes(), pdfupdate.Trailer{Size: len(objs) + 1, Prev: int64(xref), Root: 1, ID: ID}
}
