package proof

import (
	"bytes"
	"crypto/x509"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/render"
	"kinerja/sign"
)

// TestCheckCompleteness renders the sample agreement, signs it for PIHAK
// PERTAMA (incomplete), then for PIHAK KEDUA (valid), and checks the
// verdict, its parties and the order of its JSON fields.
func TestCheckCompleteness(t *testing.T) {
	a, err := data.DecodeFile("../data/pk-2021-bppbj.toml")
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if err := render.Agreement(&pdf, a); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	ca, err := sign.NewDevCA(now.Add(-time.Hour), "p256")
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	roots.AddCert(ca.Cert)
	doc := pdf.Bytes()
	v, err := Check(doc, Options{Roots: roots})
	if err != nil || v.Status != Invalid || v.Source.Status != SourceIdentical || !strings.Contains(strings.Join(v.Reasons, ";"), "no signature") {
		t.Fatalf("unsigned: %+v, %v", v, err)
	}
	for i, p := range []struct {
		party docinfo.Party
		name  string
		want  Status
	}{{docinfo.Pertama, a.Pertama.Nama, Incomplete}, {docinfo.Kedua, a.Kedua.Nama, Valid}} {
		c, err := ca.Issue(now.Add(-time.Hour), sign.Identity{Name: p.name, Party: p.party, KeyType: "p256"})
		if err != nil {
			t.Fatal(err)
		}
		if doc, err = sign.Sign(doc, sign.Options{Party: p.party, Credential: c}); err != nil {
			t.Fatal(err)
		}
		v, err := Check(doc, Options{Roots: roots})
		if err != nil || v.Status != p.want || v.Valid != (p.want == Valid) || len(v.Parties) != 2 || !v.Parties[i].Signed {
			t.Fatalf("after %s: %+v, %v", p.party, v, err)
		}
		if p.want == Incomplete && (len(v.Missing) != 1 || v.Missing[0] != docinfo.Kedua || v.Reasons[0] != "PIHAK KEDUA has not signed (a performance agreement needs PIHAK PERTAMA and PIHAK KEDUA)") {
			t.Errorf("incomplete: missing %v, reasons %q", v.Missing, v.Reasons)
		}
		js, _ := json.Marshal(v)
		order := []string{`"schema":"kinerja-verify/2"`, `"status":`, `"valid":`, `"kind":"perjanjian"`, `"reasons":[`, `"parties":[`, `"missing":[`, `"signatures":[`, `"source":{"status":"identical"`}
		for k := 1; k < len(order); k++ {
			if strings.Index(string(js), order[k-1]) >= strings.Index(string(js), order[k]) {
				t.Errorf("JSON: %s not before %s:\n%s", order[k-1], order[k], js)
			}
		}
	}
}
