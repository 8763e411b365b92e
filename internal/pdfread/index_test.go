package pdfread

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestIndexIsBytesIndex compares Index and Count with the bytes package
// on random texts made of slashes, name letters and spaces.
func TestIndexIsBytesIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	keys := []string{"/ByteRange", "/B", "//", "/Type", "xref", "/"}
	for range 20000 {
		data := make([]byte, rng.IntN(40))
		for i := range data {
			data[i] = "/ByteRangeT //"[rng.IntN(14)]
		}
		for _, k := range keys {
			if got, want := Index(data, k), bytes.Index(data, []byte(k)); got != want {
				t.Fatalf("Index(%q, %q) = %d, want %d", data, k, got, want)
			}
			if got, want := Count(data, k), bytes.Count(data, []byte(k)); got != want {
				t.Fatalf("Count(%q, %q) = %d, want %d", data, k, got, want)
			}
		}
	}
}

func FuzzIndex(f *testing.F) {
	f.Add([]byte("<< /Type /Sig /ByteRange [0 1 2 3] >>"), "/ByteRange")
	f.Fuzz(func(t *testing.T, data []byte, key string) {
		if got, want := Index(data, key), bytes.Index(data, []byte(key)); got != want {
			t.Fatalf("Index(%q, %q) = %d, want %d", data, key, got, want)
		}
	})
}
