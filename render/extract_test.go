package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// handPDF builds a PDF of the given objects (numbered from 1, object 1
// the catalog) with a correct xref table.
func handPDF(objs ...string) []byte {
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

// TestExtractDamaged expects clear errors, not panics or hangs, for name
// trees that loop, files whose checksum or size does not match, and specs
// without a stream; and a foreign tree with /Kids read in order.
func TestExtractDamaged(t *testing.T) {
	const catalog = "<</Type /Catalog /Pages 2 0 R /Names <</EmbeddedFiles 3 0 R>>>>"
	const pages = "<</Type /Pages /Kids [] /Count 0>>"
	file := func(params string) string {
		return "<</Type /EmbeddedFile /Length 5 /Params <<" + params + ">>>>\nstream\nhallo\nendstream"
	}
	good := "<</Type /Filespec /F (a.txt) /EF <</F 4 0 R>>>>"
	for _, tc := range []struct {
		name string
		pdf  []byte
		want string // "" = no error
	}{
		{"kids loop", handPDF(catalog, pages, "<</Kids [3 0 R 3 0 R]>>"), "deeper than"},
		{"bad checksum", handPDF(catalog, pages, "<</Names [(a) 5 0 R]>>", file("/CheckSum <00112233445566778899AABBCCDDEEFF>"), good), "checksum does not match"},
		{"bad size", handPDF(catalog, pages, "<</Names [(a) 5 0 R]>>", file("/Size 6"), good), "its /Size says 6"},
		{"no stream", handPDF(catalog, pages, "<</Names [(a) 4 0 R]>>", "<</Type /Filespec /F (a.txt)>>"), "no file stream"},
		{"kids", handPDF(catalog, pages, "<</Kids [6 0 R]>>", file("/Size 5"), good, "<</Names [(a) 5 0 R (b) 5 0 R]>>"), ""},
		{"not a pdf", []byte("hallo"), "extract:"},
	} {
		files, err := Extract(bytes.NewReader(tc.pdf), int64(len(tc.pdf)))
		switch {
		case tc.want == "" && (err != nil || len(files) != 2 || string(files[1].Data) != "hallo" || files[1].Name != "a.txt"):
			t.Errorf("%s: %v, %d files", tc.name, err, len(files))
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// FuzzExtract feeds damaged versions of a rendered PDF with an embedded
// file to Extract and Reproduce: they must return, not panic.
func FuzzExtract(f *testing.F) {
	var b bytes.Buffer
	meta := handMeta()
	meta.Files = []EmbeddedFile{{Name: "a.toml", Data: []byte("a = 1\n")}}
	if err := Write(&b, handDoc(f), meta); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add(b.Bytes()[:b.Len()/2])
	f.Fuzz(func(t *testing.T, pdf []byte) {
		Extract(bytes.NewReader(pdf), int64(len(pdf)))
		Reproduce(pdf)
	})
}
