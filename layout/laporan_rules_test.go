package layout

import (
	"kinerja/internal/testsample"
	"strconv"
	"strings"
	"testing"
	"time"

	"kinerja/data"
)

// TestReportDate checks the signature date line: the realisasi file's
// tanggal, or the place alone, never a blank to fill in by hand.
func TestReportDate(t *testing.T) {
	rep := testsample.Report(t, 2)
	if got := ReportDate(rep); got != "Jakarta" {
		t.Errorf("without tanggal: %q; want the place alone", got)
	}
	r := *rep.Realisasi
	r.Tanggal = time.Date(2021, 7, 15, 0, 0, 0, 0, data.WIB)
	rep.Realisasi = &r
	if got := ReportDate(rep); got != "Jakarta, 15 Juli 2021" {
		t.Errorf("with tanggal: %q", got)
	}
	d := reportOK(t, rep)
	if got := texts(d)["laporan.tanggal"]; squash(got) != squash("Jakarta, 15 Juli 2021") || strings.Contains(got, "....") {
		t.Errorf("printed date line %q", got)
	}
}

// TestChartLabelsWhole checks that every chart label is the kode and the
// indicator's words, wrapped but never cut inside a word or shortened.
func TestChartLabelsWhole(t *testing.T) {
	rep := testsample.Report(t, 2)
	d := reportOK(t, rep)
	got := texts(d)
	for i := range rep.Rows {
		label := got["grafik.r"+strconv.Itoa(i)+".label"]
		if squash(label) != squash(ChartLabel(&rep.Rows[i])) || strings.Contains(label, "…") {
			t.Errorf("%s: chart label %q; want %q whole", rep.Rows[i].Kode, label, ChartLabel(&rep.Rows[i]))
		}
	}
}

// TestChartContinuesThePage checks that a short report puts its chart on
// the page of its tables instead of leaving that page mostly empty.
func TestChartContinuesThePage(t *testing.T) {
	d := reportOK(t, smallReport(t))
	if len(d.Pages) != 2 {
		t.Fatalf("%d pages; want the tables and the chart on 2", len(d.Pages))
	}
	pageOf := map[string]int{}
	for pi, p := range d.Pages {
		for _, b := range p.Boxes {
			if _, seen := pageOf[b.Cell]; !seen {
				pageOf[b.Cell] = pi
			}
		}
	}
	if pageOf["grafik.judul"] != pageOf["anggaran.judul"] && pageOf["grafik.judul"] != pageOf["ringkasan.judul"] {
		t.Errorf("chart on page %d, summary on %d: the chart did not continue the page", pageOf["grafik.judul"]+1, pageOf["ringkasan.judul"]+1)
	}
}

// TestAnnualColumnsBeforeTWIV checks the annual columns: before triwulan
// IV they grade the year to date against the target to date and print the
// progress towards the annual target under it, without a category.
func TestAnnualColumnsBeforeTWIV(t *testing.T) {
	rep := testsample.Report(t, 2)
	d := reportOK(t, rep)
	got := texts(d)
	for i := range rep.Rows {
		r := &rep.Rows[i]
		if r.Kode != "SK16.1" {
			continue
		}
		id := "r" + strconv.Itoa(i) + "."
		// 33% after TW II against the TW II target of 30%: 110%, Sangat Tinggi; 33% of the year
		if got[id+"target_tahunan"] != "30%" || got[id+"capaian_tahunan"] != "110%" || squash(got[id+"kategori"]) != squash("Sangat Tinggi") ||
			squash(got[id+"capaian_tahunan.catatan"]) != squash("progres 33%") {
			t.Errorf("SK16.1 annual columns: %q %q %q %q", got[id+"target_tahunan"], got[id+"capaian_tahunan"], got[id+"kategori"], got[id+"capaian_tahunan.catatan"])
		}
		return
	}
	t.Fatal("SK16.1 not in the sample")
}
