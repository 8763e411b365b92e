package data

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// BenchmarkDecodeSample decodes the 22-indicator sample agreement.
func BenchmarkDecodeSample(b *testing.B) {
	src, err := os.ReadFile("pk-2021-bppbj.toml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeWith(bytes.NewReader(src), "pk.toml", Options{Dir: "."}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeManyTables decodes a file of 5000 small inline tables,
// the shape that made a naive key locator quadratic.
func BenchmarkDecodeManyTables(b *testing.B) {
	var sb strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&sb, "t%d = {a = 1}\n", i)
	}
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		_, _ = DecodeWith(bytes.NewReader(src), "pk.toml", Options{Dir: "."})
	}
}
