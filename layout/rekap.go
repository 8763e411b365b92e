package layout

import (
	"errors"
	"fmt"
	"strconv"

	"kinerja/data"
	"kinerja/layout/engine"
	"kinerja/rekap"
	"kinerja/report"
)

// RekapTitle is the recap's title, e.g. "REKAPITULASI CAPAIAN KINERJA
// TRIWULAN II TAHUN 2021".
func RekapTitle(rk *rekap.Rekap) string {
	return "REKAPITULASI CAPAIAN KINERJA TRIWULAN " + Roman(rk.Triwulan) + " TAHUN " + strconv.Itoa(rk.Tahun)
}

// Rekap lays out the recap of many units on landscape pages of the first
// unit's paper and font: the title, a table with one row per unit
// (indicators, evaluated, average capaian of the quarter and of the year
// to date, count per category, budget absorption) and a chart with one
// bar per unit, the average capaian of the quarter, coloured by the
// category of that average in the unit's own scale. It has no signature
// block. Cells are named "rekap.*".
//
// Limits: the chart pages repeat the scale and legend; the colours follow
// the order of rk.Kategori, so units with different category scales share
// one legend of all names.
func Rekap(rk *rekap.Rekap, m Measurer) (*Document, error) {
	if rk == nil || len(rk.Units) == 0 || m == nil {
		return nil, errors.New("layout rekap: no units or no measurer")
	}
	a0 := rk.Units[0].Report.Agreement
	f, err := newFlow(&data.Agreement{Kertas: a0.Kertas, Huruf: a0.Huruf}, m)
	if err != nil {
		return nil, err
	}
	d := &reportDoc{Flow: f, a: a0}
	d.NewPage(true)
	if err := d.Block(RekapTitle(rk), attBold, d.Left, d.TextWidth(), engine.AlignCenter, "rekap.judul"); err != nil {
		return nil, fmt.Errorf("layout rekap: %w", err)
	}
	d.Gap(gapPara)
	if err := d.PlaceGrid(d.rekapTable(rk)); err != nil {
		return nil, fmt.Errorf("layout rekap: %w", err)
	}
	if err := d.rekapChart(rk); err != nil {
		return nil, fmt.Errorf("layout rekap: %w", err)
	}
	return d.Finish(), nil
}

// rekapTable builds the table of units.
func (d *reportDoc) rekapTable(rk *rekap.Rekap) *engine.Grid {
	n := 6 + len(rk.Kategori)
	cs := make([]engine.ColSpec, n+1)
	for i := range cs {
		cs[i] = engine.ColSpec{Lo: 30, Want: 52}
	}
	cs[0] = engine.ColSpec{Lo: 18, Want: 22}
	cs[1] = engine.ColSpec{Lo: 80, Weight: 1}
	t := engine.NewGrid(d.Typesetter, d.Left, engine.Allot(d.TextWidth(), cs), repCell)
	head := []engine.HeaderCell{hc(0, 1, 0, 1, "No"), hc(0, 1, 1, 1, "Unit kerja"), hc(0, 1, 2, 1, "Jumlah indikator"),
		hc(0, 1, 3, 1, "Dievaluasi"), hc(0, 1, 4, 1, "Rata-rata TW "+Roman(rk.Triwulan)), hc(0, 1, 5, 1, "Rata-rata s.d. TW "+Roman(rk.Triwulan))}
	for i, k := range rk.Kategori {
		head = append(head, hc(0, 1, 6+i, 1, k))
	}
	t.SetHeader(append(head, hc(0, 1, n, 1, "Serapan anggaran")), 1)
	for i, u := range rk.Units {
		t.Bands = append(t.Bands, d.rekapRow(t, rk, i, u))
	}
	return t
}

// rekapRow is one unit's row of the table.
func (d *reportDoc) rekapRow(t *engine.Grid, rk *rekap.Rekap, i int, u rekap.Unit) engine.Band {
	id := "rekap.u" + strconv.Itoa(i)
	texts := []string{strconv.Itoa(i + 1), u.Nama, strconv.Itoa(u.Triwulan.Indikator), strconv.Itoa(u.Triwulan.Dievaluasi),
		meanText(u.Triwulan), meanText(u.SD)}
	for _, k := range rk.Kategori {
		texts = append(texts, strconv.Itoa(u.Count(k)))
	}
	texts = append(texts, u.Serapan.Text())
	cells := make([]engine.Cell, len(texts))
	for c, s := range texts {
		al := engine.AlignCenter
		if c == 1 {
			al = engine.AlignLeft
		}
		cells[c] = t.Cell(c, 1, s, repCell, al, id+".c"+strconv.Itoa(c))
	}
	return engine.Band{Rows: []engine.Row{{Cells: cells}}}
}

// meanText is a summary's average capaian, or "-" when none was evaluated.
func meanText(s report.Summary) string {
	if s.Dievaluasi == 0 {
		return "-"
	}
	return report.FormatPercent(s.RataRata)
}

// rekapChart draws one bar per unit (the quarter's average capaian) on as
// many pages as it takes, each with the title, legend and scale.
func (d *reportDoc) rekapChart(rk *rekap.Rekap) error {
	top := 0.0
	for _, u := range rk.Units {
		top = max(top, u.Triwulan.RataRata)
	}
	labelW := min(0.3*d.TextWidth(), 210)
	x0 := d.Left + labelW + 2*chartGap
	sc := newScale(x0, d.Right-chartValue0-x0, top)
	labels := make([][]engine.TextLine, len(rk.Units))
	for i, u := range rk.Units {
		labels[i] = d.Wrap(strconv.Itoa(i+1)+". "+u.Nama, chartStyle, labelW)
	}
	for first := 0; first < len(rk.Units); {
		n, err := d.rekapChartPage(rk, sc, labels, first)
		if err != nil {
			return err
		}
		first += n
	}
	return nil
}

// rekapChartPage starts a page with the chart's head and draws the bars
// from first that fit; it returns how many.
func (d *reportDoc) rekapChartPage(rk *rekap.Rekap, sc chartScale, labels [][]engine.TextLine, first int) (int, error) {
	d.NewPage(true)
	title := "GRAFIK RATA-RATA CAPAIAN KINERJA PER UNIT TRIWULAN " + Roman(rk.Triwulan) + " TAHUN " + strconv.Itoa(rk.Tahun)
	if err := d.Block(title, attBold, d.Left, d.TextWidth(), engine.AlignCenter, "rekap.grafik.judul"); err != nil {
		return 0, err
	}
	d.Y += gapSmall
	d.legend(rk.Kategori)
	d.Y += gapPara
	top := d.Y + chartSize + chartGap
	n, h := d.chartRows(labels, first, top, 0)
	if n == 0 {
		return 0, ErrNoSpace
	}
	d.chartGrid(sc, d.Y, top, top+h)
	var values []Box
	y := top
	for i := first; i < first+n; i++ {
		values = append(values, d.rekapBar(rk, i, sc, labels[i], y)...)
		y += chartRowHeight(len(labels[i]))
	}
	d.Add(Box{Kind: Line, X: sc.x(100), Y: top, H: h, Stroke: 1.5})
	d.Add(values...)
	d.Y = top + h
	return n, nil
}

// rekapBar draws unit i's label and bar and returns its value text.
func (d *reportDoc) rekapBar(rk *rekap.Rekap, i int, sc chartScale, label []engine.TextLine, top float64) []Box {
	u := rk.Units[i]
	id := "rekap.grafik.u" + strconv.Itoa(i)
	y := d.Y
	d.Y = top + (chartRow-chartLead)/2
	d.Paragraph(label, d.Left, sc.x0-2*chartGap-d.Left, chartStyle, engine.AlignLeft, id+".label")
	d.Y = y
	base := top + chartRow/2 + 0.3*chartSize
	text := meanText(u.Triwulan)
	if u.Triwulan.Dievaluasi == 0 {
		b := d.TextBox(report.StatusNotEvaluable.Label(), d.Width(d.Font(false), chartSize, report.StatusNotEvaluable.Label()), sc.x0+chartGap, base, chartSize, false, id+".nilai")
		b.Fill = 0.3
		return []Box{b}
	}
	v := report.Value{Status: report.StatusOK, Raw: u.Triwulan.RataRata, Capped: u.Triwulan.RataRata}
	col := ChartColors[kategoriIndex(rk.Kategori, report.Kategori(u.Report.Agreement.Kategori, v))%len(ChartColors)]
	bw := sc.x(max(min(v.Capped, sc.max), 0)) - sc.x0
	barY := top + (chartRow-chartBar)/2
	d.Add(Box{Kind: Rect, X: sc.x0, Y: barY, W: bw, H: chartBar, Stroke: 0.3, Fill: col.Grey, Color: col.Hex})
	w := d.Width(d.Font(true), chartSize, text)
	x := sc.x0 + bw + chartGap
	return []Box{{Kind: Rect, X: x - 1, Y: barY, W: w + 2, H: chartBar, Fill: 1}, d.TextBox(text, w, x, base, chartSize, true, id+".nilai")}
}

// kategoriIndex is the index of name in names (0 when absent).
func kategoriIndex(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return 0
}
