package sign

import (
	"context"
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kinerja/internal/pdfread"
	"kinerja/internal/testpki"
	"kinerja/sign/verify"
	"kinerja/sign/verify/verifytest"
)

// renew time-stamps doc with p's TSA and checks the result verifies.
func renew(t *testing.T, p *testpki.PKI, tsa string, doc []byte) []byte {
	t.Helper()
	out, err := Timestamp(context.Background(), doc, TimestampOptions{TSA: tsa, Roots: p.Roots()})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// B-LTA: a document signed with --ltv gets a /DSS update and a document
// timestamp that our verifier checks (integrity, imprint, TSA chain) and
// openssl ts -verify accepts over its /ByteRange; a second renewal adds
// another under a new field name; a change after it is caught.
func TestTimestamp(t *testing.T) {
	p := newParties(t, testpki.P256)
	tsa := p.pki.StartTSA(t).URL
	signed, err := signLTV(t, p)
	if err != nil {
		t.Fatal(err)
	}
	once := renew(t, p.pki, tsa, signed)
	rep, err := verify.VerifyBytes(once, verify.Options{Roots: p.pki.Roots()})
	if err != nil || !rep.OK() || len(rep.Signatures) != 3 {
		t.Fatalf("verify: %v, %d signatures, %v", err, len(rep.Signatures), rep.Reasons())
	}
	ts := rep.Signatures[2]
	if !ts.DocTimeStamp || !ts.Integrity || !ts.Trusted || !ts.CoversWholeFile || ts.Timestamp == nil || ts.Name != "kinerja TEST TSA" {
		t.Errorf("document timestamp: %+v", ts)
	}
	if rep.Signatures[0].Party != "pertama" || rep.Signatures[1].Party != "kedua" {
		t.Errorf("parties %q, %q after the timestamp, want pertama, kedua", rep.Signatures[0].Party, rep.Signatures[1].Party)
	}
	opensslVerify(t, p.pki, once)
	out := checkExternalUpdated(t, once, p.pki.RootPEM(), 2)
	t.Logf("pdfsig after the document timestamp:\n%s", out)
	twice := renew(t, p.pki, tsa, once)
	if !strings.Contains(string(twice[len(once):]), "(DocTimeStamp2)") {
		t.Error("the second renewal's field is not DocTimeStamp2")
	}
	tampered, err := verifytest.ChangePage1(twice, "DIUBAH")
	if err != nil {
		t.Fatal(err)
	}
	rep, _ = verify.VerifyBytes(tampered, verify.Options{Roots: p.pki.Roots()})
	if rep.OK() || !rep.Signatures[3].ModifiedAfter {
		t.Errorf("a change after the document timestamp: OK %v, timestamp modified %v", rep.OK(), rep.Signatures[3].ModifiedAfter)
	}
}

// Timestamp refuses an unsigned document and one that does not verify
// against the roots, writing nothing.
func TestTimestampRefuses(t *testing.T) {
	p := newParties(t, testpki.P256)
	tsa := p.pki.StartTSA(t).URL
	if out, err := Timestamp(context.Background(), sample(t), TimestampOptions{TSA: tsa, Roots: p.pki.Roots()}); !errors.Is(err, ErrNotValid) || out != nil {
		t.Errorf("unsigned: %v, want ErrNotValid", err)
	}
	signed, err := SignAll(sample(t), p.both(tsa)...)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := Timestamp(context.Background(), signed, TimestampOptions{TSA: tsa, Roots: x509.NewCertPool()}); !errors.Is(err, ErrNotValid) || out != nil || !strings.Contains(err.Error(), "not trusted") {
		t.Errorf("untrusted: %v, want ErrNotValid naming the trust", err)
	}
}

// opensslVerify checks the last /ByteRange's token with openssl ts.
func opensslVerify(t *testing.T, p *testpki.PKI, doc []byte) {
	t.Helper()
	ms := pdfread.ScanByteRanges(doc)
	m := ms[len(ms)-1]
	contents, err := gapContents(doc, m)
	if err != nil {
		t.Fatal(err)
	}
	var raw asn1.RawValue
	if _, err := asn1.Unmarshal(contents, &raw); err != nil {
		t.Fatal(err)
	}
	var br [4]int
	for i := range br {
		if br[i], err = strconv.Atoi(string(doc[m[2+2*i]:m[3+2*i]])); err != nil {
			t.Fatal(err)
		}
	}
	covered := append(append([]byte{}, doc[:br[1]]...), doc[br[2]:br[2]+br[3]]...)
	dir := t.TempDir()
	files := map[string][]byte{"data": covered, "token": raw.FullBytes, "root.pem": p.RootPEM(),
		"inter.pem": pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: p.Intermediate.Raw})}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	requireTool(t, "openssl")
	out, err := runTool(t, nil, "openssl", "ts", "-verify", "-data", filepath.Join(dir, "data"), "-in", filepath.Join(dir, "token"),
		"-token_in", "-CAfile", filepath.Join(dir, "root.pem"), "-untrusted", filepath.Join(dir, "inter.pem"))
	if err != nil || !strings.Contains(out, "Verification: OK") {
		t.Fatalf("openssl ts -verify: %v\n%s", err, out)
	}
}
