package data

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// EncodeOptions tune Encode.
type EncodeOptions struct {
	// Header is written first, one comment line per line.
	Header string
	// Explain writes an Indonesian comment before every key (Keterangan)
	// and the optional keys left out as commented-out examples: the form
	// of `kinerja init`.
	Explain bool
	// Tanggal is written as tanggal = "<Tanggal>" when the agreement has
	// no date (a placeholder such as "<<TANGGAL>>" that check refuses).
	Tanggal string
	// Nomor is written as nomor when the agreement has none.
	Nomor string
	// Rules writes every indicator's polaritas and akumulasi even when
	// Decode would derive them from the targets: a file whose targets are
	// placeholders keeps the rules of the agreement it came from.
	Rules bool
}

// Encode writes a as an agreement file in the format of FORMAT.md: keys in
// the document's order, texts and targets as written (Target.Text, so
// Indonesian number notation stays), values equal to their defaults left
// out. Decoding the result gives an agreement equal to a except for File,
// Source, the indicators' Line and the logo's bytes, which Decode reads
// again from Kop.Logo.
func Encode(w io.Writer, a *Agreement) error { return EncodeWith(w, a, EncodeOptions{}) }

// EncodeWith is Encode with options.
func EncodeWith(w io.Writer, a *Agreement, opt EncodeOptions) error {
	e := &encoder{opt: opt}
	e.header(opt.Header)
	e.top(a)
	e.letterhead(a)
	e.titles(a)
	e.labels(a)
	e.identity(a)
	e.party("pihak_pertama", &a.Pertama, true)
	e.party("pihak_kedua", &a.Kedua, false)
	e.paragraphs(a)
	e.scales(a.Skala)
	e.indicatorTable(a)
	e.groups(a)
	e.programTable(a)
	e.programs(a.Program)
	e.categories(a.Kategori)
	_, err := w.Write(e.b.Bytes())
	return err
}

// encoder writes TOML text.
type encoder struct {
	b   bytes.Buffer
	opt EncodeOptions
	// table is the header written last, for the explanations.
	table string
	// explained is set when a table's explanation was just written.
	explained bool
}

// header writes text as comment lines.
func (e *encoder) header(text string) {
	if text == "" {
		return
	}
	for l := range strings.SplitSeq(strings.TrimRight(text, "\n"), "\n") {
		e.comment(l)
	}
	e.b.WriteString("\n")
}

// comment writes one comment line.
func (e *encoder) comment(s string) {
	if s == "" {
		e.b.WriteString("#\n")
		return
	}
	e.b.WriteString("# " + s + "\n")
}

// explain writes the explanation of key in the current table.
func (e *encoder) explain(key string) {
	if !e.opt.Explain {
		return
	}
	if s := Keterangan(joinKey(e.table, key)); s != "" {
		for l := range strings.SplitSeq(s, "\n") {
			e.comment(l)
		}
	}
}

// joinKey joins a table name and a key.
func joinKey(table, key string) string {
	if table == "" {
		return key
	}
	return table + "." + key
}

// kv writes key = literal.
func (e *encoder) kv(key, literal string) {
	e.explain(key)
	e.b.WriteString(key + " = " + literal + "\n")
}

// str writes key = "s" unless s is empty.
func (e *encoder) str(key, s string) {
	if s != "" {
		e.kv(key, Quote(s))
	} else {
		e.absent(key)
	}
}

// absent writes, when explaining, the key as a commented-out example.
func (e *encoder) absent(key string) {
	if !e.opt.Explain {
		return
	}
	if ex := example(joinKey(e.table, key)); ex != "" {
		e.explain(key)
		e.b.WriteString("# " + key + " = " + ex + "\n")
	}
}

// list writes key = ["a", "b"] unless l is empty.
func (e *encoder) list(key string, l []string) {
	if len(l) == 0 {
		e.absent(key)
		return
	}
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = Quote(s)
	}
	e.kv(key, "["+strings.Join(q, ", ")+"]")
}

// open writes a table header [name] (or [[name]] for an array element).
func (e *encoder) open(name string, array bool) {
	e.table = name
	if !e.explained {
		e.b.WriteString("\n")
	}
	e.explained = false
	if array {
		e.b.WriteString("[[" + name + "]]\n")
		return
	}
	e.b.WriteString("[" + name + "]\n")
}

// section opens [name] when explaining or when one of the values is set.
func (e *encoder) section(name string, values ...string) bool {
	if e.opt.Explain || slices.ContainsFunc(values, func(s string) bool { return s != "" }) {
		e.explainTable(name)
		e.open(name, false)
		return true
	}
	return false
}

// explainTable writes the explanation of a table before its header.
func (e *encoder) explainTable(name string) {
	if e.opt.Explain {
		e.b.WriteString("\n")
		e.table = ""
		e.explain(name)
		e.explained = true
	}
}

// top writes the top-level keys.
func (e *encoder) top(a *Agreement) {
	e.kv("tahun", strconv.Itoa(a.Tahun))
	e.str("tempat", a.Tempat)
	switch {
	case a.TanggalBulan:
		e.kv("tanggal", Quote(NamaBulan(a.Tanggal.Month())+" "+strconv.Itoa(a.Tanggal.Year())))
	case !a.Tanggal.IsZero():
		e.kv("tanggal", a.Tanggal.Format(time.DateOnly))
	case e.opt.Tanggal != "":
		e.kv("tanggal", Quote(e.opt.Tanggal))
	default:
		e.absent("tanggal")
	}
	e.str("nomor", cmpOr(a.Nomor, e.opt.Nomor))
	e.str("kertas", notDefault(a.Kertas.Name, PaperA4.Name))
	e.str("huruf", notDefault(string(a.Huruf), "serif"))
	e.str("footer", a.Footer)
	e.str("verifikasi_url", a.VerifikasiURL)
	e.str("tanda_tangan", notDefault(string(a.TandaTangan), string(SigningKinerja)))
	e.str("rumus_negatif", a.RumusNegatif)
	if !a.Dibuat.IsZero() && !a.Dibuat.Equal(defaultDibuat(a)) {
		e.kv("dibuat", a.Dibuat.Format(time.RFC3339Nano))
	} else {
		e.absent("dibuat")
	}
}

// defaultDibuat is the creation time Decode derives when dibuat is absent.
func defaultDibuat(a *Agreement) time.Time {
	if !a.Tanggal.IsZero() {
		return a.Tanggal
	}
	return time.Date(a.Tahun, time.January, 1, 0, 0, 0, 0, WIB)
}

// notDefault returns s, or "" when it equals def.
func notDefault(s, def string) string {
	if s == def {
		return ""
	}
	return s
}

// letterhead writes [kop].
func (e *encoder) letterhead(a *Agreement) {
	if e.section("kop", strings.Join(a.Kop.Baris, ""), a.Kop.Logo) {
		e.list("baris", a.Kop.Baris)
		e.str("logo", a.Kop.Logo)
	}
}

// titles writes [judul], leaving out the default titles.
func (e *encoder) titles(a *Agreement) {
	def := &Agreement{Tahun: a.Tahun}
	def.ApplyDefaults()
	var per, lam []string
	if !slices.Equal(a.JudulBaris, def.JudulBaris) {
		per = a.JudulBaris
	}
	if !slices.Equal(a.JudulLampiranBaris, def.JudulLampiranBaris) {
		lam = a.JudulLampiranBaris
	}
	if !e.section("judul", strings.Join(per, ""), strings.Join(lam, "")) {
		return
	}
	e.list("pernyataan", per)
	if len(lam) == 1 {
		e.str("lampiran", lam[0])
	} else {
		e.list("lampiran", lam)
	}
}

// labels writes [label], leaving out the defaults.
func (e *encoder) labels(a *Agreement) {
	var def IdentityLabels
	def.applyDefaults()
	l := []string{notDefault(a.LabelPertama, DefaultLabelPertama), notDefault(a.LabelKedua, DefaultLabelKedua),
		notDefault(a.Label.Nama, def.Nama), notDefault(a.Label.NIP, def.NIP), notDefault(a.Label.Jabatan, def.Jabatan),
		notDefault(a.Label.UnitKerja, def.UnitKerja)}
	if !e.section("label", l...) {
		return
	}
	for i, k := range []string{"pertama", "kedua", "nama", "nip", "jabatan", "unit_kerja"} {
		e.str(k, l[i])
	}
}

// identity writes [[identitas]].
func (e *encoder) identity(a *Agreement) {
	if len(a.Identitas) == 0 && e.opt.Explain {
		e.explainTable("identitas")
		e.b.WriteString("# [[identitas]]\n# label = \"Tahun Anggaran\"\n# isi = \"2026\"\n")
		e.explained = false
	}
	for _, r := range a.Identitas {
		e.explainTable("identitas")
		e.open("identitas", true)
		e.str("label", r.Label)
		e.str("isi", r.Isi)
	}
}

// party writes one signer and its [.lampiran] table.
func (e *encoder) party(name string, p *Party, first bool) {
	e.explainTable(name)
	e.open(name, false)
	e.str("nama", p.Nama)
	e.str("nip", nipWritten(p))
	e.str("pangkat", p.Pangkat)
	e.str("jabatan", p.Jabatan)
	e.str("jabatan_ttd", notDefault(p.JabatanTTD, strings.TrimSpace(p.Jabatan)+","))
	if first || p.UnitKerja != "" {
		e.str("unit_kerja", p.UnitKerja)
	}
	l := []string{notDefault(p.NamaLampiran, p.Nama), notDefault(p.JabatanSingkat, p.Jabatan),
		notDefault(p.JabatanTTDLampiran, p.JabatanTTD)}
	if e.section(name+".lampiran", l...) {
		e.str("nama", l[0])
		e.str("jabatan", l[1])
		e.str("jabatan_ttd", l[2])
	}
}

// nipWritten returns the NIP as it was written: the printed line without
// the "NIP " Decode adds, or the 18 digits of a model built in code.
func nipWritten(p *Party) string {
	if p.NIPCetak == "" {
		return p.NIP
	}
	if s, ok := strings.CutPrefix(p.NIPCetak, "NIP "); ok {
		if _, prefixed := cutNIPLabel(s); !prefixed {
			return s
		}
	}
	return p.NIPCetak
}

// paragraphs writes [teks] with the paragraphs that differ from the
// default wording.
func (e *encoder) paragraphs(a *Agreement) {
	var def Paragraphs
	def.applyDefaults(a.LabelPertama, a.LabelKedua)
	t := []string{notDefault(a.Teks.Pembuka, def.Pembuka), notDefault(a.Teks.SebutanPertama, def.SebutanPertama),
		notDefault(a.Teks.SebutanKedua, def.SebutanKedua), notDefault(a.Teks.Janji, def.Janji), notDefault(a.Teks.Supervisi, def.Supervisi)}
	if !e.section("teks", t...) {
		return
	}
	for i, k := range []string{"pembuka", "sebutan_pertama", "sebutan_kedua", "janji", "supervisi"} {
		e.str(k, t[i])
	}
}

// scales writes [[skala]] with inline lists of entries.
func (e *encoder) scales(scales []Scale) {
	for _, s := range scales {
		e.explainTable("skala")
		e.open("skala", true)
		e.str("nama", s.Nama)
		var b strings.Builder
		b.WriteString("[\n")
		for _, n := range s.Nilai {
			b.WriteString("  { " + scaleEntry(n) + " },\n")
		}
		b.WriteString("]")
		e.kv("nilai", b.String())
	}
}

// scaleEntry writes the keys of one scale entry.
func scaleEntry(n ScaleEntry) string {
	parts := []string{"label = " + Quote(n.Label)}
	if n.HasSkor {
		parts = append(parts, "skor = "+number(n.Skor))
	}
	if n.HasBand {
		r := formatNumber(n.Min)
		if n.MinExclusive {
			r = ">" + r
		}
		if !math.IsInf(n.Max, 1) {
			r += "-" + formatNumber(n.Max)
		}
		parts = append(parts, "rentang = "+Quote(r))
	}
	if n.Persen != 0 {
		parts = append(parts, "persen = "+number(n.Persen))
	}
	return strings.Join(parts, ", ")
}

// number writes n as a TOML number: an integer when whole.
func number(n float64) string {
	if n == math.Trunc(n) && math.Abs(n) < 1e15 {
		return strconv.FormatInt(int64(n), 10)
	}
	return strconv.FormatFloat(n, 'g', -1, 64)
}

// indicatorTable writes [tabel]: the columns when they are not the ones Decode
// derives, renamed headings and the numbering.
func (e *encoder) indicatorTable(a *Agreement) {
	derived := Table{Kepala: a.Tabel.Kepala}
	derived.applyDefaults(a)
	var kolom []string
	if !slices.Equal(columnNames(a.Tabel.Kolom), columnNames(derived.Kolom)) {
		kolom = columnNames(a.Tabel.Kolom)
	}
	kepala := headingsOf(a.Tabel.Kolom, a.Tabel.Kepala, indicatorColumns, !a.Tabel.Has(KolomTriwulan))
	penomoran := notDefault(a.Tabel.Penomoran, PenomoranLanjut)
	if !e.section("tabel", strings.Join(kolom, ""), penomoran, kepala.String()) {
		return
	}
	e.list("kolom", kolom)
	e.str("penomoran", penomoran)
	if len(kepala) > 0 || e.opt.Explain {
		e.open("tabel.kepala", false)
		e.headings(kepala)
	}
}

// heading is one renamed column heading.
type heading struct{ key, judul string }

// headingList is the renamed headings of a table in column order.
type headingList []heading

// String joins the headings (for section's "anything set" test).
func (h headingList) String() string {
	var b strings.Builder
	for _, x := range h {
		b.WriteString(x.judul)
	}
	return b.String()
}

// headingsOf returns the renamed headings: every kepala entry, and the
// heading of a column that differs from its default (a model built in
// code), in the order of all.
func headingsOf(cols []Column, kepala map[string]string, all []Column, noTriwulan bool) headingList {
	var out headingList
	for _, c := range all {
		if s := kepala[c.Key]; s != "" {
			out = append(out, heading{c.Key, s})
			continue
		}
		def := c.Judul
		if c.Key == KolomTahunan && noTriwulan {
			def = "Target"
		}
		for _, k := range cols {
			if k.Key == c.Key && k.Judul != "" && k.Judul != def {
				out = append(out, heading{c.Key, k.Judul})
			}
		}
	}
	return out
}

// headings writes renamed headings as keys of the open table.
func (e *encoder) headings(h headingList) {
	for _, x := range h {
		e.str(x.key, x.judul)
	}
}

// groups writes [[kelompok]] with their sasaran and indicators.
func (e *encoder) groups(a *Agreement) {
	for gi, g := range a.Kelompok {
		if gi == 0 {
			e.explainTable("kelompok")
		}
		e.open("kelompok", true)
		e.str("nama", g.Nama)
		e.str("judul", g.Judul)
		if h := headingsOf(nil, g.Kepala, indicatorColumns, false); len(h) > 0 {
			e.open("kelompok.kepala", false)
			e.headings(h)
		}
		for si, s := range g.Sasaran {
			if gi == 0 && si == 0 {
				e.explainTable("kelompok.sasaran")
			}
			e.open("kelompok.sasaran", true)
			e.str("uraian", s.Uraian)
			for ii := range s.Indikator {
				if gi == 0 && si == 0 && ii == 0 {
					e.explainTable("kelompok.sasaran.indikator")
				}
				e.indicator(&s.Indikator[ii])
			}
		}
	}
}

// indicator writes one [[kelompok.sasaran.indikator]], leaving out the
// rules Decode would derive anyway.
func (e *encoder) indicator(in *Indicator) {
	e.open("kelompok.sasaran.indikator", true)
	e.str("kode", in.Kode)
	e.str("indikator", in.Indikator)
	e.str("sumber_data", in.SumberData)
	e.block("pengukuran", in.Pengukuran)
	if in.Triwulanan {
		e.list("triwulan", []string{in.Triwulan[0].Text, in.Triwulan[1].Text, in.Triwulan[2].Text, in.Triwulan[3].Text})
	} else {
		e.absent("triwulan")
	}
	e.str("tahunan", in.Tahunan.Text)
	e.str("keterangan", in.Keterangan)
	e.str("satuan", in.SatuanTulis)
	if e.opt.Rules {
		e.str("polaritas", in.Polaritas)
		e.str("akumulasi", in.Akumulasi)
	} else {
		p := parsedTargets(*in)
		e.str("polaritas", notDefault(in.Polaritas, defaultPolaritas(p)))
		e.str("akumulasi", notDefault(in.Akumulasi, defaultAkumulasi(p)))
	}
	e.str("skala", in.Skala)
	if in.Batas != 0 {
		e.kv("batas", number(in.Batas))
	} else {
		e.absent("batas")
	}
	e.str("rumus_negatif", in.RumusNegatif)
	for _, r := range in.Pembanding {
		e.open("kelompok.sasaran.indikator.pembanding", true)
		e.str("nama", r.Nama)
		e.str("target", r.Target.Text)
	}
}

// parsedTargets returns in with its targets parsed from their Text, as
// Decode will parse them (a model built from a workbook holds the texts
// only), so that the rules' defaults are the ones Decode derives.
func parsedTargets(in Indicator) Indicator {
	parse := func(t Target) Target {
		if p, err := ParseTarget(t.Text); err == nil {
			return p
		}
		return t
	}
	for q := range in.Triwulan {
		in.Triwulan[q] = parse(in.Triwulan[q])
	}
	in.Tahunan = parse(in.Tahunan)
	return in
}

// block writes a text that may hold line breaks as a multi-line string.
func (e *encoder) block(key, s string) {
	if !strings.Contains(s, "\n") {
		e.str(key, s)
		return
	}
	e.kv(key, `"""`+"\n"+quoteBlock(s)+`"""`)
}

// programTable writes [tabel_program] when it differs from the default.
func (e *encoder) programTable(a *Agreement) {
	t := a.TabelProgram
	var kolom []string
	if names := columnNames(t.Kolom); len(names) > 0 && !slices.Equal(names, []string{KolomProgram, KolomAnggaran, KolomKeterangan}) {
		kolom = names
	}
	kepala := headingsOf(t.Kolom, t.Kepala, programColumns, false)
	rp, sen := boolText(t.Rp), boolText(t.Sen)
	if !e.section("tabel_program", t.Judul, strings.Join(kolom, ""), notDefault(t.Jumlah, "JUMLAH"), rp, sen, kepala.String()) {
		return
	}
	e.str("judul", t.Judul)
	e.list("kolom", kolom)
	e.str("jumlah", notDefault(t.Jumlah, "JUMLAH"))
	e.literal("rp", rp)
	e.literal("sen", sen)
	if len(kepala) > 0 {
		e.open("tabel_program.kepala", false)
		e.headings(kepala)
	}
}

// boolText is "true" for true, else "".
func boolText(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// literal writes key = lit unless lit is empty.
func (e *encoder) literal(key, lit string) {
	if lit != "" {
		e.kv(key, lit)
	} else {
		e.absent(key)
	}
}

// programs writes [[program]] with their kegiatan and sub-kegiatan.
func (e *encoder) programs(rows []Program) {
	tables := []string{"program", "program.kegiatan", "program.kegiatan.sub_kegiatan"}
	keys := []string{"program", "kegiatan", "sub_kegiatan"}
	for i, p := range rows {
		t := min(max(p.Tingkat, 0), 2)
		if i == 0 {
			e.explainTable("program")
		}
		e.open(tables[t], true)
		e.str(keys[t], p.Program)
		e.kv("anggaran", rupiah(p.Anggaran))
		e.str("keterangan", p.Keterangan)
	}
	if len(rows) == 0 && e.opt.Explain {
		e.explainTable("program")
	}
}

// rupiah writes an amount as a TOML integer with _ between thousands.
func rupiah(n int64) string {
	return strings.ReplaceAll(GroupThousands(strconv.FormatInt(n, 10)), ".", "_")
}

// categories writes [[kategori]] unless they are the default bands.
func (e *encoder) categories(cats []Category) {
	if slices.Equal(cats, DefaultKategori()) {
		return
	}
	for _, k := range cats {
		e.open("kategori", true)
		e.str("nama", k.Nama)
		if k.HasRange {
			e.str("rentang", categoryRange(k))
		} else {
			e.kv("min", number(k.Min))
		}
	}
}

// categoryRange writes a category's bounds as a rentang.
func categoryRange(k Category) string {
	lo, hi := formatNumber(k.Min), formatNumber(k.Max)
	switch {
	case math.IsInf(k.Min, -1) && k.MaxExclusive:
		return "<" + hi
	case math.IsInf(k.Min, -1):
		return "<=" + hi
	}
	if k.MinExclusive {
		lo = ">" + lo
	}
	switch {
	case math.IsInf(k.Max, 1) && k.MinExclusive:
		return lo
	case math.IsInf(k.Max, 1):
		return ">=" + lo
	case k.MaxExclusive:
		return lo + "-<" + hi
	}
	return lo + "-" + hi
}

// Quote writes s as a TOML basic string (the workbook readers use it too).
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// quoteBlock escapes s for a multi-line basic string: backslashes and
// control characters escaped, no run of three quotes, no quote at the end.
func quoteBlock(s string) string {
	var b strings.Builder
	quotes := 0
	for i, r := range s {
		switch {
		case r == '"' && (quotes == 2 || i == len(s)-1):
			b.WriteString(`\"`)
			quotes = 0
			continue
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
		if r == '"' {
			quotes++
		} else {
			quotes = 0
		}
	}
	return b.String()
}

// Equivalent reports how b differs from a as an agreement (nil when it
// does not): every field is compared except File, Source and the
// indicators' Line, which say where the text came from, and times are
// compared as instants. Round trips (Encode, the workbook) are tested with it.
func Equivalent(a, b *Agreement) error {
	return firstDiff("", reflect.ValueOf(comparable(a)).Elem(), reflect.ValueOf(comparable(b)).Elem())
}

// firstDiff names the first field where x and y differ, with both values.
func firstDiff(path string, x, y reflect.Value) error {
	switch x.Kind() {
	case reflect.Struct:
		if x.Type() == reflect.TypeFor[time.Time]() {
			break
		}
		for i := range x.NumField() {
			if err := firstDiff(path+"."+x.Type().Field(i).Name, x.Field(i), y.Field(i)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice:
		if x.Len() != y.Len() {
			return fmt.Errorf("%s: %d items; got %d", path, x.Len(), y.Len())
		}
		for i := range x.Len() {
			if err := firstDiff(fmt.Sprintf("%s[%d]", path, i), x.Index(i), y.Index(i)); err != nil {
				return err
			}
		}
		return nil
	}
	if !reflect.DeepEqual(x.Interface(), y.Interface()) {
		return fmt.Errorf("%s: %#v; got %#v", path, x.Interface(), y.Interface())
	}
	return nil
}

// comparable returns a copy of a without its source fields, times in UTC.
func comparable(a *Agreement) *Agreement {
	c := *a
	c.File, c.Source = "", nil
	c.Tanggal, c.Dibuat = c.Tanggal.UTC(), c.Dibuat.UTC()
	c.Kelompok = slices.Clone(a.Kelompok)
	for gi := range c.Kelompok {
		g := &c.Kelompok[gi]
		g.Sasaran = slices.Clone(g.Sasaran)
		for si := range g.Sasaran {
			s := &g.Sasaran[si]
			s.Indikator = slices.Clone(s.Indikator)
			for ii := range s.Indikator {
				s.Indikator[ii].Line = 0
			}
		}
	}
	return &c
}
