package data

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

var (
	rePercent = regexp.MustCompile(`^(\d+(?:,\d+)?) ?%$`)
	reNumber  = regexp.MustCompile(`^(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?$`)
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
			written = written[:36] + fmt.Sprintf("… (%d characters)", len(written))
		}
		return fmt.Errorf("%s is beyond the largest number kinerja accepts (%s); expected a number of at most 15 digits before the decimal comma", written, "1.000.000.000.000.000")
	}
	return nil
}

// targetHint is what a target may look like, for messages.
const targetHint = "expected N/A, a percentage like 91%, a number like 4 or 3,5, or a predicate like WTP, (3) WTP or A (81)"

// ParseTarget parses one target cell as written in an agreement: N/A, a
// percentage (91%, 12,5%), a number (4, 3,5, 1.250) or a predicate (WTP,
// (3) WTP, A (81), BB). Numbers use the Indonesian decimal comma; a dot
// only groups thousands. A percentage or number may be negative (-1,41%,
// with a hyphen or the minus sign U+2212).
func ParseTarget(s string) (Target, error) {
	if t, neg, err := negativeTarget(s); neg {
		return t, err
	}
	s = strings.Join(strings.Fields(s), " ")
	t := Target{Text: s}
	switch {
	case strings.EqualFold(s, "N/A"):
		t.Kind = NA
	case rePercent.MatchString(s):
		t.Kind, t.HasValue = Percent, true
		t.Value = parseIDNumber(rePercent.FindStringSubmatch(s)[1])
	case reNumber.MatchString(s):
		t.Kind, t.HasValue = Number, true
		t.Value = parseIDNumber(s)
	case rePredicate.MatchString(s):
		m := rePredicate.FindStringSubmatch(s)
		if m[1] != "" && m[3] != "" {
			return Target{}, fmt.Errorf("%q is not a target; a predicate carries at most one number", s)
		}
		t.Kind, t.Predicate = Predicate, m[2]
		if num := m[1] + m[3]; num != "" {
			t.Value, t.HasValue = parseIDNumber(num), true
		}
	default:
		return Target{}, fmt.Errorf("%q is not a target; %s", s, targetHint)
	}
	if err := CheckValue(strconv.Quote(s), t.Value); err != nil {
		return Target{}, err
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
	t, err := ParseTarget(s)
	if err != nil {
		c.addf(path, "%v", err)
		return Target{}, false
	}
	return t, true
}
