package data

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"kinerja/pesan"
)

// Formulas for negative-polarity indicators (rumus_negatif): how a
// realisasi R is scored against a target T when lower is better.
const (
	// RumusSelisih is (2T − R) / T × 100 floored at 0, the default
	// (PermenPANRB 6/2022 writes it (1 + (1 − R/T)) × 100%).
	RumusSelisih = "selisih"
	// RumusSelisihNegatif is (2T − R) / T × 100 without the floor: a
	// realisasi above twice the target gives a negative capaian.
	RumusSelisihNegatif = "selisih_negatif"
	// RumusTerbalik is T / R × 100, the older formula.
	RumusTerbalik = "terbalik"
)

// Formula returns the negative-polarity formula of ind in agreement a:
// the indicator's own, else the agreement's, else RumusSelisih.
func (a *Agreement) Formula(ind *Indicator) string {
	switch {
	case ind != nil && ind.RumusNegatif != "":
		return ind.RumusNegatif
	case a != nil && a.RumusNegatif != "":
		return a.RumusNegatif
	}
	return RumusSelisih
}

// rumusNegatif checks a rumus_negatif key ("" when absent).
func (c *checker) rumusNegatif(path string, v val) string {
	return c.choice(path, v, "", RumusSelisih, RumusSelisihNegatif, RumusTerbalik)
}

// checkRumus refuses rumus_negatif on an indicator that is not negatif.
func (c *checker) checkRumus(path string, r Indicator) {
	if r.RumusNegatif != "" && r.Polaritas != Negatif {
		c.addf(path+".rumus_negatif", "is set on a %s indicator, where it has no effect; expected polaritas = \"negatif\" or no rumus_negatif", r.Polaritas)
	}
}

// minusSigns are the ways a leading minus is written: ASCII hyphen-minus
// and the typographic minus U+2212.
var minusSigns = []string{"-", "\u2212"}

// negativeTarget parses a target written with a leading minus (−1,41%,
// -3): a negative percentage or number. ok is false when s has no minus.
func negativeTarget(s string) (t Target, ok bool, err error) {
	s = strings.TrimSpace(s)
	rest, found := "", false
	for _, m := range minusSigns {
		if r, cut := strings.CutPrefix(s, m); cut {
			rest, found = strings.TrimSpace(r), true
		}
	}
	if !found {
		return Target{}, false, nil
	}
	if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "\u2212") {
		return Target{}, true, pesan.Errorf("%q is not a target; expected one minus sign at most, e.g. -1,41%%", s)
	}
	t, err = ParseTarget(rest)
	if err == nil && t.Kind != Percent && t.Kind != Number {
		err = pesan.Errorf("%q is not a target; only a percentage or a number can be negative, e.g. -1,41%% or -3", s)
	}
	if err != nil {
		return Target{}, true, err
	}
	t.Value, t.Text = -t.Value, "-"+t.Text
	return t, true, nil
}

// reRange matches a category range: "91-100", ">90-100", "76-<91", ">=91",
// "≥ 91", ">100", "<51", "≤ 50", with optional % signs.
var reRange = regexp.MustCompile(`^(?:(>=|≥|>)? ?(-?\d+(?:,\d+)?) ?%?(?: ?- ?(<|<=|≤)? ?(-?\d+(?:,\d+)?) ?%?)?|(<=|≤|<) ?(-?\d+(?:,\d+)?) ?%?)$`)

// ParseCategoryRange reads a category range (the rentang of [[kategori]])
// into cat's bounds: "91-100", ">90-100", "76-<91", ">=91", "<=50".
func ParseCategoryRange(s string, cat *Category) error {
	m := reRange.FindStringSubmatch(strings.Join(strings.Fields(s), " "))
	if m == nil {
		return pesan.Errorf("%q is not a range; expected one like \"91-100\", \">90-100\", \"76-<91\", \">=91\", \">100\" or \"<=50\"", s)
	}
	cat.Min, cat.Max, cat.HasRange = math.Inf(-1), math.Inf(1), true
	if m[6] != "" { // "<=50", "<51"
		cat.Max, cat.MaxExclusive = parseIDNumber(m[6]), m[5] == "<"
		return nil
	}
	cat.Min, cat.MinExclusive = parseIDNumber(m[2]), m[1] == ">"
	if m[4] != "" {
		cat.Max, cat.MaxExclusive = parseIDNumber(m[4]), m[3] == "<"
		if cat.Max < cat.Min || cat.Max == cat.Min && (cat.MinExclusive || cat.MaxExclusive) {
			return pesan.Errorf("%q is empty; expected the lower bound before the upper bound", s)
		}
	}
	return nil
}

// Contains reports whether capaian x lies in the band. A band given by
// min only (no rentang) contains everything from Min up.
func (k Category) Contains(x float64) bool {
	if !k.HasRange {
		return x >= k.Min
	}
	lo := x > k.Min || x == k.Min && !k.MinExclusive
	hi := x < k.Max || x == k.Max && !k.MaxExclusive
	return lo && hi
}

// overlaps reports whether bands a and b (both with a range) share a value.
func (k Category) overlaps(o Category) bool {
	lo, loEx := k.Min, k.MinExclusive
	if o.Min > lo || o.Min == lo && o.MinExclusive {
		lo, loEx = o.Min, o.MinExclusive
	}
	hi, hiEx := k.Max, k.MaxExclusive
	if o.Max < hi || o.Max == hi && o.MaxExclusive {
		hi, hiEx = o.Max, o.MaxExclusive
	}
	return lo < hi || lo == hi && !loEx && !hiEx && !math.IsInf(lo, 0)
}

// categoryRange checks the rentang of [[kategori]] entry i against the
// bands before it.
func (c *checker) categoryRange(path string, v val, cat *Category, prev []Category) {
	s, ok := c.text(path, v)
	if !ok {
		return
	}
	if err := ParseCategoryRange(s, cat); err != nil {
		c.addf(path, "%v", err)
		return
	}
	for _, p := range prev {
		if p.HasRange && cat.overlaps(p) {
			c.addf(path, "%q overlaps the band %q; expected bands that share no value", s, p.Nama)
			return
		}
	}
}

// references checks the [[...indikator.pembanding]] tables of an indicator:
// a unique name and a target of the indicator's kind.
func (c *checker) references(path string, raw []referenceT, r *Indicator) []Reference {
	var out []Reference
	seen := map[string]bool{}
	for i, p := range raw {
		pp := fmt.Sprintf("%s.pembanding[%d]", path, i)
		ref := Reference{Nama: c.reqText(pp+".nama", p.Nama, `the reference's name, e.g. nama = "RPJMD" or "Nasional"`)}
		if key := strings.ToLower(ref.Nama); ref.Nama != "" && seen[key] {
			c.addf(pp+".nama", "duplicate pembanding %q; expected one per name", ref.Nama)
		} else {
			seen[key] = true
		}
		if !p.Target.set {
			c.addf(pp+".target", `missing; expected the reference target, e.g. target = "5,2%%"`)
		} else if t, ok := c.targetOf(pp+".target", p.Target.v); ok {
			ref.Target = t
			c.referenceKind(pp+".target", t, r)
		}
		out = append(out, ref)
	}
	return out
}

// referenceKind refuses a reference target of another kind than the
// indicator's targets.
func (c *checker) referenceKind(path string, t Target, r *Indicator) {
	kind := r.Tahunan.Kind
	for _, q := range r.Triwulan {
		if kind == NA {
			kind = q.Kind
		}
	}
	if t.Kind != NA && kind != NA && t.Kind != kind {
		c.addf(path, "%s %q for an indicator with %s targets; expected a %s", kindName(t.Kind), t.Text, kindName(kind), kindName(kind))
	}
}
