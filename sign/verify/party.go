package verify

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"kinerja/docinfo"
)

// matchParties sets the Party of each signature whose signer name (the
// signature /Name or the certificate's common name) matches one of the
// document's signers. Names are compared ASCII-folded and case-folded;
// when no name is equal, a name contained word-wise in exactly one
// signer's name (or the reverse: titles such as "Dr." or ", S.T." differ
// between certificate and document) is accepted.
func matchParties(rep *Report) {
	if rep.Info == nil {
		return
	}
	folded := map[string]string{}
	f := func(s string) string {
		if v, ok := folded[s]; ok {
			return v
		}
		folded[s] = fold(s)
		return folded[s]
	}
	for i := range rep.Signatures {
		s := &rep.Signatures[i]
		if s.fieldParty != docinfo.NoParty && s.cert != nil {
			bindParty(rep.Info, s)
			continue
		}
		s.Party = partyOf(rep, []string{s.Name, s.commonName}, f)
	}
}

// bindingInvalidates makes a wrong-person certificate (SignerMismatch)
// invalidate the signature; while false it is a warning.
//
// TODO(pades): set it when the signer branch is merged: today's signer
// signs for anyone, and batch's pipeline test signs every generated
// agreement with one certificate per party ("Kepala Perangkat Daerah",
// "Gubernur"), which the check would fail.
const bindingInvalidates = false

// bindParty names s's party from its field and checks that the
// certificate is that party's signer (SignerMismatch). A mismatch is kept
// apart from Errors: the pdfsign-based signer checks its output by Errors.
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

// fold transliterates s to lower-case ASCII words separated by one space:
// accents are dropped ("é" → "e"), punctuation separates words.
func fold(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}
