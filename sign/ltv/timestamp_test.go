package ltv

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/asn1"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/digitorus/timestamp"

	"kinerja/internal/pdfedit"
	"kinerja/internal/testpki"
	"kinerja/internal/testtool"
	"kinerja/sign/cades"
)

// stamp adds a document timestamp to the PDF of objs.
func stamp(t *testing.T, objs []string, ts DocTimeStamp) ([]byte, *testpki.PKI) {
	t.Helper()
	p := testpki.New(t, testpki.WithClock(clock))
	base, tr := buildPDF(objs)
	ts.Trailer, ts.Catalog, ts.TSA, ts.NewID = tr, []byte(objs[0]), &cades.TSA{URL: p.StartTSA(t).URL}, []byte{2}
	doc, err := AddDocTimeStamp(context.Background(), base, ts)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(doc, base) {
		t.Fatal("the base is not a prefix of the timestamped file")
	}
	return doc, p
}

var byteRangeRE = regexp.MustCompile(`/ByteRange \[ *(\d+) +(\d+) +(\d+) +(\d+)\]`)

// signedParts returns the bytes the /ByteRange covers and the token in
// /Contents, after checking that the ranges cover all but <...>.
func signedParts(t *testing.T, doc []byte) (covered, token []byte) {
	t.Helper()
	m := byteRangeRE.FindSubmatch(doc)
	if m == nil {
		t.Fatal("no /ByteRange")
	}
	var br [4]int
	for i := range br {
		br[i], _ = strconv.Atoi(string(m[i+1]))
	}
	if br[0] != 0 || br[2]+br[3] != len(doc) || doc[br[1]] != '<' || doc[br[2]-1] != '>' {
		t.Fatalf("/ByteRange %v does not cover all but <...>", br)
	}
	hole, err := hex.DecodeString(string(doc[br[1]+1 : br[2]-1]))
	if err != nil {
		t.Fatal(err)
	}
	var raw asn1.RawValue // the token, without the zero padding after it
	if _, err := asn1.Unmarshal(hole, &raw); err != nil {
		t.Fatal(err)
	}
	return append(bytes.Clone(doc[:br[1]]), doc[br[2]:]...), raw.FullBytes
}

// checkToken checks that the token's imprint is the SHA-256 of the
// covered bytes, and that openssl verifies it over them up to the root.
func checkToken(t *testing.T, p *testpki.PKI, doc []byte) {
	t.Helper()
	covered, token := signedParts(t, doc)
	ts, err := timestamp.Parse(token)
	if err != nil {
		t.Fatalf("/Contents is not a timestamp token: %v", err)
	}
	if sum := sha256.Sum256(covered); !bytes.Equal(ts.HashedMessage, sum[:]) || !ts.Time.Equal(clock) {
		t.Errorf("token imprint %x at %v, want %x", ts.HashedMessage, ts.Time, sum)
	}
	dir := t.TempDir()
	files := map[string][]byte{"data": covered, "token": token, "root.pem": p.RootPEM(),
		"inter.pem": pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: p.Intermediate.Raw})}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(testtool.Require(t, "openssl"), "ts", "-verify", "-data", "data", "-in", "token",
		"-token_in", "-CAfile", "root.pem", "-untrusted", "inter.pem", "-attime", fmt.Sprint(clock.Unix()))
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "Verification: OK") {
		t.Fatalf("openssl ts -verify: %v\n%s", err, out)
	}
}

// pdfsig runs pdfsig on doc and fails unless it lists the timestamp.
// Poppler 22.12 cannot validate ETSI.RFC3161 ("Signature Type: unknown",
// "Unable to validate this type of signature"): it lists the field, the
// TSA as signer, the hash and that the whole document is covered.
func pdfsig(t *testing.T, doc []byte, field string) {
	t.Helper()
	out, err := exec.Command(testtool.Require(t, "pdfsig"), writeTemp(t, doc)).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfsig: %v\n%s", err, out)
	}
	wantAll(t, string(out), "Signature #1:", "Signature Field Name: "+field,
		"Signer Certificate Common Name: kinerja TEST TSA", "Signing Hash Algorithm: SHA-256", "Total document signed")
}

// fieldOf returns the field object that qpdf finds in the form.
func fieldOf(t *testing.T, doc []byte, formObj int) *pdfedit.Dict {
	t.Helper()
	fields := refsOf(t, qpdfDict(t, doc, formObj), "Fields")
	if len(fields) != 1 {
		t.Fatalf("form has fields %v, want one", fields)
	}
	return qpdfDict(t, doc, fields[0])
}

func TestDocTimeStampOnPage(t *testing.T) {
	doc, p := stamp(t, handMade, DocTimeStamp{Page: &Object{3, []byte(handMade[2])}, Field: "Arsip 2026"})
	qpdf(t, doc, "--check")
	checkToken(t, p, doc)
	pdfsig(t, doc, "Arsip 2026")
	form, _ := qpdfDict(t, doc, 1).Get("AcroForm")
	w := fieldOf(t, doc, form.(pdfedit.Ref).Num)
	annots := refsOf(t, qpdfDict(t, doc, 3), "Annots")
	if p, _ := w.Get("P"); len(annots) != 1 || p != (pdfedit.Ref{Num: 3}) {
		t.Errorf("page /Annots %v, widget /P %v: want the widget on page 3", annots, p)
	}
	if f, _ := w.Get("F"); string(pdfedit.Encode(f)) != "132" {
		t.Errorf("widget /F %s, want 132", pdfedit.Encode(f))
	}
}

func TestDocTimeStampOnNoPageIndirectForm(t *testing.T) {
	objs := append(slices.Clone(handMade), "<< /Fields [] /DA (/Helv 0 Tf 0 g) >>")
	objs[0] = "<< /Type /Catalog /Pages 2 0 R /AcroForm 5 0 R >>"
	doc, p := stamp(t, objs, DocTimeStamp{AcroForm: &Object{5, []byte(objs[4])}})
	qpdf(t, doc, "--check")
	checkToken(t, p, doc)
	pdfsig(t, doc, "DocTimeStamp")
	if !bytes.Contains(qpdf(t, doc, "--show-object=1"), []byte("/AcroForm 5 0 R")) {
		t.Error("catalog changed")
	}
	if refsOf(t, qpdfDict(t, doc, 3), "Annots") != nil {
		t.Error("a page got /Annots although none was given")
	}
	sig, _ := fieldOf(t, doc, 5).Get("V")
	d := qpdfDict(t, doc, sig.(pdfedit.Ref).Num)
	for key, want := range map[string]string{"Type": "/DocTimeStamp", "SubFilter": "/ETSI.RFC3161", "Filter": "/Adobe.PPKLite"} {
		if v, _ := d.Get(key); string(encodeOrNone(v)) != want {
			t.Errorf("signature /%s = %s, want %s", key, encodeOrNone(v), want)
		}
	}
	if f, _ := qpdfDict(t, doc, 5).Get("SigFlags"); string(pdfedit.Encode(f)) != "3" {
		t.Errorf("/SigFlags %s, want 3", pdfedit.Encode(f))
	}
}

func TestDocTimeStampDirectFormAndErrors(t *testing.T) {
	objs := slices.Clone(handMade)
	objs[0] = "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] >> >>"
	doc, p := stamp(t, objs, DocTimeStamp{})
	qpdf(t, doc, "--check")
	checkToken(t, p, doc)
	pdfsig(t, doc, "DocTimeStamp")
	for name, c := range map[string]struct {
		catalog string
		ts      DocTimeStamp
		want    string
	}{
		"indirect form not given": {"<< /Type /Catalog /AcroForm 5 0 R >>", DocTimeStamp{}, "pass that object as AcroForm"},
		"indirect fields":         {"<< /Type /Catalog /AcroForm << /Fields 7 0 R >> >>", DocTimeStamp{}, "indirect reference"},
		"bad field name":          {handMade[0], DocTimeStamp{Field: "a.b"}, "field name"},
		"not a page":              {handMade[0], DocTimeStamp{Page: &Object{2, []byte(handMade[1])}}, "not /Page"},
	} {
		base, tr := buildPDF(handMade)
		c.ts.Trailer, c.ts.Catalog, c.ts.TSA = tr, []byte(c.catalog), &cades.TSA{URL: p.StartTSA(t).URL}
		if _, err := AddDocTimeStamp(context.Background(), base, c.ts); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", name, err, c.want)
		}
	}
}
