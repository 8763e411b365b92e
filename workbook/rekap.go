package workbook

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"kinerja/layout"
	"kinerja/rekap"
)

// Sheet names of the recap workbook.
const (
	SheetRekap     = "Rekap"
	SheetIndikator = "Indikator"
)

// Columns of the Rekap sheet before the categories, and after them.
var (
	rekapHeads = []string{"No", "Unit kerja", "Perjanjian", "Jumlah indikator", "Dievaluasi",
		"Rata-rata capaian TW (%)", "Rata-rata capaian s.d. TW (%)"}
	rekapTail = []string{"Tidak terkategori", "Pagu (Rp)", "Realisasi anggaran (Rp)", "Serapan anggaran (%)"}
)

// WriteRekap writes the recap rk as a workbook to w: the sheet Rekap with
// one row per unit and the sheet Indikator with every unit's indicators.
func WriteRekap(w io.Writer, rk *rekap.Rekap) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("rekap workbook: %w", err)
	}
	for _, s := range []*sheet{rekapSheet(f, st, rk), indicatorSheet(f, st, rk)} {
		if s.err != nil {
			return fmt.Errorf("rekap workbook %s: %w", s.name, s.err)
		}
	}
	return save(f, w)
}

// rekapSheet writes the summary, one row per unit.
func rekapSheet(f *excelize.File, st *styles, rk *rekap.Rekap) *sheet {
	s := newSheet(f, SheetRekap, true)
	s.set(1, 1, layout.RekapTitle(rk), st.title)
	heads := append(append(append([]string{}, rekapHeads...), rk.Kategori...), rekapTail...)
	for i, h := range heads {
		style := st.header
		if i >= len(rekapHeads) && i-len(rekapHeads) < len(rk.Kategori) {
			style = st.kategori[(i-len(rekapHeads))%len(st.kategori)]
		}
		s.set(i+1, 3, h, style)
	}
	for i, u := range rk.Units {
		rekapRow(s, st, rk, 4+i, i+1, u)
	}
	s.widths(5, 40, 28, 11, 11, 13, 13)
	s.width(len(rekapHeads)+1, len(heads), 14)
	s.freeze(3, 4)
	return s
}

// rekapRow writes one unit's row.
func rekapRow(s *sheet, st *styles, rk *rekap.Rekap, row, no int, u rekap.Unit) {
	s.set(1, row, no, st.count)
	s.set(2, row, u.Nama, st.locked)
	s.set(3, row, u.Report.Agreement.File, st.locked)
	s.set(4, row, u.Triwulan.Indikator, st.count)
	s.set(5, row, u.Triwulan.Dievaluasi, st.count)
	average(s, st, 6, row, u.Triwulan.Dievaluasi, u.Triwulan.RataRata)
	average(s, st, 7, row, u.SD.Dievaluasi, u.SD.RataRata)
	col := len(rekapHeads) + 1
	for _, k := range rk.Kategori {
		s.set(col, row, u.Count(k), st.count)
		col++
	}
	s.set(col, row, u.Triwulan.TidakTerkategori, st.count)
	s.set(col+1, row, rupiahValue(u.Pagu, u.HasPagu), st.rupiah)
	s.set(col+2, row, rupiahValue(u.Realisasi, u.HasPagu), st.rupiah)
	valueCell(s, st, col+3, row, u.Serapan)
}

// average writes a mean capaian, or "-" when nothing was evaluated.
func average(s *sheet, st *styles, col, row, n int, v float64) {
	if n == 0 {
		s.set(col, row, "-", st.locked)
		return
	}
	s.set(col, row, rounded(v), st.percent)
}

// indicatorSheet writes every unit's indicators under one header.
func indicatorSheet(f *excelize.File, st *styles, rk *rekap.Rekap) *sheet {
	s := newSheet(f, SheetIndikator, false)
	s.set(1, 1, layout.RekapTitle(rk)+": INDIKATOR", st.title)
	s.set(1, 3, "Unit kerja", st.header)
	for i, h := range reportHeads(layout.Roman(rk.Triwulan)) {
		s.set(i+2, 3, h, st.header)
	}
	row := 4
	for _, u := range rk.Units {
		cats := categoryIndex(u.Report)
		for i := range u.Report.Rows {
			s.set(1, row, u.Nama, st.locked)
			reportRow(s, st, cats, row, 1, &u.Report.Rows[i])
			row++
		}
	}
	s.widths(30, 6, 9, 30, 40)
	s.freeze(2, 4)
	return s
}
