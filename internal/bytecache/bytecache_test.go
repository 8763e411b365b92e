package bytecache

import "testing"

// TestCache: values are found by their exact bytes, long keys are not
// kept, and a full cache starts over.
func TestCache(t *testing.T) {
	c := New[int](3, 4)
	c.Put([]byte("ab"), 1)
	c.Put([]byte("abcde"), 2) // too long
	if v, ok := c.Get([]byte("ab")); !ok || v != 1 {
		t.Errorf("Get(ab) = %d %v, want 1 true", v, ok)
	}
	for _, k := range []string{"a", "abc", "abcde"} {
		if _, ok := c.Get([]byte(k)); ok {
			t.Errorf("Get(%q) found a value", k)
		}
	}
	c.Put([]byte("x"), 3)
	c.Put([]byte("y"), 4)
	if c.Len() != 3 {
		t.Fatalf("Len = %d, want 3", c.Len())
	}
	c.Put([]byte("z"), 5)
	if _, ok := c.Get([]byte("ab")); ok || c.Len() != 1 {
		t.Errorf("a full cache was not emptied before the fourth value (Len %d)", c.Len())
	}
}
