package api

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"kinerja/data"
	"kinerja/internal/outfile"
)

// The form variants Init writes (InitOptions.Bentuk).
const (
	// BentukTriwulan: statement and attachment with quarterly targets,
	// Sumber Data, Pengukuran and Keterangan (the Jakarta sample).
	BentukTriwulan = "triwulan"
	// BentukTahunan: No | Sasaran | Indikator Kinerja | Target, annual
	// targets only, no letterhead.
	BentukTahunan = "tahunan"
	// BentukSatuan: a Satuan column before the Target and a Tahun
	// Anggaran row in the identity block.
	BentukSatuan = "satuan"
	// BentukProgram: BentukTriwulan with a Program | Anggaran table.
	BentukProgram = "program"
	// BentukDuaTabel: a central agency's two tables (Sasaran Strategis,
	// Sasaran Kegiatan) and a Kegiatan budget.
	BentukDuaTabel = "dua-tabel"
)

// Bentuk lists the form variants Init writes.
func Bentuk() []string {
	return []string{BentukTriwulan, BentukTahunan, BentukSatuan, BentukProgram, BentukDuaTabel}
}

// ErrExists is returned by the file forms of Init and Rollover when the
// output exists and replacing it was not asked for.
var ErrExists = errors.New("exists; use --force to replace it")

// InitOptions say what Init writes.
type InitOptions struct {
	Bentuk string // one of Bentuk(); "" is BentukTriwulan
	Tahun  int    // the agreement's year
	Force  bool   // the file forms replace an existing output
}

// Init writes a commented agreement of the variant opt.Bentuk to w: every
// key explained in Indonesian, the values to fill in as <<...>>
// placeholders, which `kinerja check` refuses until they are filled.
func Init(w io.Writer, opt InitOptions) error {
	a, err := template(opt)
	if err != nil {
		return err
	}
	header := fmt.Sprintf("Perjanjian Kinerja %d, bentuk %q, dibuat oleh kinerja init.\n"+
		"Ganti setiap <<...>> dengan isi yang sebenarnya (tanggal tanpa tanda kutip: tanggal = %d-01-05),\n"+
		"hapus kunci opsional yang tidak dipakai, lalu periksa: kinerja check BERKAS.toml\n"+
		"Semua kunci dan aturannya: data/FORMAT.md.", opt.Tahun, cmpOr(opt.Bentuk, BentukTriwulan), opt.Tahun)
	return data.EncodeWith(w, a, data.EncodeOptions{Header: header, Explain: true, Tanggal: "<<TANGGAL>>"})
}

// InitFile writes Init's agreement to path, which must not exist unless
// opt.Force.
func InitFile(path string, opt InitOptions) error {
	var buf bytes.Buffer
	if err := Init(&buf, opt); err != nil {
		return err
	}
	return writeNew(path, buf.Bytes(), opt.Force)
}

// writeNew writes data to path through outfile, refusing an existing
// path unless force.
func writeNew(path string, b []byte, force bool) error {
	if force {
		return outfile.WriteFile(path, b, 0o644)
	}
	err := outfile.WriteNew(path, b, 0o644)
	if errors.Is(err, outfile.ErrExists) {
		return fmt.Errorf("%s: %w", path, ErrExists)
	}
	return err
}

// cmpOr returns a unless it is empty, else b.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// template builds the placeholder agreement of a variant.
func template(opt InitOptions) (*data.Agreement, error) {
	b := cmpOr(opt.Bentuk, BentukTriwulan)
	if !slices.Contains(Bentuk(), b) {
		return nil, fmt.Errorf("bentuk %q: unknown; expected one of %s", b, strings.Join(Bentuk(), ", "))
	}
	if opt.Tahun < 1990 || opt.Tahun > 2100 {
		return nil, fmt.Errorf("tahun %d: expected a year in 1990..2100", opt.Tahun)
	}
	a := &data.Agreement{Tahun: opt.Tahun, Tempat: "<<TEMPAT>>",
		Kop:     data.Letterhead{Baris: []string{"<<BARIS KOP 1, mis. PEMERINTAH KABUPATEN CONTOH>>", "<<BARIS KOP 2, mis. DINAS CONTOH>>"}},
		Pertama: data.Party{Nama: "<<NAMA PIHAK PERTAMA>>", NIP: "<<NIP PIHAK PERTAMA>>", Jabatan: "<<JABATAN PIHAK PERTAMA>>", UnitKerja: "<<UNIT KERJA>>"},
		Kedua:   data.Party{Nama: "<<NAMA PIHAK KEDUA>>", Jabatan: "<<JABATAN PIHAK KEDUA>>"},
	}
	switch b {
	case BentukTriwulan, BentukProgram:
		a.Kelompok = []data.Group{{Nama: "SASARAN STRATEGIS", Sasaran: []data.Sasaran{placeholderSasaran("SS1", 2, true)}}}
	case BentukTahunan:
		a.Kop = data.Letterhead{}
		a.Tabel = data.Table{Kolom: columns("no", "sasaran", "indikator", "tahunan"), Kepala: map[string]string{"no": "No"}}
		a.Kelompok = []data.Group{{Sasaran: []data.Sasaran{placeholderSasaran("SS1", 2, false)}}}
	case BentukSatuan:
		a.Label.UnitKerja = "Satuan Kerja"
		a.Identitas = []data.IdentityRow{{Label: "Tahun Anggaran", Isi: strconv.Itoa(opt.Tahun)}}
		a.Tabel = data.Table{Kolom: columns("no", "sasaran", "indikator", "satuan", "tahunan"), Kepala: map[string]string{"no": "No", "sasaran": "Output"}}
		s := placeholderSasaran("O1", 2, false)
		for i := range s.Indikator {
			s.Indikator[i].SatuanTulis = "<<SATUAN, mis. Persen>>"
		}
		a.Kelompok = []data.Group{{Nama: "SASARAN PROGRAM", Sasaran: []data.Sasaran{s}}}
	case BentukDuaTabel:
		a.Label.UnitKerja = "Unit Organisasi"
		a.Tabel = data.Table{Kolom: columns("no", "sasaran", "indikator", "triwulan", "tahunan"), Kepala: map[string]string{"no": "No", "tahunan": "Target"},
			Penomoran: data.PenomoranPerKelompok}
		a.Kelompok = []data.Group{
			{Judul: "A. Sasaran Strategis", Kepala: map[string]string{"sasaran": "Sasaran Strategis"}, Sasaran: []data.Sasaran{placeholderSasaran("SS1", 1, false)}},
			{Judul: "B. Sasaran Kegiatan", Kepala: map[string]string{"sasaran": "Sasaran Kegiatan"}, Sasaran: []data.Sasaran{placeholderSasaran("SK1", 2, true)}},
		}
		for i := range a.Kelompok[1].Sasaran[0].Indikator {
			in := &a.Kelompok[1].Sasaran[0].Indikator[i]
			in.SumberData, in.Pengukuran, in.Keterangan = "", "", "" // the table has no such columns
		}
		a.TabelProgram = data.ProgramTable{Judul: "Kegiatan dan Anggaran", Kolom: []data.Column{{Key: "no"}, {Key: "program"}, {Key: "anggaran"}, {Key: "keterangan"}},
			Kepala: map[string]string{"program": "Kegiatan / Sub Kegiatan"}, Rp: true}
		a.Program = []data.Program{{Program: "<<NAMA KEGIATAN 1>>", Keterangan: "Rupiah Murni"},
			{Program: "<<NAMA SUB KEGIATAN 1.1>>", Tingkat: 1}, {Program: "<<NAMA SUB KEGIATAN 1.2>>", Tingkat: 1}}
	}
	if b == BentukProgram {
		a.Program = []data.Program{{Program: "<<NAMA PROGRAM 1>>", Keterangan: "APBD"}, {Program: "<<NAMA PROGRAM 2>>", Keterangan: "APBD"}}
	}
	a.ApplyDefaults()
	return a, nil
}

// columns returns the indicator table columns named.
func columns(keys ...string) []data.Column {
	out := make([]data.Column, len(keys))
	for i, k := range keys {
		out[i] = data.Column{Key: k}
	}
	return out
}

// placeholderSasaran is one sasaran with n placeholder indicators coded
// kode.1, kode.2, ...; quarterly adds quarterly targets and the columns
// of the quarterly form.
func placeholderSasaran(kode string, n int, quarterly bool) data.Sasaran {
	s := data.Sasaran{Uraian: "<<URAIAN SASARAN>>"}
	for i := 1; i <= n; i++ {
		no := fmt.Sprintf("%s.%d", kode, i)
		in := data.Indicator{Kode: no, Indikator: "<<INDIKATOR " + no + ">>", Tahunan: data.Target{Text: "<<TARGET TAHUNAN>>"}}
		if quarterly {
			in.Triwulanan = true
			for q := range in.Triwulan {
				in.Triwulan[q] = data.Target{Text: fmt.Sprintf("<<TARGET TW %s>>", roman[q])}
			}
			in.SumberData, in.Pengukuran, in.Keterangan = "<<SUMBER DATA>>", "<<CARA PENGUKURAN>>", "<<KETERANGAN, mis. Persentase>>"
		}
		s.Indikator = append(s.Indikator, in)
	}
	return s
}

// roman numbers the quarters.
var roman = [4]string{"I", "II", "III", "IV"}

// Rollover writes next year's agreement started from in: the same parties,
// labels, sasaran and indicators (kode kept) and programs, tahun set to
// tahun, the year in titles and identity rows moved along, every target
// (other than N/A quarters) and the date and number cleared to <<...>>
// placeholders that `kinerja check` refuses until they are filled.
func Rollover(in Input, tahun int, w io.Writer) error {
	a, err := data.Decode(in.R, in.Name)
	if err != nil {
		return err
	}
	if tahun < 1990 || tahun > 2100 {
		return fmt.Errorf("tahun %d: expected a year in 1990..2100", tahun)
	}
	old := a.Tahun
	opt := data.EncodeOptions{Tanggal: "<<TANGGAL>>", Header: rolloverHeader(a, filepath.Base(in.Name), tahun), Rules: true}
	if a.Nomor != "" {
		opt.Nomor = "<<NOMOR>>"
	}
	roll(a, tahun)
	moveYear(a, old, tahun)
	return data.EncodeWith(w, a, opt)
}

// RolloverFile is Rollover from and to files; out must not exist unless
// force.
func RolloverFile(in string, tahun int, out string, force bool) error {
	r, err := readInputs([]string{in}, out)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := Rollover(Input{Name: in, R: r[0]}, tahun, &buf); err != nil {
		return err
	}
	return writeNew(out, buf.Bytes(), force)
}

// rolloverHeader keeps the source's opening comment and says what to fill.
func rolloverHeader(a *data.Agreement, name string, tahun int) string {
	var lines []string
	for l := range strings.SplitSeq(string(a.Source), "\n") {
		c, ok := strings.CutPrefix(strings.TrimSpace(l), "#")
		if !ok {
			break
		}
		lines = append(lines, strings.TrimPrefix(c, " "))
	}
	lines = append(lines, "", fmt.Sprintf("Disalin dari %s (tahun %d) untuk tahun %d oleh kinerja init --dari.", name, a.Tahun, tahun),
		"Isi setiap <<...>>: target, tanggal (tanpa tanda kutip: tanggal = "+strconv.Itoa(tahun)+"-01-05) dan nomor.")
	if len(a.Program) > 0 {
		lines = append(lines, fmt.Sprintf("Anggaran program masih angka tahun %d: perbarui.", a.Tahun))
	}
	return strings.Join(lines, "\n")
}

// roll clears what belongs to one year: date, number, creation time and
// the targets.
func roll(a *data.Agreement, tahun int) {
	a.Tahun, a.Tanggal, a.TanggalBulan, a.Dibuat, a.Nomor = tahun, data.Agreement{}.Tanggal, false, data.Agreement{}.Dibuat, ""
	for _, r := range a.Indicators() {
		in := r.Indicator
		for q := range in.Triwulan {
			if in.Triwulanan && in.Triwulan[q].Kind != data.NA {
				in.Triwulan[q] = data.Target{Text: fmt.Sprintf("<<TARGET TW %s>>", roman[q])}
			}
		}
		in.Tahunan = data.Target{Text: "<<TARGET TAHUNAN>>"}
		for i := range in.Pembanding {
			in.Pembanding[i].Target = data.Target{Text: "<<TARGET " + strings.ToUpper(in.Pembanding[i].Nama) + ">>"}
		}
	}
}

// moveYear replaces the old year by the new one in the titles and the
// identity rows ("TAHUN 2025", "Tahun Anggaran : 2025").
func moveYear(a *data.Agreement, old, tahun int) {
	r := strings.NewReplacer(strconv.Itoa(old), strconv.Itoa(tahun))
	for _, l := range [][]string{a.JudulBaris, a.JudulLampiranBaris, a.Kop.Baris} {
		for i := range l {
			l[i] = r.Replace(l[i])
		}
	}
	a.JudulLampiran = r.Replace(a.JudulLampiran)
	for i := range a.Identitas {
		a.Identitas[i].Isi = r.Replace(a.Identitas[i].Isi)
	}
}
