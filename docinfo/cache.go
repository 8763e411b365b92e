package docinfo

import (
	"slices"
	"sync"
)

// xmpCache keeps the Info of the XMP packets decoded last, by their bytes:
// one document is read several times on its way (signing reads it, the
// signer checks its result, verify and the archive read it again), and
// decoding the packet (XML, then JSON) costs more than the rest of reading
// it. DecodeXMP is a function of the bytes alone, so a hit is exact; each
// caller gets its own copy.
type xmpCache struct {
	mu sync.Mutex
	m  map[string]*Info
}

// Bounds of the cache: packets, and the size of one (ours are a few KB).
const (
	maxCachedXMP     = 64
	maxCachedXMPSize = 64 << 10
)

var decoded = &xmpCache{m: map[string]*Info{}}

// get returns a copy of the Info decoded from xmp, if it is kept.
func (c *xmpCache) get(xmp []byte) (*Info, bool) {
	c.mu.Lock()
	info, ok := c.m[string(xmp)]
	c.mu.Unlock()
	if !ok {
		return nil, false
	}
	return info.Clone(), true
}

// put keeps a copy of info as decoded from xmp; the cache is emptied
// when full.
func (c *xmpCache) put(xmp []byte, info *Info) {
	if len(xmp) > maxCachedXMPSize {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxCachedXMP {
		clear(c.m)
	}
	c.m[string(xmp)] = info.Clone()
}

// Clone returns a deep copy of info.
func (info *Info) Clone() *Info {
	c := *info
	c.Sources = slices.Clone(info.Sources)
	c.Signers = slices.Clone(info.Signers)
	for i := range c.Signers {
		c.Signers[i].Widgets = slices.Clone(c.Signers[i].Widgets)
	}
	return &c
}
