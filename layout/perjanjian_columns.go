package layout

import (
	"strconv"

	"kinerja/layout/engine"
)

// indicatorWidths sizes the indicator table to the text width tw: narrow
// columns (numbers, targets, data source, unit) get what their widest
// content needs, up to a cap; Sasaran, Indikator and Pengukuran Kinerja
// share the rest 1:1:2, which makes Pengukuran Kinerja the widest. No
// column is narrower than its longest word when the width allows it.
func (d *agreementDoc) indicatorWidths(tw float64) []float64 {
	return engine.Allot(tw, d.indicatorSpecs(tw))
}

// indicatorSpecs returns what each indicator table column asks for.
func (d *agreementDoc) indicatorSpecs(tw float64) []engine.ColSpec {
	cs := make([]engine.ColSpec, numCols)
	for _, f := range d.indicatorNeeds() {
		cs[f.col].Want = min(f.cap*tw, f.need+2*engine.CellPad+engine.ColAir)
		cs[f.col].Hi = f.cap * tw
	}
	cs[colSasaran].Weight, cs[colIndikator].Weight, cs[colPengukuran].Weight = 1, 1, 2
	d.indicatorLo(cs)
	return cs
}

// indicatorLo sets the lo of every indicator table column: its longest
// word, headers included.
func (d *agreementDoc) indicatorLo(cs []engine.ColSpec) {
	d.HeaderLo(cs, indicatorHeader(), cellBold)
	for _, r := range d.a.Indicators() {
		ind := r.Indicator
		d.FitLo(cs, colSasaran, cellStyle, r.Sasaran.Uraian)
		d.FitLo(cs, colIndikator, cellStyle, ind.Indikator)
		d.FitLo(cs, colSumber, cellStyle, ind.SumberData)
		d.FitLo(cs, colPengukuran, cellStyle, ind.Pengukuran)
		d.FitLo(cs, colTahunan, cellStyle, ind.Tahunan.Text)
		d.FitLo(cs, colKet, cellStyle, ind.Keterangan)
		for q, t := range ind.Triwulan {
			d.FitLo(cs, colTW1+q, cellStyle, t.Text)
		}
	}
}

// fixedCol is a narrow column sized to its content, up to a share of the
// table width.
type fixedCol struct {
	col  int
	cap  float64 // largest share of the table width
	need float64 // width its content asks for (without padding)
}

// indicatorNeeds measures the content of the narrow columns. Quarter
// columns share one width; targets ask for their whole text, the data
// source and unit columns for their widest word.
func (d *agreementDoc) indicatorNeeds() []fixedCol {
	no := fixedCol{colNo, 0.04, d.Widest(cellBold, "NO")}
	noInd := fixedCol{colNoInd, 0.04, no.need}
	src := fixedCol{colSumber, 0.10, d.Widest(cellBold, "Sumber Data")}
	tw := d.Widest(cellBold, "III")
	th := fixedCol{colTahunan, 0.07, d.Widest(cellBold, "Tahunan")}
	ket := fixedCol{colKet, 0.09, d.Widest(cellBold, "Keterangan")}
	reg := d.Font(false)
	for _, r := range d.a.Indicators() {
		no.need = max(no.need, d.Width(reg, tableSize, strconv.Itoa(r.Sasaran.No)))
		noInd.need = max(noInd.need, d.Width(reg, tableSize, strconv.Itoa(r.Indicator.No)))
		src.need = max(src.need, d.Widest(cellStyle, r.Indicator.SumberData))
		ket.need = max(ket.need, d.Widest(cellStyle, r.Indicator.Keterangan))
		th.need = max(th.need, d.Width(reg, tableSize, r.Indicator.Tahunan.Text))
		for _, q := range r.Indicator.Triwulan {
			tw = max(tw, d.Width(reg, tableSize, q.Text))
		}
	}
	out := []fixedCol{no, noInd, src, th, ket}
	for q := range 4 {
		out = append(out, fixedCol{colTW1 + q, 0.065, tw})
	}
	return out
}

// programWidths sizes the program table: Anggaran (Rp) fits its widest
// amount (the bold total) up to a quarter of the width; Program and
// Keterangan share the rest 3:1, never narrower than their longest word
// when the width allows it.
func (d *agreementDoc) programWidths(tw float64) []float64 {
	var total int64
	cs := make([]engine.ColSpec, 3)
	need := d.Width(d.Font(true), tableSize, "Anggaran (Rp)")
	for _, p := range d.a.Program {
		total += p.Anggaran
		need = max(need, d.Width(d.Font(false), tableSize, rupiah(p.Anggaran)))
		d.FitLo(cs, colProgram, cellStyle, p.Program)
		d.FitLo(cs, colProgKet, cellStyle, p.Keterangan)
	}
	need = max(need, d.Width(d.Font(true), tableSize, rupiah(total)))
	d.FitLo(cs, colAnggaran, cellBold, rupiah(total))
	cs[colAnggaran].Want, cs[colAnggaran].Hi = min(tw/4, need+2*engine.CellPad), tw/4
	cs[colProgram].Weight, cs[colProgKet].Weight = 3, 1
	d.FitLo(cs, colProgram, cellBold, "Program JUMLAH")
	d.FitLo(cs, colProgKet, cellBold, "Keterangan")
	return engine.Allot(tw, cs)
}
