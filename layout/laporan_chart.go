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
	chartSize   = 8.0   // labels, ticks, values and legend
	chartRow    = 16.0  // distance between bars
	chartBar    = 9.0   // bar height
	chartMin    = 120.0 // the scale reaches at least 120%
	chartGap    = 4.0   // space between a bar and its value
	chartValue0 = 42.0  // room kept right of the scale for the value text
	chartLead   = 9.0   // line distance of a wrapped label
	legendBox   = 8.0   // legend swatch size
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
// the quarter's capaian (the year to date where the quarter has none)
// against a 100% line, coloured by category, each label wrapped whole
// (kode and name) beside its bar. The chart continues the current page
// when at least chartStartShare of the page is still free, so that a
// short summary does not leave most of a page empty. The last page keeps
// room for reserve points under the bars (the signature block): when that
// room is missing, its last bars move to a new page so that the signature
// never stands alone on a page.
func (d *reportDoc) chart(rep *report.Report, reserve float64) error {
	top := 0.0
	for i := range rep.Rows {
		if v, _ := chartValue(&rep.Rows[i]); v.OK() {
			top = max(top, v.Capped)
		}
	}
	labelW := min(0.3*(d.Right-d.Left), 210)
	x0 := d.Left + labelW + 2*chartGap
	sc := newScale(x0, d.Right-chartValue0-x0, top)
	labels := make([][]engine.TextLine, len(rep.Rows))
	for i := range rep.Rows {
		labels[i] = d.Wrap(ChartLabel(&rep.Rows[i]), chartStyle, labelW)
	}
	fresh := d.Bottom-d.Y < chartStartShare*(d.Bottom-d.Top)
	for i := 0; i < len(rep.Rows); {
		n, err := d.chartPage(rep, sc, labels, i, reserve, fresh)
		if err != nil {
			return err
		}
		i, fresh = i+n, true
	}
	return nil
}

// chartStartShare is the share of a page that must be free for the chart
// to start on it rather than on a new page.
const chartStartShare = 0.4

// chartMinShare is the fewest bars the chart starts with under other
// content when it does not all fit there.
const chartMinShare = 6

// chartStyle is the style of the chart's labels.
var chartStyle = engine.Style{Size: chartSize, Lead: chartLead}

// chartRowHeight is the height of a bar's row with a label of n lines.
func chartRowHeight(n int) float64 { return max(chartRow, float64(n)*chartLead+chartRow-chartLead) }

// chartRows returns how many bars from first go on a page whose plot
// starts at top: as many as fit, minus up to three that move on with the
// reserve when the page would end the chart without room for it; and the
// plot's height.
func (d *reportDoc) chartRows(labels [][]engine.TextLine, first int, top, reserve float64) (int, float64) {
	n, h := 0, 0.0
	for first+n < len(labels) && top+h+chartRowHeight(len(labels[first+n])) <= d.Bottom+eps {
		h += chartRowHeight(len(labels[first+n]))
		n++
	}
	if first+n < len(labels) || top+h+reserve <= d.Bottom+eps || n < 2 {
		return n, h
	}
	for k := min(3, n-1); k > 0; k-- {
		n--
		h -= chartRowHeight(len(labels[first+n]))
	}
	return n, h
}

// chartPage sets the chart's title, legend and ticks (on a new page when
// fresh, else under what stands on the page) and draws bars from row first
// on; it returns how many it drew.
func (d *reportDoc) chartPage(rep *report.Report, sc chartScale, labels [][]engine.TextLine, first int, reserve float64, fresh bool) (int, error) {
	mark := len(d.Page().Boxes)
	if fresh {
		d.NewPage(true)
	} else {
		d.Gap(gapSection)
	}
	if err := d.chartHead(rep); err != nil {
		return 0, err
	}
	top := d.Y + chartSize + chartGap // tick labels above the plot
	n, h := d.chartRows(labels, first, top, reserve)
	if !fresh && n < len(labels)-first && n < chartMinShare { // too few bars would stand here: start over on a new page
		p := d.Page()
		p.Boxes = p.Boxes[:mark]
		return d.chartPage(rep, sc, labels, first, reserve, true)
	}
	if n == 0 {
		return 0, ErrNoSpace
	}
	d.chartGrid(sc, d.Y, top, top+h)
	var values []Box
	y := top
	for i := range n {
		values = append(values, d.chartBar(&rep.Rows[first+i], first+i, sc, labels[first+i], y)...)
		y += chartRowHeight(len(labels[first+i]))
	}
	d.Add(Box{Kind: Line, X: sc.x(100), Y: top, H: h, Stroke: 1.5})
	d.Add(values...)
	d.Y = top + h
	return n, nil
}

// ChartValueText returns the value printed beside an indicator's bar: the
// quarter's capaian, or "s.d. " and the year to date when the quarter has
// none, or the quarter's status.
func ChartValueText(r *report.Row) string {
	v, sd := chartValue(r)
	if sd {
		return "s.d. " + v.Text()
	}
	return v.Text()
}

// chartValue returns the value a bar shows: the quarter's capaian, or the
// year to date when the quarter has none; sd tells which.
func chartValue(r *report.Row) (v report.Value, sd bool) {
	if !r.CapaianTW.OK() && r.CapaianSD.OK() {
		return r.CapaianSD, true
	}
	return r.CapaianTW, false
}

// ChartTitle returns the chart's title and its explanation line.
func ChartTitle(rep *report.Report) (title, note string) {
	q, y := roman[rep.Triwulan-1], strconv.Itoa(rep.Agreement.Tahun)
	return "GRAFIK CAPAIAN KINERJA TRIWULAN " + q + " TAHUN " + y,
		"Capaian triwulan " + q + " (realisasi triwulan " + q + " terhadap target triwulan " + q +
			"; \"s.d.\" = capaian s.d. triwulan " + q + " bila triwulan " + q + " tanpa capaian); garis tegak tebal = 100%; warna = kategori"
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

// chartBar draws one indicator's wrapped label and its bar, beside the
// label's first line, in a row of the label's height and returns its value text, to be drawn over the 100%
// line on a white ground; an indicator without a number gets its status
// in grey in place of a bar.
func (d *reportDoc) chartBar(r *report.Row, i int, sc chartScale, label []engine.TextLine, top float64) []Box {
	id := "grafik.r" + strconv.Itoa(i)
	y := d.Y
	d.Y = top + (chartRow-chartLead)/2
	d.Paragraph(label, d.Left, sc.x0-2*chartGap-d.Left, chartStyle, engine.AlignLeft, id+".label")
	d.Y = y
	base := top + chartRow/2 + 0.3*chartSize // the bar stands beside the label's first line
	v, _ := chartValue(r)
	text := ChartValueText(r)
	w := d.Width(d.Font(v.OK()), chartSize, text)
	if !v.OK() {
		b := d.TextBox(text, w, sc.x0+chartGap, base, chartSize, false, id+".nilai")
		b.Fill = 0.3
		return []Box{b}
	}
	col := ChartColors[d.categoryIndex(report.Kategori(d.a.Kategori, v))%len(ChartColors)]
	bw := sc.x(max(min(v.Capped, sc.max), 0)) - sc.x0
	barY := top + (chartRow-chartBar)/2
	d.Add(Box{Kind: Rect, X: sc.x0, Y: barY, W: bw, H: chartBar, Stroke: 0.3, Fill: col.Grey, Color: col.Hex})
	x := sc.x0 + bw + chartGap
	return []Box{{Kind: Rect, X: x - 1, Y: barY, W: w + 2, H: chartBar, Fill: 1},
		d.TextBox(text, w, x, base, chartSize, true, id+".nilai")}
}

// ChartLabel returns the chart label of an indicator, wrapped whole beside
// its bar: its kode (or NO) and its text.
func ChartLabel(r *report.Row) string {
	return ReportRowTexts(r)[0] + " " + strings.Join(strings.Fields(r.Indikator), " ")
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
