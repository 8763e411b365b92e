package identity

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"BLESSMIYANDA", "blessmiyanda"},
		{"Dr. Ir. Hérvé Çağlar, M.Sc.", "herve caglar"},
		{"Prof. Dr. H. Budi  Santoso, S.H., M.Si., Ph.D", "budi santoso"},
		{"Hj. Siti Aminah S.E. M.M.", "siti aminah"},
		{"Dra. Ma'ruf Amin", "maruf amin"},
		{"Budi Santoso SH MSi", "budi santoso"},
		{"ir", "ir"},                              // a title alone stays
		{"Ahmad H. Sulaiman", "ahmad h sulaiman"}, // never from the middle
		{"Siti-Aminah", "siti aminah"},
		{"", ""},
	} {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOf(t *testing.T) {
	for _, c := range []struct{ serial, nip, nik string }{
		{"NIP 196910131997031004", "196910131997031004", ""},
		{"196910131997031004", "196910131997031004", ""},
		{"NIK 3171234567890123", "", "3171234567890123"},
		{"PNOID-3171234567890123", "", "3171234567890123"},
		{"3171234567890123", "", "3171234567890123"},
		{"ABC123", "", ""},
		{"", "", ""},
	} {
		h := Of(&x509.Certificate{Subject: pkix.Name{CommonName: " Budi ", SerialNumber: c.serial}})
		if h.Name != "Budi" || h.NIP != c.nip || h.NIK != c.nik {
			t.Errorf("Of(serial %q) = %+v, want NIP %q NIK %q", c.serial, h, c.nip, c.nik)
		}
	}
}

func TestMatch(t *testing.T) {
	h := Holder{Name: "Herve Caglar", NIP: "196910131997031004"}
	if err := Match(h, "Dr. Ir. Hérvé Çağlar, M.Sc.", "19691013 199703 1 004"); err != nil {
		t.Errorf("same person refused: %v", err)
	}
	if err := Match(Holder{Name: "Herve Caglar"}, "Dr. Hérvé Çağlar", "196910131997031004"); err != nil {
		t.Errorf("certificate without NIP refused: %v", err)
	}
	err := Match(h, "Budi Santoso", "")
	if err == nil || !strings.Contains(err.Error(), `"Herve Caglar"`) || !strings.Contains(err.Error(), `"Budi Santoso"`) {
		t.Errorf("other person: err = %v, want both names", err)
	}
	err = Match(h, "Herve Caglar", "196910131997031005")
	if err == nil || !strings.Contains(err.Error(), "196910131997031005") {
		t.Errorf("other NIP: err = %v", err)
	}
	if Match(Holder{}, "", "") == nil {
		t.Error("empty names matched")
	}
}
