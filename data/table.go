package data

import (
	"fmt"
	"slices"
	"strings"
)

// indicatorColumns lists the indicator table's column names in their
// default order with their default headings.
var indicatorColumns = []Column{
	{KolomNo, "NO"}, {KolomSasaran, "Sasaran"}, {KolomNoIndikator, "NO"}, {KolomIndikator, "Indikator Kinerja"},
	{KolomSumberData, "Sumber Data"}, {KolomPengukuran, "Pengukuran Kinerja"}, {KolomSatuan, "Satuan"},
	{KolomTriwulan, "Triwulan"}, {KolomTahunan, "Tahunan"}, {KolomKeterangan, "Keterangan"},
}

// programColumns lists the program table's column names in their default
// order with their default headings.
var programColumns = []Column{{KolomNo, "No"}, {KolomProgram, "Program"}, {KolomAnggaran, "Anggaran (Rp)"}, {KolomKeterangan, "Keterangan"}}

// columnNames returns the names of cols.
func columnNames(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Key
	}
	return out
}

// pairs returns the headings of k with their column names.
func (k kepalaT) pairs() []keyVal {
	return []keyVal{{KolomNo, k.No}, {KolomSasaran, k.Sasaran}, {KolomNoIndikator, k.NoIndikator},
		{KolomIndikator, k.Indikator}, {KolomSumberData, k.SumberData}, {KolomPengukuran, k.Pengukuran},
		{KolomSatuan, k.Satuan}, {KolomTriwulan, k.Triwulan}, {KolomTahunan, k.Tahunan}, {KolomKeterangan, k.Keterangan}}
}

// pairs returns the headings of k with their column names.
func (k kepalaProgT) pairs() []keyVal {
	return []keyVal{{KolomNo, k.No}, {KolomProgram, k.Program}, {KolomAnggaran, k.Anggaran}, {KolomKeterangan, k.Keterangan}}
}

// keyVal is a value with the column name it belongs to.
type keyVal struct {
	key string
	v   val
}

// headings checks renamed headings; the result maps column name to heading.
func (c *checker) headings(path string, kv []keyVal) map[string]string {
	var out map[string]string
	for _, p := range kv {
		if s := c.optText(path+"."+p.key, p.v, ""); s != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[p.key] = s
		}
	}
	return out
}

// columns checks a kolom list against the valid names; the headings come
// from kepala when renamed there (ApplyDefaults fills the others).
func (c *checker) columns(path string, v val, valid []Column, kepala map[string]string) []Column {
	names := c.textList(path, v)
	var out []Column
	seen := map[string]bool{}
	for i, n := range names {
		switch {
		case !slices.Contains(columnNames(valid), n):
			c.addf(fmt.Sprintf("%s[%d]", path, i), "%q is not a column; expected one of %s", n, strings.Join(columnNames(valid), ", "))
		case seen[n]:
			c.addf(fmt.Sprintf("%s[%d]", path, i), "column %q is listed twice", n)
		default:
			seen[n] = true
			out = append(out, Column{Key: n, Judul: kepala[n]})
		}
	}
	if v.set && len(out) == 0 && len(names) == len(asList(v.v)) {
		c.addf(path, "lists no column; expected e.g. kolom = [%q]", strings.Join(columnNames(valid), `", "`))
	}
	return out
}

// table checks [tabel]: the columns, their headings and the numbering.
func (c *checker) table(t tabelT) Table {
	kepala := c.headings("tabel.kepala", t.Kepala.pairs())
	return Table{
		Kolom:     c.columns("tabel.kolom", t.Kolom, indicatorColumns, kepala),
		Kepala:    kepala,
		Penomoran: c.choice("tabel.penomoran", t.Penomoran, PenomoranLanjut, PenomoranLanjut, PenomoranPerKelompok),
	}
}

// programTable checks [tabel_program].
func (c *checker) programTable(t tabelProgT) ProgramTable {
	kepala := c.headings("tabel_program.kepala", t.Kepala.pairs())
	return ProgramTable{
		Judul:  c.optText("tabel_program.judul", t.Judul, ""),
		Kolom:  c.columns("tabel_program.kolom", t.Kolom, programColumns, kepala),
		Kepala: kepala,
		Jumlah: c.optText("tabel_program.jumlah", t.Jumlah, ""),
		Rp:     c.boolean("tabel_program.rp", t.Rp),
		Sen:    c.boolean("tabel_program.sen", t.Sen),
	}
}

// boolean returns a true/false value; false when absent.
func (c *checker) boolean(path string, v val) bool {
	if !v.set {
		return false
	}
	b, ok := v.v.(bool)
	if !ok {
		c.addf(path, "got %s; expected true or false without quotes", describe(v.v))
	}
	return b
}

// applyDefaults derives the columns from the content when none were
// listed, and gives every column without a heading its Kepala or default
// heading. Tahunan is headed "Target" when the table has no Triwulan
// column.
func (t *Table) applyDefaults(a *Agreement) {
	if len(t.Kolom) == 0 {
		refs := a.Indicators()
		for _, c := range indicatorColumns {
			if columnUsed(refs, c.Key) {
				t.Kolom = append(t.Kolom, Column{Key: c.Key})
			}
		}
	}
	for i := range t.Kolom {
		def := defaultHeading(indicatorColumns, t.Kolom[i].Key)
		if t.Kolom[i].Key == KolomTahunan && !t.Has(KolomTriwulan) {
			def = "Target"
		}
		t.Kolom[i].Judul = orDefault(t.Kolom[i].Judul, orDefault(t.Kepala[t.Kolom[i].Key], def))
	}
	t.Penomoran = orDefault(t.Penomoran, PenomoranLanjut)
}

// defaultHeading returns the default heading of column key in cols.
func defaultHeading(cols []Column, key string) string {
	for _, c := range cols {
		if c.Key == key {
			return c.Judul
		}
	}
	return key
}

// columnUsed reports whether the default table shows column key: when
// one of the indicators has content for it (Indicator.HasContent).
func columnUsed(refs []IndicatorRef, key string) bool {
	for _, r := range refs {
		if r.Indicator.HasContent(key) {
			return true
		}
	}
	return false
}

// HasContent reports whether ind has something to print in column key:
// always for the numbers, Sasaran, Indikator and Tahunan; for the others
// when their text (Satuan: as written) or quarterly targets are there.
func (ind *Indicator) HasContent(key string) bool {
	switch key {
	case KolomSumberData:
		return ind.SumberData != ""
	case KolomPengukuran:
		return ind.Pengukuran != ""
	case KolomSatuan:
		return ind.SatuanTulis != ""
	case KolomTriwulan:
		return ind.Triwulanan || ind.Triwulan != [4]Target{}
	case KolomKeterangan:
		return ind.Keterangan != ""
	}
	return slices.Contains([]string{KolomNo, KolomSasaran, KolomNoIndikator, KolomIndikator, KolomTahunan}, key)
}

// checkColumns reports indicator content for a column the written kolom
// list leaves out: it would not be printed.
func (c *checker) checkColumns(a *Agreement, listed bool) {
	if !listed {
		return
	}
	keys := map[string]string{KolomSumberData: "sumber_data", KolomPengukuran: "pengukuran", KolomTriwulan: "triwulan",
		KolomKeterangan: "keterangan"}
	for gi, g := range a.Kelompok {
		for si, s := range g.Sasaran {
			for ii := range s.Indikator {
				for _, col := range []string{KolomSumberData, KolomPengukuran, KolomTriwulan, KolomKeterangan} {
					if s.Indikator[ii].HasContent(col) && !a.Tabel.Has(col) {
						path := fmt.Sprintf("kelompok[%d].sasaran[%d].indikator[%d].%s", gi, si, ii, keys[col])
						c.addf(path, "is written but [tabel] kolom has no %q column, so it would not be printed; add the column or remove the value", col)
					}
				}
			}
		}
	}
}

// applyDefaults gives the program table its default columns (Program,
// Anggaran, Keterangan) and headings.
func (t *ProgramTable) applyDefaults() {
	if len(t.Kolom) == 0 {
		t.Kolom = []Column{{Key: KolomProgram}, {Key: KolomAnggaran}, {Key: KolomKeterangan}}
	}
	for i := range t.Kolom {
		t.Kolom[i].Judul = orDefault(t.Kolom[i].Judul, orDefault(t.Kepala[t.Kolom[i].Key], defaultHeading(programColumns, t.Kolom[i].Key)))
	}
	t.Jumlah = orDefault(t.Jumlah, "JUMLAH")
}
