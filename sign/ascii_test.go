package sign

import "testing"

func TestASCII(t *testing.T) {
	cases := map[string]string{
		"Blessmiyanda":             "Blessmiyanda",
		"Drs. Hérvé Çağlar, M.Si.": "Drs. Herve Caglar, M.Si.",
		"“PIHAK PERTAMA” — setuju": `"PIHAK PERTAMA" - setuju`,
		"Jl. Kebon Sirih\nNo. 18":  "Jl. Kebon Sirih No. 18",
		"Straße ≥ 90%":             "Strasse >= 90%",
		"ﬁ ligature":               "fi ligature",
		"北京":                       "??",
	}
	for in, want := range cases {
		if got := ASCII(in); got != want {
			t.Errorf("ASCII(%q) = %q, want %q", in, got, want)
		}
	}
}
