package sign

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nssDB creates a temporary NSS database trusting the CA and returns the
// sql: directory argument for pdfsig.
func nssDB(t *testing.T, caPath string) string {
	t.Helper()
	requireTool(t, "certutil")
	dir := t.TempDir()
	if out, err := runTool(t, nil, "certutil", "-N", "--empty-password", "-d", "sql:"+dir); err != nil {
		t.Fatalf("certutil -N: %v\n%s", err, out)
	}
	if out, err := runTool(t, nil, "certutil", "-A", "-t", "CT,C,C", "-n", "devca", "-i", caPath, "-d", "sql:"+dir); err != nil {
		t.Fatalf("certutil -A: %v\n%s", err, out)
	}
	return dir
}

// checkExternal validates a signed file with pdfsig, mutool and qpdf.
func checkExternal(t *testing.T, signed []byte, caPath string, nsigs int) {
	t.Helper()
	requireTool(t, "pdfsig")
	dir := t.TempDir()
	path := filepath.Join(dir, "signed.pdf")
	if err := os.WriteFile(path, signed, 0o644); err != nil {
		t.Fatal(err)
	}
	db := nssDB(t, caPath)
	out, err := runTool(t, nil, "pdfsig", "-nssdir", "sql:"+db, path)
	if err != nil {
		t.Fatalf("pdfsig: %v\n%s", err, out)
	}
	if got := strings.Count(out, "Signature is Valid."); got != nsigs {
		t.Errorf("pdfsig: %d valid signatures, want %d:\n%s", got, nsigs, out)
	}
	if got := strings.Count(out, "Certificate is Trusted."); got != nsigs {
		t.Errorf("pdfsig: %d trusted certificates, want %d:\n%s", got, nsigs, out)
	}
	last := out[strings.LastIndex(out, "Signature #"):]
	mustContain(t, "pdfsig last signature", last, "Total document signed")
	requireTool(t, "qpdf")
	if out, err := runTool(t, nil, "qpdf", "--check", path); err != nil || strings.Contains(out, "WARNING") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	requireTool(t, "mutool")
	out, err = runTool(t, nil, "mutool", "sign", "-v", path)
	if err != nil {
		t.Errorf("mutool sign -v: %v\n%s", err, out)
	}
	if got := strings.Count(out, "Verifying signature"); got != nsigs {
		t.Errorf("mutool: %d signatures, want %d:\n%s", got, nsigs, out)
	}
	for _, bad := range []string{"invalid", "Digest error", "not valid"} {
		if strings.Contains(out, bad) {
			t.Errorf("mutool reports %q:\n%s", bad, out)
		}
	}
	mustContain(t, "mutool", out, "The document is unchanged since signing.")
}

func TestSignBothExternal(t *testing.T) {
	for _, kt := range []string{"p256", "p384", "rsa2048"} {
		t.Run(kt, func(t *testing.T) {
			p := getPKI(t, kt)
			unsigned := makePDF(t, testInfo(), pdfOpts{})
			signed, err := SignAll(unsigned, p.both("")...)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(signed, unsigned) {
				t.Fatal("the unsigned file is not a prefix of the signed one")
			}
			checkExternal(t, signed, writeCAPEM(t, t.TempDir(), p.ca.Cert), 2)
		})
	}
}
