package sign

import (
	"crypto/x509"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/docinfo"
)

func TestDevFilesRoundTrip(t *testing.T) {
	dir := t.TempDir()
	ca, err := NewDevCA(testNow, "p256")
	if err != nil {
		t.Fatal(err)
	}
	creds := map[docinfo.Party]*Credential{}
	for _, party := range Parties {
		if creds[party], err = ca.Issue(testNow, Identity{Name: "Nama " + party.String(), NIP: "196910131997031004", Party: party, KeyType: "p256"}); err != nil {
			t.Fatal(err)
		}
	}
	paths, err := WriteDevFiles(dir, ca, creds, Parties)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 5 {
		t.Fatalf("wrote %v, want ca.pem and two .p12 with .pass", paths)
	}
	for _, party := range Parties {
		p12 := filepath.Join(dir, party.String()+".p12")
		fi, err := os.Stat(p12 + ".pass")
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s.pass: %v, mode %v; want 0600", party, err, fi.Mode())
		}
		pass, _ := os.ReadFile(p12 + ".pass")
		data, _ := os.ReadFile(p12)
		c, err := LoadPKCS12(p12, data, []byte(strings.TrimSpace(string(pass))))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Check(testNow); err != nil {
			t.Error(err)
		}
		if len(c.Chain) != 1 || c.Chain[0].Subject.CommonName != DevCAName {
			t.Errorf("%s: chain %v, want the dev CA", party, c.Chain)
		}
		if c.Cert.Subject.SerialNumber != "NIP 196910131997031004" || c.Cert.KeyUsage != x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment {
			t.Errorf("%s: subject %v, key usage %v", party, c.Cert.Subject, c.Cert.KeyUsage)
		}
		if _, err := LoadPKCS12(p12, data, []byte("wrong")); !errors.Is(err, ErrWrongPassword) {
			t.Errorf("wrong password: err = %v", err)
		}
	}
	if d := ca.Cert.NotAfter.Sub(testNow).Hours() / 24 / 365; d < 4.9 || d > 5.1 {
		t.Errorf("CA valid %.1f years, want 5", d)
	}
}

func TestGenerateKeyTypes(t *testing.T) {
	for _, kt := range []string{"p256", "p384", "rsa2048"} {
		k, err := GenerateKey(kt)
		if err != nil {
			t.Fatal(err)
		}
		if err := supportedKey(k.Public()); err != nil {
			t.Errorf("%s: %v", kt, err)
		}
	}
	if _, err := GenerateKey("ed25519"); err == nil {
		t.Error("ed25519: no error")
	}
}
