package data

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"kinerja/pesan"
)

// Default wording of the statement page, as in the seed agreement.
// {pertama} and {kedua} stand for the party labels; overrides in [teks]
// may use them too.
const (
	DefaultPembuka        = "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
	DefaultSebutanPertama = "selanjutnya disebut {pertama}"
	DefaultSebutanKedua   = "selaku atasan {pertama}, selanjutnya disebut {kedua}"
	DefaultJanji          = "{pertama} berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
	DefaultSupervisi      = "{kedua} akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi."
)

// Paper sizes: A4 is the default, F4 (folio) the regional-government
// convention.
var (
	PaperA4 = Paper{Name: "A4", Width: 210, Height: 297}
	PaperF4 = Paper{Name: "F4", Width: 215, Height: 330}
)

// Default labels of the parties.
const (
	DefaultLabelPertama = "PIHAK PERTAMA"
	DefaultLabelKedua   = "PIHAK KEDUA"
)

// ApplyDefaults fills every blank field of a that has a default: paper A4,
// font serif, the title lines "PERJANJIAN KINERJA" and "TAHUN <tahun>",
// the attachment title, the party labels, the statement wording (with
// {pertama} and {kedua} replaced by the labels, in overrides too), each
// party's derived names and positions, the indicator numbers and the
// category scale. It is the only place defaults are applied: Decode calls
// it while building the model, and a model built in code calls it before
// layout, which applies none of its own. Applying it twice changes
// nothing.
func (a *Agreement) ApplyDefaults() {
	if a.Kertas.Width == 0 && a.Kertas.Height == 0 {
		a.Kertas = PaperA4
	}
	if a.Huruf == "" {
		a.Huruf = "serif"
	}
	if len(a.JudulBaris) == 0 {
		a.JudulBaris = []string{"PERJANJIAN KINERJA", fmt.Sprintf("TAHUN %d", a.Tahun)}
	}
	if len(a.JudulLampiranBaris) == 0 {
		a.JudulLampiranBaris = []string{orDefault(a.JudulLampiran, fmt.Sprintf("PERJANJIAN KINERJA KEPALA PERANGKAT DAERAH TAHUN %d", a.Tahun))}
	}
	a.JudulLampiran = strings.Join(a.JudulLampiranBaris, " ")
	a.LabelPertama = orDefault(a.LabelPertama, DefaultLabelPertama)
	a.LabelKedua = orDefault(a.LabelKedua, DefaultLabelKedua)
	a.Label.applyDefaults()
	a.Teks.applyDefaults(a.LabelPertama, a.LabelKedua)
	a.Pertama.applyDefaults()
	a.Kedua.applyDefaults()
	a.numberIndicators()
	a.Tabel.applyDefaults(a)
	a.TabelProgram.applyDefaults()
	if len(a.Kategori) == 0 {
		a.Kategori = DefaultKategori()
	}
}

// applyDefaults fills the blank identity labels: Nama, NIP, Jabatan,
// Unit Kerja.
func (l *IdentityLabels) applyDefaults() {
	l.Nama = orDefault(l.Nama, "Nama")
	l.NIP = orDefault(l.NIP, "NIP")
	l.Jabatan = orDefault(l.Jabatan, "Jabatan")
	l.UnitKerja = orDefault(l.UnitKerja, "Unit Kerja")
}

// applyDefaults fills blank paragraphs with the default wording and
// replaces {pertama} and {kedua} by the labels; a label that starts a
// paragraph or a sentence starts with a capital letter.
func (t *Paragraphs) applyDefaults(pertama, kedua string) {
	r := strings.NewReplacer(". {pertama}", ". "+capitalise(pertama), ". {kedua}", ". "+capitalise(kedua),
		"{pertama}", pertama, "{kedua}", kedua)
	for _, f := range []struct {
		s   *string
		def string
	}{{&t.Pembuka, DefaultPembuka}, {&t.SebutanPertama, DefaultSebutanPertama},
		{&t.SebutanKedua, DefaultSebutanKedua}, {&t.Janji, DefaultJanji}, {&t.Supervisi, DefaultSupervisi}} {
		*f.s = r.Replace(capitaliseLead(orDefault(*f.s, f.def), pertama, kedua))
	}
}

// capitaliseLead capitalises a label placeholder at the start of s.
func capitaliseLead(s, pertama, kedua string) string {
	if rest, ok := strings.CutPrefix(s, "{pertama}"); ok {
		return capitalise(pertama) + rest
	}
	if rest, ok := strings.CutPrefix(s, "{kedua}"); ok {
		return capitalise(kedua) + rest
	}
	return s
}

// capitalise returns s with its first letter in upper case.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// applyDefaults derives the blank names and positions of a party: the
// signature position is the position with a comma, the attachment's name
// and short position the statement page's, the attachment's signature
// position the statement page's.
func (p *Party) applyDefaults() {
	if strings.TrimSpace(p.Jabatan) != "" {
		p.JabatanTTD = orDefault(p.JabatanTTD, strings.TrimSpace(p.Jabatan)+",")
	}
	if p.NIP != "" {
		p.NIPCetak = orDefault(p.NIPCetak, "NIP "+p.NIP)
	}
	p.NamaLampiran = orDefault(p.NamaLampiran, p.Nama)
	p.JabatanSingkat = orDefault(p.JabatanSingkat, p.Jabatan)
	p.JabatanTTDLampiran = orDefault(p.JabatanTTDLampiran, p.JabatanTTD)
}

// numberIndicators gives every indicator without a number its place in
// its sasaran (1..n).
func (a *Agreement) numberIndicators() {
	for gi := range a.Kelompok {
		for si := range a.Kelompok[gi].Sasaran {
			ind := a.Kelompok[gi].Sasaran[si].Indikator
			for ii := range ind {
				if ind[ii].No == 0 {
					ind[ii].No = ii + 1
				}
			}
		}
	}
}

// orDefault returns s, or def when s is blank.
func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// DefaultKategori is the capaian category scale used in LKjIP reports
// (Permendagri 54/2010, 86/2017): 91-100 Sangat Tinggi, 76-90 Tinggi,
// 66-75 Sedang, 51-65 Rendah, <=50 Sangat Rendah.
func DefaultKategori() []Category {
	return []Category{
		{Nama: "Sangat Tinggi", Min: 91},
		{Nama: "Tinggi", Min: 76},
		{Nama: "Sedang", Min: 66},
		{Nama: "Rendah", Min: 51},
		{Nama: "Sangat Rendah", Min: 0},
	}
}

// paragraphs checks [teks]; ApplyDefaults fills what it leaves out and
// replaces the label placeholders.
func (c *checker) paragraphs(t teksT) Paragraphs {
	return Paragraphs{
		Pembuka:        c.optText("teks.pembuka", t.Pembuka, ""),
		SebutanPertama: c.optText("teks.sebutan_pertama", t.SebutanPertama, ""),
		SebutanKedua:   c.optText("teks.sebutan_kedua", t.SebutanKedua, ""),
		Janji:          c.optText("teks.janji", t.Janji, ""),
		Supervisi:      c.optText("teks.supervisi", t.Supervisi, ""),
	}
}

// categories checks [[kategori]] (highest band first) or applies the
// default scale. Bands are given by min or, all of them, by rentang.
func (c *checker) categories(raw []categoryT) []Category {
	if len(raw) == 0 {
		return nil // ApplyDefaults: DefaultKategori
	}
	out := make([]Category, 0, len(raw))
	for i, k := range raw {
		path := fmt.Sprintf("kategori[%d]", i)
		cat := Category{Nama: c.reqText(path+".nama", k.Nama, `the category name, e.g. nama = "Sangat Tinggi"`)}
		switch {
		case k.Min.set && k.Rentang.set:
			c.addf(path+".rentang", "given with min; expected either min = 91 or rentang = \"91-100\"")
		case k.Rentang.set:
			c.categoryRange(path+".rentang", k.Rentang, &cat, out)
		case !k.Min.set:
			c.addf(path+".min", "missing; expected the lowest capaian in percent of the band, e.g. min = 91, or its range, e.g. rentang = \"91-100\"")
		default:
			c.categoryMin(path+".min", k.Min, &cat, out)
		}
		if i > 0 && (k.Rentang.set != raw[0].Rentang.set) {
			c.addf(path, "mixes min and rentang bands; expected min in every band or rentang in every band")
		}
		out = append(out, cat)
	}
	return out
}

// categoryMin checks the min of a band given by its lower bound only.
func (c *checker) categoryMin(path string, v val, cat *Category, prev []Category) {
	m, ok := c.number(path, v, "a number like 91")
	if !ok {
		return
	}
	cat.Min = m
	if n := len(prev); n > 0 && !prev[n-1].HasRange && m >= prev[n-1].Min {
		c.addf(path, "%s is not below the previous band's %s; expected bands from highest to lowest", formatNumber(m), formatNumber(prev[n-1].Min))
	}
}

// maxAnggaran bounds one budget line (a thousand trillion rupiah), so that
// totals cannot overflow.
const maxAnggaran = 1_000_000_000_000_000

// budgetRow is one row of the program hierarchy as written.
type budgetRow struct {
	path, key, hint string
	name, anggaran  val
	keterangan      val
	tingkat         int
}

// programs checks [[program]] with its [[program.kegiatan]] and their
// [[program.kegiatan.sub_kegiatan]], in document order. A row with
// children may leave out anggaran: it is the sum of its children; when
// written, it must equal that sum, so that no total counts a budget
// twice.
func (c *checker) programs(raw []programT) []Program {
	var out []Program
	for i, p := range raw {
		path := fmt.Sprintf("program[%d]", i)
		at := len(out)
		out = append(out, c.budgetRow(budgetRow{path, "program", pesan.Text(`the program name, e.g. program = "Program Penunjang Urusan Pemerintahan Daerah"`),
			p.Program, p.Anggaran, p.Keterangan, 0}, len(p.Kegiatan) > 0))
		var sum int64
		for j, k := range p.Kegiatan {
			kp := fmt.Sprintf("%s.kegiatan[%d]", path, j)
			kat := len(out)
			out = append(out, c.budgetRow(budgetRow{kp, "kegiatan", pesan.Text(`the kegiatan name, e.g. kegiatan = "Penyediaan Jasa Penunjang"`),
				k.Kegiatan, k.Anggaran, k.Keterangan, 1}, len(k.SubKegiatan) > 0))
			var sub int64
			for m, s := range k.SubKegiatan {
				sp := fmt.Sprintf("%s.sub_kegiatan[%d]", kp, m)
				out = append(out, c.budgetRow(budgetRow{sp, "sub_kegiatan", pesan.Text(`the sub-kegiatan name, e.g. sub_kegiatan = "Penyediaan Jasa Kebersihan Kantor"`),
					s.SubKegiatan, s.Anggaran, s.Keterangan, 2}, false))
				sub += out[len(out)-1].Anggaran
			}
			c.parentSum(kp, k.Anggaran.set, &out[kat], sub, len(k.SubKegiatan))
			sum += out[kat].Anggaran
		}
		c.parentSum(path, p.Anggaran.set, &out[at], sum, len(p.Kegiatan))
	}
	return out
}

// budgetRow checks one row; anggaran is required unless the row has children.
func (c *checker) budgetRow(r budgetRow, parent bool) Program {
	p := Program{Program: c.reqText(r.path+"."+r.key, r.name, r.hint),
		Keterangan: c.optText(r.path+".keterangan", r.keterangan, ""), Tingkat: r.tingkat}
	const hint = "an integer number of rupiah without quotes, e.g. anggaran = 1_250_000_000"
	switch {
	case !r.anggaran.set && !parent:
		c.addf(r.path+".anggaran", "missing; expected %s", pesan.Text(hint))
	case !r.anggaran.set:
	default:
		if n, ok := c.integer(r.path+".anggaran", r.anggaran, hint); ok {
			if n < 0 || n > maxAnggaran {
				c.addf(r.path+".anggaran", "%d is out of range; expected %s, at most %d", n, pesan.Text(hint), int64(maxAnggaran))
			}
			p.Anggaran = n
		}
	}
	return p
}

// parentSum gives a parent without anggaran the sum of its children and
// checks a written one against it.
func (c *checker) parentSum(path string, written bool, p *Program, sum int64, children int) {
	switch {
	case children == 0:
	case !written:
		p.Anggaran = sum
	case p.Anggaran != sum:
		c.addf(path+".anggaran", "%s is not the sum of its %d rows below (%s); expected the sum, or leave anggaran out to have it computed",
			GroupThousands(fmt.Sprint(p.Anggaran)), children, GroupThousands(fmt.Sprint(sum)))
	}
}

// letterhead checks [kop] and reads the logo.
func (c *checker) letterhead(k kopT, opt Options) Letterhead {
	l := Letterhead{Baris: c.textList("kop.baris", k.Baris)}
	const hint = `the letterhead lines, e.g. baris = ["PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"]`
	if k.Baris.set && strings.TrimSpace(strings.Join(l.Baris, "")) == "" && len(l.Baris) == len(asList(k.Baris.v)) {
		c.addf("kop.baris", "is empty; expected %s", pesan.Text(hint))
	}
	l.Logo = c.optText("kop.logo", k.Logo, "")
	if l.Logo == "" {
		return l
	}
	data, typ, err := readLogoFrom(l.Logo, opt)
	if err != nil {
		c.addf("kop.logo", "%v", err)
		return l
	}
	l.LogoData, l.LogoType = data, typ
	return l
}

// asList returns v as a list, a lone value as a one-element list.
func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{v}
}

// readLogoFrom reads the logo from opt.Files when set, else from disk.
func readLogoFrom(name string, opt Options) ([]byte, string, error) {
	if opt.Files == nil {
		return readLogo(name, opt.Dir)
	}
	data, err := fs.ReadFile(opt.Files, CleanPath(name))
	if err != nil {
		return nil, "", pesan.Errorf("logo %q not found among the supplied files: %w", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, "", pesan.Errorf("logo %q is larger than %d bytes", name, MaxFileSize)
	}
	return logoType(name, data)
}

// readLogo reads a PNG or JPEG logo, relative paths against dir.
func readLogo(name, dir string) ([]byte, string, error) {
	path := name
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, name)
	}
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", pesan.Errorf("logo %q not found (looked for %s)", name, path)
	}
	if err != nil {
		return nil, "", pesan.Errorf("cannot read logo %q: %w", name, err)
	}
	if !fi.Mode().IsRegular() || fi.Size() > MaxFileSize {
		return nil, "", pesan.Errorf("logo %q is not a regular file of at most %d bytes", name, MaxFileSize)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", pesan.Errorf("cannot read logo %q: %w", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize))
	if err != nil {
		return nil, "", pesan.Errorf("cannot read logo %q: %w", name, err)
	}
	return logoType(name, data)
}

// logoType returns data with its type, PNG or JPEG by the magic bytes, after
// checking that the whole image decodes (a truncated file would otherwise
// only fail, or crash, when the PDF is written).
func logoType(name string, data []byte) ([]byte, string, error) {
	var typ string
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		typ = "PNG"
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		typ = "JPEG"
	default:
		return nil, "", pesan.Errorf("logo %q is neither PNG nor JPEG; expected a .png or .jpg file", name)
	}
	cfg, err := imageConfig(typ, data)
	if err != nil {
		return nil, "", pesan.Errorf("logo %q is a damaged %s file (%v); expected a complete image", name, typ, err)
	}
	if err := checkImageHeader(typ, cfg, data); err != nil {
		return nil, "", pesan.Errorf("logo %q is %v", name, err)
	}
	if err := decodeImage(typ, data); err != nil {
		return nil, "", pesan.Errorf("logo %q is a damaged %s file (%v); expected a complete image", name, typ, err)
	}
	return data, typ, nil
}

// MaxLogoSide is the largest width or height of a logo in pixels: a
// letterhead emblem is printed about 2.5 cm wide, and 4096 pixels is over
// 4000 dpi there. The header is checked before the image is decoded, so a
// small file that declares a huge image costs nothing.
const MaxLogoSide = 4096

// imageConfig reads the header of a PNG or JPEG.
func imageConfig(typ string, data []byte) (image.Config, error) {
	if typ == "PNG" {
		return png.DecodeConfig(bytes.NewReader(data))
	}
	return jpeg.DecodeConfig(bytes.NewReader(data))
}

// checkImageHeader refuses images larger than MaxLogoSide and interlaced
// PNGs, which the PDF writer cannot embed.
func checkImageHeader(typ string, cfg image.Config, data []byte) error {
	if cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide {
		return pesan.Errorf("%d x %d pixels, larger than %d x %d; expected a smaller image", cfg.Width, cfg.Height, MaxLogoSide, MaxLogoSide)
	}
	const interlaceAt = 28 // signature 8, length 4, "IHDR" 4, width 4, height 4, depth, colour, compression, filter
	if typ == "PNG" && len(data) > interlaceAt && data[interlaceAt] != 0 {
		return errors.New("an interlaced PNG, which the PDF writer cannot embed; save it again without interlacing")
	}
	return nil
}

// decodeImage decodes a PNG or JPEG completely and reports why it fails.
func decodeImage(typ string, data []byte) error {
	var err error
	if typ == "PNG" {
		_, err = png.Decode(bytes.NewReader(data))
	} else {
		_, err = jpeg.Decode(bytes.NewReader(data))
	}
	return err
}
