package data

import (
	"fmt"
	"math"
	"regexp"
	"strings"
)

var (
	reLabel   = regexp.MustCompile(`^[A-Z][A-Z+-]{0,7}$`)
	reRentang = regexp.MustCompile(`^(>)? ?(\d+(?:,\d+)?)(?: ?- ?(\d+(?:,\d+)?))?$`)
)

// Find returns the entry labelled label, or nil.
func (s *Scale) Find(label string) *ScaleEntry {
	for i := range s.Nilai {
		if s.Nilai[i].Label == label {
			return &s.Nilai[i]
		}
	}
	return nil
}

// Contains reports whether value v lies in the entry's band.
func (e *ScaleEntry) Contains(v float64) bool {
	if !e.HasBand {
		return false
	}
	if e.MinExclusive {
		return v > e.Min && v <= e.Max
	}
	return v >= e.Min && v <= e.Max
}

// scales checks [[skala]].
func (c *checker) scales(raw []scaleT) []Scale {
	var out []Scale
	seen := map[string]bool{}
	for i, s := range raw {
		path := fmt.Sprintf("skala[%d]", i)
		sc := Scale{Nama: c.reqText(path+".nama", s.Nama, `the scale's name, e.g. nama = "opini_bpk"`)}
		if sc.Nama != "" && seen[sc.Nama] {
			c.addf(path+".nama", "duplicate scale name %q; expected unique names", sc.Nama)
		}
		seen[sc.Nama] = true
		if len(s.Nilai) == 0 {
			c.addf(path, "has no entries; expected [[skala.nilai]] tables with label and skor or rentang")
		}
		for j, e := range s.Nilai {
			sc.Nilai = append(sc.Nilai, c.scaleEntry(elemPath(path, "nilai", j), e, &sc))
		}
		out = append(out, sc)
	}
	return out
}

// scaleEntry checks one [[skala.nilai]].
func (c *checker) scaleEntry(path string, e scaleEntryT, sc *Scale) ScaleEntry {
	var r ScaleEntry
	r.Label = c.reqText(path+".label", e.Label, `the predicate, e.g. label = "WTP"`)
	if r.Label != "" && !reLabel.MatchString(r.Label) {
		c.addf(path+".label", "%q is not a predicate; expected 1 to 8 capital letters like WTP, AA or B", r.Label)
	} else if r.Label != "" && sc.Find(r.Label) != nil {
		c.addf(path+".label", "duplicate label %q in scale %q", r.Label, sc.Nama)
	}
	r.Skor, r.HasSkor = c.number(path+".skor", e.Skor, "a number like 3")
	if p, ok := c.number(path+".persen", e.Persen, "a percentage as a number like 75"); ok {
		if p <= 0 || p > 200 {
			c.addf(path+".persen", "%s is out of range; expected a percentage in (0, 200]", formatNumber(p))
		}
		r.Persen = p
	}
	if s, ok := c.text(path+".rentang", e.Rentang); ok {
		c.band(path+".rentang", s, &r)
	}
	if !e.Skor.set && !e.Rentang.set {
		c.addf(path, `has neither skor nor rentang; expected e.g. skor = 3 or rentang = ">90-100"`)
	}
	return r
}

// band parses a range like ">90-100", "0-30" or ">90" into r.
func (c *checker) band(path, s string, r *ScaleEntry) {
	m := reRentang.FindStringSubmatch(strings.Join(strings.Fields(s), " "))
	if m == nil {
		c.addf(path, `%q is not a range; expected one like ">90-100", "0-30" or ">90"`, s)
		return
	}
	r.MinExclusive, r.Min, r.Max, r.HasBand = m[1] == ">", parseIDNumber(m[2]), math.Inf(1), true
	if m[3] != "" {
		r.Max = parseIDNumber(m[3])
	}
	if r.Max <= r.Min {
		c.addf(path, "%q is empty; expected the lower bound before the upper bound", s)
	}
}
