package sign

import (
	"crypto/elliptic"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ThalesGroup/crypto11"

	"kinerja/docinfo"
	"kinerja/internal/testpki"
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

// tokenKey generates a key of type typ on the token with the given label
// and stores a certificate for it, issued by p's intermediate, under the
// same label.
func tokenKey(t *testing.T, p *testpki.PKI, label string, typ testpki.KeyType, spec testpki.Spec) {
	t.Helper()
	ctx := tokenContext(t)
	defer ctx.Close()
	var key crypto11.Signer
	var err error
	switch typ {
	case testpki.P256:
		key, err = ctx.GenerateECDSAKeyPairWithLabel([]byte(label), []byte(label), elliptic.P256())
	case testpki.P384:
		key, err = ctx.GenerateECDSAKeyPairWithLabel([]byte(label), []byte(label), elliptic.P384())
	case testpki.RSA2048, testpki.RSA3072, testpki.RSA4096:
		bits, _ := strconv.Atoi(strings.TrimPrefix(string(typ), "rsa"))
		key, err = ctx.GenerateRSAKeyPairWithLabel([]byte(label), []byte(label), bits)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := ctx.ImportCertificateWithLabel([]byte(label), []byte(label), p.Issue(t, key.Public(), spec)); err != nil {
		t.Fatal(err)
	}
}

// tokenContext opens the test token.
func tokenContext(t *testing.T) *crypto11.Context {
	t.Helper()
	ctx, err := crypto11.Configure(&crypto11.Config{Path: softHSMModule, TokenLabel: "kinerja", Pin: "1234"})
	if err != nil {
		t.Fatal(err)
	}
	return ctx
}

// importCAs stores the PKI's intermediate and root on the token.
func importCAs(t *testing.T, p *testpki.PKI) {
	t.Helper()
	ctx := tokenContext(t)
	defer ctx.Close()
	for i, c := range p.Chain() {
		id := []byte("ca" + strconv.Itoa(i))
		if err := ctx.ImportCertificateWithLabel(id, id, c); err != nil {
			t.Fatal(err)
		}
	}
}

// openToken opens the key labelled label.
func openToken(t *testing.T, label string, chainPEM []byte) (*Credential, error) {
	t.Helper()
	c, err := OpenPKCS11(PKCS11Config{Module: softHSMModule, Token: "kinerja", KeyLabel: label, PIN: []byte("1234"), ChainPEM: chainPEM})
	if err == nil {
		t.Cleanup(func() { _ = c.Close() })
	}
	return c, err
}

// A token holding only the signer's certificate is refused until the
// chain is given with --chain or its CAs are stored on the token; a wrong
// PIN says so.
func TestPKCS11Chain(t *testing.T) {
	setupSoftHSM(t)
	p := testpki.New(t)
	tokenKey(t, p, "pertama", testpki.P256, testpki.Spec{CommonName: pertamaName})
	if _, err := OpenPKCS11(PKCS11Config{Module: softHSMModule, Token: "kinerja", KeyLabel: "pertama", PIN: []byte("0000")}); err == nil ||
		!strings.Contains(err.Error(), "wrong PIN") {
		t.Fatalf("wrong PIN: err = %v", err)
	}
	if _, err := openToken(t, "pertama", nil); !errors.Is(err, ErrIncompleteChain) {
		t.Fatalf("no issuers: err = %v, want ErrIncompleteChain", err)
	}
	var chainPEM []byte
	for _, c := range p.Chain() {
		chainPEM = append(chainPEM, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})...)
	}
	c, err := openToken(t, "pertama", chainPEM)
	if err != nil || len(c.Chain) != 2 {
		t.Fatalf("--chain: %v, chain %d", err, len(c.Chain))
	}
	importCAs(t, p)
	c, err = openToken(t, "pertama", nil)
	if err != nil || len(c.Chain) != 2 || !selfSigned(c.Chain[1]) {
		t.Fatalf("CAs on the token: %v", err)
	}
}

// Every key type on a token signs both parties, with and without a
// timestamp; pdfsig, mutool and qpdf accept the result.
func TestPKCS11Matrix(t *testing.T) {
	setupSoftHSM(t)
	p := testpki.New(t)
	importCAs(t, p)
	tsa := p.StartTSA(t).URL
	for _, typ := range testpki.KeyTypes {
		tokenKey(t, p, "pertama-"+string(typ), typ, testpki.Spec{CommonName: pertamaName, SerialNumber: "NIP " + pertamaNIP})
		tokenKey(t, p, "kedua-"+string(typ), typ, testpki.Spec{CommonName: keduaCN})
		pert, err := openToken(t, "pertama-"+string(typ), nil)
		if err != nil {
			t.Fatal(err)
		}
		kedua, err := openToken(t, "kedua-"+string(typ), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, url := range []string{"", tsa} {
			signed, err := SignAll(sample(t),
				Options{Party: docinfo.Pertama, Credential: pert, TSA: url},
				Options{Party: docinfo.Kedua, Credential: kedua, TSA: url})
			if err != nil {
				t.Fatalf("%s tsa %q: %v", typ, url, err)
			}
			checkExternal(t, signed, p.RootPEM(), 2)
		}
	}
}
