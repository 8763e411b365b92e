// Package pdfreadtest builds small PDFs by hand for the tests of the
// packages that read PDFs. Test support only.
package pdfreadtest

import (
	"bytes"
	"fmt"
	"strconv"
)

// Hand builds a PDF of the given objects (numbered from 1, object 1 the
// catalog) with a correct xref table.
func Hand(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// AppendUpdate appends an incremental update to b: an object holding
// "%%EOF" in a string and an xref section whose trailer points back with
// /Prev to the section at prev.
func AppendUpdate(b []byte, prev int) []byte {
	obj := "9999 0 obj\n(%%EOF)\nendobj\n"
	at := len(b) + len(obj)
	return append(bytes.Clone(b), obj+"xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 1/Prev "+
		strconv.Itoa(prev)+">>\nstartxref\n"+strconv.Itoa(at)+"\n%%EOF\n"...)
}
