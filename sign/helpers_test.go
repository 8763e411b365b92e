package sign

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/digitorus/timestamp"

	"kinerja/docinfo"
	"kinerja/internal/testtool"
)

// wib is Western Indonesian Time.
var wib = time.FixedZone("WIB", 7*3600)

// testNow is the fixed clock of the tests.
var testNow = time.Date(2026, 11, 27, 9, 30, 0, 0, wib)

func clock() time.Time { return testNow }

// requireTool skips (or fails when CI is set) if an outside tool is missing.
func requireTool(t testing.TB, name string) string { return testtool.Require(t, name) }

// testInfo is the kinerja info of the test PDF: PIHAK KEDUA left, PIHAK
// PERTAMA right, as on the form.
func testInfo() docinfo.Info {
	return docinfo.Info{
		Kind: "perjanjian", Title: "Perjanjian Kinerja Tahun 2021", Year: 2021,
		Unit: "Badan Pelayanan Pengadaan Barang/Jasa",
		Signers: []docinfo.Signer{
			{Party: "pertama", Name: "BLESSMIYANDA", NIP: "196910131997031004",
				Jabatan: "Kepala Badan", Page: 1, Rect: [4]float64{340, 160, 540, 240}},
			{Party: "kedua", Name: "Dr. Ir. Hérvé Çağlar, M.Sc.", Jabatan: "Gubernur",
				Page: 1, Rect: [4]float64{60, 160, 260, 240}},
		},
	}
}

// pdfOpts varies the test PDF.
type pdfOpts struct {
	link  bool   // add a link annotation on page 1
	extra string // extra text on page 1 (uncompressed)
	size  int    // pad with an image-like stream to about this many bytes
}

// makePDF renders a one-page A4 PDF with fpdf that carries info in its XMP.
func makePDF(t testing.TB, info docinfo.Info, o pdfOpts) []byte {
	t.Helper()
	xmp, err := docinfo.EncodeXMP(info, info.Title, "kinerja test", "", "", "kinerja", "id")
	if err != nil {
		t.Fatal(err)
	}
	f := fpdf.New("P", "pt", "A4", "")
	f.SetCatalogSort(true)
	f.SetCreationDate(testNow)
	f.SetModificationDate(testNow)
	f.SetXmpMetadata(xmp)
	f.SetAutoPageBreak(false, 0)
	f.AddPage()
	f.SetFont("Helvetica", "", 12)
	f.Text(60, 80, "PERJANJIAN KINERJA TAHUN 2021")
	f.Text(60, 600, "PIHAK KEDUA")
	f.Text(340, 600, "PIHAK PERTAMA")
	if o.link {
		f.LinkString(60, 100, 100, 12, "https://example.org/")
	}
	if o.extra != "" {
		f.SetCompression(false)
		f.Text(60, 120, o.extra)
	}
	if o.size > 0 {
		addNoise(f, o.size)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// addNoise adds a page of text lines so the file reaches about n bytes.
func addNoise(f *fpdf.Fpdf, n int) {
	f.SetCompression(false)
	f.AddPage()
	f.SetFont("Helvetica", "", 6)
	for i := 0; i*60 < n; i++ {
		f.Text(20, 20+float64(i%130)*6, fmt.Sprintf("Indikator %06d realisasi %d target %d capaian %d%%", i, i*7%101, i*3%97, i%120))
	}
}

// testPKI is a development CA with one credential per party.
type testPKI struct {
	ca    *DevCA
	pert  *Credential
	kedua *Credential
}

var (
	pkiMu    sync.Mutex
	pkiCache = map[string]*testPKI{}
)

// leafValidity is long enough for external tools that check at the real time.
func leafIdentity(name string, party docinfo.Party, keyType string) Identity {
	return Identity{Name: name, Party: party, KeyType: keyType,
		NotBefore: testNow.Add(-time.Hour), NotAfter: time.Now().AddDate(2, 0, 0)}
}

// getPKI returns a test PKI (cached per key type: RSA-4096 is slow).
func getPKI(t testing.TB, keyType string) *testPKI {
	t.Helper()
	pkiMu.Lock()
	defer pkiMu.Unlock()
	if p := pkiCache[keyType]; p != nil {
		return p
	}
	ca, err := NewDevCA(testNow, "p256")
	if err != nil {
		t.Fatal(err)
	}
	p := &testPKI{ca: ca}
	p.pert = issueTest(t, ca, leafIdentity("BLESSMIYANDA", "pertama", keyType))
	p.kedua = issueTest(t, ca, leafIdentity("Dr. Ir. Hérvé Çağlar, M.Sc.", "kedua", keyType))
	pkiCache[keyType] = p
	return p
}

// issueTest issues a credential; large RSA keys come from testdata (their
// generation takes seconds).
func issueTest(t testing.TB, ca *DevCA, id Identity) *Credential {
	t.Helper()
	if !strings.HasPrefix(id.KeyType, "rsa") || id.KeyType == "rsa2048" {
		c, err := ca.Issue(testNow, id)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	b, err := os.ReadFile(filepath.Join("testdata", id.KeyType+"-"+id.Party.String()+".key.pem"))
	if err != nil {
		t.Fatal(err)
	}
	blk, _ := pem.Decode(b)
	if blk == nil {
		t.Fatalf("testdata key for %s %s: no PEM", id.KeyType, id.Party)
	}
	key, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ca.IssueKey(testNow, id, key.(crypto.Signer))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// both returns the options to sign for both parties.
func (p *testPKI) both(tsa string) []Options {
	return []Options{
		{Party: "pertama", Credential: p.pert, Now: clock, TSA: tsa, Location: "Jakarta"},
		{Party: "kedua", Credential: p.kedua, Now: clock, TSA: tsa, Location: "Jakarta"},
	}
}

// writeCAPEM writes the CA certificate to dir/ca.pem.
func writeCAPEM(t testing.TB, dir string, ca *x509.Certificate) string {
	t.Helper()
	p := filepath.Join(dir, "ca.pem")
	b := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Raw})
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// runTool runs an outside tool and returns its combined output.
func runTool(t testing.TB, env []string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// startTSA starts an RFC 3161 timestamp authority on 127.0.0.1 whose
// certificate is issued by ca; delay slows every answer.
func startTSA(t testing.TB, ca *DevCA, delay time.Duration) *httptest.Server {
	t.Helper()
	key, err := GenerateKey("p256")
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		Subject:   pkix.Name{CommonName: "kinerja test TSA"},
		NotBefore: testNow.Add(-time.Hour), NotAfter: time.Now().AddDate(2, 0, 0),
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageTimeStamping},
	}
	cert, err := createCert(tmpl, ca.Cert, key.Public(), ca.Key)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(delay)
		body, _ := io.ReadAll(r.Body)
		req, err := timestamp.ParseRequest(body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		ts := timestamp.Timestamp{HashAlgorithm: req.HashAlgorithm, HashedMessage: req.HashedMessage,
			Time: time.Now(), Nonce: req.Nonce, Policy: asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 99999, 1},
			Accuracy: time.Second, AddTSACertificate: req.Certificates}
		resp, err := ts.CreateResponseWithOpts(cert, key, crypto.SHA256)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/timestamp-reply")
		_, _ = w.Write(resp)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// mustContain fails unless s contains every one of subs.
func mustContain(t testing.TB, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q:\n%s", what, sub, s)
		}
	}
}

// pemOf encodes a certificate as PEM.
func pemOf(c *x509.Certificate) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
}
