package workbook

import (
	"strings"

	"kinerja/pesan"
)

// CellProblem is one thing wrong in a filled workbook, at a cell.
type CellProblem struct {
	File  string
	Cell  string // Sheet!A1, or "" when the problem has no cell
	Field string // the realisasi key, e.g. nilai
	Msg   string // what is wrong and what was expected
}

// Error formats the problem as FILE: Sheet!CELL: field: message.
func (p CellProblem) Error() string {
	var b strings.Builder
	b.WriteString(p.File + ": ")
	if p.Cell != "" {
		b.WriteString(p.Cell + ": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field + ": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// CellErrors is every problem found in one workbook, in the order of the
// realisasi the workbook stands for.
type CellErrors []CellProblem

// Error lists the problems, one per line.
func (e CellErrors) Error() string {
	lines := make([]string, len(e))
	for i, p := range e {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// problemf is a CellProblem at sheet!cell, its message in the active
// language (package pesan).
func problemf(file, sheet, cell, field, format string, args ...any) CellProblem {
	at := ""
	if cell != "" {
		at = sheet + "!" + cell
	}
	return CellProblem{File: file, Cell: at, Field: field, Msg: pesan.Sprintf(format, args...)}
}
