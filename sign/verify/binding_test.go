package verify

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"strings"
	"testing"

	"kinerja/docinfo"
)

// TestSignerMismatch checks the signer binding: titles and degrees,
// case, accents and punctuation do not matter; another name or NIP does.
func TestSignerMismatch(t *testing.T) {
	signer := docinfo.Signer{Party: docinfo.Pertama, Name: "Dr. Ir. Sití Âminah, S.H., M.Si.", NIP: "196910131997031004"}
	for _, tc := range []struct {
		cn, serial, want string
	}{
		{"SITI AMINAH", "", ""},
		{"Siti Aminah, Ph.D", "NIP 196910131997031004", ""},
		{"Siti Aminah", "NIP 196910131997031005", "the certificate's NIP 196910131997031005 is not PIHAK PERTAMA's NIP 196910131997031004"},
		{"Budi Santoso", "", `the certificate is "Budi Santoso"'s, but the document names "Dr. Ir. Sití Âminah, S.H., M.Si." as PIHAK PERTAMA`},
		{"Aminah", "", "the certificate is"},
	} {
		cert := &x509.Certificate{Subject: pkix.Name{CommonName: tc.cn, SerialNumber: tc.serial}}
		got := SignerMismatch(cert, signer)
		if (got == "") != (tc.want == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%q %q: %q, want %q", tc.cn, tc.serial, got, tc.want)
		}
	}
}
