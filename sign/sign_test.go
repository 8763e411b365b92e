package sign

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/digitorus/pdf"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/internal/pdfread"
	"kinerja/internal/testpki"
	"kinerja/sign/pades"
)

// nssDB creates a temporary NSS database trusting the root and returns the
// directory for pdfsig.
func nssDB(t *testing.T, rootPEM []byte) string {
	t.Helper()
	requireTool(t, "certutil")
	dir := t.TempDir()
	ca := writeTemp(t, "root.pem", rootPEM)
	if out, err := runTool(t, nil, "certutil", "-N", "--empty-password", "-d", "sql:"+dir); err != nil {
		t.Fatalf("certutil -N: %v\n%s", err, out)
	}
	if out, err := runTool(t, nil, "certutil", "-A", "-t", "CT,C,C", "-n", "root", "-i", ca, "-d", "sql:"+dir); err != nil {
		t.Fatalf("certutil -A: %v\n%s", err, out)
	}
	return dir
}

// checkExternal validates a signed file with pdfsig (valid, trusted,
// ETSI.CAdES.detached; without its online OCSP check: NSS does not accept
// the test PKI's responder, and revocation is the LTV work's), mutool
// sign -v and qpdf --check. The last signature must cover the whole file.
func checkExternal(t *testing.T, signed, rootPEM []byte, nsigs int) {
	t.Helper()
	out := checkExternalUpdated(t, signed, rootPEM, nsigs)
	mustContain(t, "pdfsig last signature", out[strings.LastIndex(out, "Signature #"):], "Total document signed")
	if out, _ := runTool(t, nil, "mutool", "sign", "-v", writeTemp(t, "signed.pdf", signed)); !strings.Contains(out, "The document is unchanged since signing.") {
		t.Errorf("mutool: the last signature is not unchanged since signing:\n%s", out)
	}
}

// checkExternalUpdated is checkExternal of a file that may have an update
// after its last signature (a /DSS or a document timestamp); it returns
// pdfsig's output.
func checkExternalUpdated(t *testing.T, signed, rootPEM []byte, nsigs int) string {
	t.Helper()
	requireTool(t, "pdfsig")
	path := writeTemp(t, "signed.pdf", signed)
	out, err := runTool(t, nil, "pdfsig", "-no-ocsp", "-nssdir", "sql:"+nssDB(t, rootPEM), path)
	if err != nil {
		t.Fatalf("pdfsig: %v\n%s", err, out)
	}
	for _, want := range []string{"Signature is Valid.", "Certificate is Trusted.", "Signature Type: ETSI.CAdES.detached"} {
		if got := strings.Count(out, want); got != nsigs {
			t.Errorf("pdfsig: %d × %q, want %d:\n%s", got, want, nsigs, out)
		}
	}
	pdfsigOut := out
	requireTool(t, "qpdf")
	if out, err := runTool(t, nil, "qpdf", "--check", path); err != nil || strings.Contains(out, "WARNING") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	requireTool(t, "mutool")
	out, err = runTool(t, nil, "mutool", "sign", "-v", path)
	if err != nil {
		t.Errorf("mutool sign -v: %v\n%s", err, out)
	}
	// mutool 1.21 takes a document timestamp for "not signed" (sign/ltv).
	if got := strings.Count(out, "Verifying signature") - strings.Count(out, "Signature is not signed."); got != nsigs {
		t.Errorf("mutool: %d signatures, want %d:\n%s", got, nsigs, out)
	}
	for _, bad := range []string{"invalid", "Digest error", "not valid"} {
		if strings.Contains(out, bad) {
			t.Errorf("mutool reports %q:\n%s", bad, out)
		}
	}
	if got := strings.Count(out, "The document is unchanged since signing.") + strings.Count(out, "there have been edits since signing"); got != nsigs {
		t.Errorf("mutool: %d signatures said unchanged or edited-after, want %d:\n%s", got, nsigs, out)
	}
	return pdfsigOut
}

// Every key type, with and without a timestamp, signs both parties (the
// /Contents room fits RSA-4096 with a token); pdfsig, mutool and qpdf
// accept the result, and the unsigned file is a prefix of the signed one.
func TestSignMatrix(t *testing.T) {
	for _, typ := range testpki.KeyTypes {
		for _, tsa := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/tsa=%v", typ, tsa), func(t *testing.T) {
				p := newParties(t, typ)
				url := ""
				if tsa {
					url = p.pki.StartTSA(t).URL
				}
				unsigned := sample(t)
				signed, err := SignAll(unsigned, p.both(url)...)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.HasPrefix(signed, unsigned) {
					t.Fatal("the unsigned file is not a prefix of the signed one")
				}
				checkExternal(t, signed, p.pki.RootPEM(), 2)
			})
		}
	}
}

// updateObjects returns the object numbers an update (the bytes after
// base) defines.
func updateObjects(base, signed []byte) []int {
	var nums []int
	for _, m := range regexp.MustCompile(`(?m)^(\d+) 0 obj\n`).FindAllSubmatch(signed[len(base):], -1) {
		n, _ := strconv.Atoi(string(m[1]))
		nums = append(nums, n)
	}
	return nums
}

// Each signature is one update of exactly the contract's shape: the
// signature dictionary, the field's /V, its widgets' /AP and the stamp's
// objects; PIHAK PERTAMA's adds DocMDP and redefines the catalog with
// /Perms; nothing else of the base is redefined.
func TestSignShape(t *testing.T) {
	p := newParties(t, testpki.P256)
	unsigned := sample(t)
	once, err := Sign(unsigned, p.both("")[0])
	if err != nil {
		t.Fatal(err)
	}
	twice, err := Sign(once, p.both("")[1])
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range []struct {
		base, signed []byte
		party        docinfo.Party
	}{{unsigned, once, docinfo.Pertama}, {once, twice, docinfo.Kedua}} {
		d, err := pdfread.Open(c.base)
		if err != nil {
			t.Fatal(err)
		}
		size := int(d.Reader.Trailer().Key("Size").Int64())
		root := idOf(d.Reader.Trailer().Key("Root"))
		field, widgets := fieldObjects(t, c.base, c.party)
		allowed := map[int]bool{field: true}
		for _, w := range widgets {
			allowed[w] = true
		}
		if i == 0 {
			allowed[root] = true
		}
		redefined := 0
		for _, n := range updateObjects(c.base, c.signed) {
			if n < size {
				redefined++
				if !allowed[n] {
					t.Errorf("%s's update redefines object %d", c.party, n)
				}
			}
		}
		if redefined != len(allowed) {
			t.Errorf("%s's update redefines %d objects, want %d", c.party, redefined, len(allowed))
		}
		tail := string(c.signed[len(c.base):])
		mustContain(t, string(c.party)+"'s update", tail, "/SubFilter /ETSI.CAdES.detached", "/M (D:", "/V ", "/AP << /N ")
		if forms, fonts := strings.Count(tail, "/Subtype /Form"), strings.Count(tail, "/FontFile2"); forms != 1 || fonts != 2 {
			t.Errorf("%s's update has %d stamp forms and %d embedded fonts, want 1 and 2", c.party, forms, fonts)
		}
		if hasMDP := strings.Contains(tail, "/TransformMethod /DocMDP"); hasMDP != (i == 0) || strings.Contains(tail, "/Perms") != (i == 0) {
			t.Errorf("%s: DocMDP reference %v, /Perms %v", c.party, hasMDP, strings.Contains(tail, "/Perms"))
		}
	}
}

// fieldObjects returns the object numbers of party's field and widgets.
func fieldObjects(t *testing.T, doc []byte, party docinfo.Party) (int, []int) {
	t.Helper()
	d, err := pdfread.Open(doc)
	if err != nil {
		t.Fatal(err)
	}
	kids := d.Reader.Trailer().Key("Root").Key("AcroForm").Key("Fields").Index(0).Key("Kids")
	for i := 0; i < kids.Len(); i++ {
		f := kids.Index(i)
		if f.Key("T").Text() != string(party) {
			continue
		}
		var ws []int
		for j := 0; j < f.Key("Kids").Len(); j++ {
			ws = append(ws, idOf(f.Key("Kids").Index(j)))
		}
		return idOf(f), ws
	}
	t.Fatalf("no field for %s", party)
	return 0, nil
}

// idOf returns the number of the object v was read from.
func idOf(v pdf.Value) int {
	p := v.GetPtr()
	return int(p.GetID())
}

// PIHAK KEDUA before PIHAK PERTAMA, and a party twice, are refused
// before anything is written.
func TestSignOrder(t *testing.T) {
	p := newParties(t, testpki.P256)
	if _, err := Sign(sample(t), p.both("")[1]); !errors.Is(err, ErrOrder) {
		t.Errorf("kedua first: err = %v, want ErrOrder", err)
	}
	once, err := Sign(sample(t), p.both("")[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Sign(once, p.both("")[0]); !errors.Is(err, ErrAlreadySigned) {
		t.Errorf("pertama twice: err = %v, want ErrAlreadySigned", err)
	}
}

// A certificate of another person, or with another NIP, is refused
// before anything is written, and the message names both.
func TestSignWrongPerson(t *testing.T) {
	p := testpki.New(t)
	for _, c := range []struct {
		spec testpki.Spec
		want []string
	}{
		{testpki.Spec{CommonName: "Budi Santoso"}, []string{`"Budi Santoso"`, `"` + pertamaName + `"`}},
		{testpki.Spec{CommonName: "Test rsa2048"}, []string{`"Test rsa2048"`, `"` + pertamaName + `"`}},
		{testpki.Spec{CommonName: pertamaName, SerialNumber: "NIP 196910131997031005"}, []string{"196910131997031005", pertamaNIP}},
	} {
		cred := credentialOf(p.Leaf(t, testpki.P256, c.spec))
		_, err := Sign(sample(t), Options{Party: docinfo.Pertama, Credential: cred})
		if !errors.Is(err, ErrWrongSigner) {
			t.Errorf("%s: err = %v, want ErrWrongSigner", c.spec.CommonName, err)
			continue
		}
		mustContain(t, "error", err.Error(), c.want...)
	}
}

// A document rendered for BSrE has no fields and is refused.
func TestSignNoField(t *testing.T) {
	doc, err := renderFile(samplePath, func(a *data.Agreement) { a.TandaTangan = data.SigningBSrE })
	if err != nil {
		t.Fatal(err)
	}
	p := newParties(t, testpki.P256)
	if _, err := Sign(doc, p.both("")[0]); err == nil || !strings.Contains(err.Error(), "no signature field kinerja.pertama") {
		t.Errorf("err = %v, want no signature field", err)
	}
}

func TestQRContent(t *testing.T) {
	if got := qrContent("", "ab12", "Hérvé"); got != "sha256:ab12;signer:Hérvé" {
		t.Errorf("no template: %q", got)
	}
	got := qrContent("https://pk.example.go.id/v?h={sha256}&s={signer}", "ab12", "Hérvé Ç")
	if want := "https://pk.example.go.id/v?h=ab12&s=H%C3%A9rv%C3%A9+%C3%87"; got != want {
		t.Errorf("template: %q, want %q", got, want)
	}
}

// The document SignDocument returns (used for the next signature without
// reading the file again) is what reading the signed file gives.
func TestSuccessorMatchesRead(t *testing.T) {
	p := newParties(t, testpki.P256)
	doc, hash, err := readDocument(sample(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range p.both("") {
		if doc, err = signOne(doc, hash, step); err != nil {
			t.Fatal(err)
		}
		fresh, err := pades.Read(doc.Data)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(doc.Trailer) != fmt.Sprint(fresh.Trailer) || !bytes.Equal(doc.Catalog.Body, fresh.Catalog.Body) || doc.Signatures != fresh.Signatures {
			t.Errorf("after %s: successor trailer %+v catalog %q signatures %d; read %+v %q %d", step.Party,
				doc.Trailer, doc.Catalog.Body, doc.Signatures, fresh.Trailer, fresh.Catalog.Body, fresh.Signatures)
		}
		for party, f := range fresh.Fields {
			g := doc.Fields[party]
			if g == nil || g.Signed != f.Signed || !bytes.Equal(g.Body, f.Body) || fmt.Sprint(g.Widgets) != fmt.Sprint(f.Widgets) {
				t.Errorf("after %s: field %s differs from a fresh reading", step.Party, party)
			}
		}
	}
}
