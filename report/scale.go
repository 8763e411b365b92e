package report

import (
	"fmt"
	"math"
	"strings"

	"kinerja/data"
	"kinerja/pesan"
)

// scaleOf returns the indicator's declared predicate scale, or nil.
func scaleOf(a *data.Agreement, ind *data.Indicator) *data.Scale {
	if ind.Skala == "" {
		return nil
	}
	for i := range a.Skala {
		if strings.EqualFold(a.Skala[i].Nama, ind.Skala) {
			return &a.Skala[i]
		}
	}
	return nil
}

// isBand reports whether s is a band scale (labels for numeric ranges, like
// PMPRB or the SAKIP predicate) rather than a label scale (WTP=3 (100%)).
func isBand(s *data.Scale) bool {
	for _, e := range s.Nilai {
		if e.HasBand {
			return true
		}
	}
	return false
}

// label returns the scale entry named l, or nil.
func label(s *data.Scale, l string) *data.ScaleEntry { return s.Find(l) }

// band returns the band that holds v, or nil.
func band(s *data.Scale, v float64) *data.ScaleEntry {
	for i := range s.Nilai {
		if s.Nilai[i].Contains(v) {
			return &s.Nilai[i]
		}
	}
	return nil
}

// labels lists the scale's labels for messages.
func labels(s *data.Scale) []string {
	out := make([]string, len(s.Nilai))
	for i, e := range s.Nilai {
		out[i] = e.Label
	}
	return out
}

// bandText describes a band like ">80–90".
func bandText(e *data.ScaleEntry) string {
	op := ""
	if e.MinExclusive {
		op = ">"
	}
	if math.IsInf(e.Max, 1) {
		return op + FormatNumber(e.Min)
	}
	return fmt.Sprintf("%s%s-%s", op, FormatNumber(e.Min), FormatNumber(e.Max))
}

// fitsIndicator checks that the realisasi t has the indicator's unit and,
// for predicates, belongs to its scale. A number on a band-scale predicate
// indicator is turned into its label (t is updated).
func fitsIndicator(a *data.Agreement, ind *data.Indicator, t *data.Target) error {
	if t.Kind == data.NA {
		return nil
	}
	switch ind.Unit() {
	case data.Percent:
		if t.Kind != data.Percent {
			return pesan.Errorf("%s %q where the target is a percentage; expected a percentage like 95%%", kindName(t.Kind), t.Text)
		}
	case data.Number:
		return fitsNumber(scaleOf(a, ind), t)
	case data.Predicate:
		return fitsPredicate(ind, scaleOf(a, ind), t)
	}
	return nil
}

// kindName names a kind of value in messages.
func kindName(k data.TargetKind) string {
	switch k {
	case data.Percent:
		return pesan.Text("a percentage")
	case data.Number:
		return pesan.Text("a number")
	case data.Predicate:
		return pesan.Text("a predicate")
	}
	return "N/A"
}

// fitsNumber checks a realisasi for a numeric indicator: a number, or a
// predicate of the indicator's band scale.
func fitsNumber(s *data.Scale, t *data.Target) error {
	switch {
	case t.Kind == data.Number:
		return nil
	case t.Kind == data.Predicate && s != nil && isBand(s):
		return fitsBandLabel(s, t)
	}
	return pesan.Errorf("%s %q where the target is a number; expected a number like 4 or 3,5", kindName(t.Kind), t.Text)
}

// fitsPredicate checks a realisasi for a predicate indicator.
func fitsPredicate(ind *data.Indicator, s *data.Scale, t *data.Target) error {
	if s == nil {
		if t.Kind == data.Predicate {
			return nil // scored later as not evaluable; the agreement lacks a skala
		}
		return pesan.Errorf("%s %q for a predicate indicator; expected a predicate", kindName(t.Kind), t.Text)
	}
	exp := strings.Join(labels(s), ", ")
	switch {
	case t.Kind == data.Predicate && isBand(s):
		return fitsBandLabel(s, t)
	case t.Kind == data.Predicate:
		return fitsLabel(s, t)
	case t.Kind == data.Number && isBand(s):
		e := band(s, t.Value)
		if e == nil {
			return pesan.Errorf("%q is outside every band of skala %q; expected a value in %s", t.Text, s.Nama, bandsText(s))
		}
		t.Kind, t.Predicate = data.Predicate, e.Label
		return nil
	}
	return pesan.Errorf("%s %q for a predicate indicator; expected one of %s (skala %q)", kindName(t.Kind), t.Text, exp, s.Nama)
}

// fitsLabel checks a predicate against a label scale; a written score must
// be the label's score.
func fitsLabel(s *data.Scale, t *data.Target) error {
	e := label(s, t.Predicate)
	if e == nil {
		return pesan.Errorf("predicate %q is not in skala %q%s; expected one of %s", t.Predicate, s.Nama, suggest(t.Predicate, labels(s)), strings.Join(labels(s), ", "))
	}
	if t.HasValue && t.Value != e.Skor {
		return pesan.Errorf("%q gives score %s but skala %q scores %s as %s", t.Text, FormatNumber(t.Value), s.Nama, e.Label, FormatNumber(e.Skor))
	}
	t.Predicate = e.Label
	return nil
}

// fitsBandLabel checks a predicate against a band scale; a written number
// must lie in the label's band.
func fitsBandLabel(s *data.Scale, t *data.Target) error {
	e := label(s, t.Predicate)
	if e == nil {
		return pesan.Errorf("predicate %q is not in skala %q%s; expected one of %s", t.Predicate, s.Nama, suggest(t.Predicate, labels(s)), strings.Join(labels(s), ", "))
	}
	if t.HasValue && !e.Contains(t.Value) {
		return pesan.Errorf("%q: %s is not in band %s (%s); expected a value in that band", t.Text, FormatNumber(t.Value), e.Label, bandText(e))
	}
	t.Predicate = e.Label
	return nil
}

// bandsText lists the bands of a scale for messages.
func bandsText(s *data.Scale) string {
	parts := make([]string, len(s.Nilai))
	for i := range s.Nilai {
		parts[i] = s.Nilai[i].Label + " " + bandText(&s.Nilai[i])
	}
	return strings.Join(parts, ", ")
}
