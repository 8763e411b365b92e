package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"kinerja/data"
)

// ErrNotAgreement is returned for a workbook that WriteAgreement did not make.
var ErrNotAgreement = errors.New("not a kinerja agreement workbook (made by kinerja xlsx export)")

// ReadAgreement reads a workbook WriteAgreement made, perhaps edited, and
// checks it as an agreement TOML is checked: the sheets become the TOML
// they stand for (AgreementTOML), which data.DecodeWith decodes with opt
// (opt.Dir is where a logo is looked up). Problems are CellErrors naming
// the cell each came from ("pk.xlsx: Indikator!O7: ...tahunan: ...").
func ReadAgreement(r io.Reader, name string, opt data.Options) (*data.Agreement, error) {
	src, ar, err := agreementTOML(r, name, opt)
	if err != nil {
		return nil, err
	}
	a, err := data.DecodeWith(bytes.NewReader(src), name, opt)
	if err != nil {
		return nil, ar.cellErrors(err)
	}
	a.File = strings.TrimSuffix(name, filepath.Ext(name)) + ".toml"
	return a, nil
}

// agreementReader turns the sheets into an agreement model and keeps the
// cell every TOML field came from.
type agreementReader struct {
	fr    *formReader
	cells map[string]string // TOML field path -> Sheet!A1
	probs CellErrors
}

// agreementTOML reads the workbook into the TOML it stands for.
func agreementTOML(r io.Reader, name string, opt data.Options) ([]byte, *agreementReader, error) {
	f, err := open(r, name)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	ar := &agreementReader{fr: &formReader{f: f, name: name}, cells: map[string]string{}}
	if ar.fr.text(SheetPerjanjian, cell(1, perjanjianFormat)) != AgreementFormat {
		return nil, nil, fmt.Errorf("%s: %w", name, ErrNotAgreement)
	}
	base, err := data.DecodeWith(strings.NewReader(ar.fr.text(SheetPerjanjian, cell(1, perjanjianTOML))), name, opt)
	if err != nil {
		return nil, nil, problemf(name, SheetPerjanjian, cell(1, perjanjianTOML), "", "the hidden sheet's agreement is damaged: %v", err)
	}
	a := ar.overlay(base)
	if len(ar.probs) > 0 {
		return nil, nil, ar.probs
	}
	var buf bytes.Buffer
	if err := data.Encode(&buf, a); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), ar, nil
}

// overlay returns base with what the visible sheets say.
func (ar *agreementReader) overlay(base *data.Agreement) *data.Agreement {
	a := *base
	derived := *base
	derived.Tabel.Kolom = nil
	derived.ApplyDefaults()
	ar.identitas(&a)
	ar.indikator(&a, base)
	ar.program(&a)
	if slices.Equal(keysOf(derived.Tabel.Kolom), keysOf(base.Tabel.Kolom)) {
		a.Tabel.Kolom = nil // the columns follow the content, as in the file
	}
	a.ApplyDefaults()
	return &a
}

// keysOf returns the column names.
func keysOf(cols []data.Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Key
	}
	return out
}

// at records where field came from and returns the cell's text.
func (ar *agreementReader) at(field, sheet string, col, row int) string {
	ar.cells[field] = sheet + "!" + cell(col, row)
	return ar.fr.text(sheet, cell(col, row))
}

// identitas reads the Identitas rows by their key.
func (ar *agreementReader) identitas(a *data.Agreement) {
	rows := map[string]int{}
	for row := identitasFirst; row < identitasFirst+200; row++ {
		if k := ar.fr.text(SheetIdentitas, cell(1, row)); k != "" {
			rows[k] = row
		}
	}
	for _, fl := range identitasFields() {
		row, ok := rows[fl.key]
		if !ok {
			continue
		}
		s := ar.at(fl.key, SheetIdentitas, 3, row)
		switch fl.key {
		case "tahun":
			n, err := strconv.Atoi(strings.TrimSuffix(tomlNumberOr(ar.fr, SheetIdentitas, cell(3, row)), ".0"))
			if err != nil {
				ar.probs = append(ar.probs, problemf(ar.fr.name, SheetIdentitas, cell(3, row), "tahun", "%q is not a year; expected a number like 2026", s))
			}
			a.Tahun = n
		case "tanggal":
			ar.tanggal(a, s, row)
		default:
			fl.set(a, s)
		}
	}
	a.JudulLampiran = ""
}

// tomlNumberOr is a cell as a TOML number or quoted text.
func tomlNumberOr(fr *formReader, sheet, ref string) string { return fr.number(sheet, ref, false) }

// tanggal reads the date cell: a date, 2026-01-05 or "Januari 2026".
func (ar *agreementReader) tanggal(a *data.Agreement, s string, row int) {
	a.Tanggal, a.TanggalBulan = time.Time{}, false
	v := ar.fr.date(SheetIdentitas, cell(3, row))
	if v == "" {
		return
	}
	if t, err := time.ParseInLocation(time.DateOnly, v, data.WIB); err == nil {
		a.Tanggal = t
		return
	}
	if f := strings.Fields(s); len(f) == 2 {
		y, err := strconv.Atoi(f[1])
		for m := time.January; err == nil && m <= time.December; m++ {
			if strings.EqualFold(f[0], data.NamaBulan(m)) {
				a.Tanggal, a.TanggalBulan = time.Date(y, m, 1, 0, 0, 0, 0, data.WIB), true
				return
			}
		}
	}
	ar.probs = append(ar.probs, problemf(ar.fr.name, SheetIdentitas, cell(3, row), "tanggal", "%q is not a date; expected 2026-01-05 or a month and year like Januari 2026", s))
}

// indikator rebuilds the groups, sasaran and indicators from the rows of
// the Indikator sheet: a new group where the Kelompok number changes, a
// new sasaran where the sasaran number changes. Group headings renamed
// and reference targets come from base (by group number and kode).
func (ar *agreementReader) indikator(a, base *data.Agreement) {
	a.Kelompok = nil
	prevG, prevS := "", ""
	rows, _ := ar.fr.f.GetRows(SheetPKIndikator)
	for row := indikatorFirst; row <= len(rows); row++ {
		col := func(key string) string { return ar.fr.text(SheetPKIndikator, cell(indikatorCol(key), row)) }
		if col("kode") == "" && col("indikator") == "" && col("uraian") == "" {
			continue
		}
		g, sa := col("kelompok"), col("sasaran")
		if g != prevG || len(a.Kelompok) == 0 {
			gi := len(a.Kelompok)
			path := fmt.Sprintf("kelompok[%d]", gi)
			grp := data.Group{Nama: ar.at(path+".nama", SheetPKIndikator, indikatorCol("kelompok.nama"), row),
				Judul: ar.at(path+".judul", SheetPKIndikator, indikatorCol("kelompok.judul"), row)}
			ar.cells[path] = ar.cells[path+".nama"]
			if gi < len(base.Kelompok) {
				grp.Kepala = base.Kelompok[gi].Kepala
			}
			a.Kelompok = append(a.Kelompok, grp)
			prevS = ""
		}
		grp := &a.Kelompok[len(a.Kelompok)-1]
		if sa != prevS || len(grp.Sasaran) == 0 {
			path := fmt.Sprintf("kelompok[%d].sasaran[%d]", len(a.Kelompok)-1, len(grp.Sasaran))
			grp.Sasaran = append(grp.Sasaran, data.Sasaran{Uraian: ar.at(path+".uraian", SheetPKIndikator, indikatorCol("uraian"), row)})
			ar.cells[path] = ar.cells[path+".uraian"]
		}
		prevG, prevS = g, sa
		s := &grp.Sasaran[len(grp.Sasaran)-1]
		path := fmt.Sprintf("kelompok[%d].sasaran[%d].indikator[%d]", len(a.Kelompok)-1, len(grp.Sasaran)-1, len(s.Indikator))
		s.Indikator = append(s.Indikator, ar.indicator(path, row, base))
	}
}

// indicator reads one indicator row.
func (ar *agreementReader) indicator(path string, row int, base *data.Agreement) data.Indicator {
	get := func(key string) string { return ar.at(path+"."+key, SheetPKIndikator, indikatorCol(key), row) }
	in := data.Indicator{Kode: get("kode"), Indikator: get("indikator"), SumberData: get("sumber_data"),
		Pengukuran: get("pengukuran"), SatuanTulis: get("satuan"), Tahunan: data.Target{Text: get("tahunan")},
		Keterangan: get("keterangan"), Polaritas: get("polaritas"), Akumulasi: get("akumulasi"), Skala: get("skala"),
		RumusNegatif: get("rumus_negatif")}
	ar.cells[path] = ar.cells[path+".kode"]
	for q := range in.Triwulan {
		key := fmt.Sprintf("triwulan[%d]", q)
		in.Triwulan[q] = data.Target{Text: get(key)}
		in.Triwulanan = in.Triwulanan || in.Triwulan[q].Text != ""
	}
	ar.cells[path+".triwulan"] = ar.cells[path+".triwulan[0]"]
	if b := get("batas"); b != "" {
		v, ok := ar.fr.numberOf(SheetPKIndikator, cell(indikatorCol("batas"), row))
		if !ok {
			ar.probs = append(ar.probs, problemf(ar.fr.name, SheetPKIndikator, cell(indikatorCol("batas"), row), "batas", "%q is not a number; expected 0, 110 or 120", b))
		}
		in.Batas = v
	}
	for _, r := range base.Indicators() {
		if r.Indicator.Kode == in.Kode {
			in.Pembanding = r.Indicator.Pembanding
		}
	}
	return in
}

// program reads the budget rows; their paths follow the nesting the
// Tingkat column gives.
func (ar *agreementReader) program(a *data.Agreement) {
	a.Program = nil
	rows, _ := ar.fr.f.GetRows(SheetProgram)
	var idx [3]int
	idx[0] = -1
	for row := programFirst; row <= len(rows); row++ {
		name := ar.fr.text(SheetProgram, cell(2, row))
		tk := ar.fr.text(SheetProgram, cell(1, row))
		if name == "" && tk == "" && ar.fr.text(SheetProgram, cell(3, row)) == "" {
			continue
		}
		t, err := strconv.Atoi(tk)
		if err != nil || t < 0 || t > 2 {
			ar.probs = append(ar.probs, problemf(ar.fr.name, SheetProgram, cell(1, row), "tingkat", "%q is not a level; expected 0 (program), 1 (kegiatan) or 2 (sub kegiatan)", tk))
			continue
		}
		idx[t]++
		for d := t + 1; d < 3; d++ {
			idx[d] = -1
		}
		path := programPath(idx, t)
		p := data.Program{Tingkat: t, Program: ar.at(path+"."+[]string{"program", "kegiatan", "sub_kegiatan"}[t], SheetProgram, 2, row),
			Keterangan: ar.at(path+".keterangan", SheetProgram, 4, row)}
		ar.cells[path] = SheetProgram + "!" + cell(2, row)
		s := ar.at(path+".anggaran", SheetProgram, 3, row)
		if v, ok := ar.fr.numberOf(SheetProgram, cell(3, row)); ok && v == float64(int64(v)) {
			p.Anggaran = int64(v)
		} else if s != "" {
			ar.probs = append(ar.probs, problemf(ar.fr.name, SheetProgram, cell(3, row), "anggaran", "%q is not an amount; expected a whole number of rupiah", s))
		}
		a.Program = append(a.Program, p)
	}
}

// programPath is the TOML path of a budget row at level t.
func programPath(idx [3]int, t int) string {
	path := fmt.Sprintf("program[%d]", max(idx[0], 0))
	if t >= 1 {
		path += fmt.Sprintf(".kegiatan[%d]", max(idx[1], 0))
	}
	if t == 2 {
		path += fmt.Sprintf(".sub_kegiatan[%d]", max(idx[2], 0))
	}
	return path
}

// cellErrors maps the problems data.Decode found to the cells they came
// from: the field's own cell, else its nearest enclosing one, else the
// hidden sheet (what the visible sheets do not show).
func (ar *agreementReader) cellErrors(err error) error {
	var probs data.Errors
	if !errors.As(err, &probs) {
		return fmt.Errorf("%s: %w", ar.fr.name, err)
	}
	out := make(CellErrors, len(probs))
	for i, p := range probs {
		at := SheetPerjanjian + "!" + cell(1, perjanjianTOML)
		for f := p.Field; f != ""; f = parentField(f) {
			if c, ok := ar.cells[f]; ok {
				at = c
				break
			}
		}
		out[i] = CellProblem{File: ar.fr.name, Cell: at, Field: p.Field, Msg: p.Msg}
	}
	return out
}

// parentField strips the last component (".x" or "[n]") of a field path.
func parentField(f string) string {
	i := strings.LastIndexAny(f, ".[")
	if i < 0 {
		return ""
	}
	return f[:i]
}

// AgreementTOML returns the agreement TOML a workbook made by
// WriteAgreement stands for, checked as ReadAgreement checks it.
func AgreementTOML(r io.Reader, name string, opt data.Options) ([]byte, error) {
	a, err := ReadAgreement(r, name, opt)
	if err != nil {
		return nil, err
	}
	return a.Source, nil
}
