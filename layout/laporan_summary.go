package layout

import (
	"strconv"

	"kinerja/layout/engine"
	"kinerja/report"
)

// summaryTable builds the summary: per group and overall, the number of
// indicators, and for the quarter's capaian and the capaian against the
// annual target each: how many were evaluated, their average and the
// number per category.
func (d *reportDoc) summaryTable(rep *report.Report) *engine.Grid {
	cats := rep.Overall.Triwulan.PerKategori
	per := 2 + len(cats) // columns per half: Dievaluasi, Rata-rata, categories
	widths := d.summaryWidths(rep, per, d.Right-d.Left)
	t := engine.NewGrid(d.Typesetter, d.Left, widths, repCell)
	t.SetHeader(summaryHeader(rep.Triwulan, cats, per), 2)
	for i, g := range rep.Groups {
		t.Bands = append(t.Bands, d.summaryRow(t, g, repCell, "ringkasan.k"+strconv.Itoa(i)))
	}
	t.Bands = append(t.Bands, d.summaryRow(t, rep.Overall, repBold, "ringkasan.total"))
	return t
}

// summaryHeader is the summary table's two-row header.
func summaryHeader(tw int, cats []report.KategoriCount, per int) []engine.HeaderCell {
	h := []engine.HeaderCell{hc(0, 2, 0, 1, "Kelompok"), hc(0, 2, 1, 1, "Jumlah Indikator"),
		hc(0, 1, 2, per, "Capaian Triwulan "+roman[tw-1]), hc(0, 1, 2+per, per, annualHeading(tw))}
	for half := range 2 {
		col := 2 + half*per
		h = append(h, hc(1, 1, col, 1, "Dievaluasi"), hc(1, 1, col+1, 1, "Rata-rata"))
		for i, k := range cats {
			h = append(h, hc(1, 1, col+2+i, 1, k.Nama))
		}
	}
	return h
}

// annualHeading is the heading of the summary's annual half: the year to
// date graded against the target to date before triwulan IV, the year at IV.
func annualHeading(tw int) string {
	if tw < 4 {
		return "Capaian s.d. Triwulan " + roman[tw-1]
	}
	return "Capaian terhadap Target Tahunan"
}

// summaryTexts returns the cells of one summary row after the name.
func summaryTexts(g report.GroupSummary) []string {
	out := []string{strconv.Itoa(g.Triwulan.Indikator)}
	for _, s := range []report.Summary{g.Triwulan, g.Tahunan} {
		avg := report.StatusNotEvaluable.Label()
		if s.Dievaluasi > 0 {
			avg = report.FormatPercent(s.RataRata)
		}
		out = append(out, strconv.Itoa(s.Dievaluasi), avg)
		for _, k := range s.PerKategori {
			out = append(out, strconv.Itoa(k.Jumlah))
		}
	}
	return out
}

// summaryRow returns one row of the summary table.
func (d *reportDoc) summaryRow(t *engine.Grid, g report.GroupSummary, st engine.Style, id string) engine.Band {
	name := orDefault(g.Nama, "Indikator")
	cells := []engine.Cell{t.Cell(0, 1, name, st, engine.AlignLeft, id+".nama")}
	for i, s := range summaryTexts(g) {
		cells = append(cells, t.Cell(i+1, 1, s, st, engine.AlignCenter, id+".c"+strconv.Itoa(i+1)))
	}
	return engine.Band{Rows: []engine.Row{{Cells: cells}}}
}

// summaryWidths gives Kelompok the width of the group names set on at
// most two lines ("SASARAN STRATEGIS") and lets the number columns share
// the rest equally, none narrower than its widest word (headers included).
func (d *reportDoc) summaryWidths(rep *report.Report, per int, tw float64) []float64 {
	cs := make([]engine.ColSpec, 2+2*per)
	d.HeaderLo(cs, summaryHeader(rep.Triwulan, rep.Overall.Triwulan.PerKategori, per), repBold)
	name := 0.0
	for _, g := range append(append([]report.GroupSummary(nil), rep.Groups...), rep.Overall) {
		name = max(name, d.LinesWidth(repBold, orDefault(g.Nama, "Indikator"), 2))
		d.FitLo(cs, 0, repBold, orDefault(g.Nama, "Indikator"))
		for i, s := range summaryTexts(g) {
			d.FitLo(cs, i+1, repBold, s)
		}
	}
	cs[0].Want = name + 2*engine.CellPad + engine.ColAir
	for i := 1; i < len(cs); i++ {
		cs[i].Weight = 1
	}
	return engine.Allot(tw, cs)
}

// hasBudget reports whether any indicator has a reported pagu.
func hasBudget(rep *report.Report) bool {
	for i := range rep.Rows {
		if rep.Rows[i].Anggaran.Given {
			return true
		}
	}
	return false
}

// budgetTable builds the table of indicators with budget figures: Kode,
// Indikator, Pagu, Realisasi Anggaran, Serapan, and a JUMLAH row. It is a
// separate table because three more columns do not fit beside the
// indicator table's fifteen.
func (d *reportDoc) budgetTable(rep *report.Report) *engine.Grid {
	tw := d.Right - d.Left
	t := engine.NewGrid(d.Typesetter, d.Left, []float64{0.08 * tw, 0.47 * tw, 0.17 * tw, 0.17 * tw, 0.11 * tw}, repCell)
	t.SetHeader([]engine.HeaderCell{hc(0, 1, 0, 1, "Kode"), hc(0, 1, 1, 1, "Indikator Kinerja"), hc(0, 1, 2, 1, "Pagu"),
		hc(0, 1, 3, 1, "Realisasi Anggaran s.d. TW "+roman[rep.Triwulan-1]), hc(0, 1, 4, 1, "Serapan")}, 1)
	var pagu, real int64
	for i := range rep.Rows {
		r := &rep.Rows[i]
		if !r.Anggaran.Given {
			continue
		}
		pagu, real = pagu+r.Anggaran.Pagu, real+r.Anggaran.Realisasi
		t.Bands = append(t.Bands, d.budgetRow(t, BudgetTexts(r), repCell, "anggaran.r"+strconv.Itoa(i)))
	}
	total := [5]string{"", "JUMLAH", report.FormatRupiah(pagu), report.FormatRupiah(real), serapan(pagu, real)}
	t.Bands = append(t.Bands, d.budgetRow(t, total, repBold, "anggaran.jumlah"))
	return t
}

// BudgetTexts returns the budget table cells of an indicator with a pagu:
// kode, indicator, pagu, realisasi anggaran ("-" when not reported) and
// serapan (its status label when not a number).
func BudgetTexts(r *report.Row) [5]string {
	b := r.Anggaran
	real := "-"
	if b.HasRealisasi {
		real = report.FormatRupiah(b.Realisasi)
	}
	return [5]string{ReportRowTexts(r)[0], r.Indikator, report.FormatRupiah(b.Pagu), real, b.Serapan.Text()}
}

// serapan formats the share of pagu spent, "-" without a pagu.
func serapan(pagu, real int64) string {
	if pagu == 0 {
		return "-"
	}
	return report.FormatPercent(float64(real) / float64(pagu) * 100)
}

// budgetRow returns one row of the budget table.
func (d *reportDoc) budgetRow(t *engine.Grid, texts [5]string, st engine.Style, id string) engine.Band {
	names := [5]string{".kode", ".indikator", ".pagu", ".realisasi", ".serapan"}
	als := [5]engine.Align{engine.AlignCenter, engine.AlignLeft, engine.AlignRight, engine.AlignRight, engine.AlignCenter}
	cells := make([]engine.Cell, 0, 5)
	for i, s := range texts {
		cells = append(cells, t.Cell(i, 1, s, st, als[i], id+names[i]))
	}
	return engine.Band{Rows: []engine.Row{{Cells: cells}}}
}
