package report

import "kinerja/data"

// rataRata: the mean of the quarterly capaian of quarters up to q with a
// target and a realisasi (N/A and not evaluable quarters left out); against
// the annual target, the mean of each such quarter's realisasi scored
// against the annual target. The cap applies to the mean.
func (s *series) rataRata(q int, out *Quarter) {
	var sumC, sumA, sumR, sumT float64
	n, nA, other := 0, 0, Status("")
	for i := 0; i < q; i++ {
		c := score(s.a, s.ind, s.r[i], s.ind.Triwulan[i])
		if c.Status != StatusNA && c.Status != StatusNotReported && !c.OK() {
			other = c.Status // not evaluable, or a target 0 verdict
		}
		if !c.OK() {
			continue
		}
		sumC, sumR, sumT, n = sumC+c.Raw, sumR+s.r[i].Value, sumT+s.ind.Triwulan[i].Value, n+1
		if y := score(s.a, s.ind, s.r[i], s.ind.Tahunan); y.OK() {
			sumA, nA = sumA+y.Raw, nA+1
		}
	}
	if n == 0 {
		st := s.missing(q)
		if other != "" {
			st = other
		}
		noneToDate(out, st)
		return
	}
	out.CapaianSD = capped(Value{Status: StatusOK, Raw: sumC / float64(n)}, s.ind.Batas)
	out.CapaianTahunan = s.meanOrStatus(sumA, nA)
	out.TargetSD, out.RealisasiSD = s.figure(sumT/float64(n)), s.figure(sumR/float64(n))
	if s.unit == data.Predicate {
		i := s.latest(q)
		out.TargetSD, out.RealisasiSD = s.ind.Triwulan[i], s.r[i]
	}
}

// meanOrStatus returns the capped mean of n values summing to sum, or the
// annual target's status when none counted.
func (s *series) meanOrStatus(sum float64, n int) Value {
	if n > 0 {
		return capped(Value{Status: StatusOK, Raw: sum / float64(n)}, s.ind.Batas)
	}
	if s.ind.Tahunan.Kind == data.NA {
		return none(StatusNA)
	}
	return none(StatusNotEvaluable)
}
