package verify

import (
	"crypto/x509"
	"fmt"
	"strings"
	"unicode"

	"kinerja/docinfo"
)

// SignerMismatch is the signer binding check: it returns why the
// certificate cert does not belong to the document's signer s, or "" when
// it does. Names are compared after folding case, accents, spacing and
// punctuation and dropping academic degrees and titles (Dr., Ir., S.H.,
// M.Si., Ph.D ...); NIPs are compared exactly when both the certificate
// (subject serialNumber "NIP <digits>", or digits alone) and s have one.
//
// TODO(pades): the signer branch creates the shared name normaliser used
// by sign as well; call it here instead of normalName when it is on main.
func SignerMismatch(cert *x509.Certificate, s docinfo.Signer) string {
	if cert == nil {
		return "no signer certificate"
	}
	cn := cert.Subject.CommonName
	if normalName(cn) == "" || normalName(cn) != normalName(s.Name) {
		return fmt.Sprintf("the certificate is %q's, but the document names %q as %s", cn, s.Name, s.Party.Title())
	}
	if nip := certNIP(cert); nip != "" && s.NIP != "" && nip != s.NIP {
		return fmt.Sprintf("the certificate's NIP %s is not %s's NIP %s", nip, s.Party.Title(), s.NIP)
	}
	return ""
}

// degrees are the titles and degrees dropped from names before they are
// compared, as folded words ("S.H." folds to "s h").
var degrees = map[string]bool{
	"dr": true, "drs": true, "dra": true, "ir": true, "prof": true, "h": true, "hj": true,
	"s": true, "m": true, "d": true, "a": true, "st": true, "sh": true, "se": true, "si": true,
	"sos": true, "sp": true, "ak": true, "mt": true, "msi": true, "mm": true, "mh": true,
	"ph": true, "phd": true, "md": true, "mpa": true, "mba": true, "ked": true, "kom": true,
	"pd": true, "ip": true, "ap": true, "ssos": true, "sip": true, "ssi": true, "skm": true,
	"t": true, "kes": true, "plt": true, "plh": true,
}

// normalName folds a name (fold) and drops degree and title words.
func normalName(name string) string {
	var out []string
	for _, w := range strings.Fields(fold(name)) {
		if !degrees[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// certNIP returns the NIP in the certificate subject's serialNumber, or "".
func certNIP(cert *x509.Certificate) string {
	s := strings.TrimSpace(strings.TrimPrefix(cert.Subject.SerialNumber, "NIP"))
	s = strings.ReplaceAll(s, " ", "")
	if len(s) != 18 || strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
		return ""
	}
	return s
}

// fieldParty is the party whose signature field holds a signature: by the
// field name render gives it ("kinerja.pertama"), or (legacy pdfsign
// fields) by a widget inside the party's reserved box; NoParty when the
// field says nothing.
func fieldParty(info *docinfo.Info, sd *sigDict) docinfo.Party {
	if info == nil || sd == nil {
		return docinfo.NoParty
	}
	for _, s := range info.Signers {
		if sd.field == "kinerja."+string(s.Party) {
			return s.Party
		}
	}
	r := sd.rect
	if (r[2]-r[0])*(r[3]-r[1]) == 0 {
		return docinfo.NoParty
	}
	for _, s := range info.Signers {
		if inBox(r, s.Rect) {
			return s.Party
		}
	}
	return docinfo.NoParty
}
