package bsretest

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kinerja/docinfo"
	"kinerja/identity"
	"kinerja/internal/testpki"
)

// Test client credentials and the users' NIKs and passphrases of a
// Fixture. The passphrases are distinctive so that tests can look for
// them in every output.
const (
	ClientUser     = "kinerja-test-client"
	ClientPassword = "client-secret-4b1d"
	NIKPertama     = "3171000000000001"
	NIKKedua       = "3171000000000002"
	NIKExpired     = "3171000000000003"
	NIKImpostor    = "3171000000000009"
)

// Passphrase returns the test passphrase of the user with nik.
func Passphrase(nik string) string { return "sandi-rahasia-" + nik[12:] + "-Zq7" }

// Fixture is a stand-in serving on 127.0.0.1 with a user per signer of a
// document (certificates of the test PKI named as the signers, without
// titles), an impostor, and a user whose certificate has expired.
type Fixture struct {
	*Service
	PKI *testpki.PKI
	URL string
	NIK map[docinfo.Party]string
}

// NewFixture starts the stand-in for the signers; t.Cleanup stops it.
func NewFixture(tb testing.TB, signers []docinfo.Signer) *Fixture {
	tb.Helper()
	pki := testpki.New(tb)
	f := &Fixture{PKI: pki, NIK: map[docinfo.Party]string{}, Service: &Service{ClientUser: ClientUser,
		ClientPassword: ClientPassword, Users: map[string]*User{}, Delay: 2 * time.Second}}
	niks := []string{NIKPertama, NIKKedua}
	for i, s := range signers {
		if i >= len(niks) {
			break
		}
		f.NIK[s.Party] = niks[i]
		f.Users[niks[i]] = f.user(tb, niks[i], s.Name, s.NIP)
	}
	f.Impostor = f.user(tb, NIKImpostor, "Orang Lain", "")
	f.Users[NIKExpired] = f.user(tb, NIKExpired, "Pejabat Lama", "")
	f.Users[NIKExpired].Status = "EXPIRED"
	srv := httptest.NewServer(f.Service)
	tb.Cleanup(srv.Close)
	f.URL = srv.URL
	return f
}

// user issues a certificate named name (titles dropped) to a new user.
func (f *Fixture) user(tb testing.TB, nik, name, nip string) *User {
	spec := testpki.Spec{CommonName: plainName(name)}
	if nip != "" {
		spec.SerialNumber = "NIP " + identity.Digits(nip)
	}
	leaf := f.PKI.LeafKey(tb, testpki.Key(tb, testpki.P256, "bsre-"+nik), spec)
	return &User{NIK: nik, Passphrase: Passphrase(nik), Key: leaf.Key, Chain: leaf.Chain}
}

// plainName is a name as BSrE writes it in a certificate: without the
// degrees after a comma.
func plainName(name string) string {
	before, _, _ := strings.Cut(name, ",")
	return strings.TrimSpace(before)
}

// ProfileFile writes into dir a bsre.toml with the profile "uji" for the
// fixture (API version, placement, origin, then the lines of extra), the
// client credentials (esign.cred), the test root (ca.pem, with the PEM
// certificates of moreRoots) and the users' passphrase files
// (<party>.pass), and returns the path of bsre.toml.
func (f *Fixture) ProfileFile(tb testing.TB, dir string, version int, placement, origin, extra string, moreRoots ...[]byte) string {
	tb.Helper()
	roots := append([]byte(nil), f.PKI.RootPEM()...)
	for _, r := range moreRoots {
		roots = append(roots, r...)
	}
	files := map[string][]byte{
		"ca.pem":     roots,
		"esign.cred": []byte(ClientUser + ":" + ClientPassword + "\n"),
		"bsre.toml": fmt.Appendf(nil, "[profil.uji]\nurl = %q\nversi = %d\nkredensial_file = \"esign.cred\"\npenempatan = %q\n"+
			"asal = %q\nakar = \"ca.pem\"\nalasan = \"Menyetujui\"\nlokasi = \"Jakarta\"\n%s\n[profil.uji.nik]\npertama = %q\nkedua = %q\n",
			f.URL, version, placement, origin, extra, NIKPertama, NIKKedua),
	}
	for party, nik := range f.NIK {
		files[string(party)+".pass"] = []byte(Passphrase(nik) + "\n")
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
	return filepath.Join(dir, "bsre.toml")
}
