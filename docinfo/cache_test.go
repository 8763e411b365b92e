package docinfo

import (
	"reflect"
	"testing"
)

// TestDecodeXMPCache: a packet decoded twice gives equal Infos, the second
// from the cache, and changing one copy changes neither the cache nor the
// other copy.
func TestDecodeXMPCache(t *testing.T) {
	in := Info{Kind: Agreement, Title: "PK", Year: 2026, Sources: []string{"a.toml"},
		Signers: []Signer{{Party: Pertama, Name: "Budi", Widgets: []Widget{{Page: 1, Rect: [4]float64{1, 2, 3, 4}}}}}}
	xmp, err := EncodeXMP(in, "t", "a", "s", "k", "p", "id")
	if err != nil {
		t.Fatal(err)
	}
	first, err := DecodeXMP(xmp)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := cachedXMP(xmp); !ok {
		t.Fatal("a decoded packet was not kept")
	}
	first.Signers[0].Widgets[0].Page = 99
	first.Sources[0] = "changed"
	second, err := DecodeXMP(xmp)
	if err != nil {
		t.Fatal(err)
	}
	fresh, _ := decodeXMP(xmp)
	if !reflect.DeepEqual(second, fresh) || !reflect.DeepEqual(*fresh, in) {
		t.Errorf("cached decode %+v, fresh %+v, encoded %+v", second, fresh, in)
	}
}
