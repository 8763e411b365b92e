package render

import (
	"bytes"
	"kinerja/internal/testsample"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/layout"
	"kinerja/report"
)

// renderReport renders rep to a temporary file and returns bytes and path.
func renderReport(t *testing.T, rep *report.Report) ([]byte, string) {
	t.Helper()
	var b bytes.Buffer
	if err := Report(&b, rep); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), writeTemp(t, "laporan.pdf", b.Bytes())
}

// TestReportSample checks the sample report with outside tools: qpdf and
// pdffonts clean, every page landscape, and on the chart page every
// indicator's line carries its kode and the capaian computed by report.
func TestReportSample(t *testing.T) {
	rep := testsample.Report(t, 2)
	pdf, path := renderReport(t, rep)
	checkPDFTools(t, path)
	doc, err := layout.Report(rep, Measurer{})
	if err != nil {
		t.Fatal(err)
	}
	checkLandscape(t, path, len(doc.Pages))
	words := pdfWords(t, path)
	for _, r := range rep.Rows {
		if w := missingInOrder(strings.Fields(r.Kode+" "+r.Indikator), words); w != "" {
			t.Errorf("indicator %s %q: word %q not in the text", r.Kode, r.Indikator, w)
		}
	}
	if w := missingInOrder(strings.Fields(layout.ReportTitle(rep)), words); w != "" {
		t.Errorf("title %q: %q missing", layout.ReportTitle(rep), w)
	}
	chart := chartPage(t, doc)
	checkChartText(t, rep, runTool(t, "pdftotext", "-layout", "-f", strconv.Itoa(chart), path, "-"))
	checkVector(t, path, chart)
	checkReportInfo(t, pdf, doc)
}

// chartPage returns the 1-based page of the chart's first page.
func chartPage(t *testing.T, doc *layout.Document) int {
	t.Helper()
	for i, p := range doc.Pages {
		for _, b := range p.Boxes {
			if b.Cell == "grafik.judul" {
				return i + 1
			}
		}
	}
	t.Fatal("no chart page")
	return 0
}

// checkLandscape asserts with pdfinfo that pages 1..n are landscape.
func checkLandscape(t *testing.T, path string, n int) {
	t.Helper()
	out := runTool(t, "pdfinfo", "-f", "1", "-l", strconv.Itoa(n), path)
	sizes := regexp.MustCompile(`Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(out, -1)
	if len(sizes) != n {
		t.Fatalf("pdfinfo lists %d page sizes, want %d:\n%s", len(sizes), n, out)
	}
	for _, m := range sizes {
		w, _ := strconv.ParseFloat(m[2], 64)
		h, _ := strconv.ParseFloat(m[3], 64)
		if w <= h {
			t.Errorf("page %s is %gx%g, not landscape", m[1], w, h)
		}
	}
}

// checkChartText asserts that each indicator on the chart pages has a line
// with its kode and its printed capaian of the quarter (or status).
func checkChartText(t *testing.T, rep *report.Report, page string) {
	t.Helper()
	lines := strings.Split(page, "\n")
	for _, r := range rep.Rows {
		want := layout.ChartValueText(&r)
		if r.CapaianTW.OK() && want != report.FormatPercent(r.CapaianTW.Capped) {
			t.Fatalf("%s: Text %q is not FormatPercent", r.Kode, want)
		}
		found := false
		for _, l := range lines {
			f := strings.Fields(l)
			found = found || len(f) > 0 && f[0] == r.Kode && strings.Contains(l, want)
		}
		if !found {
			t.Errorf("chart: no line with %s and %q", r.Kode, want)
		}
	}
}

// checkVector asserts that the chart page draws filled rectangles in
// colour, and that the PDF has no image at all.
func checkVector(t *testing.T, path string, page int) {
	t.Helper()
	if out := runTool(t, "pdfimages", "-list", path); len(strings.Split(strings.TrimSpace(out), "\n")) != 2 {
		t.Errorf("pdfimages lists images:\n%s", out)
	}
	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	runTool(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	start := strings.Index(s, "%% Contents for page "+strconv.Itoa(page)+"\n")
	if start < 0 {
		t.Fatalf("qdf has no contents of page %d", page)
	}
	content := s[start:]
	if end := strings.Index(content, "endstream"); end > 0 {
		content = content[:end]
	}
	if strings.Contains(s, "/Subtype /Image") || strings.Contains(content, " Do") {
		t.Error("the PDF contains an image XObject")
	}
	for _, op := range []string{" re f\n", " re B\n", " rg\n", " l S\n"} {
		if !strings.Contains(content, op) {
			t.Errorf("chart page %d: no %q operator", page, strings.TrimSpace(op))
		}
	}
	for _, c := range layout.ChartColors {
		if !strings.Contains(content, rgbOperator(c.Hex)) {
			t.Errorf("chart page: colour %s (%s) not used", c.Hex, rgbOperator(c.Hex))
		}
	}
}

// rgbOperator returns the fill colour operator fpdf writes for "#rrggbb".
func rgbOperator(hex string) string {
	var parts []string
	for i := 1; i < 7; i += 2 {
		n, _ := strconv.ParseUint(hex[i:i+2], 16, 8)
		parts = append(parts, strconv.FormatFloat(float64(n)/255, 'f', 3, 64))
	}
	return strings.Join(parts, " ") + " rg"
}

// checkReportInfo asserts the XMP Info: a "laporan" with one signer,
// pertama, placed on the page and rectangle of the layout's SigRect.
func checkReportInfo(t *testing.T, pdf []byte, doc *layout.Document) {
	t.Helper()
	info, err := readInfo(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if info.Kind != docinfo.Report || len(info.Signers) != 1 || info.Signers[0].Party != docinfo.Pertama {
		t.Fatalf("info %+v", info)
	}
	s, r := info.Signers[0], doc.SigRects[0]
	h := doc.Pages[r.Page-1].Height
	want := [4]float64{round2(r.X), round2(h - r.Y - r.H), round2(r.X + r.W), round2(h - r.Y)}
	if s.Page != len(doc.Pages) || s.Page != r.Page || s.Rect != want {
		t.Errorf("signer page %d rect %v, want page %d (last %d) rect %v", s.Page, s.Rect, r.Page, len(doc.Pages), want)
	}
}

// TestReportDeterministic renders the same report twice.
func TestReportDeterministic(t *testing.T) {
	rep := testsample.Report(t, 1)
	var a, b bytes.Buffer
	if err := Report(&a, rep); err != nil {
		t.Fatal(err)
	}
	if err := Report(&b, rep); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renderings differ")
	}
}

// TestReportNil checks that a nil report is an error and writes nothing.
func TestReportNil(t *testing.T) {
	var b bytes.Buffer
	if err := Report(&b, nil); err == nil || b.Len() != 0 {
		t.Errorf("nil report: err %v, %d bytes written", err, b.Len())
	}
}

// benchSources returns an agreement with n percent indicators in sasaran
// of three and a realisasi for quarters I and II.
func benchSources(n int) (agreement, realisasi string) {
	var a, r strings.Builder
	a.WriteString("tahun = 2021\ntempat = \"Jakarta\"\nkertas = \"F4\"\n[kop]\nbaris = [\"UJI\"]\n" +
		"[pihak_pertama]\nnama = \"PEJABAT UJI\"\nnip = \"196910131997031004\"\njabatan = \"Kepala Badan Uji\"\n" +
		"unit_kerja = \"Badan Uji\"\n[pihak_kedua]\nnama = \"ATASAN UJI\"\njabatan = \"Gubernur\"\n")
	r.WriteString("tahun = 2021\n")
	for i := range n {
		if i%21 == 0 {
			a.WriteString("[[kelompok]]\nnama = \"KELOMPOK " + strconv.Itoa(i/21+1) + "\"\n")
		}
		if i%3 == 0 {
			a.WriteString("[[kelompok.sasaran]]\nuraian = \"Meningkatnya kualitas layanan pengadaan nomor " + strconv.Itoa(i/3+1) + "\"\n")
		}
		k := "K" + strconv.Itoa(i+1)
		a.WriteString("[[kelompok.sasaran.indikator]]\nkode = \"" + k + "\"\nindikator = \"Persentase penyelesaian rencana aksi nomor " +
			k + "\"\npengukuran = \"Langkah selesai dibagi langkah direncanakan\"\n" +
			"triwulan = [\"25%\", \"50%\", \"75%\", \"100%\"]\ntahunan = \"100%\"\nketerangan = \"Persentase\"\nakumulasi = \"posisi_akhir\"\n")
		for q := 1; q <= 2; q++ {
			r.WriteString("[[realisasi]]\nkode = \"" + k + "\"\ntriwulan = " + strconv.Itoa(q) + "\nnilai = \"" +
				strconv.Itoa(q*20+i%15) + "%\"\nkendala = \"Keterlambatan dokumen persiapan pengadaan.\"\n")
		}
	}
	return a.String(), r.String()
}

// BenchmarkReport60 measures compute + layout + render of a report of 60
// indicators for quarter II.
func BenchmarkReport60(b *testing.B) {
	as, rs := benchSources(60)
	a, err := data.Decode(strings.NewReader(as), "bench.toml")
	if err != nil {
		b.Fatal(err)
	}
	r, err := report.Decode(strings.NewReader(rs), "bench-realisasi.toml", a)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		rep, err := report.Compute(a, r, 2)
		if err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		if err := Report(&buf, rep); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB/pdf")
}

// TestColor checks Box.Color: a colour fills a Rect and colours a Text in
// the content stream, a grey Fill still works beside it, and a malformed
// colour is an error that writes nothing.
func TestColor(t *testing.T) {
	doc := handDoc(t)
	p := &doc.Pages[0]
	p.Boxes = append(p.Boxes,
		layout.Box{Kind: layout.Rect, X: 100, Y: 100, W: 50, H: 9, Fill: 0.5, Color: "#ff8000"},
		layout.Box{Kind: layout.Rect, X: 100, Y: 120, W: 50, H: 9, Fill: 0.25},
		text(layout.Font{Family: "serif"}, 9, 100, 150, "merah"))
	p.Boxes[len(p.Boxes)-1].Color = "#c00000"
	var b bytes.Buffer
	if err := write(&b, doc, handMeta(), false); err != nil {
		t.Fatal(err)
	}
	for _, op := range []string{"1.000 0.502 0.000 rg", "0.251 g", "0.753 0.000 0.000 rg"} {
		if !bytes.Contains(b.Bytes(), []byte(op)) {
			t.Errorf("content lacks %q", op)
		}
	}
	p.Boxes[len(p.Boxes)-1].Color = "red"
	b.Reset()
	if err := Write(&b, doc, handMeta()); err == nil || b.Len() != 0 {
		t.Errorf("colour \"red\": err %v, %d bytes", err, b.Len())
	}
}
