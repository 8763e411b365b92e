package verify

import (
	"strings"

	"kinerja/docinfo"
	"kinerja/identity"
)

// matchParties names the party of each signature. A signature in a
// party's field (kinerja.<party>) is that party's, and its certificate
// must be the party's signer (bindParty). Any other (a signature in a
// field of its own) is the party whose signer's name matches its /Name or
// its certificate's common name, normalised as package identity does;
// when no name is equal, a name contained word-wise in exactly one
// signer's name (or the reverse) is accepted.
func matchParties(rep *Report) {
	if rep.Info == nil {
		return
	}
	folded := map[string]string{}
	f := func(s string) string {
		if v, ok := folded[s]; ok {
			return v
		}
		folded[s] = identity.Normalize(s)
		return folded[s]
	}
	for i := range rep.Signatures {
		s := &rep.Signatures[i]
		if s.DocTimeStamp {
			continue // an authority's, no party's
		}
		if s.fieldParty != docinfo.NoParty && s.cert != nil {
			bindParty(rep.Info, s)
			continue
		}
		s.Party = partyOf(rep, []string{s.Name, s.commonName}, f)
	}
}

// bindingInvalidates makes a wrong-person certificate (SignerMismatch)
// invalidate the signature (INVALID, naming both); false would make it a
// warning. kinerja sign refuses such a certificate before writing, so
// only another tool puts one in a party's field.
const bindingInvalidates = true

// bindParty names s's party from its field and checks that the
// certificate is that party's signer (SignerMismatch). A mismatch is kept
// apart from Errors (Errors are about the signature's integrity and
// chain; the mismatch is about whose it is).
func bindParty(info *docinfo.Info, s *Signature) {
	s.Party = s.fieldParty
	for _, sg := range info.Signers {
		if sg.Party == s.fieldParty {
			if why := SignerMismatch(s.cert, sg); why != "" {
				msg := "signed for " + sg.Party.Title() + " by another person: " + why
				if bindingInvalidates {
					s.mismatch = msg
				} else {
					s.Warnings = append(s.Warnings, msg)
				}
			}
		}
	}
}

// partyOf returns the party whose signer matches one of names, or NoParty;
// fold folds names (cached by the caller).
func partyOf(rep *Report, names []string, fold func(string) string) docinfo.Party {
	for _, exact := range []bool{true, false} {
		match := docinfo.NoParty
		count := 0
		for _, sg := range rep.Info.Signers {
			for _, n := range names {
				if namesMatch(fold(n), fold(sg.Name), exact) {
					match = sg.Party
					count++
					break
				}
			}
		}
		if count == 1 {
			return match
		}
	}
	return docinfo.NoParty
}

// namesMatch compares folded names exactly or word-wise contained.
func namesMatch(a, b string, exact bool) bool {
	if a == "" || b == "" {
		return false
	}
	if exact {
		return a == b
	}
	return strings.Contains(" "+b+" ", " "+a+" ") || strings.Contains(" "+a+" ", " "+b+" ")
}
