package docinfo

import (
	"slices"

	"kinerja/internal/bytecache"
)

// decoded keeps the Info of the XMP packets decoded last, by their bytes:
// one document is read several times on its way (signing reads it, the
// signer checks its result, verify and the archive read it again), and
// decoding the packet (XML, then JSON) costs more than the rest of reading
// it. It holds copies and hands out copies.
var decoded = bytecache.New[*Info](64, 64<<10)

// cachedXMP returns a copy of the Info decoded from xmp, if it is kept.
func cachedXMP(xmp []byte) (*Info, bool) {
	info, ok := decoded.Get(xmp)
	if !ok {
		return nil, false
	}
	return info.Clone(), true
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
