package api

import (
	"bytes"
	"crypto/x509"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kinerja/internal/outfile"
	"kinerja/internal/pdfread"
	"kinerja/proof"
	"kinerja/sign"
)

// signSteps renders the sample to dir and returns its path, the signing
// steps of both parties with development certificates, and the roots.
func signSteps(t *testing.T, dir string) (string, []sign.Options, *x509.CertPool) {
	t.Helper()
	pdf := filepath.Join(dir, "pk.pdf")
	if err := RenderFile(samplePath, pdf); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	info, err := pdfread.Info(b)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	ca, err := sign.NewDevCA(now.AddDate(0, -1, 0), "p256")
	if err != nil {
		t.Fatal(err)
	}
	creds, err := ca.IssueSigners(now, info, "p256")
	if err != nil {
		t.Fatal(err)
	}
	var steps []sign.Options
	for _, s := range info.Signers {
		steps = append(steps, sign.Options{Party: s.Party, Credential: creds[s.Party]})
	}
	roots := x509.NewCertPool()
	roots.AddCert(ca.Cert)
	return pdf, steps, roots
}

// TestSignFile: the file form signs both parties into a valid document,
// refuses a device as output, keeps an existing output on failure, and
// signs in place.
func TestSignFile(t *testing.T) {
	dir := t.TempDir()
	pdf, steps, roots := signSteps(t, dir)
	out := filepath.Join(dir, "signed.pdf")
	if err := SignFile(pdf, out, steps...); err != nil {
		t.Fatal(err)
	}
	v, err := proof.CheckFile(out, proof.Options{Roots: roots})
	if err != nil || v.Status != proof.Valid {
		t.Fatalf("signed file: %+v, %v", v, err)
	}
	if err := SignFile(pdf, "/dev/null", steps...); !errors.Is(err, outfile.ErrNotRegular) {
		t.Fatalf("signing to /dev/null: %v", err)
	}
	good, _ := os.ReadFile(out)
	if err := SignFile(out, out, steps...); err == nil {
		t.Fatal("signing an already signed field again succeeded")
	}
	if now, _ := os.ReadFile(out); !bytes.Equal(now, good) {
		t.Fatal("a failed signing changed the output")
	}
	if err := SignFile(pdf, pdf, steps...); err != nil {
		t.Fatalf("signing in place: %v", err)
	}
	var viaStream bytes.Buffer
	orig, _ := os.ReadFile(pdf)
	if err := Sign(&viaStream, bytes.NewReader(orig), steps...); err == nil {
		t.Fatal("the stream form signed an already signed document again")
	}
}
