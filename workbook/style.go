package workbook

import (
	"github.com/xuri/excelize/v2"

	"kinerja/layout"
)

// Number formats: Indonesian-tagged, separators by the reader's locale.
const (
	fmtNumber  = `[$-421]#,##0.00`
	fmtPercent = `[$-421]#,##0.00`
	fmtRupiah  = `[$-421]"Rp "#,##0`
	fmtCount   = `0`
)

// styles are the cell styles of one workbook, made once per file.
type styles struct {
	title, label, header, locked, lockedNum, text, open, openNum, openRupiah, openDate int
	number, percent, rupiah, count                                                     int
	kategori                                                                           []int // fill per category, scale order
}

// border is a thin border on all four sides.
var border = []excelize.Border{
	{Type: "left", Color: "#808080", Style: 1}, {Type: "right", Color: "#808080", Style: 1},
	{Type: "top", Color: "#808080", Style: 1}, {Type: "bottom", Color: "#808080", Style: 1},
}

// openFill marks the cells a unit fills in.
var openFill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#FFF8DC"}}

// newStyles registers the styles in f.
func newStyles(f *excelize.File) (*styles, error) {
	s := &styles{}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	unlocked := &excelize.Protection{Locked: false}
	specs := []struct {
		dst *int
		st  excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}}},
		{&s.label, excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&s.header, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"},
			Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#D9D9D9"}}}},
		{&s.locked, excelize.Style{Alignment: wrap, Border: border}},
		{&s.lockedNum, excelize.Style{Alignment: wrap, Border: border, CustomNumFmt: strp(fmtNumber)}},
		{&s.text, excelize.Style{Alignment: wrap}},
		{&s.open, excelize.Style{Alignment: wrap, Border: border, Fill: openFill, Protection: unlocked}},
		{&s.openNum, excelize.Style{Alignment: wrap, Border: border, Fill: openFill, Protection: unlocked, CustomNumFmt: strp(fmtNumber)}},
		{&s.openRupiah, excelize.Style{Alignment: wrap, Border: border, Fill: openFill, Protection: unlocked, CustomNumFmt: strp(fmtRupiah)}},
		{&s.openDate, excelize.Style{Border: border, Fill: openFill, Protection: unlocked, CustomNumFmt: strp("yyyy-mm-dd")}},
		{&s.number, excelize.Style{Alignment: wrap, Border: border, CustomNumFmt: strp(fmtNumber)}},
		{&s.percent, excelize.Style{Alignment: wrap, Border: border, CustomNumFmt: strp(fmtPercent)}},
		{&s.rupiah, excelize.Style{Alignment: wrap, Border: border, CustomNumFmt: strp(fmtRupiah)}},
		{&s.count, excelize.Style{Alignment: wrap, Border: border, CustomNumFmt: strp(fmtCount)}},
	}
	for _, sp := range specs {
		id, err := f.NewStyle(&sp.st)
		if err != nil {
			return nil, err
		}
		*sp.dst = id
	}
	for _, c := range layout.ChartColors {
		font := "#000000"
		if c.Grey < 0.5 {
			font = "#FFFFFF"
		}
		id, err := f.NewStyle(&excelize.Style{Alignment: wrap, Border: border, Font: &excelize.Font{Color: font, Bold: true},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.Hex}}})
		if err != nil {
			return nil, err
		}
		s.kategori = append(s.kategori, id)
	}
	return s, nil
}

// strp returns a pointer to s.
func strp(s string) *string { return &s }
