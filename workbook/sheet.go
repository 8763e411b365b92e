package workbook

import (
	"github.com/xuri/excelize/v2"
)

// sheet writes cells of one worksheet and keeps the first error, so that
// the code filling a sheet reads as a list of cells.
type sheet struct {
	f    *excelize.File
	name string
	err  error
}

// cell returns the name of the cell at column col and row (both 1-based).
func cell(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err) // columns and rows come from this package's layouts
	}
	return name
}

// colName returns the letters of column col (1-based).
func colName(col int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		panic(err)
	}
	return name
}

// set writes v (string, int64, float64, int or nil for a blank cell) with
// style (0 for none) at col, row.
func (s *sheet) set(col, row int, v any, style int) {
	if s.err != nil {
		return
	}
	c := cell(col, row)
	switch x := v.(type) {
	case nil:
	case string:
		s.err = s.f.SetCellStr(s.name, c, x)
	case int:
		s.err = s.f.SetCellInt(s.name, c, int64(x))
	case int64:
		s.err = s.f.SetCellInt(s.name, c, x)
	case float64:
		s.err = s.f.SetCellFloat(s.name, c, x, -1, 64)
	default:
		s.err = s.f.SetCellValue(s.name, c, x)
	}
	if s.err == nil && style != 0 {
		s.err = s.f.SetCellStyle(s.name, c, c, style)
	}
}

// width sets the width of columns from..to (1-based) in characters.
func (s *sheet) width(from, to int, w float64) {
	if s.err == nil {
		s.err = s.f.SetColWidth(s.name, colName(from), colName(to), w)
	}
}

// widths sets the widths of columns 1, 2, ... in order.
func (s *sheet) widths(ws ...float64) {
	for i, w := range ws {
		s.width(i+1, i+1, w)
	}
}

// freeze keeps the rows above row and the columns left of col in view.
func (s *sheet) freeze(col, row int) {
	if s.err != nil {
		return
	}
	s.err = s.f.SetPanes(s.name, &excelize.Panes{Freeze: true, XSplit: col - 1, YSplit: row - 1,
		TopLeftCell: cell(col, row), ActivePane: "bottomRight"})
}

// protect locks the sheet without a password: locked cells can be
// selected but not changed; unlocked cells can be filled in.
func (s *sheet) protect() {
	if s.err == nil {
		s.err = s.f.ProtectSheet(s.name, &excelize.SheetProtectionOptions{
			SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
	}
}

// validate adds a data validation on ref.
func (s *sheet) validate(dv *excelize.DataValidation, ref string) {
	if s.err != nil {
		return
	}
	dv.Sqref = ref
	s.err = s.f.AddDataValidation(s.name, dv)
}

// newSheet adds (or, for the first, renames the default) sheet name.
func newSheet(f *excelize.File, name string, first bool) *sheet {
	s := &sheet{f: f, name: name}
	if first {
		s.err = f.SetSheetName("Sheet1", name)
		return s
	}
	_, s.err = f.NewSheet(name)
	return s
}
