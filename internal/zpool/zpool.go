// Package zpool compresses PDF streams with pooled zlib writers: creating
// a writer clears about 1 MB of tables, which costs more than compressing
// the few kilobytes of a page or an appearance. The level is
// zlib.BestSpeed, so the bytes of render's output (pinned by its format
// golden) depend on it.
//
// The pool is a Keeper, not a sync.Pool: a sync.Pool is emptied by the
// garbage collector, and signing or rendering allocates enough for a
// collection every few documents, after which every writer was made anew
// (a quarter of a millisecond per signed document).
package zpool

import (
	"bytes"
	"compress/zlib"
	"runtime"
)

// Keeper keeps up to a fixed number of idle values for reuse; unlike a
// sync.Pool it keeps them across garbage collections.
type Keeper[T any] struct {
	idle chan T
	make func() T
}

// NewKeeper returns a Keeper of up to 2 × GOMAXPROCS idle values, making
// new ones with mk.
func NewKeeper[T any](mk func() T) *Keeper[T] {
	return &Keeper[T]{idle: make(chan T, 2*runtime.GOMAXPROCS(0)), make: mk}
}

// Get returns an idle value, or a new one.
func (k *Keeper[T]) Get() T {
	select {
	case v := <-k.idle:
		return v
	default:
		return k.make()
	}
}

// Put keeps v for reuse, or drops it when enough are idle.
func (k *Keeper[T]) Put(v T) {
	select {
	case k.idle <- v:
	default:
	}
}

// writers holds zlib writers for reuse.
var writers = NewKeeper(func() *zlib.Writer {
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return zw
})

// Compress returns b zlib-compressed at zlib.BestSpeed.
func Compress(b []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b)/3 + 64)
	zw := writers.Get()
	zw.Reset(&buf)
	zw.Write(b)
	zw.Close()
	writers.Put(zw)
	return buf.Bytes()
}
