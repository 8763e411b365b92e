package report

import (
	"kinerja/data"
	"kinerja/pesan"
)

// series is one indicator with its reported values.
type series struct {
	a     *data.Agreement
	ind   *data.Indicator
	scale *data.Scale
	rule  string          // Akumulasi rule in force
	unit  data.TargetKind // kind of the indicator's figures
	r     [4]data.Target  // realisasi per quarter (data.NA: not reported)
	e     [4]*Entry
}

// newSeries gathers the realisasi of ind.
func newSeries(a *data.Agreement, r *Realisasi, ind *data.Indicator) (*series, error) {
	s := &series{a: a, ind: ind, scale: scaleOf(a, ind), unit: ind.Unit(), rule: ind.Akumulasi}
	if s.rule == "" { // hand-built agreements; the decoder applies its own default
		s.rule = data.Kumulatif
		if s.unit == data.Predicate {
			s.rule = data.Tahunan
		}
	}
	switch s.rule {
	case data.Kumulatif, data.PosisiAkhir, data.RataRata, data.Tahunan:
	default:
		return nil, pesan.Errorf("report: indicator %s: unknown akumulasi %q; expected kumulatif, posisi_akhir, rata_rata or tahunan", ind.Kode, s.rule)
	}
	if s.rule == data.Kumulatif && s.unit == data.Predicate {
		s.rule = data.PosisiAkhir // predicates cannot be summed
	}
	for q := 1; q <= 4; q++ {
		if e := r.Lookup(ind.Kode, q); e != nil {
			s.e[q-1], s.r[q-1] = e, e.Nilai
		}
	}
	return s, nil
}

// reported reports whether quarter i (0-based) has a realisasi.
func (s *series) reported(i int) bool { return s.r[i].Kind != data.NA }

// quarter computes the figures of quarter q (1-based).
func (s *series) quarter(q int) Quarter {
	i := q - 1
	out := Quarter{Triwulan: q, TargetTW: s.ind.Triwulan[i], RealisasiTW: s.r[i]}
	out.CapaianTW = score(s.a, s.ind, s.r[i], out.TargetTW)
	if s.rule == data.Tahunan && out.CapaianTW.Status == StatusNotReported {
		out.CapaianTW = none(StatusNotReleased)
	}
	out.KategoriTW = Kategori(s.a.Kategori, out.CapaianTW)
	s.toDate(q, &out)
	out.Kategori = Kategori(s.a.Kategori, out.Dinilai())
	out.Predikat = predikat(s.scale, s.r[i])
	out.Anggaran.Serapan = none(StatusNotReported)
	if e := s.e[i]; e != nil {
		out.Kendala, out.TindakLanjut = e.Kendala, e.TindakLanjut
		out.Anggaran = budget(e)
	}
	return out
}

// budget computes the budget figures of an entry.
func budget(e *Entry) Budget {
	b := Budget{Given: e.HasPagu, HasRealisasi: e.HasRealisasiAnggaran, Pagu: e.Pagu, Realisasi: e.RealisasiAnggaran}
	switch {
	case !e.HasPagu || !e.HasRealisasiAnggaran:
		b.Serapan = none(StatusNotReported)
	case e.Pagu == 0:
		b.Serapan = none(StatusNotEvaluable)
	default:
		b.Serapan = capped(Value{Status: StatusOK, Raw: float64(e.RealisasiAnggaran) / float64(e.Pagu) * 100}, 0)
	}
	return b
}

// toDate fills the year-to-date figures up to quarter q by the rule.
func (s *series) toDate(q int, out *Quarter) {
	switch s.rule {
	case data.Kumulatif:
		s.kumulatif(q, out)
	case data.PosisiAkhir:
		s.posisiAkhir(q, out)
	case data.RataRata:
		s.rataRata(q, out)
	case data.Tahunan:
		s.tahunan(q, out)
	}
}

// missing is the status of a to-date figure when no quarter up to q
// counts: N/A when every target so far is N/A, else not reported.
func (s *series) missing(q int) Status {
	for i := 0; i < q; i++ {
		if s.ind.Triwulan[i].Kind != data.NA {
			return StatusNotReported
		}
	}
	return StatusNA
}

// noneToDate marks every to-date figure with status st.
func noneToDate(out *Quarter, st Status) {
	out.CapaianSD, out.CapaianTahunan = none(st), none(st)
}

// latest returns the index of the latest reported quarter up to q, or -1.
func (s *series) latest(q int) int {
	for i := q - 1; i >= 0; i-- {
		if s.reported(i) {
			return i
		}
	}
	return -1
}

// kumulatif: ΣR over every reported quarter up to q (a quarter whose
// target is N/A counts too: an annual-only target is reached by the sum of
// the quarters' realisasi); ΣT over the quarters up to q that have a
// target and a realisasi. CapaianSD is ΣR / ΣT (N/A when no quarter so far
// has a target); against the annual target, ΣR / T(tahunan).
func (s *series) kumulatif(q int, out *Quarter) {
	var sumR, sumT float64
	nR, nT := 0, 0
	for i := 0; i < q; i++ {
		if !s.reported(i) {
			continue
		}
		sumR, nR = sumR+s.r[i].Value, nR+1
		if s.ind.Triwulan[i].Kind != data.NA {
			sumT, nT = sumT+s.ind.Triwulan[i].Value, nT+1
		}
	}
	if nR == 0 {
		noneToDate(out, s.missing(q))
		return
	}
	out.RealisasiSD = s.figure(sumR)
	out.CapaianSD = none(s.missing(q))
	if nT > 0 {
		out.TargetSD = s.figure(sumT)
		out.CapaianSD = capped(ratio(sumR, sumT, formulaOf(s.a, s.ind)), s.ind.Batas)
	}
	out.CapaianTahunan = score(s.a, s.ind, out.RealisasiSD, s.ind.Tahunan)
}

// posisiAkhir: the latest reported quarter's realisasi against its own
// target and against the annual target.
func (s *series) posisiAkhir(q int, out *Quarter) {
	i := s.latest(q)
	if i < 0 {
		noneToDate(out, s.missing(q))
		return
	}
	out.TargetSD, out.RealisasiSD = s.ind.Triwulan[i], s.r[i]
	out.CapaianSD = score(s.a, s.ind, s.r[i], s.ind.Triwulan[i])
	out.CapaianTahunan = score(s.a, s.ind, s.r[i], s.ind.Tahunan)
}

// tahunan: an annual-only figure, assessed once released (the latest
// reported quarter) against the annual target; never summed or split.
func (s *series) tahunan(q int, out *Quarter) {
	i := s.latest(q)
	if i < 0 {
		noneToDate(out, StatusNotReleased)
		return
	}
	out.TargetSD, out.RealisasiSD = s.ind.Tahunan, s.r[i]
	out.CapaianTahunan = score(s.a, s.ind, s.r[i], s.ind.Tahunan)
	out.CapaianSD = out.CapaianTahunan
}

// figure builds a computed numeric figure in the indicator's unit.
func (s *series) figure(v float64) data.Target {
	t := data.Target{Kind: s.unit, Value: v, HasValue: true, Text: FormatNumber(v)}
	if s.unit == data.Percent {
		t.Text = FormatPercent(v)
	}
	return t
}
