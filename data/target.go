package data

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"kinerja/pesan"
)

var (
	reNumber = regexp.MustCompile(`^(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?$`)
	// rePredicate matches "(3) WTP", "A (81)" and "BB".
	rePredicate = regexp.MustCompile(`^(?:\((\d+(?:,\d+)?)\) ?)?([A-Z][A-Z+-]{0,7})(?: ?\((\d+(?:,\d+)?)\))?$`)
)

// MaxValue bounds every number of an agreement or realisasi: targets,
// realisasi and budget figures. It is above any budget in rupiah a
// government unit has (10^15 = a thousand trillion) and keeps computed
// percentages, charts and sums finite and of sensible size.
const MaxValue = 1e15

// CheckValue refuses a number that is not finite or beyond MaxValue,
// with a message that names what was written.
func CheckValue(written string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > MaxValue {
		if len(written) > 40 {
			written = written[:36] + pesan.Sprintf("… (%d characters)", len(written))
		}
		return pesan.Errorf("%s is beyond the largest number kinerja accepts (%s); expected a number of at most 15 digits before the decimal comma", written, "1.000.000.000.000.000")
	}
	return nil
}

// targetHint is what a target may look like, for messages.
const targetHint = "expected N/A, a percentage like 91%, a number like 4 or 3,5, or a predicate like WTP, (3) WTP or A (81)"

var (
	// reNote is a note in parentheses after the value: "38% (Evaluasi
	// Semester I)". A parenthesis holding only a number is a predicate's
	// value ("A (81)"), not a note.
	reNote = regexp.MustCompile(`^(.*\S) ?(\([^()]*\p{L}[^()]*\p{L}[^()]*\))$`)
	// reUnitAfter is a number followed by its unit: "70 Indeks", "86 Laporan".
	reUnitAfter = regexp.MustCompile(`^([\d.,]+) ?(%?) ([\p{L}][\p{L}/ .-]*)$`)
	// reUnitBefore is a unit word before the number: "Skala 7", "Level 3".
	reUnitBefore = regexp.MustCompile(`^(\p{Lu}\p{Ll}+) ([\d.,]+ ?%?)$`)
	// reDotDecimal is a percentage with a dot ("95.560%") or a number
	// with dots that do not group thousands ("2.5", "12.75"), tried after
	// reNumber.
	reDotDecimal = regexp.MustCompile(`^\d+(?:\.\d+)+ ?%$|^\d+(?:\.\d+)+$`)
)

// comparators maps each comparator as written (lower case) to its symbol.
// Longer words come first so that "kurang dari" wins over shorter prefixes.
var comparators = []struct{ word, sym string }{
	{"sekurang-kurangnya", "≥"}, {"paling sedikit", "≥"}, {"paling banyak", "≤"},
	{"kurang dari", "<"}, {"lebih dari", ">"}, {"minimal", "≥"}, {"maksimal", "≤"},
	{"min.", "≥"}, {"maks.", "≤"}, {"<=", "≤"}, {">=", "≥"}, {"≤", "≤"}, {"≥", "≥"}, {"<", "<"}, {">", ">"},
}

// ParseTarget parses one target cell as written in an agreement: N/A (or
// NA), a percentage (91%, 12,5%), a number (4, 3,5, 1.250), a number with
// its unit (70 Indeks, Skala 7) or a predicate (WTP, (3) WTP, A (81), BB),
// optionally after a comparator (< 49, ≤ 2,5, kurang dari 49, minimal 80%)
// and before a note in parentheses (38% (Evaluasi Semester I)). Text keeps
// the target as written. Numbers use the Indonesian decimal comma; a dot
// only groups thousands, so 95.560% and 2.5 are refused with a hint.
// A percentage or number may be negative (-1,41%, with a hyphen or the
// minus sign U+2212).
func ParseTarget(s string) (Target, error) {
	if t, neg, err := negativeTarget(s); neg {
		return t, err
	}
	s = singleSpaced(s)
	if strings.EqualFold(s, "N/A") || strings.EqualFold(s, "NA") {
		return Target{Text: s, Kind: NA}, nil
	}
	rest, note := cutNote(s)
	cmp, rest := cutComparator(rest)
	t, err := parseValue(rest)
	if err != nil {
		return Target{}, pesan.Errorf("%q is not a target; %w", s, err)
	}
	t.Text, t.Note, t.Comparator = s, note, cmp
	if err := CheckValue(strconv.Quote(s), t.Value); err != nil {
		return Target{}, err
	}
	return t, nil
}

// singleSpaced trims s and turns every run of white space into one
// space, like strings.Join(strings.Fields(s), " "), without allocating
// when s is already so.
func singleSpaced(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c != ' ' && asciiSpace(c) || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// asciiSpace reports the ASCII bytes strings.Fields splits at.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// cutNote splits a note in parentheses (reNote) off the end of s.
func cutNote(s string) (rest, note string) {
	if !strings.HasSuffix(s, ")") {
		return s, "" // the cheap test first: reNote ends in a parenthesis
	}
	if m := reNote.FindStringSubmatch(s); m != nil {
		return m[1], m[2]
	}
	return s, ""
}

// cutComparator splits a leading comparator off s and returns its symbol.
func cutComparator(s string) (sym, rest string) {
	low := strings.ToLower(s)
	for _, c := range comparators {
		if r, ok := strings.CutPrefix(low, c.word); ok && r != "" && (r[0] == ' ' || !isLetterWord(c.word)) {
			return c.sym, strings.TrimSpace(s[len(s)-len(r):])
		}
	}
	return "", s
}

// isLetterWord reports whether a comparator is a word (needs a space after it).
func isLetterWord(w string) bool { return w[0] >= 'a' && w[0] <= 'z' }

// parseValue parses the value part of a target: percentage, number, number
// with unit or predicate.
func parseValue(s string) (Target, error) {
	var t Target
	if !strings.Contains(s, " ") {
		// neither unit pattern matches: both hold a space
	} else if m := reUnitBefore.FindStringSubmatch(s); m != nil {
		s, t.Unit = m[2], m[1]
	} else if m := reUnitAfter.FindStringSubmatch(s); m != nil {
		s, t.Unit = m[1]+m[2], m[3]
	}
	switch m := percentOf(s); {
	case m != "":
		t.Kind, t.HasValue = Percent, true
		t.Value = parseIDNumber(m)
	case reNumber.MatchString(s):
		t.Kind, t.HasValue = Number, true
		t.Value = parseIDNumber(s)
	case t.Unit == "" && rePredicate.MatchString(s):
		return parsePredicate(s)
	default:
		return Target{}, errors.New(targetHint)
	}
	return t, nil
}

// percentOf returns the number of a percentage, digits with an optional
// decimal comma before an optional space and "%" ("91%", "12,5 %"), or "".
func percentOf(s string) string {
	n, ok := strings.CutSuffix(s, "%")
	n = strings.TrimSuffix(n, " ")
	if !ok || !isDecimal(n) {
		return ""
	}
	return n
}

// isDecimal reports whether s is digits with an optional decimal comma
// and more digits.
func isDecimal(s string) bool {
	whole, frac, comma := strings.Cut(s, ",")
	return isDigits(whole) && (!comma || isDigits(frac))
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// misplacedDecimal says how to write a number whose dot is almost
// certainly a decimal point (95.560%, 2.5), or "" when s has none. A dot
// groups thousands in Indonesian numbers, so such a number is never read
// as 95 560.
func misplacedDecimal(s string) string {
	if !strings.Contains(s, ".") {
		return "" // the cheap test first: reDotDecimal needs a dot
	}
	_, rest := cutComparator(singleSpaced(s))
	rest, _ = cutNote(rest)
	if m := reUnitAfter.FindStringSubmatch(rest); m != nil {
		rest = m[1] + m[2]
	}
	if !reDotDecimal.MatchString(rest) || reNumber.MatchString(rest) {
		return ""
	}
	return pesan.Sprintf("%q is not a target; a dot groups thousands in Indonesian numbers, so %s would mean %s; write the decimal with a comma: %s",
		s, rest, strings.ReplaceAll(rest, ".", ""), strings.Replace(rest, ".", ",", 1))
}

// parsePredicate parses "(3) WTP", "A (81)" or "BB".
func parsePredicate(s string) (Target, error) {
	m := rePredicate.FindStringSubmatch(s)
	if m[1] != "" && m[3] != "" {
		return Target{}, errors.New("a predicate carries at most one number")
	}
	t := Target{Kind: Predicate, Predicate: m[2]}
	if num := m[1] + m[3]; num != "" {
		t.Value, t.HasValue = parseIDNumber(num), true
	}
	return t, nil
}

// parseIDNumber parses a number with thousands dots and a decimal comma;
// the caller has checked the syntax.
func parseIDNumber(s string) float64 {
	s = strings.ReplaceAll(s, ".", "")
	f, _ := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return f
}

// targetOf converts a decoded TOML value (text, integer or float) into a
// target, reporting a problem at path when it is not one.
func (c *checker) targetOf(path string, v any) (Target, bool) {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case int64:
		s = strconv.FormatInt(x, 10)
	case float64:
		if err := CheckValue(strconv.FormatFloat(x, 'g', -1, 64), x); err != nil {
			c.addf(path, "%v", err)
			return Target{}, false
		}
		s = formatNumber(x)
	default:
		c.addf(path, "got %s; %s", describe(v), targetHint)
		return Target{}, false
	}
	if msg := misplacedDecimal(s); msg != "" {
		c.addf(path, "%s", msg)
		return Target{}, false
	}
	t, err := ParseTarget(s)
	if err != nil {
		c.addf(path, "%v", err)
		return Target{}, false
	}
	return t, true
}
