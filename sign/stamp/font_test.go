package stamp

import (
	"bytes"
	"testing"

	"kinerja/internal/pdffont"
)

// TestSubsetCache checks that a cached subset is the one a fresh subset
// would be, and that another rune set or face gets its own.
func TestSubsetCache(t *testing.T) {
	fs, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune("ABCabc019")
	first, err := subsets.get(fs.regular, runes)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := subsets.get(fs.regular, runes)
	file, z, err := fs.regular.Compressed(runes)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.z, z) || again.size != len(file) || again.name != pdffont.SubsetName(file, fs.regular.Metrics.PostName) {
		t.Errorf("cached subset differs from a fresh one: %s %d", again.name, again.size)
	}
	if &first.z[0] != &again.z[0] {
		t.Error("the second request made a new subset instead of using the cache")
	}
	other, _ := subsets.get(fs.regular, []rune("ABCabc01"))
	bold, _ := subsets.get(fs.bold, runes)
	if other.name == first.name || bold.name == first.name {
		t.Errorf("different rune sets or faces share a subset: %s %s %s", first.name, other.name, bold.name)
	}
}
