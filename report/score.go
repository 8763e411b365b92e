package report

import (
	"math"
	"strings"

	"kinerja/data"
)

// score returns the capaian of realisasi r against target t for ind,
// capped by ind.Batas.
func score(a *data.Agreement, ind *data.Indicator, r, t data.Target) Value {
	if t.Kind == data.NA {
		return none(StatusNA)
	}
	if r.Kind == data.NA {
		return none(StatusNotReported)
	}
	var v Value
	switch {
	case t.Kind == data.Predicate || r.Kind == data.Predicate:
		v = scorePredicate(scaleOf(a, ind), r, t)
	case t.Kind == r.Kind && t.HasValue && r.HasValue:
		v = ratio(r.Value, t.Value, formulaOf(a, ind))
	default:
		v = none(StatusNotEvaluable)
	}
	return capped(v, ind.Batas)
}

// scorePredicate scores predicates (always "higher is better"). Label
// scales compare the labels' declared percentages (WDP 75% against WTP
// 100% gives 75%), or their scores when a percentage is missing. Band
// scales compare numbers: the written number when a value carries one
// ("A (83)" against "A (81)" gives 102,47%), else the band's midpoint; the
// same label on both sides without two numbers is 100%.
func scorePredicate(s *data.Scale, r, t data.Target) Value {
	if s == nil {
		return none(StatusNotEvaluable)
	}
	if isBand(s) {
		return scoreBand(s, r, t)
	}
	er, et := label(s, r.Predicate), label(s, t.Predicate)
	if er == nil || et == nil || r.Kind != data.Predicate || t.Kind != data.Predicate {
		return none(StatusNotEvaluable)
	}
	if er.Persen > 0 && et.Persen > 0 {
		return ratio(er.Persen, et.Persen, positif)
	}
	return ratio(er.Skor, et.Skor, positif)
}

// scoreBand scores two values on a band scale.
func scoreBand(s *data.Scale, r, t data.Target) Value {
	if r.Kind == data.Predicate && t.Kind == data.Predicate &&
		strings.EqualFold(r.Predicate, t.Predicate) && !(r.HasValue && t.HasValue) {
		return Value{Status: StatusOK, Raw: 100}
	}
	vr, okR := bandValue(s, r)
	vt, okT := bandValue(s, t)
	if !okR || !okT {
		return none(StatusNotEvaluable)
	}
	return ratio(vr, vt, positif)
}

// bandValue is the number a value stands for on a band scale: its own
// number, or the midpoint of its label's band.
func bandValue(s *data.Scale, x data.Target) (float64, bool) {
	if x.HasValue && (x.Kind == data.Number || x.Kind == data.Predicate) {
		return x.Value, true
	}
	if x.Kind != data.Predicate {
		return 0, false
	}
	e := label(s, x.Predicate)
	if e == nil {
		return 0, false
	}
	if !e.HasBand {
		return 0, false
	}
	if math.IsInf(e.Max, 1) {
		return e.Min, true // open band like ">90": its lower bound
	}
	return (e.Min + e.Max) / 2, true
}

// predikat is the band label of a numeric or predicate realisasi on a band
// scale ("" otherwise), for the report's Predikat column.
func predikat(s *data.Scale, r data.Target) string {
	switch {
	case s == nil || r.Kind == data.NA:
		return ""
	case r.Kind == data.Predicate:
		return r.Predicate
	case isBand(s) && r.HasValue:
		if e := band(s, r.Value); e != nil {
			return e.Label
		}
	}
	return ""
}
