package sign

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/internal/testpki"
	"kinerja/internal/testtool"
	"kinerja/render"
)

// wib is Western Indonesian Time.
var wib = time.FixedZone("WIB", 7*3600)

// testNow is the date of the dev PKI tests.
var testNow = time.Date(2026, 11, 27, 9, 30, 0, 0, wib)

// requireTool skips (or fails when CI is set) if an outside tool is missing.
func requireTool(t testing.TB, name string) string { return testtool.Require(t, name) }

// The sample agreement's parties, as the certificates name them: BSrE
// writes names without titles.
const (
	samplePath   = "../data/pk-2021-bppbj.toml"
	pertamaName  = "BLESSMIYANDA"
	pertamaNIP   = "196910131997031004"
	keduaCN      = "Anies Rasyid Baswedan" // "ANIES RASYID BASWEDAN, Ph.D" in the TOML
	keduaTOMLish = "ANIES RASYID BASWEDAN, Ph.D"
)

var (
	sampleOnce sync.Once
	sampleDoc  []byte
	sampleErr  error
)

// sample returns the sample agreement rendered (with its signature fields).
func sample(t testing.TB) []byte {
	t.Helper()
	sampleOnce.Do(func() { sampleDoc, sampleErr = renderFile(samplePath, nil) })
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sampleDoc
}

// renderFile renders an agreement TOML, changed by edit first when given.
func renderFile(path string, edit func(*data.Agreement)) ([]byte, error) {
	a, err := data.DecodeFile(path)
	if err != nil {
		return nil, err
	}
	if edit != nil {
		edit(a)
	}
	var b bytes.Buffer
	err = render.Agreement(&b, a)
	return b.Bytes(), err
}

// parties are a test PKI's credentials of both parties.
type parties struct {
	pki            *testpki.PKI
	pertama, kedua *Credential
}

// newParties issues both parties' certificates for keys of type typ
// (each party its own key, cached by testpki for the process).
func newParties(t testing.TB, typ testpki.KeyType) *parties {
	t.Helper()
	p := testpki.New(t)
	return &parties{pki: p,
		pertama: credentialOf(p.LeafKey(t, testpki.Key(t, typ, "pertama"), testpki.Spec{CommonName: pertamaName, SerialNumber: "NIP " + pertamaNIP})),
		kedua:   credentialOf(p.LeafKey(t, testpki.Key(t, typ, "kedua"), testpki.Spec{CommonName: keduaCN})),
	}
}

// credentialOf turns a test leaf into a credential.
func credentialOf(l *testpki.Leaf) *Credential {
	return &Credential{Cert: l.Cert, Chain: l.Chain[1:], Key: l.Key, Source: l.Cert.Subject.CommonName}
}

// both returns the options to sign for both parties.
func (p *parties) both(tsa string) []Options {
	return []Options{
		{Party: docinfo.Pertama, Credential: p.pertama, TSA: tsa, Location: "Jakarta"},
		{Party: docinfo.Kedua, Credential: p.kedua, TSA: tsa, Location: "Jakarta"},
	}
}

// writeTemp writes b into the test's temporary directory.
func writeTemp(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
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

// mustContain fails unless s contains every one of subs.
func mustContain(t testing.TB, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q:\n%s", what, sub, s)
		}
	}
}
