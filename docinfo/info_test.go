package docinfo

import (
	"encoding/json"
	"testing"
)

// TestInfoJSON pins the JSON form of the typed vocabulary: the XMP packet
// of documents rendered before Party and Kind were types must decode the
// same, and new documents must carry the same text.
func TestInfoJSON(t *testing.T) {
	const js = `{"kind":"laporan","title":"T","year":2021,"unit":"U","signers":[` +
		`{"party":"pertama","name":"A","jabatan":"J","page":1,"rect":[1,2,3,4]},` +
		`{"party":"kedua","name":"B","jabatan":"K","page":2,"rect":[0,0,0,0]}],"triwulan":2,"format":5}`
	var info Info
	if err := json.Unmarshal([]byte(js), &info); err != nil {
		t.Fatal(err)
	}
	if info.Kind != Report || info.Signers[0].Party != Pertama || info.Signers[1].Party != Kedua {
		t.Fatalf("decoded %+v", info)
	}
	out, err := json.Marshal(info)
	if err != nil || string(out) != js {
		t.Fatalf("encoded\n%s, %v; want\n%s", out, err, js)
	}
	xmp, err := EncodeXMP(info, "t", "a", "s", "k", "p", "id")
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeXMP(xmp)
	if err != nil || back.Signers[1].Party != Kedua || back.Kind != Report {
		t.Fatalf("XMP round trip: %+v, %v", back, err)
	}
}

// TestParty checks the party words and their parsing.
func TestParty(t *testing.T) {
	if Pertama.Title() != "PIHAK PERTAMA" || Kedua.Label() != "KEDUA" || NoParty.Title() != "party unknown" {
		t.Error("party labels")
	}
	if p, err := ParseParty("kedua"); p != Kedua || err != nil {
		t.Errorf("ParseParty(kedua) = %q, %v", p, err)
	}
	if _, err := ParseParty("ketiga"); err == nil {
		t.Error("ParseParty(ketiga) accepted")
	}
	if got := Agreement.Parties(); len(got) != 2 || got[0] != Pertama {
		t.Errorf("Agreement.Parties() = %v", got)
	}
	if got := Report.Parties(); len(got) != 1 || got[0] != Pertama {
		t.Errorf("Report.Parties() = %v", got)
	}
}
