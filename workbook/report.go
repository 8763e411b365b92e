package workbook

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
	"kinerja/layout"
	"kinerja/report"
)

// Sheet names of the report workbook.
const (
	SheetLaporan   = "Laporan"
	SheetRingkasan = "Ringkasan"
)

// WriteReport writes the quarterly report rep as a workbook to w: the
// sheet Laporan with one row per indicator (numbers as numbers, capaian
// categories in the chart's colours) and the sheet Ringkasan with the
// summaries per group and overall.
func WriteReport(w io.Writer, rep *report.Report) error {
	if rep == nil || rep.Agreement == nil {
		return fmt.Errorf("report workbook: no report")
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("report workbook: %w", err)
	}
	for _, s := range []*sheet{reportSheet(f, st, rep), summarySheet(f, st, rep)} {
		if s.err != nil {
			return fmt.Errorf("report workbook %s: %w", s.name, s.err)
		}
	}
	return save(f, w)
}

// reportHeads are the column heads of the Laporan sheet; tw is the
// quarter in Roman numerals.
func reportHeads(tw string) []string {
	return []string{"No", "Kode", "Sasaran", "Indikator", "Satuan", "Target tahunan", "Target TW " + tw,
		"Realisasi TW " + tw, "Capaian TW " + tw + " (%)", "Kategori TW " + tw, "Target s.d. TW " + tw,
		"Realisasi s.d. TW " + tw, "Capaian s.d. TW " + tw + " (%)", "Capaian thd target tahunan (%)", "Kategori",
		"Pagu (Rp)", "Realisasi anggaran (Rp)", "Serapan (%)", "Kendala", "Tindak lanjut"}
}

// reportSheet writes the sheet Laporan.
func reportSheet(f *excelize.File, st *styles, rep *report.Report) *sheet {
	s := newSheet(f, SheetLaporan, true)
	s.set(1, 1, layout.ReportTitle(rep), st.title)
	s.set(1, 2, rep.Agreement.Pertama.UnitKerja, st.label)
	for i, h := range reportHeads(layout.Roman(rep.Triwulan)) {
		s.set(i+1, 4, h, st.header)
	}
	cats := categoryIndex(rep)
	for i := range rep.Rows {
		reportRow(s, st, cats, 5+i, 0, &rep.Rows[i])
	}
	s.widths(6, 9, 30, 40, 12, 12, 12, 12, 12, 14, 12, 12, 12, 14, 14, 18, 18, 10, 40, 40)
	s.freeze(5, 5)
	return s
}

// reportRow writes one indicator's row, its columns shifted right by off.
func reportRow(s *sheet, st *styles, cats map[string]int, row, off int, r *report.Row) {
	vals := []any{fmt.Sprintf("%d.%d", r.SasaranNo, r.IndicatorNo), r.Kode, r.SasaranText, r.Indikator, r.Satuan}
	for i, v := range vals {
		s.set(off+i+1, row, v, st.locked)
	}
	for i, t := range []data.Target{r.TargetTahunan, r.TargetTW, r.RealisasiTW} {
		targetCell(s, st, off+6+i, row, t)
	}
	valueCell(s, st, off+9, row, r.CapaianTW)
	kategoriCell(s, st, cats, off+10, row, r.KategoriTW)
	targetCell(s, st, off+11, row, r.TargetSD)
	targetCell(s, st, off+12, row, r.RealisasiSD)
	valueCell(s, st, off+13, row, r.CapaianSD)
	valueCell(s, st, off+14, row, r.CapaianTahunan)
	kategoriCell(s, st, cats, off+15, row, r.Kategori)
	b := r.Anggaran
	s.set(off+16, row, rupiahValue(b.Pagu, b.Given), st.rupiah)
	s.set(off+17, row, rupiahValue(b.Realisasi, b.HasRealisasi), st.rupiah)
	valueCell(s, st, off+18, row, b.Serapan)
	s.set(off+19, row, r.Kendala, st.locked)
	s.set(off+20, row, r.TindakLanjut, st.locked)
}

// valueCell writes a capaian: its capped number, or the status label.
func valueCell(s *sheet, st *styles, col, row int, v report.Value) {
	if v.OK() {
		s.set(col, row, rounded(v.Capped), st.percent)
		return
	}
	s.set(col, row, v.Status.Label(), st.locked)
}

// rupiahValue is an amount when given, else a blank cell.
func rupiahValue(n int64, ok bool) any {
	if !ok {
		return nil
	}
	return n
}

// kategoriCell writes a category name filled with its chart colour.
func kategoriCell(s *sheet, st *styles, cats map[string]int, col, row int, name string) {
	i, ok := cats[name]
	if !ok {
		s.set(col, row, name, st.locked)
		return
	}
	s.set(col, row, name, st.kategori[i%len(st.kategori)])
}

// categoryIndex numbers the report's categories in scale order (highest
// first), the order of the chart colours.
func categoryIndex(rep *report.Report) map[string]int {
	m := map[string]int{}
	for i, k := range rep.Overall.Triwulan.PerKategori {
		m[k.Nama] = i
	}
	return m
}

// summarySheet writes the sheet Ringkasan: per group and overall, the
// quarter and the year to date.
func summarySheet(f *excelize.File, st *styles, rep *report.Report) *sheet {
	s := newSheet(f, SheetRingkasan, false)
	tw := layout.Roman(rep.Triwulan)
	s.set(1, 1, "RINGKASAN "+layout.ReportTitle(rep), st.title)
	heads := []string{"Kelompok", "Periode", "Indikator", "Dievaluasi", "Rata-rata capaian (%)"}
	for _, k := range rep.Overall.Triwulan.PerKategori {
		heads = append(heads, k.Nama)
	}
	heads = append(heads, "Tidak terkategori")
	for i, h := range heads {
		s.set(i+1, 3, h, st.header)
	}
	row := 4
	for _, g := range append(append([]report.GroupSummary{}, rep.Groups...), rep.Overall) {
		summaryRow(s, st, row, g.Nama, "Triwulan "+tw, g.Triwulan)
		summaryRow(s, st, row+1, g.Nama, "s.d. Triwulan "+tw, g.Tahunan)
		row += 2
	}
	s.widths(30, 18, 11, 11, 14)
	s.width(6, len(heads), 13)
	return s
}

// summaryRow writes one summary.
func summaryRow(s *sheet, st *styles, row int, group, period string, sum report.Summary) {
	s.set(1, row, group, st.locked)
	s.set(2, row, period, st.locked)
	s.set(3, row, sum.Indikator, st.count)
	s.set(4, row, sum.Dievaluasi, st.count)
	var avg any = "-"
	if sum.Dievaluasi > 0 {
		avg = rounded(sum.RataRata)
	}
	s.set(5, row, avg, st.percent)
	for i, k := range sum.PerKategori {
		s.set(6+i, row, k.Jumlah, st.count)
	}
	s.set(6+len(sum.PerKategori), row, sum.TidakTerkategori, st.count)
}

// rounded is v at report.Precision decimals, the figure the report's CSV
// and PDF print (strconv rounds the binary value correctly).
func rounded(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', report.Precision, 64), 64)
	return r
}
