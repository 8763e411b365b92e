package main

import (
	"crypto/elliptic"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ThalesGroup/crypto11"

	"kinerja/internal/testtool"
	"kinerja/sign"
)

// softHSMModule is where Debian installs SoftHSM2's PKCS#11 library.
const softHSMModule = "/usr/lib/softhsm/libsofthsm2.so"

// requireTool skips (or fails when CI is set) if an outside tool is missing.
func requireTool(t *testing.T, name string) { testtool.Require(t, name) }

// softHSMToken creates token "kinerja" (PIN 1234) in a temp dir with an
// ECDSA key "pertama" whose certificate, issued by ca, is on the token.
func softHSMToken(t *testing.T, ca *sign.DevCA) {
	t.Helper()
	requireTool(t, "softhsm2-util")
	dir := t.TempDir()
	conf := filepath.Join(dir, "softhsm2.conf")
	if err := os.Mkdir(filepath.Join(dir, "tokens"), 0o700); err != nil {
		t.Fatal(err)
	}
	text := "directories.tokendir = " + filepath.Join(dir, "tokens") + "\nobjectstore.backend = file\nlog.level = ERROR\n"
	if err := os.WriteFile(conf, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SOFTHSM2_CONF", conf)
	cmd := exec.Command("softhsm2-util", "--init-token", "--free", "--label", "kinerja", "--pin", "1234", "--so-pin", "5678")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("softhsm2-util: %v\n%s", err, out)
	}
	ctx, err := crypto11.Configure(&crypto11.Config{Path: softHSMModule, TokenLabel: "kinerja", Pin: "1234"})
	if err != nil {
		t.Fatal(err)
	}
	defer ctx.Close()
	key, err := ctx.GenerateECDSAKeyPairWithLabel([]byte("01"), []byte("pertama"), elliptic.P256())
	if err != nil {
		t.Fatal(err)
	}
	cert, err := ca.Certify(time.Now(), sign.Identity{Name: "BLESSMIYANDA", Party: "pertama"}, key.Public())
	if err != nil {
		t.Fatal(err)
	}
	if err := ctx.ImportCertificateWithLabel([]byte("01"), []byte("pertama"), cert); err != nil {
		t.Fatal(err)
	}
	if err := ctx.ImportCertificateWithLabel([]byte("ca"), []byte("ca"), ca.Cert); err != nil { // the issuer, found on the token
		t.Fatal(err)
	}
}

func TestSignCLIPKCS11(t *testing.T) {
	f := newSignFixture(t)
	ca, err := sign.NewDevCA(time.Now(), "p256")
	if err != nil {
		t.Fatal(err)
	}
	softHSMToken(t, ca)
	pin := filepath.Join(f.dir, "pin")
	if err := os.WriteFile(pin, []byte("1234\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(f.dir, "signed.pdf")
	token := []string{"--party", "pertama", "--pkcs11-module", softHSMModule, "--token", "kinerja", "--key-label", "pertama"}
	t.Setenv("KINERJA_PIN", "0000")
	code, _, stderr := runCLI(append([]string{"sign", f.pdf, "-o", out}, token...)...)
	if code != exitBadInput || !strings.Contains(stderr, "wrong PIN") || strings.Contains(stderr, "0000") {
		t.Fatalf("wrong PIN from env: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCLI(append([]string{"sign", f.pdf, "-o", out, "--pin-file", pin}, token...)...)
	if code != exitOK {
		t.Fatalf("PKCS#11 pertama: exit %d: %s", code, stderr)
	}
	code, _, stderr = runCLI("sign", out, "-o", out, "--party", "kedua", "--key", f.p2, "--password-file", f.pass2)
	if code != exitOK {
		t.Fatalf("kedua after a token signature: exit %d: %s", code, stderr)
	}
}
