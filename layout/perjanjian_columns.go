package layout

import (
	"slices"
	"strconv"

	"kinerja/data"

	"kinerja/layout/engine"
)

// colPlan maps the table's columns (data.Table.Kolom) to grid columns:
// Triwulan takes four (I..IV), every other column one.
type colPlan struct {
	cols []data.Column  // the printed columns with their headings
	at   map[string]int // first grid column of each column name
	n    int            // number of grid columns
}

// columns returns the grid columns of the table of groups gs, with the
// first group's renamed headings. A column whose content every indicator
// of these groups leaves empty (Sumber Data, Pengukuran, Satuan,
// Triwulan, Keterangan) takes no space.
func (d *agreementDoc) columns(gs []data.Group) colPlan {
	p := colPlan{at: map[string]int{}}
	for _, c := range d.a.Tabel.Kolom {
		if !d.hasContent(gs, c.Key) {
			continue
		}
		c.Judul = orDefault(gs[0].Kepala[c.Key], c.Judul)
		p.cols = append(p.cols, c)
		p.at[c.Key] = p.n
		p.n++
		if c.Key == data.KolomTriwulan {
			p.n += 3
		}
	}
	return p
}

// hasContent reports whether column key has something to print for the
// indicators of gs (data.Indicator.HasContent).
func (d *agreementDoc) hasContent(gs []data.Group, key string) bool {
	sub := data.Agreement{Kelompok: gs}
	for _, r := range sub.Indicators() {
		if r.Indicator.HasContent(key) {
			return true
		}
	}
	return false
}

// headRows is 2 when the header has the quarter row, else 1.
func (p colPlan) headRows() int {
	if _, ok := p.at[data.KolomTriwulan]; ok {
		return 2
	}
	return 1
}

// header returns the header cells: Triwulan spans its four columns over
// I..IV; every other cell spans the header's rows.
func (p colPlan) header() []engine.HeaderCell {
	rows := p.headRows()
	var h, quarters []engine.HeaderCell
	for _, c := range p.cols {
		at := p.at[c.Key]
		if c.Key != data.KolomTriwulan {
			h = append(h, hc(0, rows, at, 1, c.Judul))
			continue
		}
		h = append(h, hc(0, 1, at, 4, c.Judul))
		for i, q := range []string{"I", "II", "III", "IV"} {
			quarters = append(quarters, hc(1, 1, at+i, 1, q))
		}
	}
	return append(h, quarters...)
}

// indicatorWidths sizes the indicator table to the text width tw: narrow
// columns (numbers, targets, data source, unit) get what their widest
// content needs, up to a cap; Sasaran, Indikator and Pengukuran Kinerja
// share the rest 1:1:2, which makes Pengukuran Kinerja the widest. No
// column is narrower than its longest word when the width allows it.
// Columns the table does not have take no space.
func (d *agreementDoc) indicatorWidths(p colPlan, tw float64) []float64 {
	return engine.Allot(tw, d.indicatorSpecs(p, tw))
}

// indicatorSpecs returns what each indicator table column asks for.
func (d *agreementDoc) indicatorSpecs(p colPlan, tw float64) []engine.ColSpec {
	cs := make([]engine.ColSpec, p.n)
	for _, f := range d.indicatorNeeds(p) {
		c, ok := p.at[f.key]
		if !ok {
			continue
		}
		for q := range f.cols {
			cs[c+q].Want = min(f.cap*tw, f.need+2*engine.CellPad+engine.ColAir)
			cs[c+q].Hi = f.cap * tw
		}
	}
	for key, w := range map[string]float64{data.KolomSasaran: 1, data.KolomIndikator: 1, data.KolomPengukuran: 2} {
		if c, ok := p.at[key]; ok {
			cs[c].Weight = w
		}
	}
	d.indicatorLo(p, cs)
	return cs
}

// indicatorLo sets the lo of every indicator table column: its longest
// word, headers included.
func (d *agreementDoc) indicatorLo(p colPlan, cs []engine.ColSpec) {
	d.HeaderLo(cs, p.header(), cellBold)
	fit := func(key, text string) {
		if c, ok := p.at[key]; ok {
			d.FitLo(cs, c, cellStyle, text)
		}
	}
	for _, r := range d.a.Indicators() {
		ind := r.Indicator
		fit(data.KolomSasaran, r.Sasaran.Uraian)
		fit(data.KolomIndikator, ind.Indikator)
		fit(data.KolomSumberData, ind.SumberData)
		fit(data.KolomPengukuran, ind.Pengukuran)
		fit(data.KolomSatuan, ind.SatuanTulis)
		fit(data.KolomTahunan, ind.Tahunan.Text)
		fit(data.KolomKeterangan, ind.Keterangan)
		if c, ok := p.at[data.KolomTriwulan]; ok {
			for q, t := range ind.Triwulan {
				d.FitLo(cs, c+q, cellStyle, t.Text)
			}
		}
	}
}

// fixedCol is a narrow column sized to its content, up to a share of the
// table width.
type fixedCol struct {
	key  string
	cols int     // grid columns it takes (4 for Triwulan)
	cap  float64 // largest share of the table width
	need float64 // width its content asks for (without padding)
}

// indicatorNeeds measures the content of the narrow columns. Quarter
// columns share one width; targets ask for their whole text, the data
// source and unit columns for their widest word. The annual target may
// take more room when there are no quarter columns.
func (d *agreementDoc) indicatorNeeds(p colPlan) []fixedCol {
	head := func(key string) string {
		return p.cols[slices.IndexFunc(p.cols, func(c data.Column) bool { return c.Key == key })].Judul
	}
	var out []fixedCol
	for _, c := range p.cols {
		f := fixedCol{key: c.Key, cols: 1}
		switch c.Key {
		case data.KolomNo, data.KolomNoIndikator:
			f.cap = 0.04
		case data.KolomSumberData:
			f.cap = 0.10
		case data.KolomSatuan, data.KolomKeterangan:
			f.cap = 0.09
		case data.KolomTahunan:
			f.cap = 0.07
			if _, ok := p.at[data.KolomTriwulan]; !ok {
				f.cap = 0.15
			}
		case data.KolomTriwulan:
			f.cols, f.cap, f.need = 4, 0.065, d.Widest(cellBold, "III")
			out = append(out, f)
			continue
		default:
			continue
		}
		f.need = d.Widest(cellBold, head(c.Key))
		out = append(out, f)
	}
	for i := range out {
		out[i].need = max(out[i].need, d.contentNeed(out[i].key))
	}
	return out
}

// contentNeed returns the width the indicators' content asks of a narrow
// column: whole numbers and targets, the widest word of text columns.
func (d *agreementDoc) contentNeed(key string) float64 {
	reg, need := d.Font(false), 0.0
	for _, r := range d.a.Indicators() {
		ind := r.Indicator
		switch key {
		case data.KolomNo:
			need = max(need, d.Width(reg, tableSize, strconv.Itoa(r.Sasaran.No)))
		case data.KolomNoIndikator:
			need = max(need, d.Width(reg, tableSize, strconv.Itoa(ind.No)))
		case data.KolomSumberData:
			need = max(need, d.Widest(cellStyle, ind.SumberData))
		case data.KolomSatuan:
			need = max(need, d.Widest(cellStyle, ind.SatuanTulis))
		case data.KolomKeterangan:
			need = max(need, d.Widest(cellStyle, ind.Keterangan))
		case data.KolomTahunan:
			need = max(need, d.Width(reg, tableSize, ind.Tahunan.Text))
		case data.KolomTriwulan:
			for _, q := range ind.Triwulan {
				need = max(need, d.Width(reg, tableSize, q.Text))
			}
		}
	}
	return need
}

// programWidths sizes the program table: Anggaran fits its widest
// amount (the bold total) up to a quarter of the width, No its numbers;
// Program and Keterangan share the rest 3:1, never narrower than their
// longest word when the width allows it.
func (d *agreementDoc) programWidths(p colPlan, tw float64) []float64 {
	cs := make([]engine.ColSpec, p.n)
	d.HeaderLo(cs, p.header(), cellBold)
	total := d.amount(d.a.TotalAnggaran())
	need := d.Width(d.Font(true), tableSize, total)
	nums := programNumbers(d.a.Program)
	noNeed := d.Widest(cellBold, "No")
	for i, pr := range d.a.Program {
		need = max(need, d.Width(d.Font(true), tableSize, d.amount(pr.Anggaran)))
		noNeed = max(noNeed, d.Width(d.Font(false), tableSize, nums[i]))
		d.fitProg(cs, p, data.KolomProgram, pr.Program)
		d.fitProg(cs, p, data.KolomKeterangan, pr.Keterangan)
	}
	if c, ok := p.at[data.KolomAnggaran]; ok {
		need = max(need, d.Width(d.Font(true), tableSize, p.cols[c].Judul))
		d.FitLo(cs, c, cellBold, total)
		cs[c].Want, cs[c].Hi = min(tw/4, need+2*engine.CellPad), tw/4
	}
	if c, ok := p.at[data.KolomNo]; ok {
		cs[c].Want, cs[c].Hi = noNeed+2*engine.CellPad+engine.ColAir, tw/10
	}
	for key, w := range map[string]float64{data.KolomProgram: 3, data.KolomKeterangan: 1} {
		if c, ok := p.at[key]; ok {
			cs[c].Weight = w
		}
	}
	if c, ok := p.at[data.KolomProgram]; ok {
		d.FitLo(cs, c, cellBold, d.a.TabelProgram.Jumlah)
	}
	return engine.Allot(tw, cs)
}

// fitProg raises the lo of the program table's column key to text's
// longest word.
func (d *agreementDoc) fitProg(cs []engine.ColSpec, p colPlan, key, text string) {
	if c, ok := p.at[key]; ok {
		d.FitLo(cs, c, cellStyle, text)
	}
}
