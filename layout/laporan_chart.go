package layout

import (
	"math"
	"strconv"
	"strings"

	"kinerja/layout/engine"
	"kinerja/report"
)

// Chart geometry, in points.
const (
	chartSize  = 8.0   // labels, ticks, values and legend
	chartRow   = 16.0  // distance between bars
	chartBar   = 9.0   // bar height
	chartMin   = 120.0 // the scale reaches at least 120%
	chartGap   = 4.0   // space between a bar and its value
	chartValue = 42.0  // room kept right of the scale for the value text
	legendBox  = 8.0   // legend swatch size
)

// chartColor is one category colour: Hex for colour output, Grey its
// luminance, used as the grey Fill so the bars stay distinct in greyscale.
type chartColor struct {
	Hex  string
	Grey float64
}

// ChartColors are the bar colours of the categories in scale order
// (highest first): darker is better, so a greyscale print still ranks
// them. A scale with more categories reuses them from the start.
var ChartColors = []chartColor{
	{"#14532d", lum(0x14, 0x53, 0x2d)}, // dark green
	{"#3f8f3f", lum(0x3f, 0x8f, 0x3f)}, // green
	{"#b8962e", lum(0xb8, 0x96, 0x2e)}, // ochre
	{"#f4a460", lum(0xf4, 0xa4, 0x60)}, // sandy orange
	{"#f7c6c6", lum(0xf7, 0xc6, 0xc6)}, // light red
}

// lum returns the luma (ITU-R BT.601) of an RGB colour, 0 (black) .. 1.
func lum(r, g, b int) float64 { return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 255 }

// chartScale is the horizontal scale of the chart.
type chartScale struct {
	x0, w     float64 // left edge and width of 0..max
	max, step float64 // percent
}

// x returns the x of percentage v.
func (s chartScale) x(v float64) float64 { return s.x0 + v/s.max*s.w }

// chartTop bounds the scale: larger values (a tiny target met many times
// over) are drawn as a full bar, their value printed beside it.
const chartTop = 1e6

// newScale returns a scale from 0 to at least chartMin and the largest
// value (at most chartTop), in at most ten steps of 20, 25, 50, 100, 200,
// 250, 500, ...
func newScale(x0, w, top float64) chartScale {
	m := max(chartMin, top)
	if !(m <= chartTop) { // NaN too
		m = chartTop
	}
	step := 20.0
	for p := 10.0; m/step > 10+eps; p *= 10 {
		for _, k := range []float64{2, 2.5, 5, 10} {
			if step = k * p; m/step <= 10+eps {
				break
			}
		}
	}
	return chartScale{x0: x0, w: w, max: math.Ceil(m/step-eps) * step, step: step}
}

// chart lays out the chart pages: one horizontal bar per indicator showing
// the quarter's capaian against a 100% line, coloured by category. The
// last page keeps room for reserve points under the bars (the signature
// block): when that room is missing, its last bars move to a new page so
// that the signature never stands alone on a page.
func (d *reportDoc) chart(rep *report.Report, reserve float64) error {
	top := 0.0
	for i := range rep.Rows {
		if v := rep.Rows[i].CapaianTW; v.OK() {
			top = max(top, v.Capped)
		}
	}
	labelW := min(0.3*(d.Right-d.Left), 210)
	x0 := d.Left + labelW + 2*chartGap
	sc := newScale(x0, d.Right-chartValue-x0, top)
	for i := 0; i < len(rep.Rows); {
		n, err := d.chartPage(rep, sc, labelW, i, reserve)
		if err != nil {
			return err
		}
		i += n
	}
	return nil
}

// chartRows returns how many bars from first go on a page whose plot
// starts at top: as many as fit, minus up to three that move on with the
// reserve when the page would end the chart without room for it.
func (d *reportDoc) chartRows(total, first int, top, reserve float64) (int, error) {
	fit := int(math.Floor((d.Bottom-top)/chartRow + eps))
	if fit < 1 {
		return 0, ErrNoSpace
	}
	n := min(total-first, fit)
	if first+n < total || top+float64(n)*chartRow+reserve <= d.Bottom+eps || n < 2 {
		return n, nil
	}
	return n - min(3, n-1), nil
}

// chartPage starts a page with the chart's title, legend and ticks and
// draws bars from row first on; it returns how many it drew.
func (d *reportDoc) chartPage(rep *report.Report, sc chartScale, labelW float64, first int, reserve float64) (int, error) {
	d.NewPage(true)
	if err := d.chartHead(rep); err != nil {
		return 0, err
	}
	top := d.Y + chartSize + chartGap // tick labels above the plot
	n, err := d.chartRows(len(rep.Rows), first, top, reserve)
	if err != nil {
		return 0, err
	}
	d.chartGrid(sc, d.Y, top, top+float64(n)*chartRow)
	var values []Box
	for i := range n {
		values = append(values, d.chartBar(&rep.Rows[first+i], first+i, sc, labelW, top+float64(i)*chartRow)...)
	}
	d.Add(Box{Kind: Line, X: sc.x(100), Y: top, H: float64(n) * chartRow, Stroke: 1.5})
	d.Add(values...)
	d.Y = top + float64(n)*chartRow
	return n, nil
}

// ChartTitle returns the chart's title and its explanation line.
func ChartTitle(rep *report.Report) (title, note string) {
	q, y := roman[rep.Triwulan-1], strconv.Itoa(rep.Agreement.Tahun)
	return "GRAFIK CAPAIAN KINERJA TRIWULAN " + q + " TAHUN " + y,
		"Capaian triwulan " + q + " (realisasi triwulan " + q + " terhadap target triwulan " + q +
			"); garis tegak tebal = 100%; warna = kategori capaian triwulan " + q
}

// chartHead sets the title, the explanation and the legend.
func (d *reportDoc) chartHead(rep *report.Report) error {
	title, note := ChartTitle(rep)
	tw := d.Right - d.Left
	if err := d.Block(title, attBold, d.Left, tw, engine.AlignCenter, "grafik.judul"); err != nil {
		return err
	}
	if err := d.Block(note, cellStyle, d.Left, tw, engine.AlignCenter, "grafik.keterangan"); err != nil {
		return err
	}
	d.Y += gapSmall
	d.legend(d.categories())
	d.Y += gapPara
	return nil
}

// categories returns the agreement's category bands, or the default ones.
func (d *reportDoc) categories() []string {
	bands := d.a.Kategori
	out := make([]string, len(bands))
	for i, b := range bands {
		out[i] = b.Nama + " (≥ " + report.FormatNumber(b.Min) + "%)"
		if i > 0 && i == len(bands)-1 && b.Min <= 0 {
			out[i] = b.Nama + " (< " + report.FormatNumber(bands[i-1].Min) + "%)"
		}
	}
	return out
}

// legend sets one swatch and name per category, flowing onto further lines
// when they do not fit on one.
func (d *reportDoc) legend(names []string) {
	x, lead := d.Left, chartSize+chartGap
	reg := d.Font(false)
	for i, s := range names {
		w := legendBox + chartGap + d.Width(reg, chartSize, s)
		if x > d.Left && x+w > d.Right {
			x, d.Y = d.Left, d.Y+lead
		}
		col := ChartColors[i%len(ChartColors)]
		d.Add(Box{Kind: Rect, X: x, Y: d.Y + (lead-legendBox)/2, W: legendBox, H: legendBox,
			Stroke: 0.3, Fill: col.Grey, Color: col.Hex},
			d.TextBox(s, w-legendBox-chartGap, x+legendBox+chartGap, d.Y+engine.Baseline(chartSize, lead), chartSize, false, "grafik.legenda"))
		x += w + 3*chartGap
	}
	d.Y += lead
}

// chartGrid draws the tick labels at head and the vertical grid lines and
// the zero axis from top to bottom.
func (d *reportDoc) chartGrid(sc chartScale, head, top, bottom float64) {
	reg := d.Font(false)
	for i := 0.0; i*sc.step <= sc.max+eps; i++ {
		v := i * sc.step
		x, s := sc.x(v), report.FormatNumber(v)+"%"
		w := d.Width(reg, chartSize, s)
		d.Add(d.TextBox(s, w, x-w/2, head+0.8*chartSize, chartSize, false, "grafik.skala"))
		d.Add(Box{Kind: Rect, X: x - 0.2, Y: top, W: 0.4, H: bottom - top, Fill: 0.75})
	}
	d.Add(Box{Kind: Line, X: sc.x0, Y: top, H: bottom - top, Stroke: 0.8})
}

// chartBar draws one indicator's label and bar and returns its value
// text, to be drawn over the 100% line on a white ground; an indicator
// without a number gets its status in grey in place of a bar.
func (d *reportDoc) chartBar(r *report.Row, i int, sc chartScale, labelW, top float64) []Box {
	id := "grafik.r" + strconv.Itoa(i)
	base := top + chartRow/2 + 0.3*chartSize
	label := d.fitLabel(ChartLabel(r), labelW)
	d.Add(d.TextBox(label, d.Width(d.Font(false), chartSize, label), d.Left, base, chartSize, false, id+".label"))
	v := r.CapaianTW
	text := v.Text()
	w := d.Width(d.Font(v.OK()), chartSize, text)
	if !v.OK() {
		b := d.TextBox(text, w, sc.x0+chartGap, base, chartSize, false, id+".nilai")
		b.Fill = 0.3
		return []Box{b}
	}
	col := ChartColors[d.categoryIndex(r.KategoriTW)%len(ChartColors)]
	bw := sc.x(min(v.Capped, sc.max)) - sc.x0
	d.Add(Box{Kind: Rect, X: sc.x0, Y: top + (chartRow-chartBar)/2, W: bw, H: chartBar, Stroke: 0.3, Fill: col.Grey, Color: col.Hex})
	x := sc.x0 + bw + chartGap
	return []Box{{Kind: Rect, X: x - 1, Y: top + (chartRow-chartBar)/2, W: w + 2, H: chartBar, Fill: 1},
		d.TextBox(text, w, x, base, chartSize, true, id+".nilai")}
}

// ChartLabel returns the chart label of an indicator before shortening:
// its kode (or NO) and its text.
func ChartLabel(r *report.Row) string {
	return ReportRowTexts(r)[0] + " " + strings.Join(strings.Fields(r.Indikator), " ")
}

// fitLabel shortens s with an ellipsis to fit width.
func (d *reportDoc) fitLabel(s string, width float64) string {
	reg := d.Font(false)
	if d.Width(reg, chartSize, s) <= width+eps {
		return s
	}
	n := engine.FitPrefix(s, func(p string) float64 { return d.Width(reg, chartSize, p+"…") }, width)
	return strings.TrimSpace(s[:n]) + "…"
}

// categoryIndex returns the index of category name k in the scale (0 when
// not found).
func (d *reportDoc) categoryIndex(k string) int {
	for i, b := range d.a.Kategori {
		if b.Nama == k {
			return i
		}
	}
	return 0
}
