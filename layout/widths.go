package layout

import (
	"strconv"
	"strings"
)

// colAir is the extra width given to a narrow column beyond its content.
const colAir = 4.0

// fixedCol is a narrow column sized to its content, up to a share of the
// table width.
type fixedCol struct {
	col  int
	cap  float64 // largest share of the table width
	need float64 // width its content asks for (without padding)
}

// indicatorWidths sizes the indicator table to the text width tw: narrow
// columns (numbers, targets, data source, unit) get what their widest
// content needs, up to a cap; Sasaran, Indikator and Pengukuran Kinerja
// share the rest 1:1:2, which makes Pengukuran Kinerja the widest.
func (c *ctx) indicatorWidths(tw float64) []float64 {
	fixed := c.indicatorNeeds()
	w := make([]float64, numCols)
	rest := tw
	for _, f := range fixed {
		w[f.col] = min(f.cap*tw, f.need+2*cellPad+colAir)
		rest -= w[f.col]
	}
	w[colSasaran], w[colIndikator], w[colPengukuran] = rest/4, rest/4, rest/2
	return w
}

// indicatorNeeds measures the content of the narrow columns. Quarter
// columns share one width; targets ask for their whole text, the data
// source and unit columns for their widest word.
func (c *ctx) indicatorNeeds() []fixedCol {
	no := fixedCol{colNo, 0.04, c.widest(cellBold, "NO")}
	noInd := fixedCol{colNoInd, 0.04, no.need}
	src := fixedCol{colSumber, 0.10, c.widest(cellBold, "Sumber Data")}
	tw := c.widest(cellBold, "III")
	th := fixedCol{colTahunan, 0.07, c.widest(cellBold, "Tahunan")}
	ket := fixedCol{colKet, 0.09, c.widest(cellBold, "Keterangan")}
	reg := c.font(false)
	for _, r := range c.a.Indicators() {
		no.need = max(no.need, c.width(reg, tableSize, strconv.Itoa(r.Sasaran.No)))
		noInd.need = max(noInd.need, c.width(reg, tableSize, strconv.Itoa(r.Indicator.No)))
		src.need = max(src.need, c.widest(cellStyle, r.Indicator.SumberData))
		ket.need = max(ket.need, c.widest(cellStyle, r.Indicator.Keterangan))
		th.need = max(th.need, c.width(reg, tableSize, r.Indicator.Tahunan.Text))
		for _, q := range r.Indicator.Triwulan {
			tw = max(tw, c.width(reg, tableSize, q.Text))
		}
	}
	out := []fixedCol{no, noInd, src, th, ket}
	for q := range 4 {
		out = append(out, fixedCol{colTW1 + q, 0.065, tw})
	}
	return out
}

// widest returns the width of the widest word of s.
func (c *ctx) widest(st style, s string) float64 {
	w := 0.0
	for _, f := range strings.Fields(s) {
		w = max(w, c.width(c.font(st.bold), st.size, f))
	}
	return w
}

// programWidths sizes the program table: Anggaran (Rp) fits its widest
// amount (the bold total) up to a quarter of the width; Program and
// Keterangan share the rest 3:1.
func (c *ctx) programWidths(tw float64) []float64 {
	var total int64
	need := c.width(c.font(true), tableSize, "Anggaran (Rp)")
	for _, p := range c.a.Program {
		total += p.Anggaran
		need = max(need, c.width(c.font(false), tableSize, rupiah(p.Anggaran)))
	}
	need = max(need, c.width(c.font(true), tableSize, rupiah(total)))
	a := min(tw/4, need+2*cellPad)
	return []float64{(tw - a) * 3 / 4, a, (tw - a) / 4}
}
