// Package data turns an agreement (Perjanjian Kinerja) written as TOML into a
// validated model. The model is what every later stage (layout, render, sign,
// report) reads; it carries computed numbers (sasaran NO, indicator NO) and
// the source position of every indicator so that later files can report
// errors against the agreement.
//
// Decode (DecodeFile, DecodeWith) reads the file format described in
// FORMAT.md, applies the defaults (statement-page wording, titles, labels,
// capaian categories, indicator rules) and collects every problem as Errors,
// each FILE:LINE:COL: field.path: message, sorted by line.
//
// Trade-offs and known limits:
//   - BurntSushi/toml v1.6 reports key positions only for syntax errors, so
//     positions of valid keys come from a small re-scan of the source
//     (position.go) matched against MetaData.Keys in document order. Keys
//     of arrays written inline (nilai = [{...}, {...}]) get the position of
//     the array; write [[skala.nilai]] tables for exact positions.
//   - Every leaf is decoded as an untyped value and checked afterwards, so
//     type errors are reported all at once; a value of the wrong shape for
//     a table ("kop = ..." instead of [kop]) still stops decoding with one
//     problem.
//   - toml matches struct fields case-insensitively; data reports keys that
//     differ only in case as unknown, since TOML keys are case-sensitive.
//   - Targets are parsed by a fixed grammar (N/A, 91%, 3,5, 1.250, WTP,
//     (3) WTP, A (81)), percentages and numbers optionally negative
//     (-1,41%); decimal points are rejected.
//   - The default akumulasi rule infers intent from the target pattern; it
//     is a convenience, not a judgement; set akumulasi explicitly in files
//     that matter.
//   - The logo is read at decode time (at most MaxFileSize bytes) and
//     decoded once to check it; its bytes are embedded unchanged.
package data

import "time"

// Agreement is one validated Perjanjian Kinerja.
type Agreement struct {
	// File is the path the agreement was read from (for messages).
	File string
	// Source is the TOML text exactly as read (embedded in rendered PDFs).
	Source []byte

	Tahun   int       // year of the agreement, e.g. 2021
	Tempat  string    // place printed before the date, e.g. "Jakarta"
	Tanggal time.Time // signing date; zero when absent ("Jakarta, 2021")
	// TanggalBulan is set when only the month was written ("Januari
	// 2021"): Tanggal is then the first of that month and the date line
	// prints the month and year.
	TanggalBulan bool
	Nomor        string // optional document number

	Kertas Paper // paper size of every page
	Huruf  Font  // font family of the whole document

	Kop Letterhead // letterhead of the statement page

	// Judul is the statement page title; default "PERJANJIAN KINERJA TAHUN <tahun>"
	// printed on two lines (JudulBaris).
	JudulBaris []string
	// JudulLampiran is the attachment title; default
	// "PERJANJIAN KINERJA KEPALA PERANGKAT DAERAH TAHUN <tahun>". Its
	// lines as written are JudulLampiranBaris (one line by default; a
	// two-line title stays two lines); JudulLampiran joins them.
	JudulLampiran      string
	JudulLampiranBaris []string

	Pertama Party // PIHAK PERTAMA: the official who promises
	Kedua   Party // PIHAK KEDUA: the superior ("selaku atasan")

	// LabelPertama and LabelKedua are the role names, default "PIHAK PERTAMA"
	// and "PIHAK KEDUA" (some forms say "PIHAK KESATU").
	LabelPertama string
	LabelKedua   string
	// Label holds the labels of the identity blocks as printed (defaults
	// Nama, NIP, Jabatan, Unit Kerja).
	Label IdentityLabels
	// Identitas are extra rows of the attachment identity block, after
	// the party's own ("Tahun Anggaran : 2021").
	Identitas []IdentityRow

	Teks Paragraphs // fixed wording of the statement page (defaults applied)

	Tabel    Table   // columns of the indicator table (defaults applied)
	Kelompok []Group // SASARAN STRATEGIS, SASARAN KHUSUS, ...
	// Program holds the optional program table's rows in document order:
	// programs, their kegiatan and sub-kegiatan (Program.Tingkat).
	Program      []Program
	TabelProgram ProgramTable // headings and number format of the program table
	Skala        []Scale      // predicate scales referred to by indicators
	Kategori     []Category   // capaian category bands, highest first (defaults applied)

	// RumusNegatif is the formula for negative-polarity indicators that set
	// none ("" = RumusSelisih); see Agreement.Formula.
	RumusNegatif string

	Footer        string  // footer line printed on every page (optional)
	VerifikasiURL string  // optional verification URL template for signature QR codes
	TandaTangan   Signing // who makes the signature fields (default SigningKinerja)

	// Dates for the PDF metadata; fixed so the same file gives the same bytes.
	Dibuat time.Time
}

// Signing says who signs the rendered PDF and so who makes its signature
// fields (TOML key tanda_tangan).
type Signing string

// The ways of signing.
const (
	// SigningKinerja: render makes one empty signature field per party,
	// which `kinerja sign` fills.
	SigningKinerja Signing = "kinerja"
	// SigningBSrE: render makes no signature fields; BSrE's signing
	// service adds its own.
	SigningBSrE Signing = "bsre"
)

// Paper is a paper size in millimetres, portrait orientation.
type Paper struct {
	Name          string  // "A4" or "F4"
	Width, Height float64 // mm, portrait
}

// Font selects the font family: "serif" (Liberation Serif, metric-compatible
// with Times New Roman) or "sans" (Liberation Sans, metric-compatible with Arial).
type Font string

// Letterhead is the top of the statement page.
type Letterhead struct {
	Baris    []string // lines, printed centred and bold
	Logo     string   // path of a PNG or JPEG logo, relative to the TOML file ("" = none)
	LogoData []byte   // the logo's bytes, read during decoding
	LogoType string   // "PNG" or "JPEG"
}

// Party is one signer of the agreement.
type Party struct {
	Nama         string // name as printed on the statement page, e.g. "BLESSMIYANDA"
	NamaLampiran string // name as printed in the attachment (default Nama)
	NIP          string // 18 digits, "" for officials without one (a governor)
	// NIPCetak is the NIP line as printed under the name: the text as
	// written when it starts with "NIP" ("NIP. 19840819 200212 1 001"),
	// else "NIP " and the NIP as written (default "NIP " + NIP).
	NIPCetak       string
	Pangkat        string // optional rank/grade, e.g. "Pembina Utama Muda (IV/c)"
	Jabatan        string // position as printed next to "Jabatan :" on the statement page
	JabatanSingkat string // short form in the attachment identity block (default Jabatan)
	// JabatanTTD is the position printed in the statement page signature
	// block (default Jabatan); JabatanTTDLampiran the one under the
	// attachment (default JabatanTTD).
	JabatanTTD         string
	JabatanTTDLampiran string
	UnitKerja          string // unit, e.g. "Badan Pelayanan Pengadaan Barang/Jasa Provinsi DKI Jakarta"
}

// Paragraphs is the fixed wording of the statement page, defaults applied.
type Paragraphs struct {
	Pembuka        string // "Dalam rangka mewujudkan manajemen pemerintahan ..."
	SebutanPertama string // "selanjutnya disebut PIHAK PERTAMA"
	SebutanKedua   string // "selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA"
	Janji          string // "PIHAK PERTAMA berjanji akan mewujudkan ..."
	Supervisi      string // "PIHAK KEDUA akan melakukan supervisi ..."
}

// IdentityLabels are the labels of the identity blocks.
type IdentityLabels struct {
	Nama, NIP, Jabatan, UnitKerja string
}

// IdentityRow is one extra label : value row of the attachment identity block.
type IdentityRow struct {
	Label, Isi string
}

// Column names of the indicator table (Table.Kolom), as written in
// [tabel] kolom.
const (
	KolomNo          = "no"
	KolomSasaran     = "sasaran"
	KolomNoIndikator = "no_indikator"
	KolomIndikator   = "indikator"
	KolomSumberData  = "sumber_data"
	KolomPengukuran  = "pengukuran"
	KolomSatuan      = "satuan"
	KolomTriwulan    = "triwulan" // four columns I..IV under one heading
	KolomTahunan     = "tahunan"
	KolomKeterangan  = "keterangan"
)

// Column names of the program table (ProgramTable.Kolom).
const (
	KolomProgram  = "program"
	KolomAnggaran = "anggaran"
)

// Sasaran numbering (Table.Penomoran).
const (
	PenomoranLanjut      = "lanjut"       // 1..n across all groups (default)
	PenomoranPerKelompok = "per_kelompok" // restarts at 1 in every group
)

// Column is one printed column: its name (Kolom...) and its heading.
type Column struct {
	Key, Judul string
}

// Table describes the indicator table as printed.
type Table struct {
	// Kolom lists the columns in order. Default: NO, Sasaran, NO,
	// Indikator Kinerja, then Sumber Data, Pengukuran Kinerja, Satuan and
	// Triwulan when some indicator has them, Tahunan, and Keterangan when
	// some indicator has one.
	Kolom     []Column
	Kepala    map[string]string // renamed headings by column name (input to the defaults)
	Penomoran string            // PenomoranLanjut or PenomoranPerKelompok
}

// Has reports whether the table has the column named key.
func (t Table) Has(key string) bool {
	for _, c := range t.Kolom {
		if c.Key == key {
			return true
		}
	}
	return false
}

// ProgramTable describes the program table as printed.
type ProgramTable struct {
	Judul  string            // heading printed above the table ("" none)
	Kolom  []Column          // default Program, Anggaran (Rp), Keterangan; "no" adds a No column
	Kepala map[string]string // renamed headings by column name (input to the defaults)
	Jumlah string            // label of the total row, default "JUMLAH"
	Rp     bool              // amounts printed as "Rp 1.250.000"
	Sen    bool              // amounts printed with ",00"
}

// Has reports whether the program table has the column named key.
func (t ProgramTable) Has(key string) bool { return Table{Kolom: t.Kolom}.Has(key) }

// Group is one block of the attachment table, e.g. "SASARAN STRATEGIS".
// A group with a Judul starts a new table under that heading; Kepala
// renames that table's column headings (column name to heading).
type Group struct {
	Nama    string // heading row; "" for none
	Judul   string
	Kepala  map[string]string
	Sasaran []Sasaran
}

// Sasaran is one objective with its indicators.
type Sasaran struct {
	No        int    // computed: runs on across groups, 1..n
	Uraian    string // the objective's text
	Indikator []Indicator
}

// Indicator is one performance indicator with its targets.
type Indicator struct {
	No         int    // computed: restarts at 1 within each sasaran
	Kode       string // stable code, unique in the agreement, used by realisasi files
	Indikator  string // indicator text
	SumberData string // data source, may be empty
	// Triwulanan is set when quarterly targets were written; without them
	// the four quarters are N/A with empty Text (an annual-only indicator).
	Triwulanan bool
	// SatuanTulis is the satuan as written ("" when derived), printed in
	// a Satuan column.
	SatuanTulis string
	// Pengukuran is the measurement description. A blank line separates
	// paragraphs; a single newline is a line break (lettered list items).
	Pengukuran string
	Triwulan   [4]Target // quarterly targets I..IV
	Tahunan    Target    // annual target
	Keterangan string    // unit or kind, e.g. "Persentase", "Predikat", "Nilai"
	Satuan     string    // unit for reports (default derived from Keterangan)

	// Rules for achievement (issue: quarterly reports).
	Polaritas string  // "positif" (default) or "negatif"
	Akumulasi string  // "kumulatif", "posisi_akhir", "rata_rata" or "tahunan"
	Skala     string  // name of the predicate scale (for predicate targets)
	Batas     float64 // cap on capaian in percent (0 = none)
	// RumusNegatif is this indicator's negative-polarity formula ("" =
	// the agreement's); see Agreement.Formula.
	RumusNegatif string
	// Pembanding are named reference targets (RPJMD, national figure)
	// reported beside the realisasi, in file order.
	Pembanding []Reference

	Line int // line of the indicator in the TOML file
}

// TargetKind tells how a target is written.
type TargetKind int

// Target kinds.
const (
	NA        TargetKind = iota // "N/A": not assessed in that period
	Percent                     // "91%", "100%"
	Number                      // "4", "92", "3,5"
	Predicate                   // "WTP", "(3) WTP", "A (81)", "BB"
)

// Target is one target cell.
type Target struct {
	Text      string     // as written in the TOML and printed in the table
	Kind      TargetKind // how it parsed
	Value     float64    // the number (percent without %, number, or the predicate's score if written)
	HasValue  bool       // Value is meaningful (for predicates: a score was written)
	Predicate string     // the predicate label ("WTP", "A") for Predicate targets
	// Comparator is the comparison written before the value, as a symbol:
	// "<", "≤", ">" or "≥" ("kurang dari 49" gives "<", "minimal 80%" "≥");
	// "" when none was written.
	Comparator string
	Unit       string // unit written with a number: "Indeks" in "70 Indeks", "Skala" in "Skala 7"
	Note       string // note in parentheses after the value: "(Evaluasi Semester I)"
}

// Program is one row of the optional Program | Anggaran (Rp) | Keterangan table.
type Program struct {
	Program    string
	Anggaran   int64 // rupiah; a parent without its own is the sum of its children
	Keterangan string
	Tingkat    int // 0 program, 1 kegiatan, 2 sub-kegiatan
}

// Scale maps predicate labels to scores and percentages.
type Scale struct {
	Nama  string
	Nilai []ScaleEntry
}

// ScaleEntry is one label of a predicate scale, e.g. WTP = 3 (100%), or a
// band of a numeric scale, e.g. AA for scores > 90 up to 100.
type ScaleEntry struct {
	Label        string
	Skor         float64 // score of the label (e.g. WTP=3)
	Persen       float64 // achievement percentage the label stands for (0 = not declared)
	Min          float64 // band lower bound (exclusive when MinExclusive)
	Max          float64 // band upper bound (inclusive)
	MinExclusive bool
	HasSkor      bool // Skor was declared (TMP = 0 is a real score)
	HasBand      bool // Min/Max were declared (rentang); Max is +Inf for an open band like ">90"
}

// Category is one band of the capaian category scale. Without a range
// (min only) it holds capaian >= Min up to the band above; with one
// (rentang) exactly the values between its bounds (Contains).
type Category struct {
	Nama string
	Min  float64 // lower bound; -Inf for "<=50"
	// Max is the upper bound (+Inf when open); only with HasRange.
	Max                        float64
	MinExclusive, MaxExclusive bool
	HasRange                   bool
}

// Reference is a named reference target of an indicator, e.g. RPJMD 5,2%.
type Reference struct {
	Nama   string
	Target Target
}

// Indicators returns every indicator in document order with its sasaran.
func (a *Agreement) Indicators() []IndicatorRef {
	var out []IndicatorRef
	for gi := range a.Kelompok {
		g := &a.Kelompok[gi]
		for si := range g.Sasaran {
			s := &g.Sasaran[si]
			for ii := range s.Indikator {
				out = append(out, IndicatorRef{Group: g, Sasaran: s, Indicator: &s.Indikator[ii]})
			}
		}
	}
	return out
}

// IndicatorRef points at one indicator and the sasaran and group it belongs to.
type IndicatorRef struct {
	Group     *Group
	Sasaran   *Sasaran
	Indicator *Indicator
}
