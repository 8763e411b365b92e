package render

import (
	"io"
	"testing"
)

// benchWrite renders the hand-built document repeatedly.
func benchWrite(b *testing.B, full bool) {
	b.Setenv("SOURCE_DATE_EPOCH", "")
	embedFullFaces = full
	defer func() { embedFullFaces = false }()
	doc, meta := handDoc(b), handMeta()
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, doc, meta); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteHandCutFaces(b *testing.B)  { benchWrite(b, false) }
func BenchmarkWriteHandFullFaces(b *testing.B) { benchWrite(b, true) }
