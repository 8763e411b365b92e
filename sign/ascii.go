package sign

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// asciiTable maps characters that do not decompose to a base letter.
var asciiTable = map[rune]string{
	'“': `"`, '”': `"`, '„': `"`, '«': `"`, '»': `"`,
	'‘': "'", '’': "'", '‚': "'", '′': "'", '″': `"`,
	'—': "-", '–': "-", '‐': "-", '‑': "-", '−': "-",
	'…': "...", '•': "*", '·': ".", '×': "x", '≥': ">=", '≤': "<=",
	'ß': "ss", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE",
	'ø': "o", 'Ø': "O", 'đ': "d", 'Đ': "D", 'ł': "l", 'Ł': "L",
	'ı': "i", 'þ': "th", 'Þ': "Th", 'ð': "d", 'Ð': "D",
	'\u00a0': " ", '\u2009': " ", '\u202f': " ",
}

// ASCII transliterates s for the signature dictionary fields that pdfsign
// can only write correctly as ASCII: accents are dropped (é → e), typographic
// quotes and dashes become their ASCII forms (“ → ", — → -), control
// characters become spaces and anything else unknown becomes '?'.
func ASCII(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		case r < 0x80:
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// combining mark left over from the decomposition: drop
		case asciiTable[r] != "":
			b.WriteString(asciiTable[r])
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}
