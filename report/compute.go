package report

import (
	"kinerja/data"
	"kinerja/pesan"
)

// Report is the computed quarterly achievement of one agreement.
type Report struct {
	Agreement *data.Agreement
	Realisasi *Realisasi // may be nil: nothing reported
	Triwulan  int        // the report's quarter, 1..4
	Rows      []Row      // one per indicator, document order
	Groups    []GroupSummary
	Overall   GroupSummary
}

// Row is one indicator of the report. The embedded Quarter holds the
// figures of the report's quarter; Riwayat holds quarters 1..Triwulan.
type Row struct {
	Group       string // group name, e.g. "SASARAN STRATEGIS"
	SasaranNo   int
	SasaranText string
	IndicatorNo int
	// FirstInSasaran is true on the first row of a sasaran; SasaranRows is
	// then the number of its rows (for a row-spanning Sasaran cell).
	FirstInSasaran bool
	SasaranRows    int
	Kode           string
	Indikator      string
	Satuan         string
	Polaritas      string
	Akumulasi      string
	Batas          float64
	TargetTahunan  data.Target
	// Pembanding compares the year-to-date realisasi of the report's
	// quarter with each named reference target of the indicator.
	Pembanding []Comparison
	Quarter
	Riwayat []Quarter
}

// Quarter is one indicator's figures for one quarter.
type Quarter struct {
	Triwulan    int
	TargetTW    data.Target // the quarter's target
	RealisasiTW data.Target // Kind data.NA when not reported
	CapaianTW   Value
	KategoriTW  string // category of CapaianTW ("" when not OK)
	// TargetSD and RealisasiSD are the year-to-date figures by the
	// indicator's Akumulasi rule; CapaianSD compares them.
	TargetSD    data.Target
	RealisasiSD data.Target
	CapaianSD   Value
	// CapaianTahunan is RealisasiSD against the annual target: before
	// triwulan IV the progress towards it, at IV the year's result.
	// Kategori is the category of Dinilai().
	CapaianTahunan Value
	Kategori       string
	Predikat       string // band label of the realisasi on a band scale
	Kendala        string
	TindakLanjut   string
	Anggaran       Budget
}

// Budget is the budget use reported for a quarter.
type Budget struct {
	Given        bool  // pagu was reported
	HasRealisasi bool  // realisasi_anggaran was reported
	Pagu         int64 // rupiah
	Realisasi    int64 // rupiah spent to the end of the quarter
	Serapan      Value // Realisasi / Pagu × 100 (not capped)
}

// Compute computes the report of agreement a for quarter triwulan (1..4)
// from the realisasi r (nil when nothing is reported yet).
func Compute(a *data.Agreement, r *Realisasi, triwulan int) (*Report, error) {
	if a == nil {
		return nil, ErrNoAgreement
	}
	if triwulan < 1 || triwulan > 4 {
		return nil, pesan.Errorf("report: triwulan %d out of range; expected 1..4", triwulan)
	}
	if r != nil && r.Tahun != a.Tahun {
		return nil, pesan.Errorf("report: realisasi %s is for %d but the agreement is for %d", r.File, r.Tahun, a.Tahun)
	}
	refs := a.Indicators()
	rep := &Report{Agreement: a, Realisasi: r, Triwulan: triwulan, Rows: make([]Row, 0, len(refs))}
	for _, ref := range refs {
		row, err := computeRow(a, r, ref, triwulan)
		if err != nil {
			return nil, err
		}
		rep.Rows = append(rep.Rows, row)
	}
	rep.summarise()
	return rep, nil
}

// computeRow computes one indicator's row.
func computeRow(a *data.Agreement, r *Realisasi, ref data.IndicatorRef, tw int) (Row, error) {
	ind := ref.Indicator
	s, err := newSeries(a, r, ind)
	if err != nil {
		return Row{}, err
	}
	row := Row{
		Group: ref.Group.Nama, SasaranNo: ref.Sasaran.No, SasaranText: ref.Sasaran.Uraian,
		IndicatorNo: ind.No, Kode: ind.Kode, Indikator: ind.Indikator, Satuan: satuan(ind),
		Polaritas: polaritas(ind), Akumulasi: s.rule, Batas: ind.Batas, TargetTahunan: ind.Tahunan,
		FirstInSasaran: ind == &ref.Sasaran.Indikator[0], SasaranRows: len(ref.Sasaran.Indikator),
	}
	row.Riwayat = make([]Quarter, 0, tw)
	for q := 1; q <= tw; q++ {
		row.Riwayat = append(row.Riwayat, s.quarter(q))
	}
	row.Quarter = row.Riwayat[tw-1]
	for _, p := range ind.Pembanding {
		row.Pembanding = append(row.Pembanding, Comparison{Nama: p.Nama, Target: p.Target,
			Capaian: score(a, ind, row.RealisasiSD, p.Target)})
	}
	return row, nil
}

// Comparison is the year-to-date realisasi against one reference target
// (RPJMD, national): Capaian by the indicator's own rules.
type Comparison struct {
	Nama    string
	Target  data.Target
	Capaian Value
}

// Dinilai is the year-to-date capaian the annual Kategori grades: before
// triwulan IV CapaianSD, the realisasi to date against the target to date
// (33% after triwulan II against a triwulan II target of 30% is on
// track, 110%), at triwulan IV CapaianTahunan. Before IV CapaianTahunan is
// progress towards the year and gets no category.
func (q Quarter) Dinilai() Value {
	if q.Triwulan == 4 {
		return q.CapaianTahunan
	}
	return q.CapaianSD
}

// satuan is the unit printed for an indicator.
func satuan(ind *data.Indicator) string {
	if ind.Satuan != "" {
		return ind.Satuan
	}
	return ind.Keterangan
}

// polaritas returns the indicator's polarity, "positif" when unset.
func polaritas(ind *data.Indicator) string {
	if ind.Polaritas == "" {
		return data.Positif
	}
	return ind.Polaritas
}
