// Package bytecache keeps the results of pure functions of byte strings
// (decoding an XMP packet, parsing a CMS, subsetting a font to a rune
// set) for the next caller with the same bytes, so that one document
// read several times in one process (signing, the signer's check, verify,
// archive add) pays for each once.
//
// A hit is exact because the key is the whole input, compared byte for
// byte, not a hash of it. The cache is bounded in entries and in key size
// (a larger input is not kept) and is emptied when full: no eviction
// order to maintain, and a batch of new documents costs nothing more than
// without it. Values are shared between callers: a caller must not change
// one, or must store and hand out copies. Safe for concurrent use.
package bytecache

import "sync"

// Cache maps byte strings to values.
type Cache[V any] struct {
	mu         sync.Mutex
	m          map[string]V
	maxEntries int
	maxKey     int
}

// New returns a cache of at most maxEntries values whose keys are at most
// maxKey bytes long.
func New[V any](maxEntries, maxKey int) *Cache[V] {
	return &Cache[V]{m: map[string]V{}, maxEntries: maxEntries, maxKey: maxKey}
}

// Get returns the value kept for key.
func (c *Cache[V]) Get(key []byte) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[string(key)]
	return v, ok
}

// Put keeps v for key, unless key is too long; a full cache is emptied
// first.
func (c *Cache[V]) Put(key []byte, v V) {
	if len(key) > c.maxKey {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= c.maxEntries {
		clear(c.m)
	}
	c.m[string(key)] = v
}

// Len returns the number of values kept.
func (c *Cache[V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
