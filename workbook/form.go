package workbook

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
	"kinerja/layout"
	"kinerja/report"
)

// Sheet names of the realisasi form.
const (
	SheetPetunjuk  = "Petunjuk"
	SheetRealisasi = "Realisasi"
	SheetRiwayat   = "Riwayat"
	SheetMeta      = "kinerja"
)

// FormFormat names the layout of the form, recorded in its meta sheet.
const FormFormat = "kinerja-formulir/1"

// Rows of the form's Realisasi sheet.
const (
	rowUnit    = 2
	rowPK      = 3
	rowTanggal = 4
	rowHeader  = 6
	rowFirst   = 7
)

// Cells of the meta sheet (column B; column A holds the key).
const (
	metaFormat = 1 + iota
	metaPerjanjian
	metaTahun
	metaTriwulan
)

// formCols are the columns of the Realisasi sheet for one quarter: the
// fixed columns A..G, one column per earlier quarter, then the cells a
// unit fills in.
type formCols struct {
	tw                                        int
	prev                                      int // first earlier quarter's column
	nilai, kendala, tindak, pagu, anggaran, n int
}

// Fixed columns of the Realisasi sheet.
const (
	colNo = 1 + iota
	colKode
	colSasaran
	colIndikator
	colSatuan
	colTahunan
	colTargetTW
	colPrev
)

// newFormCols lays out the columns for quarter tw.
func newFormCols(tw int) formCols {
	n := colPrev + tw - 1
	return formCols{tw: tw, prev: colPrev, nilai: n, kendala: n + 1, tindak: n + 2, pagu: n + 3, anggaran: n + 4, n: n + 4}
}

// keyCol returns the column of a realisasi key in the Realisasi sheet.
func (c formCols) keyCol(key string) int {
	switch key {
	case "nilai":
		return c.nilai
	case "kendala":
		return c.kendala
	case "tindak_lanjut":
		return c.tindak
	case "pagu":
		return c.pagu
	case "realisasi_anggaran":
		return c.anggaran
	case "kode":
		return colKode
	}
	return 0
}

// Formulir writes the realisasi form of agreement a for quarter triwulan
// to w. r (may be nil) fills in what is already reported: the earlier
// quarters, shown locked and carried whole in the hidden sheet Riwayat,
// and the quarter's own cells.
func Formulir(w io.Writer, a *data.Agreement, r *report.Realisasi, triwulan int) error {
	if triwulan < 1 || triwulan > 4 {
		return fmt.Errorf("formulir: triwulan %d out of range; expected 1..4", triwulan)
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("formulir: %w", err)
	}
	sheets := []*sheet{
		instructions(f, st, a, triwulan),
		formSheet(f, st, a, r, triwulan),
		riwayatSheet(f, r, triwulan),
		metaSheet(f, a, triwulan),
	}
	for _, s := range sheets {
		if s.err != nil {
			return fmt.Errorf("formulir %s: %w", s.name, s.err)
		}
	}
	return save(f, w)
}

// save makes the first sheet active and writes f to w.
func save(f *excelize.File, w io.Writer) error {
	f.SetActiveSheet(0)
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	return nil
}

// instructions writes the sheet Petunjuk.
func instructions(f *excelize.File, st *styles, a *data.Agreement, tw int) *sheet {
	s := newSheet(f, SheetPetunjuk, true)
	c := newFormCols(tw)
	title := fmt.Sprintf("PETUNJUK PENGISIAN FORMULIR REALISASI KINERJA TRIWULAN %s TAHUN %d", layout.Roman(tw), a.Tahun)
	lines := []string{
		"Unit kerja: " + a.Pertama.UnitKerja,
		"Perjanjian kinerja: " + filepath.Base(a.File),
		"",
		"1. Isi lembar " + SheetRealisasi + " pada sel berwarna kuning saja; sel lain dikunci.",
		fmt.Sprintf("2. Kolom %s (Realisasi TW %s): angka untuk indikator berupa angka atau persentase (ketik 95 untuk 95%%, 3,5 untuk tiga koma lima), predikat sebagaimana tertulis pada target (misalnya WTP), atau N/A bila tidak diukur.", colName(c.nilai), layout.Roman(tw)),
		fmt.Sprintf("3. Kolom %s dan %s: kendala dan tindak lanjut dalam kalimat; baris kosong (Alt+Enter dua kali) memisahkan paragraf.", colName(c.kendala), colName(c.tindak)),
		fmt.Sprintf("4. Kolom %s dan %s: pagu dan realisasi anggaran sampai akhir triwulan dalam rupiah penuh tanpa desimal; realisasi anggaran hanya bersama pagu.", colName(c.pagu), colName(c.anggaran)),
		fmt.Sprintf("5. Sel %s: tanggal penandatanganan laporan (boleh dikosongkan).", cell(colIndikator, rowTanggal)),
		"6. Realisasi triwulan sebelumnya ditampilkan untuk dibaca dan disimpan utuh pada lembar tersembunyi " + SheetRiwayat + "; jangan diubah.",
		"7. Jangan menambah, menghapus atau memindahkan baris dan kolom. Simpan sebagai .xlsx dan kirim kembali ke sekretariat.",
		"8. Sekretariat memeriksa formulir dengan: kinerja realisasi import FORMULIR.xlsx --perjanjian PK.toml -o REALISASI.toml, atau langsung: kinerja report PK.toml FORMULIR.xlsx --triwulan N.",
		"   Setiap kesalahan disebut dengan lembar dan selnya, misalnya: formulir.xlsx: Realisasi!" + cell(c.nilai, rowFirst) + ": nilai: ...",
	}
	s.set(1, 1, title, st.title)
	for i, l := range lines {
		s.set(1, i+3, l, st.text)
	}
	s.width(1, 1, 120)
	s.protect()
	return s
}

// formSheet writes the sheet Realisasi.
func formSheet(f *excelize.File, st *styles, a *data.Agreement, r *report.Realisasi, tw int) *sheet {
	s := newSheet(f, SheetRealisasi, false)
	c := newFormCols(tw)
	s.set(1, 1, fmt.Sprintf("FORMULIR REALISASI KINERJA TRIWULAN %s TAHUN %d", layout.Roman(tw), a.Tahun), st.title)
	s.set(1, rowUnit, "Unit kerja", st.label)
	s.set(colIndikator, rowUnit, a.Pertama.UnitKerja, 0)
	s.set(1, rowPK, "Perjanjian", st.label)
	s.set(colIndikator, rowPK, filepath.Base(a.File), 0)
	s.set(1, rowTanggal, "Tanggal laporan (TTTT-BB-HH)", st.label)
	s.set(colIndikator, rowTanggal, nil, st.openDate)
	if r != nil && !r.Tanggal.IsZero() {
		s.set(colIndikator, rowTanggal, r.Tanggal, st.openDate)
	}
	formHeader(s, st, c)
	for i, ref := range a.Indicators() {
		formRow(s, st, a, r, c, rowFirst+i, ref)
	}
	s.widths(6, 9, 30, 40, 12, 12, 12)
	s.width(colPrev, c.nilai, 13)
	s.width(c.kendala, c.tindak, 40)
	s.width(c.pagu, c.anggaran, 18)
	s.freeze(colSatuan, rowFirst)
	s.protect()
	return s
}

// formHeader writes the header row.
func formHeader(s *sheet, st *styles, c formCols) {
	tw := layout.Roman(c.tw)
	heads := []string{"No", "Kode", "Sasaran", "Indikator", "Satuan", "Target tahunan", "Target TW " + tw}
	for q := 1; q < c.tw; q++ {
		heads = append(heads, "Realisasi TW "+layout.Roman(q))
	}
	heads = append(heads, "Realisasi TW "+tw, "Kendala", "Tindak lanjut", "Pagu (Rp)", "Realisasi anggaran s.d. TW "+tw+" (Rp)")
	for i, h := range heads {
		s.set(i+1, rowHeader, h, st.header)
	}
}

// formRow writes the row of one indicator.
func formRow(s *sheet, st *styles, a *data.Agreement, r *report.Realisasi, c formCols, row int, ref data.IndicatorRef) {
	ind := ref.Indicator
	s.set(colNo, row, fmt.Sprintf("%d.%d", ref.Sasaran.No, ind.No), st.locked)
	s.set(colKode, row, ind.Kode, st.locked)
	s.set(colSasaran, row, ref.Sasaran.Uraian, st.locked)
	s.set(colIndikator, row, ind.Indikator, st.locked)
	s.set(colSatuan, row, unitText(ind), st.locked)
	targetCell(s, st, colTahunan, row, ind.Tahunan)
	targetCell(s, st, colTargetTW, row, ind.Triwulan[c.tw-1])
	for q := 1; q < c.tw; q++ {
		var t data.Target
		if e := r.Lookup(ind.Kode, q); e != nil {
			t = e.Nilai
		}
		targetCell(s, st, c.prev+q-1, row, t)
	}
	openCells(s, st, c, row, r.Lookup(ind.Kode, c.tw))
	if numeric(ind) {
		s.validate(nilaiValidation(cell(c.nilai, row)), cell(c.nilai, row))
	}
	s.validate(rupiahValidation(), cell(c.pagu, row)+":"+cell(c.anggaran, row))
}

// openCells writes the cells a unit fills, with what e already holds.
func openCells(s *sheet, st *styles, c formCols, row int, e *report.Entry) {
	var nilai, pagu, anggaran any
	var kendala, tindak string
	if e != nil {
		nilai = targetValue(e.Nilai)
		kendala, tindak = e.Kendala, e.TindakLanjut
		if e.HasPagu {
			pagu = e.Pagu
		}
		if e.HasRealisasiAnggaran {
			anggaran = e.RealisasiAnggaran
		}
	}
	s.set(c.nilai, row, nilai, st.openNum)
	s.set(c.kendala, row, kendala, st.open)
	s.set(c.tindak, row, tindak, st.open)
	s.set(c.pagu, row, pagu, st.openRupiah)
	s.set(c.anggaran, row, anggaran, st.openRupiah)
}

// targetCell writes a target or realisasi: a number when it is one, else
// its notation ("WTP", "N/A"; blank when not reported).
func targetCell(s *sheet, st *styles, col, row int, t data.Target) {
	v := targetValue(t)
	style := st.locked
	if _, ok := v.(float64); ok {
		style = st.lockedNum
	}
	s.set(col, row, v, style)
}

// targetValue is the cell value of a target: its number for a number or
// percentage, its text otherwise, nil when empty.
func targetValue(t data.Target) any {
	if t.Text == "" {
		return nil
	}
	if t.HasValue && (t.Kind == data.Number || t.Kind == data.Percent) {
		return t.Value
	}
	return t.Text
}

// numeric reports whether an indicator takes a number or a percentage.
func numeric(ind *data.Indicator) bool {
	k := ind.Unit()
	return k == data.Number || k == data.Percent
}

// unitText is the unit shown for an indicator; a percentage says so.
func unitText(ind *data.Indicator) string {
	u := ind.Satuan
	if u == "" {
		u = ind.Keterangan
	}
	if ind.Unit() == data.Percent && !strings.Contains(u, "%") {
		u = strings.TrimSpace(u + " (%)")
	}
	return u
}

// nilaiValidation accepts a number or N/A in the cell ref.
func nilaiValidation(ref string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Type = "custom"
	dv.Formula1 = fmt.Sprintf(`OR(ISNUMBER(%s),UPPER(%s)="N/A")`, ref, ref)
	dv.SetError(excelize.DataValidationErrorStyleStop, "Realisasi", "Isi dengan angka (95 untuk 95%) atau N/A.")
	return dv
}

// rupiahValidation accepts whole rupiah from 0.
func rupiahValidation() *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	if err := dv.SetRange(0, data.MaxValue, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
		panic(err) // constant bounds
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "Anggaran", "Isi dengan rupiah penuh tanpa desimal, 0 atau lebih.")
	return dv
}

// riwayatKeys are the columns of the hidden sheet Riwayat.
var riwayatKeys = []string{"kode", "triwulan", "nilai", "kendala", "tindak_lanjut", "pagu", "realisasi_anggaran"}

// riwayatSheet writes the earlier quarters' entries of r, hidden.
func riwayatSheet(f *excelize.File, r *report.Realisasi, tw int) *sheet {
	s := newSheet(f, SheetRiwayat, false)
	for i, k := range riwayatKeys {
		s.set(i+1, 1, k, 0)
	}
	row := 2
	for _, e := range entries(r) {
		if e.Triwulan >= tw {
			continue
		}
		vals := []any{e.Kode, e.Triwulan, e.Nilai.Text, e.Kendala, e.TindakLanjut, nil, nil}
		if e.HasPagu {
			vals[5] = e.Pagu
		}
		if e.HasRealisasiAnggaran {
			vals[6] = e.RealisasiAnggaran
		}
		for i, v := range vals {
			s.set(i+1, row, v, 0)
		}
		row++
	}
	s.protect()
	if s.err == nil {
		s.err = f.SetSheetVisible(s.name, false)
	}
	return s
}

// entries returns r's entries (none for a nil r).
func entries(r *report.Realisasi) []report.Entry {
	if r == nil {
		return nil
	}
	return r.Entries
}

// metaSheet writes the hidden sheet that names the agreement, the year
// and the quarter.
func metaSheet(f *excelize.File, a *data.Agreement, tw int) *sheet {
	s := newSheet(f, SheetMeta, false)
	rows := [][2]any{
		metaFormat - 1:     {"format", FormFormat},
		metaPerjanjian - 1: {"perjanjian", filepath.Base(a.File)},
		metaTahun - 1:      {"tahun", a.Tahun},
		metaTriwulan - 1:   {"triwulan", tw},
	}
	for i, kv := range rows {
		s.set(1, i+1, kv[0], 0)
		s.set(2, i+1, kv[1], 0)
	}
	s.protect()
	if s.err == nil {
		s.err = f.SetSheetVisible(s.name, false)
	}
	return s
}
