package layout

import (
	"strconv"
	"strings"
)

// colAir is the extra width given to a narrow column beyond its content.
const colAir = 4.0

// colSpec is what one table column asks for. lo is the width of its
// longest unbreakable word (headers included) plus padding: below it a
// word is broken between characters. hi bounds lo: a word wider than hi
// is broken anyway (0 means a third of the table width). A narrow column
// (weight 0) asks for want; a sharing column (weight > 0) gets a share of
// what the narrow columns leave.
type colSpec struct {
	lo, hi, want, weight float64
}

// allot sizes columns to the total width tw. Narrow columns get want, never
// less than lo; sharing columns split the rest by weight, and a column
// whose share would be below its lo is pinned at lo while the others share
// what is left. When the narrow columns and the lo widths of the sharing
// columns do not fit, the narrow columns give up width above their lo
// first; when even the lo widths do not fit, the widest columns are cut
// down to a common width (capLo) and their long words are broken between
// characters.
func allot(tw float64, cs []colSpec) []float64 {
	cs = boundLo(tw, cs)
	w := make([]float64, len(cs))
	var sumLo, need, flexW float64
	for i, s := range cs {
		sumLo += s.lo
		w[i] = s.lo
		if s.weight == 0 {
			w[i] = max(s.lo, s.want)
		}
		need += w[i]
		flexW += s.weight
	}
	switch {
	case sumLo > tw-eps:
		return capLo(los(cs), tw)
	case need > tw-eps:
		return shrinkNarrow(w, cs, tw-sumLo, need-sumLo)
	case flexW == 0:
		return scale(w, tw/need)
	}
	return shareRest(w, cs, tw)
}

// boundLo returns a copy of cs with every lo at most its hi.
func boundLo(tw float64, cs []colSpec) []colSpec {
	out := append([]colSpec(nil), cs...)
	for i := range out {
		hi := out[i].hi
		if hi <= 0 {
			hi = tw / 3
		}
		out[i].lo = min(out[i].lo, hi)
	}
	return out
}

// los returns the lo of every column.
func los(cs []colSpec) []float64 {
	out := make([]float64, len(cs))
	for i, s := range cs {
		out[i] = s.lo
	}
	return out
}

// capLo limits the widths w, whose sum exceeds tw, to a common cap chosen
// so that they sum to tw: narrow columns keep their width, the widest give
// up what is needed.
func capLo(w []float64, tw float64) []float64 {
	lo, hi := 0.0, 0.0
	for _, x := range w {
		hi = max(hi, x)
	}
	sum := func(c float64) float64 {
		s := 0.0
		for _, x := range w {
			s += min(x, c)
		}
		return s
	}
	for range 60 {
		if mid := (lo + hi) / 2; sum(mid) > tw {
			hi = mid
		} else {
			lo = mid
		}
	}
	for i := range w {
		w[i] = min(w[i], lo)
	}
	return w
}

// scale multiplies every width by k.
func scale(w []float64, k float64) []float64 {
	for i := range w {
		w[i] *= k
	}
	return w
}

// shrinkNarrow gives every column its lo plus, for narrow columns, a part
// of avail in proportion to what they asked for above lo (excess in all).
func shrinkNarrow(w []float64, cs []colSpec, avail, excess float64) []float64 {
	for i, s := range cs {
		w[i] = s.lo + (w[i]-s.lo)*avail/excess
	}
	return w
}

// shareRest splits what the narrow columns in w leave of tw among the
// sharing columns by weight, pinning at lo every column whose share would
// be smaller.
func shareRest(w []float64, cs []colSpec, tw float64) []float64 {
	pinned := make([]bool, len(cs))
	for {
		rest, weight := tw, 0.0
		for i, s := range cs {
			if s.weight == 0 || pinned[i] {
				rest -= w[i]
			} else {
				weight += s.weight
			}
		}
		done := true
		for i, s := range cs {
			if s.weight > 0 && !pinned[i] {
				w[i] = rest * s.weight / weight
				if w[i] < s.lo-eps {
					w[i], pinned[i], done = s.lo, true, false
				}
			}
		}
		if done {
			return w
		}
	}
}

// fitLo raises cs[col].lo to the widest word of s in st plus padding.
func (c *ctx) fitLo(cs []colSpec, col int, st style, s string) {
	cs[col].lo = max(cs[col].lo, c.widest(st, s)+2*cellPad)
}

// headerLo raises the lo of every column to the widest word of its
// one-column header cells set in st.
func (c *ctx) headerLo(cs []colSpec, head []hcell, st style) {
	for _, h := range head {
		if h.span == 1 {
			c.fitLo(cs, h.col, st, h.text)
		}
	}
}

// indicatorWidths sizes the indicator table to the text width tw: narrow
// columns (numbers, targets, data source, unit) get what their widest
// content needs, up to a cap; Sasaran, Indikator and Pengukuran Kinerja
// share the rest 1:1:2, which makes Pengukuran Kinerja the widest. No
// column is narrower than its longest word when the width allows it.
func (c *ctx) indicatorWidths(tw float64) []float64 { return allot(tw, c.indicatorSpecs(tw)) }

// indicatorSpecs returns what each indicator table column asks for.
func (c *ctx) indicatorSpecs(tw float64) []colSpec {
	cs := make([]colSpec, numCols)
	for _, f := range c.indicatorNeeds() {
		cs[f.col].want = min(f.cap*tw, f.need+2*cellPad+colAir)
		cs[f.col].hi = f.cap * tw
	}
	cs[colSasaran].weight, cs[colIndikator].weight, cs[colPengukuran].weight = 1, 1, 2
	c.indicatorLo(cs)
	return cs
}

// indicatorLo sets the lo of every indicator table column: its longest
// word, headers included.
func (c *ctx) indicatorLo(cs []colSpec) {
	c.headerLo(cs, indicatorHeader(), cellBold)
	for _, r := range c.a.Indicators() {
		ind := r.Indicator
		c.fitLo(cs, colSasaran, cellStyle, r.Sasaran.Uraian)
		c.fitLo(cs, colIndikator, cellStyle, ind.Indikator)
		c.fitLo(cs, colSumber, cellStyle, ind.SumberData)
		c.fitLo(cs, colPengukuran, cellStyle, ind.Pengukuran)
		c.fitLo(cs, colTahunan, cellStyle, ind.Tahunan.Text)
		c.fitLo(cs, colKet, cellStyle, ind.Keterangan)
		for q, t := range ind.Triwulan {
			c.fitLo(cs, colTW1+q, cellStyle, t.Text)
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

// linesWidth returns the smallest width in which s wraps into at most n
// lines (n is 1 or 2), measured as wrap measures: words plus spaces.
func (c *ctx) linesWidth(st style, s string, n int) float64 {
	ws := strings.Fields(s)
	f, sp := c.font(st.bold), c.space(st.size)
	part := func(ws []string) float64 {
		w := sp * float64(max(len(ws)-1, 0))
		for _, x := range ws {
			w += c.width(f, st.size, x)
		}
		return w
	}
	best := part(ws)
	for k := 1; n > 1 && k < len(ws); k++ {
		best = min(best, max(part(ws[:k]), part(ws[k:])))
	}
	return best
}

// programWidths sizes the program table: Anggaran (Rp) fits its widest
// amount (the bold total) up to a quarter of the width; Program and
// Keterangan share the rest 3:1, never narrower than their longest word
// when the width allows it.
func (c *ctx) programWidths(tw float64) []float64 {
	var total int64
	cs := make([]colSpec, 3)
	need := c.width(c.font(true), tableSize, "Anggaran (Rp)")
	for _, p := range c.a.Program {
		total += p.Anggaran
		need = max(need, c.width(c.font(false), tableSize, rupiah(p.Anggaran)))
		c.fitLo(cs, colProgram, cellStyle, p.Program)
		c.fitLo(cs, colProgKet, cellStyle, p.Keterangan)
	}
	need = max(need, c.width(c.font(true), tableSize, rupiah(total)))
	c.fitLo(cs, colAnggaran, cellBold, rupiah(total))
	cs[colAnggaran].want, cs[colAnggaran].hi = min(tw/4, need+2*cellPad), tw/4
	cs[colProgram].weight, cs[colProgKet].weight = 3, 1
	c.fitLo(cs, colProgram, cellBold, "Program JUMLAH")
	c.fitLo(cs, colProgKet, cellBold, "Keterangan")
	return allot(tw, cs)
}
