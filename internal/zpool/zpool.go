// Package zpool compresses PDF streams with pooled zlib writers: creating
// a writer clears about 1 MB of tables, which costs more than compressing
// the few kilobytes of a page or an appearance. The level is
// zlib.BestSpeed, so the bytes of render's output (pinned by its format
// golden) depend on it.
package zpool

import (
	"bytes"
	"compress/zlib"
	"sync"
)

// writers holds zlib writers for reuse.
var writers = sync.Pool{New: func() any {
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return zw
}}

// Compress returns b zlib-compressed at zlib.BestSpeed.
func Compress(b []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b)/3 + 64)
	zw := writers.Get().(*zlib.Writer)
	zw.Reset(&buf)
	zw.Write(b)
	zw.Close()
	writers.Put(zw)
	return buf.Bytes()
}
