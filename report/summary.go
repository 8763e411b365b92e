package report

import "kinerja/data"

// Summary is the average capaian of a set of indicators and the number of
// indicators per category. Only OK values count ("evaluable only").
type Summary struct {
	Indikator   int     // indicators in the set
	Dievaluasi  int     // indicators with an OK value
	RataRata    float64 // mean of the capped values (0 when none)
	RataRataRaw float64 // mean of the raw values (0 when none)
	PerKategori []KategoriCount
	// Rentang is true when the scale's bands are ranges, so that a value
	// may fall in none; TidakTerkategori counts those values.
	Rentang          bool
	TidakTerkategori int
}

// KategoriCount is the number of indicators in one category.
type KategoriCount struct {
	Nama   string
	Jumlah int
}

// GroupSummary summarises one group (or the whole agreement): Triwulan over
// the quarter's capaian (CapaianTW), Tahunan over the graded year-to-date
// capaian (Quarter.Dinilai: against the target to date before triwulan IV,
// against the annual target at IV).
type GroupSummary struct {
	Nama     string
	Triwulan Summary
	Tahunan  Summary
}

// summarise fills Groups (in document order) and Overall.
func (rep *Report) summarise() {
	bands := rep.Agreement.Kategori
	if len(bands) == 0 {
		bands = data.DefaultKategori()
	}
	rep.Overall = summarise("Keseluruhan", rep.Rows, bands)
	start := 0
	for i := 1; i <= len(rep.Rows); i++ {
		if i == len(rep.Rows) || rep.Rows[i].Group != rep.Rows[start].Group {
			rep.Groups = append(rep.Groups, summarise(rep.Rows[start].Group, rep.Rows[start:i], bands))
			start = i
		}
	}
}

// summarise summarises rows.
func summarise(name string, rows []Row, bands []data.Category) GroupSummary {
	tw, th := newAcc(bands), newAcc(bands)
	for i := range rows {
		tw.add(rows[i].CapaianTW)
		th.add(rows[i].Dinilai())
	}
	return GroupSummary{Nama: name, Triwulan: tw.summary(len(rows)), Tahunan: th.summary(len(rows))}
}

// acc accumulates values for a Summary.
type acc struct {
	bands       []data.Category
	n           int
	sum, sumRaw float64
	counts      []int
	other       int // values in no band
}

// newAcc starts an accumulator over the given category bands.
func newAcc(bands []data.Category) *acc {
	return &acc{bands: bands, counts: make([]int, len(bands))}
}

// add counts one value.
func (a *acc) add(v Value) {
	if !v.OK() {
		return
	}
	a.n++
	a.sum += v.Capped
	a.sumRaw += v.Raw
	k := Kategori(a.bands, v)
	if k == TidakTerkategori {
		a.other++
	}
	for i, b := range a.bands {
		if b.Nama == k {
			a.counts[i]++
			break
		}
	}
}

// summary returns the Summary of total indicators.
func (a *acc) summary(total int) Summary {
	s := Summary{Indikator: total, Dievaluasi: a.n, TidakTerkategori: a.other}
	s.Rentang = len(a.bands) > 0 && a.bands[len(a.bands)-1].HasRange
	if a.n > 0 {
		s.RataRata, s.RataRataRaw = a.sum/float64(a.n), a.sumRaw/float64(a.n)
	}
	for i, b := range a.bands {
		s.PerKategori = append(s.PerKategori, KategoriCount{Nama: b.Nama, Jumlah: a.counts[i]})
	}
	return s
}
