package identity

import (
	"crypto/x509"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Holder is who a certificate names.
type Holder struct {
	Name string // subject commonName, as written
	NIP  string // 18-digit civil servant number, "" when the certificate has none
	NIK  string // 16-digit national identity number, "" when it has none
}

// Of returns the holder named by cert's subject.
func Of(cert *x509.Certificate) Holder {
	h := Holder{Name: strings.TrimSpace(cert.Subject.CommonName)}
	h.NIP, h.NIK = numbers(cert.Subject.SerialNumber)
	return h
}

// numbers reads a subject serialNumber as a NIP or a NIK.
func numbers(serial string) (nip, nik string) {
	s := strings.ToUpper(strings.TrimSpace(serial))
	kind := ""
	for _, p := range []string{"NIP", "NIK", "PNOID-", "IDCID-"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			kind, s = p, strings.TrimLeft(rest, " :-")
			break
		}
	}
	digits := Digits(s)
	if digits == "" || len(digits) != len(strings.ReplaceAll(s, " ", "")) {
		return "", ""
	}
	switch {
	case kind == "NIP" || (kind == "" && len(digits) == 18):
		return digits, ""
	case kind != "" || len(digits) == 16:
		return "", digits
	}
	return "", ""
}

// Digits returns the decimal digits of s, in order.
func Digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// Normalize returns the comparable form of a person's name: lower-case
// ASCII words separated by one space, without the titles and degrees of
// the tables in titles.go at its edges (see the package documentation).
func Normalize(name string) string {
	name, _, _ = strings.Cut(name, ",")
	words := strings.Fields(name)
	for len(words) > 1 && prefixTitles[key(words[0])] {
		words = words[1:]
	}
	for len(words) > 1 && suffixDegrees[key(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	return fold(strings.Join(words, " "))
}

// SameName reports whether two names are the same person's name once
// normalised; an empty name matches nothing.
func SameName(a, b string) bool {
	na, nb := Normalize(a), Normalize(b)
	return na != "" && na == nb
}

// Match checks that the certificate's holder is the person named name
// with NIP nip ("" when the party has none). The error names both.
func Match(h Holder, name, nip string) error {
	if !SameName(h.Name, name) {
		return fmt.Errorf("the certificate is issued to %q, not to %q (names compared without case, punctuation and titles)", h.Name, name)
	}
	if want := Digits(nip); h.NIP != "" && want != "" && h.NIP != want {
		return fmt.Errorf("the certificate of %q carries NIP %s, the document names NIP %s", h.Name, h.NIP, want)
	}
	return nil
}

// key is a word as the title tables spell it: folded, without dots or
// other punctuation.
func key(word string) string {
	return strings.ReplaceAll(fold(word), " ", "")
}

// fold transliterates s to lower-case ASCII letters and digits in words
// separated by one space: accents are dropped, apostrophes removed, and
// any other punctuation or space separates words.
func fold(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '\u2019', r == '`':
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
