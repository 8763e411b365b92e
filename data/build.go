package data

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"kinerja/pesan"
)

// WIB is Western Indonesia Time (UTC+7), the zone of dates written
// without an offset.
var WIB = time.FixedZone("WIB", 7*3600)

// build checks every field of raw and returns the model; problems are
// collected in c.
func (c *checker) build(raw *fileT, opt Options) *Agreement {
	a := &Agreement{File: c.file}
	a.Tahun = c.year(raw.Tahun)
	a.Tempat = c.reqText("tempat", raw.Tempat, `the place printed before the date, e.g. tempat = "Jakarta"`)
	a.Tanggal, a.TanggalBulan = c.date(raw.Tanggal, a.Tahun)
	a.Nomor = c.optText("nomor", raw.Nomor, "")
	a.Kertas = c.paper(raw.Kertas)
	a.Huruf = c.font(raw.Huruf)
	a.Footer = c.optText("footer", raw.Footer, "")
	a.VerifikasiURL = c.verifyURL(raw.VerifikasiURL)
	a.TandaTangan = c.signing(raw.TandaTangan)
	a.Dibuat = c.created(raw.Dibuat, a)
	a.Kop = c.letterhead(raw.Kop, opt)
	c.titles(a, raw.Judul)
	c.labels(a, raw.Label)
	nipYear := a.Tahun
	if nipYear == 0 {
		nipYear = 9999 // year unknown: only the year-independent NIP rules apply
	}
	a.Pertama = c.party("pihak_pertama", raw.Pertama, nipYear, true)
	a.Kedua = c.party("pihak_kedua", raw.Kedua, nipYear, false)
	a.Teks = c.paragraphs(raw.Teks)
	a.Skala = c.scales(raw.Skala)
	a.Identitas = c.identityRows(raw.Identitas)
	a.Tabel = c.table(raw.Tabel)
	a.Kelompok = c.groups(raw.Kelompok, a.Skala, a.Tabel.Penomoran == PenomoranPerKelompok)
	a.Program = c.programs(raw.Program)
	a.TabelProgram = c.programTable(raw.TabelProgram)
	a.Kategori = c.categories(raw.Kategori)
	a.RumusNegatif = c.rumusNegatif("rumus_negatif", raw.RumusNegatif)
	a.ApplyDefaults()
	c.checkColumns(a, raw.Tabel.Kolom.set)
	c.distinctLabels(a)
	return a
}

// year checks tahun.
func (c *checker) year(v val) int {
	const hint = "the agreement year as a number, e.g. tahun = 2021"
	if !v.set {
		c.addf("tahun", "missing; expected %s", pesan.Text(hint))
		return 0
	}
	n, ok := c.integer("tahun", v, hint)
	if ok && (n < 1990 || n > 2100) {
		c.addf("tahun", "%d is out of range; expected a year in 1990..2100", n)
		return 0
	}
	return int(n)
}

// dateOf returns the TOML date or datetime in v; ok is false when absent
// or not a date.
func (c *checker) dateOf(path string, v val, example string) (time.Time, bool) {
	if !v.set {
		return time.Time{}, false
	}
	t, ok := v.v.(time.Time)
	if !ok {
		c.addf(path, "got %s; expected a TOML date without quotes, e.g. %s", describe(v.v), example)
	}
	return t, ok
}

// date checks tanggal: a date in tahun or the year before, or a month
// written as text ("Januari 2021"), which gives the first of that month
// and monthOnly.
func (c *checker) date(v val, tahun int) (d time.Time, monthOnly bool) {
	if s, isText := v.v.(string); v.set && isText {
		m, err := parseMonth(s)
		if err != nil {
			c.addf("tanggal", "%v", err)
			return time.Time{}, false
		}
		d, monthOnly = m, true
	} else if t, ok := c.dateOf("tanggal", v, "tanggal = 2021-01-04 or tanggal = \"Januari 2021\""); ok {
		d = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, WIB)
	} else {
		return time.Time{}, false
	}
	if tahun != 0 && (d.Year() < tahun-1 || d.Year() > tahun) {
		c.addf("tanggal", "%s is not in %d or %d; expected the signing date of the %d agreement", d.Format("2006-01-02"), tahun-1, tahun, tahun)
	}
	return d, monthOnly
}

// parseMonth reads a month written as text, "Januari 2021" (any case).
func parseMonth(s string) (time.Time, error) {
	f := strings.Fields(s)
	if len(f) == 2 {
		y, err := strconv.Atoi(f[1])
		for m := time.January; err == nil && m <= time.December; m++ {
			if strings.EqualFold(f[0], NamaBulan(m)) {
				return time.Date(y, m, 1, 0, 0, 0, 0, WIB), nil
			}
		}
	}
	return time.Time{}, pesan.Errorf("%q is not a date; expected a TOML date without quotes (tanggal = 2021-01-04) or a month and year in quotes (tanggal = \"Januari 2021\")", s)
}

// created checks dibuat or derives it: the date at 00:00 WIB, else
// 1 January of tahun 00:00 WIB. A local date or datetime is taken as WIB.
func (c *checker) created(v val, a *Agreement) time.Time {
	t, ok := c.dateOf("dibuat", v, "dibuat = 2021-01-04T09:00:00+07:00")
	switch {
	case ok && (t.Location().String() == "date-local" || t.Location().String() == "datetime-local"):
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), WIB)
	case ok:
		return t
	case !a.Tanggal.IsZero():
		return a.Tanggal
	case a.Tahun != 0:
		return time.Date(a.Tahun, time.January, 1, 0, 0, 0, 0, WIB)
	}
	return time.Time{}
}

// paper checks kertas.
func (c *checker) paper(v val) Paper {
	s, ok := c.text("kertas", v)
	switch strings.ToLower(s) {
	case "":
		if ok {
			c.addf("kertas", "is empty; expected A4 or F4 (folio)")
		}
		return Paper{} // ApplyDefaults: A4
	case "a4":
		return PaperA4
	case "f4", "folio":
		return PaperF4
	}
	c.addf("kertas", "%q is not a paper size; expected A4 or F4 (folio)", s)
	return Paper{}
}

// font checks huruf.
func (c *checker) font(v val) Font {
	s, ok := c.text("huruf", v)
	switch {
	case !ok:
		return "" // ApplyDefaults: serif
	case s == "serif" || s == "sans":
		return Font(s)
	}
	c.addf("huruf", "%q is not a font; expected serif (Times New Roman metrics) or sans (Arial metrics)", s)
	return ""
}

// signing checks tanda_tangan: who makes the signature fields.
func (c *checker) signing(v val) Signing {
	s, ok := c.text("tanda_tangan", v)
	switch {
	case !ok || s == "":
		return SigningKinerja
	case Signing(strings.ToLower(s)) == SigningKinerja || Signing(strings.ToLower(s)) == SigningBSrE:
		return Signing(strings.ToLower(s))
	}
	c.addf("tanda_tangan", "%q is not a way of signing; expected kinerja (kinerja sign fills the fields render makes) or bsre (no fields: BSrE adds its own)", s)
	return SigningKinerja
}

// actingName refuses Plt./Plh. written in a name: the acting role belongs
// in jabatan, the name is the person's own (the certificate's).
func (c *checker) actingName(path, name string) {
	w := strings.ToLower(strings.TrimSpace(name))
	for _, p := range []string{"plt.", "plt ", "plh.", "plh "} {
		if strings.HasPrefix(w, p) {
			c.addf(path, "%q: write the acting role in jabatan (jabatan = \"Plt. Kepala ...\"), not in the name; the name is the acting official's own, as in their certificate", name)
			return
		}
	}
}

// verifyURL checks verifikasi_url: an absolute http(s) address.
func (c *checker) verifyURL(v val) string {
	s, ok := c.text("verifikasi_url", v)
	if !ok || s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		c.addf("verifikasi_url", "%q is not a web address; expected one like https://e-sakip.example.go.id/verifikasi/{sha256}", s)
		return ""
	}
	return s
}

// titles checks [judul]; ApplyDefaults fills what it leaves out.
func (c *checker) titles(a *Agreement, j judulT) {
	a.JudulBaris = c.textList("judul.pernyataan", j.Pernyataan)
	a.JudulLampiranBaris = c.textList("judul.lampiran", j.Lampiran)
}

// labels checks [label]; ApplyDefaults fills what it leaves out.
func (c *checker) labels(a *Agreement, l labelT) {
	a.LabelPertama = c.optText("label.pertama", l.Pertama, "")
	a.LabelKedua = c.optText("label.kedua", l.Kedua, "")
	a.Label = IdentityLabels{
		Nama:      c.optText("label.nama", l.Nama, ""),
		NIP:       c.optText("label.nip", l.NIP, ""),
		Jabatan:   c.optText("label.jabatan", l.Jabatan, ""),
		UnitKerja: c.optText("label.unit_kerja", l.UnitKerja, ""),
	}
}

// identityRows checks [[identitas]], the extra rows of the identity block.
func (c *checker) identityRows(raw []idRowT) []IdentityRow {
	var out []IdentityRow
	for i, r := range raw {
		path := fmt.Sprintf("identitas[%d]", i)
		out = append(out, IdentityRow{
			Label: c.reqText(path+".label", r.Label, `the label, e.g. label = "Tahun Anggaran"`),
			Isi:   c.reqText(path+".isi", r.Isi, `the value, e.g. isi = "2021"`),
		})
	}
	return out
}

// distinctLabels checks that the party labels (defaults applied) differ.
func (c *checker) distinctLabels(a *Agreement) {
	if a.LabelPertama == a.LabelKedua {
		c.addf("label.kedua", "%q is also the label of the first party; expected two different labels", a.LabelKedua)
	}
}

// party checks one signer.
func (c *checker) party(path string, p partyT, tahun int, first bool) Party {
	var r Party
	r.Nama = c.reqText(path+".nama", p.Nama, `the name as printed on the statement page, e.g. nama = "BLESSMIYANDA"`)
	c.actingName(path+".nama", r.Nama)
	r.Jabatan = c.reqText(path+".jabatan", p.Jabatan, `the position, e.g. jabatan = "Kepala Badan ..."`)
	r.Pangkat = c.optText(path+".pangkat", p.Pangkat, "")
	if s, ok := c.text(path+".nip", p.NIP); ok && s != "" {
		digits, prefixed := cutNIPLabel(s)
		nip, err := ParseNIP(digits, tahun)
		if err != nil {
			c.addf(path+".nip", "%v", err)
		}
		r.NIP, r.NIPCetak = nip, s
		if !prefixed {
			r.NIPCetak = "NIP " + s
		}
	}
	if first {
		r.UnitKerja = c.reqText(path+".unit_kerja", p.UnitKerja, `the unit of the first party, e.g. unit_kerja = "Badan ..."`)
	} else {
		r.UnitKerja = c.optText(path+".unit_kerja", p.UnitKerja, "")
	}
	r.JabatanTTD = c.optText(path+".jabatan_ttd", p.JabatanTTD, "")
	r.NamaLampiran = c.optText(path+".lampiran.nama", p.Lampiran.Nama, "")
	r.JabatanSingkat = c.optText(path+".lampiran.jabatan", p.Lampiran.Jabatan, "")
	r.JabatanTTDLampiran = c.optText(path+".lampiran.jabatan_ttd", p.Lampiran.JabatanTTD, "")
	return r
}
