package docinfo

import "fmt"

// Party is one of the parties that sign a kinerja document, spelled as in
// JSON and on the command line. The zero value NoParty is no party (a
// signature matched to nobody).
type Party string

// The parties, in signing order.
const (
	NoParty Party = ""
	Pertama Party = "pertama" // PIHAK PERTAMA, signs first
	Kedua   Party = "kedua"   // PIHAK KEDUA, signs second
)

// Parties are the parties that may sign, in signing order.
var Parties = []Party{Pertama, Kedua}

// String returns the party's text form ("" for NoParty).
func (p Party) String() string { return string(p) }

// Label returns the party's word as printed on the form: "PERTAMA" or
// "KEDUA" ("" for NoParty or an unknown party).
func (p Party) Label() string {
	switch p {
	case Pertama:
		return "PERTAMA"
	case Kedua:
		return "KEDUA"
	}
	return ""
}

// Title returns "PIHAK PERTAMA" or "PIHAK KEDUA", else "party unknown".
func (p Party) Title() string {
	if l := p.Label(); l != "" {
		return "PIHAK " + l
	}
	return "party unknown"
}

// ParseParty returns the party spelled s: "pertama" or "kedua".
func ParseParty(s string) (Party, error) {
	for _, p := range Parties {
		if string(p) == s {
			return p, nil
		}
	}
	return NoParty, fmt.Errorf("unknown party %q (want %s or %s)", s, Pertama, Kedua)
}

// Kind is the kind of a kinerja document, spelled as in JSON. The zero
// value NoKind is an unknown kind.
type Kind string

// The kinds of document.
const (
	NoKind    Kind = ""
	Agreement Kind = "perjanjian" // perjanjian kinerja: signed by both parties
	Report    Kind = "laporan"    // laporan (quarterly report): signed by PIHAK PERTAMA
)

// String returns the kind's text form ("" for NoKind).
func (k Kind) String() string { return string(k) }

// Parties returns the parties whose signatures make a document of kind k
// complete, in signing order: both for an agreement, PIHAK PERTAMA for a
// report, none for an unknown kind.
func (k Kind) Parties() []Party {
	switch k {
	case Agreement:
		return []Party{Pertama, Kedua}
	case Report:
		return []Party{Pertama}
	}
	return nil
}
