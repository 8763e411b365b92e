package layout

import (
	"strconv"
	"strings"

	"kinerja/data"
	"kinerja/layout/engine"
	"kinerja/report"
)

// reportHeader is the indicator table's two-row header: the quarter's
// and the annual figures each under a spanning heading.
func reportHeader(tw int) []engine.HeaderCell {
	q := roman[tw-1]
	annual := "Tahunan"
	if tw < 4 {
		annual = "s.d. Triwulan " + q
	}
	h := []engine.HeaderCell{hc(0, 2, rcNo, 1, "NO"), hc(0, 2, rcSasaran, 1, "Sasaran"), hc(0, 2, rcKode, 1, "Kode"),
		hc(0, 2, rcIndikator, 1, "Indikator Kinerja"), hc(0, 2, rcSatuan, 1, "Satuan"),
		hc(0, 1, rcTargetTW, 4, "Triwulan "+q), hc(0, 1, rcTargetTh, 4, annual),
		hc(0, 2, rcKendala, 1, "Kendala"), hc(0, 2, rcTindak, 1, "Tindak Lanjut")}
	sub := []string{"Target", "Realisasi", "Capaian", "Kategori",
		"Target", "Realisasi", "Capaian", "Kategori"}
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
	}{{rcCapTW, r.CapaianTW}, {rcCapTh, r.Dinilai()}} {
		notes := annualNotes(r)
		if v.col != rcCapTh {
			notes = nil
		}
		suffix := ".catatan"
		if raw, ok := rawCapaian(v.val); ok {
			notes, suffix = append([]string{raw}, notes...), ".mentah"
		}
		if len(notes) > 0 {
			name := reportCellNames[v.col-rcKode]
			t.AddSmall(&cells[v.col-rcKode], strings.Join(notes, "\n"), id+"."+name+suffix)
		}
	}
	return engine.Row{Cells: cells}
}

// annualNotes are the small lines under the annual capaian: before
// triwulan IV the progress towards the annual target ("progres 33%", no
// category), and the comparisons with reference targets.
func annualNotes(r *report.Row) []string {
	var out []string
	if r.Triwulan < 4 && r.CapaianTahunan.OK() {
		out = append(out, "progres "+r.CapaianTahunan.Text())
	}
	for _, c := range r.Pembanding {
		out = append(out, report.PembandingText([]report.Comparison{c}))
	}
	return out
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
		_, th := rawCapaian(rep.Rows[i].Dinilai())
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
// target, realisasi, capaian and category, the year to date (before
// triwulan IV: target to date, realisasi to date, capaian against the
// target to date and its category; at IV: the annual target, the year's
// realisasi, capaian against it and its category), kendala and tindak
// lanjut. Capaian without a number is printed as its status label
// ("tidak dapat dievaluasi", "N/A", ...), never as 0%; an absent figure or
// category as "-".
func ReportRowTexts(r *report.Row) [13]string {
	kode := r.Kode
	if isBlank(kode) {
		kode = strconv.Itoa(r.IndicatorNo)
	}
	return [13]string{kode, r.Indikator, orDash(r.Satuan),
		figure(r.TargetTW), figure(r.RealisasiTW), r.CapaianTW.Text(), orDash(r.KategoriTW),
		figure(annualTarget(r)), figure(r.RealisasiSD), r.Dinilai().Text(), orDash(r.Kategori),
		orDash(r.Kendala), orDash(r.TindakLanjut)}
}

// annualTarget is the target the annual columns grade against: the target
// to date before triwulan IV, the annual target at IV.
func annualTarget(r *report.Row) data.Target {
	if r.Triwulan < 4 {
		return r.TargetSD
	}
	return r.TargetTahunan
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
