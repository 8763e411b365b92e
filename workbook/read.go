package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
	"kinerja/report"
)

// Caps on a workbook read: the file, everything unzipped, one XML part.
const (
	MaxFormSize     = 32 << 20
	maxUnzipped     = 128 << 20
	maxUnzippedPart = 64 << 20
)

// ErrNotForm is returned for a workbook that is not a kinerja realisasi
// form (no meta sheet or another format).
var ErrNotForm = errors.New("not a kinerja realisasi form (made by kinerja realisasi formulir)")

// open reads a workbook from r within the caps; a panic in the reader is
// turned into an error.
func open(r io.Reader, name string) (f *excelize.File, err error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxFormSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(src) > MaxFormSize {
		return nil, fmt.Errorf("%s: larger than %d bytes; expected a realisasi form", name, MaxFormSize)
	}
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("%s: unreadable workbook: %v", name, p)
		}
	}()
	f, err = excelize.OpenReader(bytes.NewReader(src), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzippedPart})
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable .xlsx workbook: %w", name, err)
	}
	return f, nil
}

// IsWorkbook reports whether src starts like an .xlsx file (a zip).
func IsWorkbook(src []byte) bool { return bytes.HasPrefix(src, []byte("PK\x03\x04")) }

// FormAgreement returns the agreement file name a filled form records.
func FormAgreement(r io.Reader, name string) (string, error) {
	f, err := open(r, name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	fr := &formReader{f: f, name: name}
	if err := fr.checkFormat(); err != nil {
		return "", err
	}
	p := fr.metaText(metaPerjanjian)
	if p == "" {
		return "", problemf(name, SheetMeta, cell(2, metaPerjanjian), "perjanjian", "empty; expected the agreement's file name")
	}
	return p, nil
}

// ReadForm reads a filled realisasi form and checks it against agreement
// a with report.Decode. The result's Source is the realisasi TOML the form
// stands for (FormTOML) and its File the form's name with .toml. Problems
// are CellErrors naming the cell of each.
func ReadForm(r io.Reader, name string, a *data.Agreement) (*report.Realisasi, error) {
	src, fr, err := formTOML(r, name, a)
	if err != nil {
		return nil, err
	}
	out, err := report.Decode(bytes.NewReader(src), name, a)
	if err != nil {
		return nil, fr.cellErrors(err)
	}
	out.File = strings.TrimSuffix(name, filepath.Ext(name)) + ".toml"
	return out, nil
}

// FormTOML returns the realisasi TOML a filled form stands for, checked
// as ReadForm checks it.
func FormTOML(r io.Reader, name string, a *data.Agreement) ([]byte, error) {
	out, err := ReadForm(r, name, a)
	if err != nil {
		return nil, err
	}
	return out.Source, nil
}

// formTOML turns a form into realisasi TOML; the formReader keeps where
// every entry came from.
func formTOML(r io.Reader, name string, a *data.Agreement) ([]byte, *formReader, error) {
	if a == nil {
		return nil, nil, report.ErrNoAgreement
	}
	f, err := open(r, name)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fr := &formReader{f: f, name: name, byKode: map[string]*data.Indicator{}}
	if err := fr.checkFormat(); err != nil {
		return nil, nil, err
	}
	refs := a.Indicators()
	for _, ref := range refs {
		fr.byKode[ref.Indicator.Kode] = ref.Indicator
	}
	fr.header()
	fr.riwayat(4 * len(refs))
	fr.current(len(refs))
	return []byte(fr.out.String()), fr, nil
}

// formReader reads a form into TOML text.
type formReader struct {
	f      *excelize.File
	name   string
	cols   formCols
	byKode map[string]*data.Indicator
	out    strings.Builder
	srcs   []entrySrc // per [[realisasi]] written, where it came from
}

// entrySrc is the row an entry came from and its columns by key.
type entrySrc struct {
	sheet string
	row   int
	col   func(key string) int
}

// checkFormat checks the meta sheet and sets the columns of the quarter.
func (fr *formReader) checkFormat() error {
	if idx, err := fr.f.GetSheetIndex(SheetMeta); err != nil || idx < 0 || fr.metaText(metaFormat) != FormFormat {
		return fmt.Errorf("%s: %w", fr.name, ErrNotForm)
	}
	tw, err := strconv.Atoi(fr.metaText(metaTriwulan))
	if err != nil || tw < 1 || tw > 4 {
		return problemf(fr.name, SheetMeta, cell(2, metaTriwulan), "triwulan", "%q is not a quarter; expected 1, 2, 3 or 4", fr.metaText(metaTriwulan))
	}
	fr.cols = newFormCols(tw)
	return nil
}

// metaText is the text of meta row i.
func (fr *formReader) metaText(i int) string {
	v, _ := fr.f.GetCellValue(SheetMeta, cell(2, i), excelize.Options{RawCellValue: true})
	return strings.TrimSpace(v)
}

// header writes the top-level keys.
func (fr *formReader) header() {
	fr.line("tahun", fr.intOrString(SheetMeta, cell(2, metaTahun)))
	fr.line("perjanjian", tomlString(fr.metaText(metaPerjanjian)))
	if v := fr.date(SheetRealisasi, cell(colIndikator, rowTanggal)); v != "" {
		fr.line("tanggal", v)
	}
}

// riwayat writes the earlier quarters' entries from the hidden sheet.
func (fr *formReader) riwayat(max int) {
	col := func(key string) int {
		for i, k := range riwayatKeys {
			if k == key {
				return i + 1
			}
		}
		return 1
	}
	for row := 2; row < 2+max; row++ {
		kode := fr.text(SheetRiwayat, cell(1, row))
		if kode == "" {
			return
		}
		fr.entry(entrySrc{SheetRiwayat, row, col}, kode, fr.intOrString(SheetRiwayat, cell(2, row)))
	}
}

// current writes the quarter's entries from the Realisasi sheet: a row
// with any open cell filled in.
func (fr *formReader) current(max int) {
	c := fr.cols
	col := func(key string) int {
		if n := c.keyCol(key); n > 0 {
			return n
		}
		return colKode
	}
	for row := rowFirst; row < rowFirst+max; row++ {
		kode := fr.text(SheetRealisasi, cell(colKode, row))
		if kode == "" {
			return
		}
		if fr.filled(row) {
			fr.entry(entrySrc{SheetRealisasi, row, col}, kode, strconv.Itoa(c.tw))
		}
	}
}

// filled reports whether any open cell of a form row holds something.
func (fr *formReader) filled(row int) bool {
	for col := fr.cols.nilai; col <= fr.cols.anggaran; col++ {
		if fr.text(SheetRealisasi, cell(col, row)) != "" {
			return true
		}
	}
	return false
}

// entry writes one [[realisasi]] table from the row src.
func (fr *formReader) entry(src entrySrc, kode, triwulan string) {
	fr.srcs = append(fr.srcs, src)
	at := func(key string) string { return cell(src.col(key), src.row) }
	fr.out.WriteString("\n[[realisasi]]\n")
	fr.line("kode", tomlString(kode))
	fr.line("triwulan", triwulan)
	if v := fr.nilai(src.sheet, at("nilai"), fr.byKode[kode]); v != "" {
		fr.line("nilai", v)
	}
	for _, k := range []string{"kendala", "tindak_lanjut"} {
		if s := fr.text(src.sheet, at(k)); s != "" {
			fr.line(k, tomlString(s))
		}
	}
	for _, k := range []string{"pagu", "realisasi_anggaran"} {
		if v := fr.number(src.sheet, at(k), false); v != "" {
			fr.line(k, v)
		}
	}
}

// line writes key = value.
func (fr *formReader) line(key, value string) {
	fr.out.WriteString(key + " = " + value + "\n")
}

// text is a cell's text, trimmed, with Windows line ends made plain.
func (fr *formReader) text(sheet, ref string) string {
	v, _ := fr.f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	return strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
}

// numberOf returns a cell's number when it holds one (not text).
func (fr *formReader) numberOf(sheet, ref string) (float64, bool) {
	t, err := fr.f.GetCellType(sheet, ref)
	if err != nil || t == excelize.CellTypeSharedString || t == excelize.CellTypeInlineString || t == excelize.CellTypeFormula {
		return 0, false
	}
	v, err := strconv.ParseFloat(fr.text(sheet, ref), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// number is a cell as a TOML value: a number literal when it holds a
// number, else its text as a string ("" when blank). With percent, a
// number is written as the percentage notation "95,5%".
func (fr *formReader) number(sheet, ref string, percent bool) string {
	s := fr.text(sheet, ref)
	if s == "" {
		return ""
	}
	v, ok := fr.numberOf(sheet, ref)
	switch {
	case !ok:
		return tomlString(s)
	case percent:
		if fr.percentFormat(sheet, ref) {
			v = math.Round(v*1e12) / 1e10
		}
		return tomlString(strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1) + "%")
	}
	return tomlNumber(v)
}

// nilai is the realisasi cell as a TOML value for indicator ind (nil when
// the kode is unknown: report.Decode says so).
func (fr *formReader) nilai(sheet, ref string, ind *data.Indicator) string {
	return fr.number(sheet, ref, ind != nil && ind.Unit() == data.Percent)
}

// intOrString is a cell as a TOML integer when it is a whole number, else
// as a string (report.Decode then says what it expected).
func (fr *formReader) intOrString(sheet, ref string) string {
	return fr.number(sheet, ref, false)
}

// percentFormat reports whether the cell shows its number as a percentage
// (Excel stores 95% as 0.95).
func (fr *formReader) percentFormat(sheet, ref string) bool {
	id, err := fr.f.GetCellStyle(sheet, ref)
	if err != nil {
		return false
	}
	st, err := fr.f.GetStyle(id)
	if err != nil {
		return false
	}
	return st.NumFmt == 9 || st.NumFmt == 10 || (st.CustomNumFmt != nil && strings.Contains(*st.CustomNumFmt, "%"))
}

// date is the date cell as a TOML date (a date serial or text written
// YYYY-MM-DD), or its text as a string for report.Decode to refuse.
func (fr *formReader) date(sheet, ref string) string {
	s := fr.text(sheet, ref)
	if s == "" {
		return ""
	}
	if v, ok := fr.numberOf(sheet, ref); ok && v >= 1 && v < 2958466 {
		t, err := excelize.ExcelDateToTime(v, false)
		if err == nil {
			return t.Format("2006-01-02")
		}
	}
	if reDate.MatchString(s) {
		return s
	}
	return tomlString(s)
}

// reDate matches a date written YYYY-MM-DD.
var reDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// tomlNumber writes v as a TOML integer when whole, else as a float.
func tomlNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	if math.Abs(v) >= 1e15 {
		return strconv.FormatFloat(v, 'e', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string { return data.Quote(s) }

// reField splits a realisasi field path: realisasi[3].nilai.
var reField = regexp.MustCompile(`^realisasi\[(\d+)\](?:\.(\w+))?$`)

// cellErrors maps the problems report.Decode found in the form's TOML to
// the cells they came from.
func (fr *formReader) cellErrors(err error) error {
	var probs report.Errors
	if !errors.As(err, &probs) {
		return fmt.Errorf("%s: %w", fr.name, err)
	}
	out := make(CellErrors, len(probs))
	for i, p := range probs {
		sheet, ref, field := fr.cellOf(p.Field)
		out[i] = problemf(fr.name, sheet, ref, field, "%s", p.Msg)
	}
	return out
}

// cellOf returns the sheet and cell a TOML field came from, and the field
// name to print.
func (fr *formReader) cellOf(field string) (string, string, string) {
	switch field {
	case "tahun":
		return SheetMeta, cell(2, metaTahun), field
	case "perjanjian":
		return SheetMeta, cell(2, metaPerjanjian), field
	case "tanggal":
		return SheetRealisasi, cell(colIndikator, rowTanggal), field
	}
	m := reField.FindStringSubmatch(field)
	if m == nil {
		return "", "", field
	}
	i, _ := strconv.Atoi(m[1])
	if i >= len(fr.srcs) {
		return "", "", field
	}
	src, key := fr.srcs[i], m[2]
	if key == "triwulan" && src.sheet == SheetRealisasi {
		return SheetMeta, cell(2, metaTriwulan), key
	}
	if key == "" {
		key = "kode"
	}
	return src.sheet, cell(src.col(key), src.row), key
}
