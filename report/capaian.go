package report

import (
	"kinerja/data"
)

// Status tells whether a Value holds a capaian and, if not, why.
type Status string

// Statuses of a Value.
const (
	StatusOK           Status = "ok"            // Raw and Capped hold the capaian
	StatusNA           Status = "na"            // target N/A: not assessed in that period
	StatusNotEvaluable Status = "not_evaluable" // no scale to score a predicate; T/R with R <= 0
	StatusNotReleased  Status = "not_released"  // annual-only figure not yet released
	StatusNotReported  Status = "not_reported"  // no realisasi reported (yet)
	// Target 0 has no percentage (R/0); these say where R stands.
	StatusZeroMet      Status = "target_0_tercapai"       // R = 0 against T = 0 (positif)
	StatusZeroExceeded Status = "target_0_terlampaui"     // R better than T = 0
	StatusZeroMissed   Status = "target_0_tidak_tercapai" // R worse than T = 0
)

// Label is the Indonesian text printed for a status without a number.
func (s Status) Label() string {
	switch s {
	case StatusNA:
		return "N/A"
	case StatusNotEvaluable:
		return "tidak dapat dievaluasi"
	case StatusNotReleased:
		return "belum dirilis"
	case StatusNotReported:
		return "belum dilaporkan"
	case StatusZeroMet:
		return "target 0 tercapai"
	case StatusZeroExceeded:
		return "target 0 terlampaui"
	case StatusZeroMissed:
		return "target 0 tidak tercapai"
	}
	return ""
}

// Value is one capaian (achievement) in percent. Raw is the computed value;
// Capped is Raw limited by the indicator's Batas (equal to Raw without one).
// Both are zero unless Status is StatusOK.
type Value struct {
	Status Status
	Raw    float64
	Capped float64
}

// OK reports whether v holds a number.
func (v Value) OK() bool { return v.Status == StatusOK }

// Text is the printed form: "91,5%" or the status label.
func (v Value) Text() string {
	if v.OK() {
		return FormatPercent(v.Capped)
	}
	return v.Status.Label()
}

// none is a Value without a number.
func none(s Status) Value { return Value{Status: s} }

// pct is a Value holding the capaian raw.
func pct(raw float64) Value { return Value{Status: StatusOK, Raw: raw} }

// positif is the formula argument of ratio for "higher is better".
const positif = ""

// ratio returns the capaian of realisasi r against target t, computed from
// the values as written (never rounded). formula is positif (R/T×100) or
// the negative-polarity formula (data.RumusSelisih, RumusSelisihNegatif,
// RumusTerbalik). Target 0 has no percentage: see zeroTarget.
func ratio(r, t float64, formula string) Value {
	if t == 0 {
		return zeroTarget(r, formula)
	}
	switch formula {
	case positif:
		return pct(r / t * 100)
	case data.RumusSelisihNegatif:
		return pct((2*t - r) / t * 100)
	case data.RumusTerbalik:
		if r <= 0 {
			return none(StatusNotEvaluable) // T/R has no value at R = 0
		}
		return pct(t / r * 100)
	}
	return pct(max((2*t-r)/t*100, 0)) // data.RumusSelisih
}

// zeroTarget scores realisasi r against target 0: a negative-polarity
// indicator with R = 0 reached its target, 100% (field notes); every other
// case has no percentage and says whether the target was met, exceeded
// (better than 0) or missed (worse than 0), and stays out of averages.
func zeroTarget(r float64, formula string) Value {
	better := r > 0
	if formula != positif {
		better = r < 0
	}
	switch {
	case r == 0 && formula != positif:
		return pct(100)
	case r == 0:
		return none(StatusZeroMet)
	case better:
		return none(StatusZeroExceeded)
	}
	return none(StatusZeroMissed)
}

// formulaOf returns the formula argument of ratio for ind: positif, or the
// negative-polarity formula in force.
func formulaOf(a *data.Agreement, ind *data.Indicator) string {
	if ind.Polaritas != data.Negatif {
		return positif
	}
	return a.Formula(ind)
}

// capped applies the cap (0 = none) to an OK value.
func capped(v Value, batas float64) Value {
	v.Capped = v.Raw
	if v.OK() && batas > 0 && v.Raw > batas {
		v.Capped = batas
	}
	return v
}

// TidakTerkategori is the category of a capaian that falls in no band of
// a scale given by ranges (a gap between bands, or beyond the last).
const TidakTerkategori = "tidak terkategori"

// Kategori names the category of an OK value, taken from the capped value
// as printed (rounded to Precision) so that print and category agree.
// Bands given by min (data.DefaultKategori when bands is empty): the
// first, highest first, whose Min is at most the value, so 90,5 is Tinggi;
// values below every band get the last band. Bands given by ranges: the
// band that contains the value, else TidakTerkategori. "" when v is not OK.
func Kategori(bands []data.Category, v Value) string {
	if !v.OK() {
		return ""
	}
	if len(bands) == 0 {
		bands = data.DefaultKategori()
	}
	x := round(v.Capped)
	for _, b := range bands {
		if b.Contains(x) {
			return b.Nama
		}
	}
	if bands[len(bands)-1].HasRange {
		return TidakTerkategori
	}
	return bands[len(bands)-1].Nama
}
