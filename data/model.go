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
//     (3) WTP, A (81)); negative targets and decimal points are rejected.
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
	Nomor   string    // optional document number

	Kertas Paper // paper size of every page
	Huruf  Font  // font family of the whole document

	Kop Letterhead // letterhead of the statement page

	// Judul is the statement page title; default "PERJANJIAN KINERJA TAHUN <tahun>"
	// printed on two lines (JudulBaris).
	JudulBaris []string
	// JudulLampiran is the attachment title; default
	// "PERJANJIAN KINERJA KEPALA PERANGKAT DAERAH TAHUN <tahun>".
	JudulLampiran string

	Pertama Party // PIHAK PERTAMA: the official who promises
	Kedua   Party // PIHAK KEDUA: the superior ("selaku atasan")

	// LabelPertama and LabelKedua are the role names, default "PIHAK PERTAMA"
	// and "PIHAK KEDUA" (some forms say "PIHAK KESATU").
	LabelPertama string
	LabelKedua   string

	Teks Paragraphs // fixed wording of the statement page (defaults applied)

	Kelompok []Group    // SASARAN STRATEGIS, SASARAN KHUSUS, ...
	Program  []Program  // optional Program | Anggaran (Rp) | Keterangan rows
	Skala    []Scale    // predicate scales referred to by indicators
	Kategori []Category // capaian category bands, highest first (defaults applied)

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
	Nama           string // name as printed on the statement page, e.g. "BLESSMIYANDA"
	NamaLampiran   string // name as printed in the attachment (default Nama)
	NIP            string // 18 digits, "" for officials without one (a governor)
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

// Group is one block of the attachment table, e.g. "SASARAN STRATEGIS".
type Group struct {
	Nama    string
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
}

// Program is one row of the optional Program | Anggaran (Rp) | Keterangan table.
type Program struct {
	Program    string
	Anggaran   int64 // rupiah
	Keterangan string
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

// Category is one band of the capaian category scale: capaian >= Min.
type Category struct {
	Nama string
	Min  float64
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
