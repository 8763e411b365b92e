package verify

import (
	"crypto/x509"
	"fmt"

	"kinerja/docinfo"
	"kinerja/identity"
)

// SignerMismatch is the signer binding check: it returns why the
// certificate cert does not belong to the document's signer s, or "" when
// it does. The holder is read and compared as package sign does before it
// signs (package identity): names after folding case, accents, spacing and
// punctuation and dropping academic degrees and titles (Dr., Ir., S.H.,
// M.Si., Ph.D ...); NIPs exactly when both the certificate (subject
// serialNumber) and s have one.
func SignerMismatch(cert *x509.Certificate, s docinfo.Signer) string {
	if cert == nil {
		return "no signer certificate"
	}
	h := identity.Of(cert)
	if !identity.SameName(h.Name, s.Name) {
		return fmt.Sprintf("the certificate is %q's, but the document names %q as %s", h.Name, s.Name, s.Party.Title())
	}
	if want := identity.Digits(s.NIP); h.NIP != "" && want != "" && h.NIP != want {
		return fmt.Sprintf("the certificate's NIP %s is not %s's NIP %s", h.NIP, s.Party.Title(), want)
	}
	return ""
}

// fieldParty is the party whose signature field holds a signature, by
// the fully qualified field name render gives it ("kinerja.pertama"), or
// for a field of its own (BSrE's) by its widget's rectangle inside the
// party's reserved block; NoParty otherwise.
func fieldParty(info *docinfo.Info, sd *sigDict) docinfo.Party {
	if info == nil || sd == nil {
		return docinfo.NoParty
	}
	for _, s := range info.Signers {
		if sd.field == docinfo.FieldName(s.Party) {
			return s.Party
		}
	}
	if sd.hasRect {
		return blockParty(info, sd.rect)
	}
	return docinfo.NoParty
}
