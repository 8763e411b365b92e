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
	StatusNotEvaluable Status = "not_evaluable" // target 0, or no scale to score a predicate
	StatusNotReleased  Status = "not_released"  // annual-only figure not yet released
	StatusNotReported  Status = "not_reported"  // no realisasi reported (yet)
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

// ratio returns the capaian of realisasi r against target t for a numeric
// indicator with the given polarity: positif R/T×100, negatif
// (2T−R)/T×100 floored at 0. Target 0 is not evaluable, except negatif
// with R = 0, which is 100%.
func ratio(r, t float64, negatif bool) Value {
	if t == 0 {
		if negatif && r == 0 {
			return Value{Status: StatusOK, Raw: 100}
		}
		return none(StatusNotEvaluable)
	}
	v := r / t * 100
	if negatif {
		v = max((2*t-r)/t*100, 0)
	}
	return Value{Status: StatusOK, Raw: v}
}

// capped applies the cap (0 = none) to an OK value.
func capped(v Value, batas float64) Value {
	v.Capped = v.Raw
	if v.OK() && batas > 0 && v.Raw > batas {
		v.Capped = batas
	}
	return v
}

// DefaultKategori is the category scale used when an agreement declares
// none: ≥91 Sangat Tinggi, 76–90 Tinggi, 66–75 Sedang, 51–65 Rendah, ≤50
// Sangat Rendah (LKjIP practice after Permendagri 54/2010 → 86/2017).
var DefaultKategori = []data.Category{
	{Nama: "Sangat Tinggi", Min: 91},
	{Nama: "Tinggi", Min: 76},
	{Nama: "Sedang", Min: 66},
	{Nama: "Rendah", Min: 51},
	{Nama: "Sangat Rendah", Min: 0},
}

// Kategori names the category of an OK value: the first band (highest
// first) whose Min is at most the capped value rounded to two decimals,
// so 90,5 is Tinggi (below the 91 lower bound of Sangat Tinggi). Values
// below every band get the last band. "" when v is not OK.
func Kategori(bands []data.Category, v Value) string {
	if !v.OK() {
		return ""
	}
	if len(bands) == 0 {
		bands = DefaultKategori
	}
	x := round(v.Capped)
	for _, b := range bands {
		if x >= b.Min {
			return b.Nama
		}
	}
	return bands[len(bands)-1].Nama
}
