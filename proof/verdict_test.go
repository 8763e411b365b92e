package proof

import (
	"bytes"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
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

// unterminatedArrayPDF is a small PDF whose page tree is an array that
// never closes (the 325-byte case of issue 13 ran verify and archive add
// out of memory in the PDF parser).
func unterminatedArrayPDF() []byte {
	head := "%PDF-1.4\n%" + strings.Repeat("x", 400) + "\n"
	o1 := len(head)
	obj1 := "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
	o2 := o1 + len(obj1)
	body := head + obj1 + "2 0 obj\n[ 1 2 3 "
	xref := len(body) + 1
	return []byte(body + fmt.Sprintf("\nxref\n0 3\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", o1, o2, xref))
}

// TestUnterminatedArray: the file is judged (not a crash, not a runaway
// allocation) under a memory limit far below what the parser once took.
func TestUnterminatedArray(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(256 << 20))
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	v, err := Check(unterminatedArrayPDF(), Options{})
	if err == nil && v.Status == Valid {
		t.Fatal("an unterminated array verified")
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 64<<20 {
		t.Fatalf("checking a 600-byte file allocated %d MB", grown>>20)
	}
}
