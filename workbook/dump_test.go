package workbook

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kinerja/internal/golden"
	"kinerja/report"
)

// dump lists a workbook's contents for a golden file: per sheet its
// visibility and protection, its data validations, and every non-empty
// or styled cell with its type, value, number format, lock and fill.
func dump(t *testing.T, b []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out strings.Builder
	for _, name := range f.GetSheetList() {
		dumpSheet(t, f, name, &out)
	}
	return []byte(out.String())
}

// dumpSheet writes one sheet's part of dump.
func dumpSheet(t *testing.T, f *excelize.File, name string, out *strings.Builder) {
	visible, _ := f.GetSheetVisible(name)
	prot, err := f.GetSheetProtection(name)
	protected := err == nil && prot.SelectUnlockedCells
	fmt.Fprintf(out, "sheet %s visible=%v protected=%v\n", name, visible, protected)
	dvs, err := f.GetDataValidations(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, dv := range dvs {
		fmt.Fprintf(out, "  validation %s %s %s %s %s\n", dv.Sqref, dv.Type, dv.Operator, dv.Formula1, dv.Formula2)
	}
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for r := range rows {
		for c := range 24 {
			if line := dumpCell(t, f, name, cell(c+1, r+1)); line != "" {
				out.WriteString(line)
			}
		}
	}
}

// dumpCell describes one cell ("" for an empty cell).
func dumpCell(t *testing.T, f *excelize.File, sheet, ref string) string {
	v, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	typ, _ := f.GetCellType(sheet, ref)
	id, _ := f.GetCellStyle(sheet, ref)
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if v == "" && (st.Protection == nil || st.Protection.Locked) {
		return ""
	}
	var attrs []string
	if st.CustomNumFmt != nil {
		attrs = append(attrs, "fmt="+*st.CustomNumFmt)
	}
	if st.Protection != nil && !st.Protection.Locked {
		attrs = append(attrs, "open")
	}
	if len(st.Fill.Color) > 0 {
		attrs = append(attrs, "fill="+st.Fill.Color[0])
	}
	kind := "s"
	if v == "" {
		kind = "-"
	} else if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		kind = "n"
	}
	if len(v) > 60 {
		v = v[:60] + "…"
	}
	return fmt.Sprintf("  %s %s %q %s\n", ref, kind, v, strings.Join(attrs, " "))
}

// TestGoldenWorkbooks pins the contents of the form (triwulan II from the
// triwulan I realisasi), the report workbook and the recap of the second
// sample.
func TestGoldenWorkbooks(t *testing.T) {
	a, r := load(t, samples[1].agreement, samples[1].realisasi)
	golden.Check(t, "testdata/formulir-tw2.golden", dump(t, formulir(t, a, before(r, 2), 2)))
	rep, err := report.Compute(a, r, 2)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteReport(&buf, rep); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/laporan-tw2.golden", dump(t, buf.Bytes()))
}
