package sign

import (
	"errors"
	"strings"
	"testing"

	"github.com/digitorus/pdf"
	"golang.org/x/crypto/ocsp"

	"kinerja/internal/pdfread"
	"kinerja/internal/testpki"
	"kinerja/sign/ltv"
	"kinerja/sign/verify"
)

// signLTV signs the sample for both parties with a timestamp and --ltv.
func signLTV(t *testing.T, p *parties) ([]byte, error) {
	t.Helper()
	steps := p.both(p.pki.StartTSA(t).URL)
	for i := range steps {
		steps[i].LTV = &LTV{}
	}
	return SignAll(sample(t), steps...)
}

// dssStreams returns the decoded streams of the final /DSS's array key.
func dssStreams(t *testing.T, doc []byte, key string) [][]byte {
	t.Helper()
	d, err := pdfread.Open(doc)
	if err != nil {
		t.Fatal(err)
	}
	arr := d.Reader.Trailer().Key("Root").Key("DSS").Key(key)
	if arr.Kind() != pdf.Array {
		t.Fatalf("the catalog's /DSS has no /%s array", key)
	}
	var out [][]byte
	for i := 0; i < arr.Len(); i++ {
		var b strings.Builder
		r := arr.Index(i).Reader()
		buf := make([]byte, 4096)
		for {
			n, err := r.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				break
			}
		}
		out = append(out, []byte(b.String()))
	}
	return out
}

// B-LT: after both signatures one /DSS holds every certificate (both
// signers, the intermediate, the root and the TSA) and a good OCSP
// response for each non-root certificate; our verifier, pdfsig, mutool
// and qpdf accept the result.
func TestSignLTV(t *testing.T) {
	p := newParties(t, testpki.P256)
	signed, err := signLTV(t, p)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(dssStreams(t, signed, "Certs")); n != 5 {
		t.Errorf("/DSS /Certs has %d certificates, want 5 (2 signers, intermediate, root, TSA)", n)
	}
	wantSerials := map[string]bool{p.pertama.Cert.SerialNumber.String(): true, p.kedua.Cert.SerialNumber.String(): true,
		p.pki.Intermediate.SerialNumber.String(): true}
	for _, der := range dssStreams(t, signed, "OCSPs") {
		resp, err := ocsp.ParseResponse(der, nil)
		if err != nil {
			t.Fatalf("an /OCSPs stream is no OCSP response: %v", err)
		}
		if resp.Status != ocsp.Good {
			t.Errorf("OCSP response for %s: status %d, want good", resp.SerialNumber, resp.Status)
		}
		delete(wantSerials, resp.SerialNumber.String())
	}
	if len(wantSerials) > 0 {
		t.Errorf("no OCSP response in /DSS for serials %v", wantSerials)
	}
	rep, err := verify.VerifyBytes(signed, verify.Options{Roots: p.pki.Roots()})
	if err != nil || !rep.OK() {
		t.Fatalf("verify: %v %v", err, rep.Reasons())
	}
	checkExternalUpdated(t, signed, p.pki.RootPEM(), 2)
}

// A second --ltv (PIHAK KEDUA signing later) keeps the first /DSS's
// streams and adds its own.
func TestSignLTVMerges(t *testing.T) {
	p := newParties(t, testpki.P256)
	url := p.pki.StartTSA(t).URL
	steps := p.both(url)
	for i := range steps {
		steps[i].LTV = &LTV{}
	}
	once, err := Sign(sample(t), steps[0])
	if err != nil {
		t.Fatal(err)
	}
	twice, err := Sign(once, steps[1])
	if err != nil {
		t.Fatal(err)
	}
	first, second := dssStreams(t, once, "OCSPs"), dssStreams(t, twice, "OCSPs")
	if len(second) <= len(first) || string(second[0]) != string(first[0]) {
		t.Errorf("the second /DSS has %d OCSP responses (first %d), want the first's kept and more added", len(second), len(first))
	}
	rep, err := verify.VerifyBytes(twice, verify.Options{Roots: p.pki.Roots()})
	if err != nil || !rep.OK() {
		t.Fatalf("verify: %v %v", err, rep.Reasons())
	}
}

// A revoked certificate makes --ltv fail with ErrRevoked naming it, and
// nothing is returned; --ltv without --tsa is refused before signing.
func TestSignLTVRefuses(t *testing.T) {
	p := newParties(t, testpki.P256)
	p.pki.Revoke(p.kedua.Cert.SerialNumber)
	out, err := signLTV(t, p)
	if !errors.Is(err, ltv.ErrRevoked) || out != nil || !strings.Contains(err.Error(), keduaCN) {
		t.Fatalf("SignAll with a revoked certificate: %v (%d bytes), want ErrRevoked naming %q", err, len(out), keduaCN)
	}
	steps := p.both("")
	steps[0].LTV = &LTV{}
	if out, err := Sign(sample(t), steps[0]); !errors.Is(err, ErrLTVNeedsTSA) || out != nil {
		t.Fatalf("--ltv without --tsa: %v, want ErrLTVNeedsTSA", err)
	}
}
