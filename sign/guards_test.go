package sign

import (
	"bytes"
	"crypto/x509"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	pdfsign "github.com/digitorus/pdfsign/sign"
)

func TestOrderRefusals(t *testing.T) {
	p := getPKI(t, "p256")
	unsigned := makePDF(t, testInfo(), pdfOpts{})
	steps := p.both("")
	_, err := Sign(unsigned, steps[1])
	const want = "sign as PIHAK KEDUA: out of signing order: PIHAK PERTAMA signs first and has not signed yet"
	if !errors.Is(err, ErrOrder) || err.Error() != want {
		t.Fatalf("kedua before pertama: err = %v, want ErrOrder saying %q (no prefix twice)", err, want)
	}
	once, err := Sign(unsigned, steps[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Sign(once, steps[0]); !errors.Is(err, ErrAlreadySigned) || err.Error() != "sign as PIHAK PERTAMA: already signed by this party" {
		t.Fatalf("pertama twice: err = %v, want ErrAlreadySigned", err)
	}
	twice, err := Sign(once, steps[1])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Sign(twice, steps[1]); !errors.Is(err, ErrAlreadySigned) {
		t.Fatalf("kedua twice: err = %v, want ErrAlreadySigned", err)
	}
}

func TestCredentialRefusals(t *testing.T) {
	p := getPKI(t, "p256")
	unsigned := makePDF(t, testInfo(), pdfOpts{})
	issue := func(id Identity) *Credential {
		c, err := p.ca.Issue(testNow, id)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	base := leafIdentity("BLESSMIYANDA", "pertama", "p256")
	expired, future, usage := base, base, base
	expired.NotBefore, expired.NotAfter = testNow.AddDate(-2, 0, 0), testNow.AddDate(0, 0, -1)
	future.NotBefore = testNow.Add(time.Hour)
	usage.KeyUsage = x509.KeyUsageKeyEncipherment
	mismatch := *issue(base)
	mismatch.Key = p.kedua.Key
	cases := []struct {
		name string
		cred *Credential
		want string
	}{
		{"expired", issue(expired), "expired on"},
		{"not yet valid", issue(future), "is not valid before"},
		{"key usage", issue(usage), "neither digitalSignature nor nonRepudiation"},
		{"key mismatch", &mismatch, "does not match the certificate"},
	}
	for _, c := range cases {
		out, err := Sign(unsigned, Options{Party: "pertama", Credential: c.cred, Now: clock})
		if err == nil || !strings.Contains(err.Error(), c.want) || out != nil {
			t.Errorf("%s: err = %v, want %q and no output", c.name, err, c.want)
		}
	}
}

// sigDicts returns the signature dictionaries (between "/Type /Sig" and
// the /Contents hex string) of a signed PDF.
func sigDicts(pdf []byte) []string {
	var out []string
	for rest := pdf; ; {
		i := bytes.Index(rest, []byte("/Type /Sig\n"))
		if i < 0 {
			return out
		}
		rest = rest[i:]
		c := bytes.Index(rest, []byte("/Contents<"))
		gt := c + bytes.IndexByte(rest[c:], '>')
		end := gt + bytes.Index(rest[gt:], []byte("\n>>"))
		out = append(out, string(rest[:c])+string(rest[gt+1:end]))
		rest = rest[end:]
	}
}

// Guard (a): an approval signature, never pdfsign's default certification.
func TestGuardApproval(t *testing.T) {
	p := getPKI(t, "p256")
	signed, err := SignAll(makePDF(t, testInfo(), pdfOpts{}), p.both("")...)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(signed, []byte("/DocMDP")) || bytes.Contains(signed, []byte("/TransformMethod /UR3")) {
		t.Error("a signature is a certification (DocMDP) or usage-rights signature")
	}
	if n := bytes.Count(signed, []byte("/TransformMethod /FieldMDP")); n != 2 {
		t.Errorf("%d FieldMDP (approval) signatures, want 2", n)
	}
}

// Guard (b): dictionary strings are ASCII even for a Unicode name.
func TestGuardASCIIDictionary(t *testing.T) {
	p := getPKI(t, "p256")
	signed, err := SignAll(makePDF(t, testInfo(), pdfOpts{}), p.both("")...)
	if err != nil {
		t.Fatal(err)
	}
	dicts := sigDicts(signed)
	if len(dicts) != 2 {
		t.Fatalf("found %d signature dictionaries, want 2", len(dicts))
	}
	for _, d := range dicts {
		for i := 0; i < len(d); i++ {
			if d[i] >= 0x80 {
				t.Fatalf("non-ASCII byte %#x in signature dictionary:\n%s", d[i], d)
			}
		}
	}
	mustContain(t, "kedua's signature dictionary", dicts[1], "/Name (Dr. Ir. Herve Caglar, M.Sc.)", "/Reason (Menyetujui")
}

// Guard (c): a signature without a timestamp after a timestamped one, and
// any long run of '0' in the input, are refused.
func TestGuardZeroRuns(t *testing.T) {
	p := getPKI(t, "p256")
	tsa := startTSA(t, p.ca, 0)
	steps := p.both(tsa.URL)
	once, err := Sign(makePDF(t, testInfo(), pdfOpts{}), steps[0])
	if err != nil {
		t.Fatal(err)
	}
	noTSA := steps[1]
	noTSA.TSA = ""
	if _, err := Sign(once, noTSA); err == nil || !strings.Contains(err.Error(), "timestamp") {
		t.Fatalf("no timestamp after a timestamped signature: err = %v, want refusal", err)
	}
	if _, err := Sign(once, steps[1]); err != nil {
		t.Fatalf("both timestamped: %v", err)
	}
	zeros := makePDF(t, testInfo(), pdfOpts{extra: strings.Repeat("0", 6000)})
	if _, err := Sign(zeros, p.both("")[0]); err == nil || !strings.Contains(err.Error(), "run of") {
		t.Fatalf("input with 6000 zeros: err = %v, want refusal", err)
	}
}

// Guard (d): RSA-4096 without a TSA is refused before signing; with a TSA
// it fits and gives a valid single-header file.
func TestGuardLargeRSA(t *testing.T) {
	if testing.Short() {
		t.Skip("RSA-4096 key generation is slow")
	}
	for _, kt := range []string{"rsa3072", "rsa4096"} {
		p := getPKI(t, kt)
		unsigned := makePDF(t, testInfo(), pdfOpts{})
		out, err := SignAll(unsigned, p.both("")...)
		if err == nil || !strings.Contains(err.Error(), "does not fit") || out != nil {
			t.Errorf("%s without TSA: err = %v, want a clear refusal", kt, err)
		}
		tsa := startTSA(t, p.ca, 0)
		signed, err := SignAll(unsigned, p.both(tsa.URL)...)
		if err != nil {
			t.Fatalf("%s with TSA: %v", kt, err)
		}
		if n := bytes.Count(signed, []byte("%PDF-")); n != 1 {
			t.Errorf("%s with TSA: %d %%PDF- headers", kt, n)
		}
		checkExternal(t, signed, writeCAPEM(t, t.TempDir(), p.ca.Cert), 2)
	}
}

// Without guard (d) pdfsign's retry path writes the file twice: the
// onceWriter turns that into an error.
func TestGuardRetryPathDetected(t *testing.T) {
	if testing.Short() {
		t.Skip("RSA-4096 key generation is slow")
	}
	p := getPKI(t, "rsa4096")
	in := makePDF(t, testInfo(), pdfOpts{})
	sd := pdfsign.SignData{Signature: pdfsign.SignDataSignature{CertType: pdfsign.ApprovalSignature},
		Signer: p.pert.Key, Certificate: p.pert.Cert}
	_, err := runPdfsign(in, nil, sd)
	if err == nil || !strings.Contains(err.Error(), "twice") {
		t.Fatalf("unguarded RSA-4096: err = %v, want the double write detected", err)
	}
}

// Guard (e): a signature page with link annotations is refused.
func TestGuardLinks(t *testing.T) {
	p := getPKI(t, "p256")
	_, err := Sign(makePDF(t, testInfo(), pdfOpts{link: true}), p.both("")[0])
	if err == nil || !strings.Contains(err.Error(), "link annotations") {
		t.Fatalf("err = %v, want link refusal", err)
	}
}

// Guard (f): panics of pdfsign and the PDF reader become errors.
func TestGuardPanics(t *testing.T) {
	p := getPKI(t, "p256")
	in := makePDF(t, testInfo(), pdfOpts{})
	// Point every xref entry one byte off: the reader panics on resolve.
	bad := regexp.MustCompile(`(?m)^(\d{10}) 00000 n`).ReplaceAllFunc(bytes.Clone(in), func(m []byte) []byte {
		m = bytes.Clone(m)
		m[9]++
		return m
	})
	sd := pdfsign.SignData{Signature: pdfsign.SignDataSignature{CertType: pdfsign.ApprovalSignature},
		Signer: p.pert.Key, Certificate: p.pert.Cert}
	if _, err := runPdfsign(bad, nil, sd); err == nil {
		t.Error("runPdfsign on a broken xref: no error")
	}
	if _, err := Sign(bad, p.both("")[0]); err == nil {
		t.Error("Sign on a broken xref: no error")
	}
}

func TestTSATimeout(t *testing.T) {
	p := getPKI(t, "p256")
	slow := startTSA(t, p.ca, 2*time.Second)
	o := p.both(slow.URL)[0]
	o.TSATimeout = 200 * time.Millisecond
	start := time.Now()
	_, err := Sign(makePDF(t, testInfo(), pdfOpts{}), o)
	if err == nil || !strings.Contains(err.Error(), "did not answer within 200ms") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if d := time.Since(start); d > 1900*time.Millisecond {
		t.Errorf("Sign returned after %v; the timeout did not apply", d)
	}
}

func TestSignWithTSAExternal(t *testing.T) {
	p := getPKI(t, "p256")
	tsa := startTSA(t, p.ca, 0)
	signed, err := SignAll(makePDF(t, testInfo(), pdfOpts{}), p.both(tsa.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := inspect(signed)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range doc.Sigs {
		if !s.Timestamp {
			t.Errorf("signature %d has no timestamp token", i+1)
		}
	}
	checkExternal(t, signed, writeCAPEM(t, t.TempDir(), p.ca.Cert), 2)
}

// pdfsign adds /Version /1.5 to the catalog whenever the header says less,
// so a second signature duplicated the key; effectiveVersion prevents it.
func TestGuardCatalogVersion(t *testing.T) {
	p := getPKI(t, "p256")
	unsigned := makePDF(t, testInfo(), pdfOpts{})
	if !bytes.HasPrefix(unsigned, []byte("%PDF-1.3")) && !bytes.HasPrefix(unsigned, []byte("%PDF-1.4")) {
		t.Skipf("test PDF header %q is 1.5 or later: nothing to check", unsigned[:8])
	}
	signed, err := SignAll(unsigned, p.both("")...)
	if err != nil {
		t.Fatal(err)
	}
	cat := signed[bytes.LastIndex(signed, []byte("/Type /Catalog")):]
	cat = cat[:bytes.Index(cat, []byte("endobj"))]
	if n := bytes.Count(cat, []byte("/Version")); n != 1 {
		t.Errorf("the last catalog has %d /Version keys, want 1:\n%s", n, cat)
	}
}

// TestCheckErrorPrefix: the in-memory check after signing wrapped the
// verifier's error once too often ("check signed pdf: verify: verify:
// malformed PDF").
func TestCheckErrorPrefix(t *testing.T) {
	err := verifySignatures([]byte("%PDF-1.4\nnot really\n%%EOF\n"), 1)
	if err == nil || !strings.HasPrefix(err.Error(), "check signed pdf: verify: malformed PDF: ") {
		t.Fatalf("verifySignatures of a broken PDF: %v", err)
	}
	words := strings.Split(err.Error(), ": ")
	for i := 1; i < len(words); i++ {
		if words[i] == words[i-1] {
			t.Errorf("%q repeats %q", err, words[i])
		}
	}
}
