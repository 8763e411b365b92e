package verify

import (
	"bytes"
	"crypto/x509"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"kinerja/docinfo"
	"kinerja/internal/pdfread"
	"kinerja/internal/pdfread/pdfreadtest"
	"kinerja/internal/testpki"
	"kinerja/sign/verify/verifytest"
)

func TestVerifyTimestamp(t *testing.T) {
	f := fixtures(t)
	at := time.Now().Add(-time.Minute).Truncate(time.Second)
	srv := httptest.NewServer(tsaAt(f.pki.TSA, at))
	defer srv.Close()
	signed, err := verifytest.SignTSA(f.unsigned, f.pki.Pertama, "Budi Santoso", nil, srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	rep := verifyBytesT(t, signed, f.pki.Roots())
	if !rep.OK() {
		t.Fatalf("timestamped signature not OK: %q", rep.Reasons())
	}
	s := rep.Signatures[0]
	if s.Timestamp == nil || !s.Timestamp.Equal(at) || len(s.Warnings) != 0 {
		t.Errorf("timestamp %v (want %v), warnings %q", s.Timestamp, at, s.Warnings)
	}

	other, err := verifytest.NewPKI(testpki.WithName("other")) // a TSA from an unknown CA
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	srv2 := httptest.NewServer(tsaAt(other.TSA, at))
	defer srv2.Close()
	signed2, err := verifytest.SignTSA(f.unsigned, f.pki.Pertama, "Budi Santoso", nil, srv2.URL)
	if err != nil {
		t.Fatal(err)
	}
	rep = verifyBytesT(t, signed2, f.pki.Roots())
	s = rep.Signatures[0]
	if s.Timestamp == nil || len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], "timestamp authority not trusted") {
		t.Errorf("untrusted TSA: timestamp %v, warnings %q", s.Timestamp, s.Warnings)
	}
}

// tsaAt is the test TSA (testpki's) signing as tsa with the time at; its
// tokens carry the CA certificates between tsa and the root.
func tsaAt(tsa *testpki.Leaf, at time.Time) http.Handler {
	cas := tsa.Chain[1 : len(tsa.Chain)-1]
	return testpki.TSAHandler(tsa.Cert, tsa.Key, cas, func() time.Time { return at })
}

// TestVerifyHiddenChanges covers changes that leave the page content
// stream alone but still change what the document says.
func TestVerifyHiddenChanges(t *testing.T) {
	f := fixtures(t)
	md, err := verifytest.MetadataObject(f.twice)
	if err != nil {
		t.Fatal(err)
	}
	xmp, err := docinfo.EncodeXMP(docinfo.Info{Kind: docinfo.Agreement, Title: "DIUBAH"}, "DIUBAH", "", "", "", "", "id")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		make func() ([]byte, error)
		want string
	}{
		{"annotation over page 1", func() ([]byte, error) { return verifytest.AddAnnotation(f.twice, "TARGET 0 PERSEN") },
			"signature 1 (pertama): annotation /FreeText (object 31) added in revision 4"},
		{"metadata replaced", func() ([]byte, error) {
			return verifytest.ReplaceObject(f.twice, md, fmt.Sprintf("<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\nendstream", len(xmp), xmp))
		}, "/Metadata (object 6) redefined: /Length changed in revision 4"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data, err := tc.make()
			if err != nil {
				t.Fatal(err)
			}
			rep := verifyBytesT(t, data, f.pki.Roots())
			if rep.OK() {
				t.Fatal("hidden change reported OK")
			}
			assertReason(t, rep, tc.want)
		})
	}
}

func TestVerifyClock(t *testing.T) {
	f := fixtures(t)
	rep, err := Verify(strings.NewReader(string(f.once)), int64(len(f.once)),
		Options{Roots: f.pki.Roots(), Now: time.Now().Add(-48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() {
		t.Fatal("a signature made after the verification time is OK")
	}
	assertReason(t, rep, "is after the verification time")
}

func TestKeyUsageProblem(t *testing.T) {
	cases := []struct {
		cert x509.Certificate
		bad  bool
	}{
		{x509.Certificate{KeyUsage: x509.KeyUsageDigitalSignature}, false},
		{x509.Certificate{KeyUsage: x509.KeyUsageContentCommitment}, false},
		{x509.Certificate{}, false},
		{x509.Certificate{KeyUsage: x509.KeyUsageKeyEncipherment}, true},
		{x509.Certificate{KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}, true},
		{x509.Certificate{KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection}}, false},
	}
	for i, c := range cases {
		if got := keyUsageProblem(&c.cert) != ""; got != c.bad {
			t.Errorf("case %d: problem = %v, want %v", i, got, c.bad)
		}
	}
}

// TestVerifyRejectsHugeXref: the PDF reader would loop for minutes on an
// xref subsection starting at object 150000000 (found by FuzzVerify).
func TestVerifyRejectsHugeXref(t *testing.T) {
	f := fixtures(t)
	last := regexp.MustCompile(`xref\n\d+ (\d+)\n`).FindAllStringSubmatch(string(f.twice), -1)
	size := regexp.MustCompile(`/Size \d+`).FindString(string(f.twice))
	if len(last) == 0 || size == "" {
		t.Fatal("no xref subsection or /Size in the fixture")
	}
	sub := last[len(last)-1]
	for _, tc := range []struct {
		old, new string
		bad      bool
	}{
		{sub[0], "xref\n150000000 " + sub[1] + "\n", true},
		{size, "/Size 9999999999", true},
		{"trailer\n<<", "trailer <<", false}, // still valid: must not be rejected
	} {
		i := strings.LastIndex(string(f.twice), tc.old)
		if i < 0 {
			t.Fatalf("%q not found", tc.old)
		}
		data := []byte(string(f.twice[:i]) + tc.new + string(f.twice[i+len(tc.old):]))
		if _, err := Verify(strings.NewReader(string(data)), int64(len(data)), Options{}); (err != nil) != tc.bad {
			t.Errorf("%q: Verify error = %v, want error %v", tc.new, err, tc.bad)
		}
	}
}

// NoChains (the signer's self-check) leaves trust open and checks the
// rest: integrity intact, no chain error, no other error.
func TestNoChains(t *testing.T) {
	f := fixtures(t)
	rep, err := VerifyBytes(f.twice, Options{NoChains: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range rep.Signatures {
		if s.Trusted || s.ChainError != "" || !s.Integrity || len(s.Errors) > 0 || s.ModifiedAfter {
			t.Errorf("signature %d with NoChains: trusted %v, chain error %q, integrity %v, errors %v", s.Index, s.Trusted, s.ChainError, s.Integrity, s.Errors)
		}
	}
}

// TestSharedKidsFieldTree: a field tree whose nodes each list the next
// one four times has 4^27 paths in a 3 KB file; walking them hung verify.
// The walk gives up after maxFieldNodes and the file is still judged.
func TestSharedKidsFieldTree(t *testing.T) {
	objs := []string{"<</Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R] >> >>", "<</Type /Pages /Kids [] /Count 0>>"}
	for i := 3; i < 30; i++ {
		objs = append(objs, fmt.Sprintf("<< /Kids [%d 0 R %d 0 R %d 0 R %d 0 R] >>", i+1, i+1, i+1, i+1))
	}
	data := pdfreadtest.Hand(append(objs, "<< /T (x) /FT /Sig >>")...)
	d, err := openDocument(data)
	if err != nil {
		t.Fatal(err)
	}
	if sigs, ok := d.sigsFromFields(); ok {
		t.Errorf("the walk of a %d-path field tree succeeded with %d signatures", 1<<54, len(sigs))
	}
	rep, err := Verify(bytes.NewReader(data), int64(len(data)), Options{})
	if err == nil && rep.OK() {
		t.Error("an unsigned file with a shared-kids field tree verified")
	}
}

// TestParseCMSCache: the same signature parsed twice is one structure,
// equal to a parse without the cache; its zero padding does not matter;
// a malformed value is an error every time.
func TestParseCMSCache(t *testing.T) {
	f := fixtures(t)
	d, err := openDocument(f.twice)
	if err != nil {
		t.Fatal(err)
	}
	sigs := d.findSignatures()
	if len(sigs) == 0 {
		t.Fatal("no signatures found")
	}
	raws := [][]byte{sigs[0].contents}
	a, err := ParseCMS(raws[0])
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseCMS(append(append([]byte(nil), raws[0]...), 0, 0, 0))
	if err != nil || a != b {
		t.Errorf("a second parse gave %p (%v), want the kept %p", b, err, a)
	}
	fresh, err := parseCMS(bytes.TrimRight(raws[0], "\x00"))
	if err != nil || !bytes.Equal(fresh.Signers[0].EncryptedDigest, a.Signers[0].EncryptedDigest) || len(fresh.Certificates) != len(a.Certificates) {
		t.Errorf("the kept structure differs from a fresh parse (%v)", err)
	}
	bad := append([]byte{0x30, 0x03, 0x02, 0x01, 0x01}, make([]byte, 8)...)
	for range 2 {
		if _, err := ParseCMS(bad); err == nil {
			t.Error("a malformed CMS parsed")
		}
	}
}

// TestHugeSizeStillRefused: a file the strict reading accepts is read
// without the PDF reader, but a trailer /Size larger than the file (what
// pdfread.Open's guard refuses, as the reader would allocate by it) still
// makes verify fail, as it did when the reader opened every file.
func TestHugeSizeStillRefused(t *testing.T) {
	f := fixtures(t)
	at := bytes.LastIndex(f.twice, []byte("/Size "))
	end := at + len("/Size ") + bytes.IndexAny(f.twice[at+len("/Size "):], "\r\n/>")
	doc := append(append(append([]byte(nil), f.twice[:at]...), "/Size 99999990"...), f.twice[end:]...)
	if _, err := pdfread.Strict(doc); err != nil {
		t.Fatalf("the strict reading refuses the test file: %v", err)
	}
	_, err := VerifyBytes(doc, Options{Roots: f.pki.Roots()})
	if err == nil || !strings.Contains(err.Error(), "implausible cross-reference /Size") {
		t.Errorf("VerifyBytes: %v, want the /Size refusal", err)
	}
}
