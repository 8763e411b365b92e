package sign

import (
	"crypto/elliptic"
	"crypto/x509"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ThalesGroup/crypto11"

	"kinerja/docinfo"
)

// softHSMModule is where Debian installs SoftHSM2's PKCS#11 library.
const softHSMModule = "/usr/lib/softhsm/libsofthsm2.so"

// setupSoftHSM creates a token "kinerja" (PIN 1234) in a temporary
// directory and points SOFTHSM2_CONF at it.
func setupSoftHSM(t *testing.T) {
	t.Helper()
	requireTool(t, "softhsm2-util")
	if _, err := os.Stat(softHSMModule); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("SoftHSM2 module missing: %v", err)
		}
		t.Skipf("\n\n*** SKIPPED: %s missing ***\n", softHSMModule)
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "softhsm2.conf")
	tokens := filepath.Join(dir, "tokens")
	if err := os.Mkdir(tokens, 0o700); err != nil {
		t.Fatal(err)
	}
	text := "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n"
	if err := os.WriteFile(conf, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SOFTHSM2_CONF", conf)
	out, err := runTool(t, nil, "softhsm2-util", "--init-token", "--free", "--label", "kinerja", "--pin", "1234", "--so-pin", "5678")
	if err != nil {
		t.Fatalf("softhsm2-util: %v\n%s", err, out)
	}
}

// tokenKey generates a key on the token with the given label and stores a
// certificate issued by ca under the same label.
func tokenKey(t *testing.T, ca *DevCA, label, name, keyType string) {
	t.Helper()
	ctx, err := crypto11.Configure(&crypto11.Config{Path: softHSMModule, TokenLabel: "kinerja", Pin: "1234"})
	if err != nil {
		t.Fatal(err)
	}
	defer ctx.Close()
	var key crypto11.Signer
	switch keyType {
	case "p256":
		key, err = ctx.GenerateECDSAKeyPairWithLabel([]byte(label), []byte(label), elliptic.P256())
	case "rsa2048":
		key, err = ctx.GenerateRSAKeyPairWithLabel([]byte(label), []byte(label), 2048)
	}
	if err != nil {
		t.Fatal(err)
	}
	id := leafIdentity(name, docinfo.Party(label), keyType)
	cert, err := ca.Certify(testNow, id, key.Public())
	if err != nil {
		t.Fatal(err)
	}
	if err := ctx.ImportCertificateWithLabel([]byte(label), []byte(label), cert); err != nil {
		t.Fatal(err)
	}
}

func TestPKCS11SoftHSM(t *testing.T) {
	setupSoftHSM(t)
	p := getPKI(t, "p256")
	tokenKey(t, p.ca, "pertama", "BLESSMIYANDA", "p256")
	tokenKey(t, p.ca, "kedua", "Dr. Ir. Hérvé Çağlar, M.Sc.", "rsa2048")
	if _, err := OpenPKCS11(PKCS11Config{Module: softHSMModule, Token: "kinerja", KeyLabel: "pertama", PIN: []byte("0000")}); err == nil ||
		!strings.Contains(err.Error(), "wrong PIN") {
		t.Fatalf("wrong PIN: err = %v", err)
	}
	open := func(label string, certPEM []byte) *Credential {
		c, err := OpenPKCS11(PKCS11Config{Module: softHSMModule, Token: "kinerja", KeyLabel: label, PIN: []byte("1234"), CertPEM: certPEM})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = c.Close() })
		return c
	}
	pert := open("pertama", nil)
	// kedua: certificate and chain given as PEM instead of read from the token.
	fromToken := open("kedua", nil)
	kedua := open("kedua", append(pemOf(fromToken.Cert), pemOf(p.ca.Cert)...))
	if len(kedua.Chain) != 1 {
		t.Fatalf("chain from PEM: %d certificates, want 1", len(kedua.Chain))
	}
	pert.Chain = []*x509.Certificate{p.ca.Cert}
	signed, err := SignAll(makePDF(t, testInfo(), pdfOpts{}),
		Options{Party: "pertama", Credential: pert, Now: clock},
		Options{Party: "kedua", Credential: kedua, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	checkExternal(t, signed, writeCAPEM(t, t.TempDir(), p.ca.Cert), 2)
}
