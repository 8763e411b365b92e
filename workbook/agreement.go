package workbook

import (
	"bytes"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
)

// Sheets of the agreement workbook (WriteAgreement).
const (
	SheetIdentitas   = "Identitas"
	SheetPKIndikator = "Indikator"
	SheetProgram     = "Program"
	SheetPerjanjian  = "perjanjian" // hidden: the agreement's TOML whole
	AgreementFormat  = "kinerja-perjanjian-1"
	identitasFirst   = 2 // first field row of Identitas
	indikatorFirst   = 2 // first indicator row
	programFirst     = 2 // first program row
	perjanjianFormat = 1 // row of the format tag on the hidden sheet
	perjanjianTOML   = 2 // row of the TOML
)

// field is one row of the Identitas sheet: a TOML key, its label and how
// to read and set it on the model.
type field struct {
	key, label string
	get        func(a *data.Agreement) string
	set        func(a *data.Agreement, s string)
}

// lines and unlines turn a list into a cell with one line per item.
func lines(l []string) string { return strings.Join(l, "\n") }
func unlines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// partyFields are the Identitas rows of one party.
func partyFields(key, who string, p func(a *data.Agreement) *data.Party) []field {
	f := func(k, label string, ptr func(*data.Party) *string) field {
		return field{key + "." + k, label + " " + who,
			func(a *data.Agreement) string { return *ptr(p(a)) },
			func(a *data.Agreement, s string) { *ptr(p(a)) = s }}
	}
	nip := field{key + ".nip", "NIP " + who,
		func(a *data.Agreement) string { return partyNIP(p(a)) },
		func(a *data.Agreement, s string) { setNIP(p(a), s) }}
	return []field{
		f("nama", "Nama", func(x *data.Party) *string { return &x.Nama }), nip,
		f("pangkat", "Pangkat/golongan", func(x *data.Party) *string { return &x.Pangkat }),
		f("jabatan", "Jabatan", func(x *data.Party) *string { return &x.Jabatan }),
		f("jabatan_ttd", "Jabatan di tanda tangan", func(x *data.Party) *string { return &x.JabatanTTD }),
		f("unit_kerja", "Unit kerja", func(x *data.Party) *string { return &x.UnitKerja }),
		f("lampiran.nama", "Nama di lampiran", func(x *data.Party) *string { return &x.NamaLampiran }),
		f("lampiran.jabatan", "Jabatan di lampiran", func(x *data.Party) *string { return &x.JabatanSingkat }),
		f("lampiran.jabatan_ttd", "Jabatan di tanda tangan lampiran", func(x *data.Party) *string { return &x.JabatanTTDLampiran }),
	}
}

// partyNIP is the NIP as written in the TOML.
func partyNIP(p *data.Party) string {
	if s, ok := strings.CutPrefix(p.NIPCetak, "NIP "); ok && !strings.HasPrefix(strings.ToUpper(s), "NIP") {
		return s
	}
	return p.NIPCetak
}

// setNIP sets a party's NIP as written (Decode checks it).
func setNIP(p *data.Party, s string) {
	p.NIP, p.NIPCetak = "", ""
	if s == "" {
		return
	}
	p.NIP, p.NIPCetak = strings.ReplaceAll(s, " ", ""), s
	if !strings.HasPrefix(strings.ToUpper(s), "NIP") {
		p.NIPCetak = "NIP " + s
	}
}

// identitasFields lists the rows of the Identitas sheet in order.
func identitasFields() []field {
	str := func(key, label string, ptr func(a *data.Agreement) *string) field {
		return field{key, label, func(a *data.Agreement) string { return *ptr(a) }, func(a *data.Agreement, s string) { *ptr(a) = s }}
	}
	list := func(key, label string, ptr func(a *data.Agreement) *[]string) field {
		return field{key, label, func(a *data.Agreement) string { return lines(*ptr(a)) }, func(a *data.Agreement, s string) { *ptr(a) = unlines(s) }}
	}
	out := []field{
		{"tahun", "Tahun", nil, nil}, // a number: written and read by the sheet code
		str("tempat", "Tempat", func(a *data.Agreement) *string { return &a.Tempat }),
		{"tanggal", "Tanggal (2026-01-05 atau Januari 2026)", nil, nil},
		str("nomor", "Nomor dokumen", func(a *data.Agreement) *string { return &a.Nomor }),
		list("kop.baris", "Kop surat (satu baris per baris)", func(a *data.Agreement) *[]string { return &a.Kop.Baris }),
		list("judul.pernyataan", "Judul halaman pernyataan", func(a *data.Agreement) *[]string { return &a.JudulBaris }),
		list("judul.lampiran", "Judul lampiran", func(a *data.Agreement) *[]string { return &a.JudulLampiranBaris }),
	}
	out = append(out, partyFields("pihak_pertama", "pihak pertama", func(a *data.Agreement) *data.Party { return &a.Pertama })...)
	return append(out, partyFields("pihak_kedua", "pihak kedua", func(a *data.Agreement) *data.Party { return &a.Kedua })...)
}

// Columns of the Indikator sheet, by TOML key (the group and sasaran
// columns by their own names).
var indikatorCols = []struct{ key, judul string }{
	{"kelompok", "Kelompok"}, {"kelompok.nama", "Nama kelompok"}, {"kelompok.judul", "Judul tabel"},
	{"sasaran", "No sasaran"}, {"uraian", "Sasaran"}, {"kode", "Kode"}, {"indikator", "Indikator Kinerja"},
	{"sumber_data", "Sumber Data"}, {"pengukuran", "Pengukuran Kinerja"}, {"satuan", "Satuan"},
	{"triwulan[0]", "Target TW I"}, {"triwulan[1]", "Target TW II"}, {"triwulan[2]", "Target TW III"}, {"triwulan[3]", "Target TW IV"},
	{"tahunan", "Target Tahunan"}, {"keterangan", "Keterangan"}, {"polaritas", "Polaritas"}, {"akumulasi", "Akumulasi"},
	{"skala", "Skala"}, {"batas", "Batas (%)"}, {"rumus_negatif", "Rumus negatif"},
}

// indikatorCol returns the 1-based column of key in the Indikator sheet.
func indikatorCol(key string) int {
	for i, c := range indikatorCols {
		if c.key == key {
			return i + 1
		}
	}
	return 0
}

// Columns of the Program sheet.
var programCols = []string{"Tingkat (0 program, 1 kegiatan, 2 sub kegiatan)", "Program / Kegiatan", "Anggaran (Rp)", "Keterangan"}

// WriteAgreement writes agreement a as a workbook for review and editing:
// Identitas (the document and the parties, one row per key), Indikator
// (one row per indicator with its sasaran and group, the quarters' and
// the annual target as written) and Program (the budget rows), and the
// hidden sheet perjanjian with the agreement's TOML, which carries what the
// sheets do not show (scales, categories, wording, table settings).
// ReadAgreement reads it back.
func WriteAgreement(w io.Writer, a *data.Agreement) error {
	var src bytes.Buffer
	if err := data.Encode(&src, a); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for _, fill := range []func(*excelize.File, *styles, *data.Agreement) error{writeIdentitas, writeIndikator, writeProgram} {
		if err := fill(f, st, a); err != nil {
			return err
		}
	}
	meta := newSheet(f, SheetPerjanjian, false)
	meta.set(1, perjanjianFormat, AgreementFormat, 0)
	meta.set(1, perjanjianTOML, src.String(), 0)
	if meta.err != nil {
		return meta.err
	}
	if err := f.SetSheetVisible(SheetPerjanjian, false); err != nil {
		return err
	}
	return f.Write(w)
}

// writeIdentitas fills the Identitas sheet.
func writeIdentitas(f *excelize.File, st *styles, a *data.Agreement) error {
	s := newSheet(f, SheetIdentitas, true)
	for i, h := range []string{"Kunci", "Uraian", "Isi"} {
		s.set(i+1, 1, h, st.header)
	}
	for i, fl := range identitasFields() {
		row := identitasFirst + i
		s.set(1, row, fl.key, st.locked)
		s.set(2, row, fl.label, st.locked)
		switch fl.key {
		case "tahun":
			s.set(3, row, a.Tahun, st.count)
		case "tanggal":
			s.set(3, row, tanggalText(a), st.locked)
		default:
			s.set(3, row, fl.get(a), st.locked)
		}
	}
	s.widths(26, 34, 70)
	s.freeze(1, 2)
	return s.err
}

// tanggalText is the date as written in the TOML ("" when none).
func tanggalText(a *data.Agreement) string {
	switch {
	case a.TanggalBulan:
		return data.NamaBulan(a.Tanggal.Month()) + " " + a.Tanggal.Format("2006")
	case a.Tanggal.IsZero():
		return ""
	}
	return a.Tanggal.Format(time.DateOnly)
}

// writeIndikator fills the Indikator sheet.
func writeIndikator(f *excelize.File, st *styles, a *data.Agreement) error {
	s := newSheet(f, SheetPKIndikator, false)
	for i, c := range indikatorCols {
		s.set(i+1, 1, c.judul, st.header)
	}
	row := indikatorFirst
	for gi, g := range a.Kelompok {
		for _, sa := range g.Sasaran {
			for _, in := range sa.Indikator {
				vals := indicatorRow(gi, g, sa, in)
				for c, v := range vals {
					style := st.locked
					if _, isNum := v.(int); isNum {
						style = st.count
					}
					s.set(c+1, row, v, style)
				}
				row++
			}
		}
	}
	s.widths(10, 22, 18, 10, 40, 10, 40, 18, 40, 12, 12, 12, 12, 12, 14, 14, 12, 14, 12, 10, 14)
	s.freeze(7, 2)
	return s.err
}

// indicatorRow is one indicator's cells in the order of indikatorCols.
func indicatorRow(gi int, g data.Group, sa data.Sasaran, in data.Indicator) []any {
	var tw [4]any
	for q := range tw {
		if in.Triwulanan {
			tw[q] = in.Triwulan[q].Text
		}
	}
	var batas any
	if in.Batas != 0 {
		batas = in.Batas
	}
	return []any{gi + 1, g.Nama, g.Judul, sa.No, sa.Uraian, in.Kode, in.Indikator, in.SumberData, in.Pengukuran,
		in.SatuanTulis, tw[0], tw[1], tw[2], tw[3], in.Tahunan.Text, in.Keterangan, in.Polaritas, in.Akumulasi,
		in.Skala, batas, in.RumusNegatif}
}

// writeProgram fills the Program sheet.
func writeProgram(f *excelize.File, st *styles, a *data.Agreement) error {
	s := newSheet(f, SheetProgram, false)
	for i, h := range programCols {
		s.set(i+1, 1, h, st.header)
	}
	for i, p := range a.Program {
		row := programFirst + i
		s.set(1, row, p.Tingkat, st.count)
		s.set(2, row, p.Program, st.locked)
		s.set(3, row, p.Anggaran, st.rupiah)
		s.set(4, row, p.Keterangan, st.locked)
	}
	s.widths(14, 60, 20, 20)
	return s.err
}
