package layout

import (
	"bytes"
	"kinerja/internal/golden"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/layout/engine"
	"kinerja/report"
)

// smallAgreement is a short agreement with two groups, a sasaran with two
// indicators, a predicate, a negative and a yearly-only indicator.
const smallAgreement = `
tahun = 2021
tempat = "Jakarta"
kertas = "A4"
footer = "Dokumen ini dicetak dari kinerja."

[kop]
baris = ["PEMERINTAH PROVINSI CONTOH"]

[pihak_pertama]
nama = "BUDI SANTOSO"
nip = "196910131997031004"
jabatan = "Kepala Badan Contoh"
unit_kerja = "Badan Contoh Provinsi DKI Jakarta"

[pihak_kedua]
nama = "GUBERNUR CONTOH"
jabatan = "Gubernur"

[[kelompok]]
nama = "SASARAN STRATEGIS"

[[kelompok.sasaran]]
uraian = "Meningkatnya kualitas layanan"

[[kelompok.sasaran.indikator]]
kode = "A1"
indikator = "Indeks kepuasan layanan"
pengukuran = "Survei"
triwulan = ["4", "4", "4", "4"]
tahunan = "4"
keterangan = "Nilai"
akumulasi = "rata_rata"

[[kelompok.sasaran.indikator]]
kode = "A2"
indikator = "Persentase paket pengadaan yang selesai tepat waktu"
pengukuran = "Paket selesai / paket x 100%"
triwulan = ["20%", "50%", "75%", "100%"]
tahunan = "100%"
keterangan = "Persentase"
akumulasi = "posisi_akhir"

[[kelompok]]
nama = "SASARAN KHUSUS"

[[kelompok.sasaran]]
uraian = "Menurunnya sanggahan"

[[kelompok.sasaran.indikator]]
kode = "B1"
indikator = "Jumlah sanggahan yang terbukti"
pengukuran = "Jumlah"
triwulan = ["0", "2", "2", "4"]
tahunan = "4"
keterangan = "Jumlah"
polaritas = "negatif"
akumulasi = "kumulatif"

[[kelompok.sasaran.indikator]]
kode = "B2"
indikator = "Persentase kualitas pelaksanaan anggaran"
pengukuran = "Nilai"
triwulan = ["N/A", "N/A", "N/A", "90%"]
tahunan = "90%"
keterangan = "Persentase"
akumulasi = "tahunan"
`

// smallRealisasi reports quarters I and II of smallAgreement.
const smallRealisasi = `
tahun = 2021

[[realisasi]]
kode = "A1"
triwulan = 1
nilai = "4"

[[realisasi]]
kode = "A1"
triwulan = 2
nilai = "3"
kendala = "Waktu tunggu klarifikasi meningkat."
tindak_lanjut = "Menambah petugas layanan."

[[realisasi]]
kode = "A2"
triwulan = 2
nilai = "45,75%"
pagu = 1_000_000_000
realisasi_anggaran = 415_500_000

[[realisasi]]
kode = "B1"
triwulan = 2
nilai = "3"
`

// smallReport computes quarter II of smallAgreement.
func smallReport(t testing.TB) *report.Report {
	t.Helper()
	a, err := data.Decode(strings.NewReader(smallAgreement), "small.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Decode(strings.NewReader(smallRealisasi), "small-realisasi.toml", a)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := report.Compute(a, r, 2)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// sampleReport computes quarter tw of the sample agreement and realisasi.
func sampleReport(t testing.TB, tw int) *report.Report {
	t.Helper()
	a, err := data.DecodeFile("../data/pk-2021-bppbj.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.DecodeFile("../data/realisasi-2021-bppbj.toml", a)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := report.Compute(a, r, tw)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// reportOK lays out rep with the fake measurer.
func reportOK(t *testing.T, rep *report.Report) *Document {
	t.Helper()
	d, err := Report(rep, &fakeMeasurer{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// texts joins the Text boxes of each Cell in document order.
func texts(d *Document) map[string]string {
	got := map[string]string{}
	for _, p := range d.Pages {
		for _, b := range p.Boxes {
			if b.Kind == Text {
				got[b.Cell] += b.Text
			}
		}
	}
	return got
}

// TestReportTexts checks that every indicator's texts, computed from the
// report (not hard-coded), appear whole exactly once in the table, and
// that summaries and the budget table are there.
func TestReportTexts(t *testing.T) {
	for _, rep := range []*report.Report{smallReport(t), sampleReport(t, 2), sampleReport(t, 1)} {
		d := reportOK(t, rep)
		got := texts(d)
		for i := range rep.Rows {
			r := &rep.Rows[i]
			id := "r" + strconv.Itoa(i) + "."
			for j, want := range ReportRowTexts(r) {
				if k := id + reportCellNames[j]; squash(got[k]) != squash(want) {
					t.Errorf("%s: got %q, want %q", k, got[k], want)
				}
			}
			if r.CapaianTW.OK() && !strings.Contains(got[id+"capaian_tw"], report.FormatPercent(r.CapaianTW.Capped)) {
				t.Errorf("%s: capaian %q lacks %s", r.Kode, got[id+"capaian_tw"], report.FormatPercent(r.CapaianTW.Capped))
			}
			if !r.CapaianTW.OK() && strings.Contains(got[id+"capaian_tw"], "0%") {
				t.Errorf("%s: status %s printed as a number %q", r.Kode, r.CapaianTW.Status, got[id+"capaian_tw"])
			}
			want := r.CapaianTW.Text()
			if !r.CapaianTW.OK() && r.CapaianSD.OK() { // the year to date where the quarter has none
				want = "s.d. " + r.CapaianSD.Text()
			}
			if want != ChartValueText(r) {
				t.Errorf("%s: ChartValueText %q, want %q", r.Kode, ChartValueText(r), want)
			}
			if v := got["grafik.r"+strconv.Itoa(i)+".nilai"]; squash(v) != squash(want) {
				t.Errorf("%s: chart value %q, want %q", r.Kode, v, want)
			}
		}
		if got["laporan.judul"] != ReportTitle(rep) || !strings.Contains(got["laporan.judul"], "TRIWULAN "+roman[rep.Triwulan-1]+" ") {
			t.Errorf("title %q", got["laporan.judul"])
		}
		for i, s := range summaryTexts(rep.Overall) {
			if k := "ringkasan.total.c" + strconv.Itoa(i+1); got[k] != s {
				t.Errorf("%s = %q, want %q", k, got[k], s)
			}
		}
		if hasBudget(rep) != (got["anggaran.jumlah.pagu"] != "") {
			t.Errorf("budget table present=%v, want %v", got["anggaran.jumlah.pagu"] != "", hasBudget(rep))
		}
	}
}

// TestReportSmallValues pins a few computed texts of the small report to
// the rules (R/T, negative polarity, N/A target).
func TestReportSmallValues(t *testing.T) {
	got := texts(reportOK(t, smallReport(t)))
	for k, want := range map[string]string{
		"r0.capaian_tw": "75%", "r1.capaian_tw": "91,5%", "r2.capaian_tw": "50%", "r3.capaian_tw": "N/A",
		"r3.capaian_tahunan": "belumdirilis", "anggaran.r1.serapan": "41,55%", "anggaran.jumlah.pagu": "Rp1.000.000.000",
	} {
		if squash(got[k]) != want {
			t.Errorf("%s = %q, want %q", k, got[k], want)
		}
	}
}

// reportTableCell matches the Cell of report table rows (group rows too).
var reportTableCell = regexp.MustCompile(`^(r\d+|g\d+)\.`)

// TestReportInvariants checks bounds, one header per page with rows,
// group rows followed by content, landscape pages and the SigRect.
func TestReportInvariants(t *testing.T) {
	for _, rep := range []*report.Report{smallReport(t), sampleReport(t, 2), stressReport(t, 60)} {
		d := reportOK(t, rep)
		checkReportBounds(t, d)
		checkReportHeaders(t, d, rep)
		for i, p := range d.Pages {
			if !p.Landscape || p.Width <= p.Height {
				t.Errorf("page %d not landscape: %.0fx%.0f", i+1, p.Width, p.Height)
			}
			if !strings.Contains(squash(pageText(p)), "Halaman"+strconv.Itoa(i+1)+"dari"+strconv.Itoa(len(d.Pages))) {
				t.Errorf("page %d: no page number", i+1)
			}
			if f := rep.Agreement.Footer; f != "" && !strings.Contains(squash(pageText(p)), squash(f)) {
				t.Errorf("page %d: no footer %q", i+1, f)
			}
		}
		checkReportSig(t, d)
	}
}

// checkReportBounds asserts that nothing leaves the margins or reaches
// into the footer, and that table text stays inside its cell.
func checkReportBounds(t *testing.T, d *Document) {
	t.Helper()
	for pi, p := range d.Pages {
		limit := p.Height - marginBottom
		for _, b := range p.Boxes {
			if b.Cell == "footer" || b.Cell == "halaman" {
				top, _ := extent(b)
				limit = min(limit, top-footGap)
			}
		}
		for _, b := range p.Boxes {
			top, bottom := extent(b)
			if b.X < marginSide-eps || b.X+b.W > p.Width-marginSide+1e-3 || top < marginTop-eps {
				t.Errorf("p%d: box outside the margins: %+v", pi+1, b)
			}
			if b.Cell != "footer" && b.Cell != "halaman" && bottom > limit+1e-3 {
				t.Errorf("p%d: body box below %.2f: %+v", pi+1, limit, b)
			}
			if b.Kind == Text && (reportTableCell.MatchString(b.Cell) || b.Cell == engine.CellCue) && !insideRect(p.Boxes, b) {
				t.Errorf("p%d: table text outside its cell: %q", pi+1, b.Text)
			}
			if b.Kind == Image {
				t.Errorf("p%d: image box in a report: %+v", pi+1, b)
			}
		}
	}
}

// checkReportHeaders asserts that each page with indicator rows has the
// header exactly once, above them.
func checkReportHeaders(t *testing.T, d *Document, rep *report.Report) {
	t.Helper()
	want := "Triwulan " + roman[rep.Triwulan-1]
	for pi, p := range d.Pages {
		rows, heads := 0, 0
		headY, rowY := 1e9, 1e9
		for _, b := range p.Boxes {
			switch {
			case b.Cell == "head" && b.Text == want:
				heads++
				headY = min(headY, b.Y)
			case reportTableCell.MatchString(b.Cell):
				rows++
				rowY = min(rowY, b.Y)
			}
		}
		if rows > 0 && heads != 1 || rows == 0 && heads != 0 {
			t.Errorf("p%d: %d row texts with %d headers", pi+1, rows, heads)
		}
		if rows > 0 && headY > rowY {
			t.Errorf("p%d: header under the first row", pi+1)
		}
	}
}

// checkReportSig asserts one SigRect for pertama, on the last page, clear
// of text, with the block's texts on its page.
func checkReportSig(t *testing.T, d *Document) {
	t.Helper()
	if len(d.SigRects) != 1 || d.SigRects[0].Party != "pertama" {
		t.Fatalf("SigRects %+v, want one for pertama", d.SigRects)
	}
	s := d.SigRects[0]
	if s.Page != len(d.Pages) || s.W < 100 || s.H < 70 {
		t.Errorf("SigRect %+v: want on the last page %d and at least 100x70", s, len(d.Pages))
	}
	other := 0
	for _, b := range d.Pages[s.Page-1].Boxes {
		if b.Kind == Text && !strings.HasPrefix(b.Cell, "laporan.") && b.Cell != "footer" && b.Cell != "halaman" {
			other++
		}
	}
	if other == 0 {
		t.Errorf("signature block alone on page %d", s.Page)
	}
	for pi, p := range d.Pages {
		for _, b := range p.Boxes {
			if strings.HasPrefix(b.Cell, "laporan.pertama") || b.Cell == "laporan.tanggal" {
				if pi+1 != s.Page {
					t.Errorf("signature text %s on page %d, SigRect on %d", b.Cell, pi+1, s.Page)
				}
				if b.Cell == "laporan.pertama.nama" && (!b.Underline || !b.Font.Bold) {
					t.Errorf("name %q not bold underlined", b.Text)
				}
			}
			top, bottom := extent(b)
			if pi+1 == s.Page && b.Kind == Text && b.X < s.X+s.W && s.X < b.X+b.W && top < s.Y+s.H && s.Y < bottom {
				t.Errorf("text %q overlaps the SigRect", b.Text)
			}
		}
	}
}

// chartBars returns the bars of the chart: Rects with a Color below the
// legend, by page.
func chartBars(d *Document) (bars []Box, values []Box) {
	for _, p := range d.Pages {
		for _, b := range p.Boxes {
			if b.Kind == Rect && b.Color != "" && b.H == chartBar {
				bars = append(bars, b)
			}
			if b.Kind == Text && strings.HasPrefix(b.Cell, "grafik.r") && strings.HasSuffix(b.Cell, ".nilai") {
				values = append(values, b)
			}
		}
	}
	return bars, values
}

// TestChartBars checks that there is one bar per evaluable indicator with
// a width proportional to its capaian, a value at its end, no bar for the
// others, a colour per category with distinct luminance, and no images.
func TestChartBars(t *testing.T) {
	rep := sampleReport(t, 2)
	d := reportOK(t, rep)
	bars, values := chartBars(d)
	var ok []report.Row
	for _, r := range rep.Rows {
		if v, _ := chartValue(&r); v.OK() {
			r.CapaianTW, r.KategoriTW = v, report.Kategori(rep.Agreement.Kategori, v) // what the bar shows
			ok = append(ok, r)
		}
	}
	if len(bars) != len(ok) || len(values) != len(rep.Rows) {
		t.Fatalf("%d bars and %d values for %d evaluable of %d indicators", len(bars), len(values), len(ok), len(rep.Rows))
	}
	var perPct float64
	for i, b := range bars {
		v := ok[i].CapaianTW.Capped
		if v > 0 && perPct == 0 {
			perPct = b.W / v
		}
		if math.Abs(b.W-v*perPct) > 1e-6 {
			t.Errorf("%s: bar width %.3f for %.2f%%, want %.3f", ok[i].Kode, b.W, v, v*perPct)
		}
		if want := ChartColors[categoryOf(rep, ok[i].KategoriTW)].Hex; b.Color != want {
			t.Errorf("%s (%s): colour %s, want %s", ok[i].Kode, ok[i].KategoriTW, b.Color, want)
		}
	}
	for i := range ChartColors {
		for j := range i {
			if math.Abs(ChartColors[i].Grey-ChartColors[j].Grey) < 0.1 {
				t.Errorf("colours %d and %d have luminance %.2f and %.2f", i, j, ChartColors[i].Grey, ChartColors[j].Grey)
			}
		}
	}
}

// categoryOf returns the index of category k in rep's scale.
func categoryOf(rep *report.Report, k string) int {
	for i, b := range rep.Agreement.Kategori {
		if b.Nama == k {
			return i
		}
	}
	return -1
}

// TestChartPaginates checks that 60 bars spread over several chart pages,
// each with its own scale and 100% line, every bar exactly once.
func TestChartPaginates(t *testing.T) {
	rep := stressReport(t, 60)
	d := reportOK(t, rep)
	got := texts(d)
	for i := range rep.Rows {
		if got["grafik.r"+strconv.Itoa(i)+".label"] == "" {
			t.Errorf("indicator %d has no chart label", i)
		}
	}
	pages := 0
	for _, p := range d.Pages {
		if strings.Contains(pageText(p), "GRAFIK") {
			pages++
			lines := 0
			for _, b := range p.Boxes {
				if b.Kind == Line && b.Stroke == 1.5 {
					lines++
				}
			}
			if lines != 1 {
				t.Errorf("chart page with %d 100%% lines", lines)
			}
		}
	}
	if pages < 2 {
		t.Errorf("60 bars on %d chart pages", pages)
	}
}

// TestNewScale checks the scale's maximum and steps.
func TestNewScale(t *testing.T) {
	for _, tc := range []struct{ top, max, step float64 }{
		{0, 120, 20}, {91.5, 120, 20}, {120, 120, 20}, {135, 140, 20}, {200, 200, 20}, {215, 225, 25}, {480, 500, 50}, {3000, 3000, 500},
		{1e21, 1e6, 1e5}, {math.Inf(1), 1e6, 1e5}, {math.NaN(), 1e6, 1e5},
	} {
		s := newScale(0, 100, tc.top)
		if s.max != tc.max || s.step != tc.step || s.max/s.step > 10 {
			t.Errorf("newScale(%g) = max %g step %g, want %g %g", tc.top, s.max, s.step, tc.max, tc.step)
		}
	}
}

// TestReportErrors checks bad arguments.
func TestReportErrors(t *testing.T) {
	if _, err := Report(nil, &fakeMeasurer{}); err == nil {
		t.Error("nil report accepted")
	}
	rep := smallReport(t)
	rep.Triwulan = 5
	if _, err := Report(rep, &fakeMeasurer{}); err == nil {
		t.Error("triwulan 5 accepted")
	}
}

// TestReportGolden compares the Dump of the small report with
// testdata/report-small.golden.
func TestReportGolden(t *testing.T) {
	var b bytes.Buffer
	if err := Dump(&b, reportOK(t, smallReport(t))); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "report-small.golden"), b.Bytes())
}

// stressReport computes quarter II of an agreement with n indicators in
// sasaran of three, with long texts and every kind of status.
func stressReport(t testing.TB, n int) *report.Report {
	t.Helper()
	a, r := stressSources(n)
	ag, err := data.Decode(strings.NewReader(a), "stress.toml")
	if err != nil {
		t.Fatal(err)
	}
	re, err := report.Decode(strings.NewReader(r), "stress-realisasi.toml", ag)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := report.Compute(ag, re, 2)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// stressSources returns an agreement with n indicators (sasaran of three,
// long texts, percent, number, negative and yearly-only indicators) and a
// realisasi for quarters I and II with budgets, kendala and gaps.
func stressSources(n int) (agreement, realisasi string) {
	var a, r strings.Builder
	a.WriteString("tahun = 2021\ntempat = \"Jakarta\"\nkertas = \"A4\"\nfooter = \"Laporan uji.\"\n[kop]\nbaris = [\"UJI\"]\n" +
		"[pihak_pertama]\nnama = \"PEJABAT UJI\"\nnip = \"196910131997031004\"\njabatan = \"Kepala Badan Uji\"\n" +
		"unit_kerja = \"Badan Uji\"\n[pihak_kedua]\nnama = \"ATASAN UJI\"\njabatan = \"Gubernur\"\n")
	r.WriteString("tahun = 2021\n")
	long := strings.Repeat("uraian panjang yang membuat baris tabel ini tinggi ", 3)
	for i := range n {
		if i%30 == 0 {
			a.WriteString("[[kelompok]]\nnama = \"KELOMPOK " + strconv.Itoa(i/30+1) + "\"\n")
		}
		if i%3 == 0 {
			a.WriteString("[[kelompok.sasaran]]\nuraian = \"Sasaran " + strconv.Itoa(i/3+1) + " " + long + "\"\n")
		}
		kode := "K" + strconv.Itoa(i+1)
		a.WriteString("[[kelompok.sasaran.indikator]]\nkode = \"" + kode + "\"\nindikator = \"Indikator " + kode + " " + long[:40+i%60] + "\"\npengukuran = \"Uji\"\n")
		switch i % 4 {
		case 0:
			a.WriteString("triwulan = [\"25%\", \"50%\", \"75%\", \"100%\"]\ntahunan = \"100%\"\nketerangan = \"Persentase\"\nakumulasi = \"posisi_akhir\"\n")
			r.WriteString("[[realisasi]]\nkode = \"" + kode + "\"\ntriwulan = 2\nnilai = \"" + strconv.Itoa(20+i%50) + "%\"\npagu = " +
				strconv.Itoa(1000000*(i+1)) + "\nrealisasi_anggaran = " + strconv.Itoa(400000*(i+1)) + "\n")
		case 1:
			a.WriteString("triwulan = [\"4\", \"4\", \"4\", \"4\"]\ntahunan = \"4\"\nketerangan = \"Nilai\"\nakumulasi = \"rata_rata\"\n")
			r.WriteString("[[realisasi]]\nkode = \"" + kode + "\"\ntriwulan = 1\nnilai = \"4\"\n[[realisasi]]\nkode = \"" + kode +
				"\"\ntriwulan = 2\nnilai = \"" + strconv.Itoa(2+i%3) + "\"\nkendala = \"" + long + "\"\ntindak_lanjut = \"" + long + "\"\n")
		case 2:
			a.WriteString("triwulan = [\"0\", \"2\", \"2\", \"4\"]\ntahunan = \"4\"\nketerangan = \"Jumlah\"\npolaritas = \"negatif\"\nakumulasi = \"kumulatif\"\n")
			r.WriteString("[[realisasi]]\nkode = \"" + kode + "\"\ntriwulan = 2\nnilai = \"" + strconv.Itoa(i%4) + "\"\n")
		default:
			a.WriteString("triwulan = [\"N/A\", \"N/A\", \"N/A\", \"90%\"]\ntahunan = \"90%\"\nketerangan = \"Persentase\"\nakumulasi = \"tahunan\"\n")
		}
	}
	return a.String(), r.String()
}
