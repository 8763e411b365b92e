package zpool

import (
	"bytes"
	"compress/zlib"
	"io"
	"runtime"
	"testing"
)

func TestCompressRoundTrip(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("q 1 0 0 1 0 0 cm\n"), bytes.Repeat([]byte("0 0 1 1 re\n"), 5000)} {
		z := Compress(in)
		zr, err := zlib.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(out, in) {
			t.Errorf("%d bytes come back as %d (%v)", len(in), len(out), err)
		}
		if len(in) > 1000 && len(z) > len(in)/10 {
			t.Errorf("%d repetitive bytes compress to %d", len(in), len(z))
		}
	}
}

// A kept writer survives a garbage collection (a sync.Pool's would not).
func TestKeeperKeepsAcrossGC(t *testing.T) {
	made := 0
	k := NewKeeper(func() *int { made++; return new(int) })
	v := k.Get()
	k.Put(v)
	runtime.GC()
	runtime.GC()
	if got := k.Get(); got != v || made != 1 {
		t.Errorf("after two collections Get made %d values and returned %p, want the kept %p", made, got, v)
	}
}
