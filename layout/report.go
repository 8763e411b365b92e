package layout

import (
	"errors"
	"fmt"
	"kinerja/layout/engine"
	"strconv"
	"time"

	"kinerja/data"
	"kinerja/report"
)

// Report table columns.
const (
	rcNo = iota
	rcSasaran
	rcKode
	rcIndikator
	rcSatuan
	rcTargetTW // rcTargetTW..rcKategoriTW: the quarter
	rcRealTW
	rcCapTW
	rcKatTW
	rcTargetTh // rcTargetTh..rcKatTh: against the annual target
	rcRealSD
	rcCapTh
	rcKatTh
	rcKendala
	rcTindak
	rcCols
)

// Report tables are set a point smaller than the agreement's: fifteen
// columns on A4 leave the free-text columns too narrow at 9 pt.
const (
	repSize = 8.0
	repLead = 9.6
)

// repCell and repBold are the report tables' text styles.
var (
	repCell = engine.Style{Size: repSize, Lead: repLead}
	repBold = engine.Style{Size: repSize, Lead: repLead, Bold: true}
)

// roman holds the quarter numerals I..IV.
var roman = [...]string{"I", "II", "III", "IV"}

// Report lays out the quarterly achievement report of rep on landscape
// pages of the agreement's paper: title and unit, the indicator table, the
// summary table, the budget table when budget figures were reported, the
// chart pages and the signature block of PIHAK PERTAMA. SigRects holds one
// rectangle, party "pertama", on the page of the signature block.
//
// It reuses the agreement's table engine (row splitting, repeated headers,
// sasaran bands, group rows kept with the next row), fonts, sizes, footer
// and page numbers. Cells are named "r<row>.<column>" (row = index in
// rep.Rows), "g<n>.nama", "ringkasan.*", "anggaran.*", "grafik.*" and
// "laporan.*".
//
// Trade-offs and limits:
//   - Budget figures go in a separate table: 15 indicator columns leave
//     no room for three more on A4 or F4.
//   - The Kategori columns and the chart use the category of the value
//     beside them: the quarter's (KategoriTW) and the annual (Kategori).
//   - The chart shows the quarter's capaian after the cap (the printed
//     value); its scale ends at 120% or at the largest value rounded up
//     to a step, so one very large value shrinks the other bars.
//   - Chart labels are cut with "…" to 30% of the text width; the full
//     text is in the table. Five category colours; a scale with more
//     categories reuses them.
//   - The date line leaves the day open ("Jakarta, .......... Juli 2021",
//     the month after the quarter); realisasi files carry no date.
//   - Summary and budget tables are kept on one page when they fit.
//   - Tables are set in 8 pt, a point smaller than the agreement's.
//   - A capped capaian shows its raw value in parentheses under it, and
//     CapNote stands above the table (not under it, where it could be
//     left alone on the next page).
func Report(rep *report.Report, m Measurer) (*Document, error) {
	if rep == nil || rep.Agreement == nil || m == nil {
		return nil, errors.New("layout: nil report, agreement or measurer")
	}
	if rep.Triwulan < 1 || rep.Triwulan > 4 {
		return nil, fmt.Errorf("layout report: triwulan %d out of range 1..4", rep.Triwulan)
	}
	f, err := newFlow(rep.Agreement, m)
	if err != nil {
		return nil, err
	}
	d := &reportDoc{Flow: f, a: rep.Agreement}
	if err := d.reportBody(rep); err != nil {
		return nil, fmt.Errorf("layout report: %w", err)
	}
	return d.Finish(), nil
}

// reportDoc is the report template at work: the engine's flow (pages,
// cursor, typesetter) and the agreement the report is about.
type reportDoc struct {
	*engine.Flow
	a *data.Agreement
}

// reportBody lays out everything but the footers.
func (d *reportDoc) reportBody(rep *report.Report) error {
	d.NewPage(true)
	if err := d.reportTitle(rep); err != nil {
		return err
	}
	if err := d.capNote(rep); err != nil {
		return err
	}
	if err := d.PlaceGrid(d.reportTable(rep)); err != nil {
		return err
	}
	if err := d.headedTable("RINGKASAN CAPAIAN KINERJA", "ringkasan.judul", d.summaryTable(rep)); err != nil {
		return err
	}
	if hasBudget(rep) {
		if err := d.headedTable("PENYERAPAN ANGGARAN", "anggaran.judul", d.budgetTable(rep)); err != nil {
			return err
		}
	}
	sig := d.newReportSig(rep)
	if err := d.chart(rep, gapSection+sig.height()); err != nil {
		return err
	}
	return d.reportSignature(sig)
}

// CapNote is the note set above the indicator table when a printed
// capaian was capped: the raw value is printed under it in parentheses.
const CapNote = "(…) = capaian sebelum batas"

// capNote sets CapNote, small and grey, above the indicator table when
// any printed capaian was capped. Above, not under: a note under a long
// table can end up alone on the page after it.
func (d *reportDoc) capNote(rep *report.Report) error {
	if !anyCapped(rep) {
		return nil
	}
	st := engine.Style{Size: noteSize, Lead: noteLead}
	lines := d.Wrap(CapNote, st, d.Right-d.Left)
	if err := d.Ensure(float64(len(lines)) * st.Lead); err != nil {
		return err
	}
	top := len(d.Page().Boxes)
	d.Paragraph(lines, d.Left, d.Right-d.Left, st, engine.AlignLeft, "laporan.catatan")
	engine.Greyed(d.Page().Boxes[top:])
	d.Y += gapSmall
	return nil
}

// ReportTitle returns the report's title, e.g. "LAPORAN CAPAIAN KINERJA
// TRIWULAN II TAHUN 2021".
func ReportTitle(rep *report.Report) string {
	return "LAPORAN CAPAIAN KINERJA TRIWULAN " + roman[rep.Triwulan-1] + " TAHUN " + strconv.Itoa(rep.Agreement.Tahun)
}

// reportTitle sets the title and the unit, centred.
func (d *reportDoc) reportTitle(rep *report.Report) error {
	tw := d.Right - d.Left
	if err := d.Block(ReportTitle(rep), attBold, d.Left, tw, engine.AlignCenter, "laporan.judul"); err != nil {
		return err
	}
	if u := d.a.Pertama.UnitKerja; !isBlank(u) {
		if err := d.Block(u, attBold, d.Left, tw, engine.AlignCenter, "laporan.unit"); err != nil {
			return err
		}
	}
	d.Gap(gapPara)
	return nil
}

// headedTable sets a bold heading kept with the table's header and first
// lines, then the table.
func (d *reportDoc) headedTable(heading, id string, t *engine.Grid) error {
	d.Gap(gapSection)
	lines := d.Wrap(heading, attBold, d.Right-d.Left)
	keep := t.HeaderHeight() + t.Height()
	if keep > d.Bottom-d.Top-float64(len(lines))*attLead-gapSmall {
		keep = t.HeaderHeight() + t.LeadIn(0)
	}
	if err := d.Ensure(float64(len(lines))*attLead + gapSmall + keep); err != nil {
		return err
	}
	d.Paragraph(lines, d.Left, d.Right-d.Left, attBold, engine.AlignLeft, id)
	d.Y += gapSmall
	return d.PlaceGrid(t)
}

// reportHeader is the indicator table's two-row header: the quarter's
// and the annual figures each under a spanning heading.
func reportHeader(tw int) []engine.HeaderCell {
	q := roman[tw-1]
	h := []engine.HeaderCell{hc(0, 2, rcNo, 1, "NO"), hc(0, 2, rcSasaran, 1, "Sasaran"), hc(0, 2, rcKode, 1, "Kode"),
		hc(0, 2, rcIndikator, 1, "Indikator Kinerja"), hc(0, 2, rcSatuan, 1, "Satuan"),
		hc(0, 1, rcTargetTW, 4, "Triwulan "+q), hc(0, 1, rcTargetTh, 4, "Tahunan"),
		hc(0, 2, rcKendala, 1, "Kendala"), hc(0, 2, rcTindak, 1, "Tindak Lanjut")}
	sub := []string{"Target", "Realisasi", "Capaian", "Kategori",
		"Target", "Realisasi s.d. TW " + q, "Capaian", "Kategori"}
	for i, s := range sub {
		h = append(h, hc(1, 1, rcTargetTW+i, 1, s))
	}
	return h
}

// reportTable builds the indicator table: group rows as in the agreement,
// one band per sasaran with NO and Sasaran spanning its indicator rows.
func (d *reportDoc) reportTable(rep *report.Report) *engine.Grid {
	t := engine.NewGrid(d.Typesetter, d.Left, d.reportWidths(rep, d.Right-d.Left), repCell)
	t.SetHeader(reportHeader(rep.Triwulan), 2)
	group := -1
	for i := 0; i < len(rep.Rows); {
		r := &rep.Rows[i]
		if i == 0 || r.Group != rep.Rows[i-1].Group {
			group++
			if !isBlank(r.Group) {
				cl := t.Cell(0, rcCols, r.Group, repBold, engine.AlignLeft, "g"+strconv.Itoa(group)+".nama")
				cl.Fill = groupFill
				t.Bands = append(t.Bands, engine.Band{Rows: []engine.Row{{Cells: []engine.Cell{cl}}}, KeepNext: true})
			}
		}
		n := sasaranLen(rep.Rows, i)
		t.Bands = append(t.Bands, d.reportBand(t, rep.Rows[i:i+n], i))
		i += n
	}
	return t
}

// sasaranLen returns the number of rows from i that belong to the same
// sasaran (at least 1).
func sasaranLen(rows []report.Row, i int) int {
	n := 1
	for i+n < len(rows) && !rows[i+n].FirstInSasaran && rows[i+n].SasaranNo == rows[i].SasaranNo &&
		rows[i+n].Group == rows[i].Group {
		n++
	}
	return n
}

// reportBand returns the band of one sasaran whose first row is rows[0],
// the report's row first.
func (d *reportDoc) reportBand(t *engine.Grid, rows []report.Row, first int) engine.Band {
	id := "r" + strconv.Itoa(first)
	b := engine.Band{Span: []engine.Cell{
		t.Cell(rcNo, 1, strconv.Itoa(rows[0].SasaranNo), repCell, engine.AlignCenter, id+".no"),
		t.Cell(rcSasaran, 1, rows[0].SasaranText, repCell, engine.AlignLeft, id+".sasaran"),
	}}
	b.Span[0].Cue = strconv.Itoa(rows[0].SasaranNo) + " " + engine.CueWord
	for i := range rows {
		b.Rows = append(b.Rows, d.reportRow(t, &rows[i], "r"+strconv.Itoa(first+i)))
	}
	return b
}

// reportRow returns the cells of one indicator.
func (d *reportDoc) reportRow(t *engine.Grid, r *report.Row, id string) engine.Row {
	texts := ReportRowTexts(r)
	cells := make([]engine.Cell, 0, rcCols-rcKode)
	for col := rcKode; col < rcCols; col++ {
		al := engine.AlignCenter
		if col == rcIndikator || col == rcKendala || col == rcTindak {
			al = engine.AlignLeft
		}
		cells = append(cells, t.Cell(col, 1, texts[col-rcKode], repCell, al, id+"."+reportCellNames[col-rcKode]))
	}
	cells[0].Cue = texts[0]
	for _, v := range []struct {
		col int
		val report.Value
	}{{rcCapTW, r.CapaianTW}, {rcCapTh, r.CapaianTahunan}} {
		if raw, ok := rawCapaian(v.val); ok {
			name := reportCellNames[v.col-rcKode]
			t.AddSmall(&cells[v.col-rcKode], raw, id+"."+name+".mentah")
		}
	}
	return engine.Row{Cells: cells}
}

// rawCapaian returns the capaian before the indicator's cap in parentheses,
// "(140%)", and whether v was capped to a different printed value.
func rawCapaian(v report.Value) (string, bool) {
	if !v.OK() || report.FormatPercent(v.Raw) == report.FormatPercent(v.Capped) {
		return "", false
	}
	return "(" + report.FormatPercent(v.Raw) + ")", true
}

// anyCapped reports whether a printed capaian of rep was capped.
func anyCapped(rep *report.Report) bool {
	for i := range rep.Rows {
		_, tw := rawCapaian(rep.Rows[i].CapaianTW)
		_, th := rawCapaian(rep.Rows[i].CapaianTahunan)
		if tw || th {
			return true
		}
	}
	return false
}

// reportCellNames are the Box.Cell suffixes of a report row's columns from
// Kode on, in column order.
var reportCellNames = [...]string{"kode", "indikator", "satuan", "target_tw", "realisasi_tw", "capaian_tw",
	"kategori_tw", "target_tahunan", "realisasi_sd", "capaian_tahunan", "kategori", "kendala", "tindak_lanjut"}

// ReportRowTexts returns the texts printed for one indicator, from the Kode
// column to Tindak Lanjut: kode (or NO), indicator, unit, the quarter's
// target, realisasi, capaian and category, the annual target, realisasi to
// date, capaian against the annual target and its category, kendala and
// tindak lanjut. Capaian without a number is printed as its status label
// ("tidak dapat dievaluasi", "N/A", ...), never as 0%; an absent figure or
// category as "-".
func ReportRowTexts(r *report.Row) [13]string {
	kode := r.Kode
	if isBlank(kode) {
		kode = strconv.Itoa(r.IndicatorNo)
	}
	return [13]string{kode, r.Indikator, orDash(r.Satuan),
		figure(r.TargetTW), figure(r.RealisasiTW), r.CapaianTW.Text(), orDash(r.KategoriTW),
		figure(r.TargetTahunan), figure(r.RealisasiSD), r.CapaianTahunan.Text(), orDash(r.Kategori),
		orDash(r.Kendala), orDash(r.TindakLanjut)}
}

// figure prints a target or realisasi: its notation, "-" when absent.
func figure(t data.Target) string { return orDash(t.Text) }

// orDash returns s, or "-" when s is blank.
func orDash(s string) string { return orDefault(s, "-") }

// reportWidths sizes the indicator table: the narrow columns fit their
// widest word (headers included) up to a cap; Sasaran, Indikator, Kendala
// and Tindak Lanjut share the rest 2:3:4:4, since kendala and tindak
// lanjut are the longest free text. No column is narrower than its longest
// word when the width allows it.
func (d *reportDoc) reportWidths(rep *report.Report, tw float64) []float64 {
	return engine.Allot(tw, d.reportSpecs(rep, tw))
}

// reportSpecs returns what each indicator table column asks for.
func (d *reportDoc) reportSpecs(rep *report.Report, tw float64) []engine.ColSpec {
	cs := make([]engine.ColSpec, rcCols)
	d.HeaderLo(cs, reportHeader(rep.Triwulan), repBold)
	for i := range rep.Rows {
		r := &rep.Rows[i]
		d.FitLo(cs, rcNo, repCell, strconv.Itoa(r.SasaranNo))
		d.FitLo(cs, rcSasaran, repCell, r.SasaranText)
		for j, s := range ReportRowTexts(r) {
			d.FitLo(cs, rcKode+j, repCell, s)
		}
	}
	cs[rcSasaran].Weight, cs[rcIndikator].Weight, cs[rcKendala].Weight, cs[rcTindak].Weight = 2, 3, 4, 4
	for col := range rcCols {
		if cs[col].Weight == 0 {
			cs[col].Want, cs[col].Hi = min(0.08*tw, cs[col].Lo), 0.08*tw
		}
	}
	return cs
}

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
		hc(0, 1, 2, per, "Capaian Triwulan "+roman[tw-1]), hc(0, 1, 2+per, per, "Capaian terhadap Target Tahunan")}
	for half := range 2 {
		col := 2 + half*per
		h = append(h, hc(1, 1, col, 1, "Dievaluasi"), hc(1, 1, col+1, 1, "Rata-rata"))
		for i, k := range cats {
			h = append(h, hc(1, 1, col+2+i, 1, k.Nama))
		}
	}
	return h
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

// ReportDate returns the place and date line of the report's signature
// block: the agreement's place and the month after the quarter, the day
// left open for the signer ("Jakarta, .......... Juli 2021").
func ReportDate(rep *report.Report) string {
	m, y := rep.Triwulan*3+1, rep.Agreement.Tahun
	if m > 12 {
		m, y = 1, y+1
	}
	s := ".......... " + data.NamaBulan(time.Month(m)) + " " + strconv.Itoa(y)
	if isBlank(rep.Agreement.Tempat) {
		return s
	}
	return rep.Agreement.Tempat + ", " + s
}

// reportSig is PIHAK PERTAMA's signature block of the report, wrapped.
type reportSig struct {
	col       sigCol
	pre, post []chunk
	colW      float64
}

// newReportSig wraps the signature block: place and date, position,
// signature space, name, NIP, in the right half of the text width.
func (d *reportDoc) newReportSig(rep *report.Report) reportSig {
	a := d.a
	s := reportSig{colW: (d.Right - d.Left) / 2, col: sigCol{party: "pertama", p: a.Pertama, key: "laporan.pertama",
		pre: []piece{{ReportDate(rep), "laporan.tanggal", false}},
		jab: a.Pertama.JabatanTTDLampiran, name: a.Pertama.NamaLampiran}}
	s.pre, s.post = sigChunks(d.Flow, s.col, att, s.colW-2*sigInset)
	return s
}

// height returns the block's height without the gap above it.
func (s reportSig) height() float64 {
	return float64(countLines(s.pre)+countLines(s.post))*attLead + sigSpace
}

// reportSignature sets the signature block in the right half of the page
// under everything else, kept together (on a new page when it does not
// fit), and records its SigRect.
func (d *reportDoc) reportSignature(s reportSig) error {
	d.Gap(gapSection)
	if err := d.Ensure(s.height()); err != nil {
		return err
	}
	top := d.Y
	sigTop := top + float64(countLines(s.pre))*attLead
	d.AddSigRect(sigBlock(d.Flow, s.pre, s.post, s.col, d.Left+s.colW, s.colW, top, sigTop, att))
	d.Y = sigTop + sigSpace + float64(countLines(s.post))*attLead
	return nil
}
