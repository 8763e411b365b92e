package verify

import (
	"bytes"
	"crypto/x509"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"kinerja/docinfo"
	"kinerja/internal/testtool"
	"kinerja/sign/verify/verifytest"
)

// fixture holds the signed test documents, made once per test binary.
type fixture struct {
	pki                   *verifytest.PKI
	unsigned, once, twice []byte
	otherTwice            []byte // another document, signed the same way
	bigTwice              []byte // about 100 KB, for the benchmark
	err                   error
}

var (
	fixOnce sync.Once
	fix     fixture
)

// fixtures returns the shared test documents.
func fixtures(tb testing.TB) *fixture {
	tb.Helper()
	fixOnce.Do(func() {
		f := &fix
		if f.pki, f.err = verifytest.NewPKI(); f.err != nil {
			return
		}
		if f.unsigned, f.once, f.twice, f.err = f.pki.SignedTwice("PERJANJIAN KINERJA TAHUN 2021", 1, 5); f.err != nil {
			return
		}
		if _, _, f.otherTwice, f.err = f.pki.SignedTwice("PERJANJIAN KINERJA TAHUN 2022", 1, 5); f.err != nil {
			return
		}
		_, _, f.bigTwice, f.err = f.pki.SignedTwice("PERJANJIAN KINERJA TAHUN 2021", 14, 80)
	})
	if fix.err != nil {
		tb.Fatal(fix.err)
	}
	return &fix
}

// requireTool skips (or fails under CI) when an outside tool is missing.
func requireTool(tb testing.TB, name string) string { return testtool.Require(tb, name) }

// verifyBytesT verifies data with the test roots.
func verifyBytesT(t *testing.T, data []byte, roots *x509.CertPool) *Report {
	t.Helper()
	rep, err := Verify(bytes.NewReader(data), int64(len(data)), Options{Roots: roots})
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	return rep
}

func TestVerifyOneSignature(t *testing.T) {
	f := fixtures(t)
	rep := verifyBytesT(t, f.once, f.pki.Roots())
	if !rep.OK() {
		t.Fatalf("once-signed document not OK: %q", rep.Reasons())
	}
	if len(rep.Signatures) != 1 || rep.Revisions != 2 {
		t.Fatalf("got %d signatures, %d revisions; want 1, 2", len(rep.Signatures), rep.Revisions)
	}
	s := rep.Signatures[0]
	if s.Party != docinfo.Pertama || s.Revision != 2 || !s.CoversWholeFile || s.DigestAlgorithm != "SHA-256" {
		t.Errorf("signature = party %q revision %d whole %v digest %q", s.Party, s.Revision, s.CoversWholeFile, s.DigestAlgorithm)
	}
	if !strings.Contains(s.SignerSubject, "CN=Budi Santoso") || !strings.Contains(s.SignerIssuer, "CN="+f.pki.Intermediate.Subject.CommonName) {
		t.Errorf("subject %q issuer %q", s.SignerSubject, s.SignerIssuer)
	}
	if s.SigningTime.IsZero() || s.Timestamp != nil {
		t.Errorf("signing time %v, timestamp %v; want a signing time and no timestamp", s.SigningTime, s.Timestamp)
	}
	if rep.Info == nil || rep.Info.Title != "PERJANJIAN KINERJA TAHUN 2021" {
		t.Errorf("info = %+v", rep.Info)
	}
}

func TestVerifyTwoSignatures(t *testing.T) {
	f := fixtures(t)
	rep := verifyBytesT(t, f.twice, f.pki.Roots())
	if !rep.OK() {
		t.Fatalf("twice-signed document not OK: %q", rep.Reasons())
	}
	if len(rep.Signatures) != 2 || rep.Revisions != 3 {
		t.Fatalf("got %d signatures, %d revisions; want 2, 3", len(rep.Signatures), rep.Revisions)
	}
	first, second := rep.Signatures[0], rep.Signatures[1]
	if first.ModifiedAfter || len(first.Modifications) > 0 {
		t.Errorf("the second signature made the first one modified: %q", first.Modifications)
	}
	if first.Party != docinfo.Pertama || first.Revision != 2 || first.CoversWholeFile {
		t.Errorf("first = party %q revision %d whole %v; want pertama 2 false", first.Party, first.Revision, first.CoversWholeFile)
	}
	if second.Party != docinfo.Kedua || second.Revision != 3 || !second.CoversWholeFile {
		t.Errorf("second = party %q revision %d whole %v; want kedua 3 true", second.Party, second.Revision, second.CoversWholeFile)
	}
	if !bytes.HasPrefix(f.twice, f.once) || !bytes.HasPrefix(f.once, f.unsigned) {
		t.Error("signing is not an incremental update (earlier file not a prefix)")
	}
}

func TestVerifyUntrusted(t *testing.T) {
	f := fixtures(t)
	rep := verifyBytesT(t, f.twice, x509.NewCertPool())
	if rep.OK() {
		t.Fatal("OK with an empty trust store")
	}
	for _, s := range rep.Signatures {
		if s.Trusted || s.ChainError == "" || !s.Integrity {
			t.Errorf("signature %d: trusted %v chain error %q integrity %v", s.Index, s.Trusted, s.ChainError, s.Integrity)
		}
	}
	assertReason(t, rep, "signature 1 (pertama): certificate not trusted")
}

func TestVerifyUnsignedAndNotPDF(t *testing.T) {
	f := fixtures(t)
	rep := verifyBytesT(t, f.unsigned, f.pki.Roots())
	if rep.OK() || len(rep.Signatures) != 0 {
		t.Fatalf("unsigned: OK %v, %d signatures", rep.OK(), len(rep.Signatures))
	}
	assertReason(t, rep, "no signature")
	for _, in := range []string{"", "hello", "%PDF-1.4\nno trailer"} {
		if _, err := Verify(strings.NewReader(in), int64(len(in)), Options{}); err == nil {
			t.Errorf("Verify(%q) = nil error", in)
		}
	}
}

// tamperCase is a damaged or altered document and what must be said about it.
type tamperCase struct {
	name string
	make func(f *fixture) ([]byte, error)
	want []string // substrings of the reasons
}

// tamperCases are the attacks and accidents the verifier must report.
func tamperCases() []tamperCase {
	return []tamperCase{
		{"byte changed", func(f *fixture) ([]byte, error) {
			return verifytest.ReplaceText(f.twice, "halaman 1", "halaman 7")
		}, []string{"signature 1 (pertama): digest mismatch", "signature 2 (kedua): digest mismatch"}},
		{"truncated", func(f *fixture) ([]byte, error) {
			return f.twice[:len(f.twice)-100], nil
		}, []string{"file truncated: signature 2 (at offset", "beyond end of file"}},
		{"page content changed", func(f *fixture) ([]byte, error) {
			return verifytest.ChangePage1(f.twice, "TARGET 0 PERSEN")
		}, []string{"signature 1 (pertama): page 1 (object 3) redefined: /Contents changed in revision 4 after it was signed",
			"signature 2 (kedua): page 1 (object 3) redefined: /Contents changed in revision 4 after it was signed",
			"signature 1 (pertama): new content stream of page 1 (object 31) added in revision 4"}},
		{"page content changed after one signature", func(f *fixture) ([]byte, error) {
			return verifytest.ChangePage1(f.once, "TARGET 0 PERSEN")
		}, []string{"signature 1 (pertama): page 1 (object 3) redefined: /Contents changed in revision 3 after it was signed"}},
		{"page added", func(f *fixture) ([]byte, error) {
			return verifytest.AddPage(f.twice, "LAMPIRAN TAMBAHAN")
		}, []string{"signature 1 (pertama): /Pages (object 2) redefined: /Kids changed, /Count changed in revision 4 after it was signed",
			"signature 2 (kedua): /Page (object 32) added in revision 4"}},
		{"contents from another document", func(f *fixture) ([]byte, error) {
			return verifytest.CopyContents(f.otherTwice, f.twice)
		}, []string{"signature 2 (kedua): digest mismatch", "signature value was made for another document"}},
	}
}

func TestVerifyTampered(t *testing.T) {
	f := fixtures(t)
	for _, tc := range tamperCases() {
		t.Run(tc.name, func(t *testing.T) {
			data, err := tc.make(f)
			if err != nil {
				t.Fatal(err)
			}
			rep := verifyBytesT(t, data, f.pki.Roots())
			if rep.OK() {
				t.Fatalf("tampered document reported OK")
			}
			for _, w := range tc.want {
				assertReason(t, rep, w)
			}
		})
	}
}

// assertReason fails unless some reason of rep contains want.
func assertReason(t *testing.T, rep *Report, want string) {
	t.Helper()
	for _, r := range rep.Reasons() {
		if strings.Contains(r, want) {
			return
		}
	}
	t.Errorf("no reason contains %q; reasons:\n  %s", want, strings.Join(rep.Reasons(), "\n  "))
}

// TestTamperFixturesAreValidPDFs checks with qpdf that the hand-written
// updates are well-formed, so the verifier fails them for the right reason.
func TestTamperFixturesAreValidPDFs(t *testing.T) {
	qpdf := requireTool(t, "qpdf")
	f := fixtures(t)
	for _, tc := range tamperCases()[2:5] {
		data, err := tc.make(f)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "t.pdf")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(qpdf, "--check", path).CombinedOutput()
		if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 3) { // 3: warnings only
			t.Errorf("%s: qpdf --check: %v\n%s", tc.name, err, out)
		}
	}
}

// TestPdfsigAgrees cross-checks with poppler: it must call both signatures
// of the good file valid, and it accepts the page-changed file too (it
// cannot see later changes), which is why this verifier exists.
func TestPdfsigAgrees(t *testing.T) {
	pdfsig := requireTool(t, "pdfsig")
	f := fixtures(t)
	changed, err := verifytest.ChangePage1(f.twice, "TARGET 0 PERSEN")
	if err != nil {
		t.Fatal(err)
	}
	broken, err := verifytest.ReplaceText(f.twice, "halaman 1", "halaman 7")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	run := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, _ := exec.Command(pdfsig, path).CombinedOutput()
		return string(out)
	}
	if out := run("good.pdf", f.twice); strings.Count(out, "Signature is Valid") != 2 || !strings.Contains(out, "Total document signed") {
		t.Errorf("pdfsig on the good file:\n%s", out)
	}
	if out := run("changed.pdf", changed); strings.Count(out, "Not total document signed") != 2 {
		t.Errorf("pdfsig on the changed file:\n%s", out)
	}
	if out := run("broken.pdf", broken); strings.Contains(out, "Signature is Valid") {
		t.Errorf("pdfsig accepts a changed signed byte:\n%s", out)
	}
}
