package data

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong with an agreement file, with its position.
type Problem struct {
	File      string
	Line, Col int    // 1-based; Col counts characters
	Field     string // field path like kelompok[0].sasaran[2].indikator[0].tahunan
	Msg       string // what is wrong and what was expected
	// Source is the offending source line with a caret marker under it;
	// set for TOML syntax errors only.
	Source string
}

// Error formats the problem as FILE:LINE:COL: field: message, followed by
// the indented source excerpt for syntax errors.
func (p Problem) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: ", p.File, p.Line, p.Col)
	if p.Field != "" {
		b.WriteString(p.Field + ": ")
	}
	b.WriteString(p.Msg)
	if p.Source != "" {
		b.WriteString("\n" + strings.TrimRight(p.Source, "\n"))
	}
	return b.String()
}

// Errors is every problem found in one file, sorted by line and column.
type Errors []Problem

// Error lists the problems, one per line.
func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, p := range e {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the problems by line, column, field, then message: the
// order of every decoder's report (agreements and realisasi files).
func (e Errors) Sort() {
	slices.SortStableFunc(e, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), strings.Compare(a.Field, b.Field), strings.Compare(a.Msg, b.Msg))
	})
}
