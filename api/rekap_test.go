package api

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
	"kinerja/report"
	"kinerja/workbook"
)

const contohPath = "../data/contoh/pk-2024-dlh-contoh.toml"

// genUnits writes n units into dir: an agreement each (the second sample
// with its own unit name) and realisasi of triwulan I and II with random
// figures, as TOML for even units and as a filled form for odd ones.
func genUnits(t *testing.T, dir string, n int) {
	t.Helper()
	src, err := os.ReadFile(contohPath)
	if err != nil {
		t.Fatal(err)
	}
	logo, err := os.ReadFile("../data/contoh/logo-contoh.png")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logo-contoh.png"), logo, 0o644); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(12, 2024))
	for i := range n {
		name := fmt.Sprintf("u%02d", i)
		agr := strings.ReplaceAll(string(src), `unit_kerja = "Dinas Lingkungan Hidup Kabupaten Contoh"`, fmt.Sprintf(`unit_kerja = "Dinas Contoh %02d"`, i))
		path := filepath.Join(dir, name+".toml")
		write(t, path, []byte(agr))
		a, err := data.Decode(strings.NewReader(agr), path)
		if err != nil {
			t.Fatal(err)
		}
		rea := genRealisasi(a, name+".toml", rng)
		if i%2 == 0 {
			write(t, filepath.Join(dir, "r-"+name+".toml"), rea)
			continue
		}
		var form bytes.Buffer
		if err := Formulir(Input{Name: path, R: strings.NewReader(agr)}, Input{Name: "r.toml", R: bytes.NewReader(rea)}, 2, &form); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, "r-"+name+".xlsx"), form.Bytes())
	}
}

// write writes a file or fails the test.
func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// genRealisasi makes random realisasi of triwulan I and II for a.
func genRealisasi(a *data.Agreement, agr string, rng *rand.Rand) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "tahun = %d\nperjanjian = %q\n", a.Tahun, agr)
	for tw := 1; tw <= 2; tw++ {
		for _, ref := range a.Indicators() {
			ind := ref.Indicator
			fmt.Fprintf(&b, "\n[[realisasi]]\nkode = %q\ntriwulan = %d\n", ind.Kode, tw)
			switch t := ind.Tahunan; {
			case t.Kind == data.Percent:
				fmt.Fprintf(&b, "nilai = \"%d,%d%%\"\n", rng.IntN(120), rng.IntN(10))
			case t.Kind == data.Number:
				fmt.Fprintf(&b, "nilai = \"%d\"\n", rng.IntN(200))
			case t.Kind == data.Predicate:
				fmt.Fprintf(&b, "nilai = %q\n", t.Text)
			}
			pagu := 1_000_000 + rng.Int64N(5_000_000_000)
			fmt.Fprintf(&b, "pagu = %d\nrealisasi_anggaran = %d\n", pagu, rng.Int64N(pagu))
		}
	}
	return []byte(b.String())
}

// TestRekap30Units: over 30 generated units (TOML and forms), every
// figure of the recap's summary sheet equals the unit's own report.
func TestRekap30Units(t *testing.T) {
	dir := t.TempDir()
	genUnits(t, dir, 30)
	out := filepath.Join(t.TempDir(), "rekap.xlsx")
	pdf := filepath.Join(filepath.Dir(out), "rekap.pdf")
	rk, err := RekapDir(dir, 2, RekapPaths{XLSX: out, PDF: pdf})
	if err != nil {
		t.Fatal(err)
	}
	if len(rk.Units) != 30 {
		t.Fatalf("%d units, want 30", len(rk.Units))
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(workbook.SheetRekap, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head := rows[2]
	for i := range 30 {
		name := fmt.Sprintf("u%02d", i)
		rea := filepath.Join(dir, "r-"+name+".toml")
		if i%2 == 1 {
			rea = filepath.Join(dir, "r-"+name+".xlsx")
		}
		checkUnit(t, head, rows[3+i], unitReportOf(t, filepath.Join(dir, name+".toml"), rea))
	}
	if st, err := os.Stat(pdf); err != nil || st.Size() == 0 {
		t.Errorf("no recap PDF: %v", err)
	}
}

// unitReportOf computes one unit's report through the single-report path.
func unitReportOf(t *testing.T, agr, rea string) *report.Report {
	t.Helper()
	a, err := data.DecodeFile(agr)
	if err != nil {
		t.Fatal(err)
	}
	r, err := decodeRealisasiFile(rea, a)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := report.Compute(a, r, 2)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// checkUnit compares a summary row with the unit's report, column by
// column as the header names them.
func checkUnit(t *testing.T, head, row []string, rep *report.Report) {
	t.Helper()
	sum := rep.Overall.Triwulan
	var pagu, real int64
	for _, r := range rep.Rows {
		pagu += r.Anggaran.Pagu
		real += r.Anggaran.Realisasi
	}
	want := map[string]float64{
		"Jumlah indikator": float64(len(rep.Rows)), "Dievaluasi": float64(sum.Dievaluasi),
		"Rata-rata capaian TW (%)": round2(sum.RataRata), "Rata-rata capaian s.d. TW (%)": round2(rep.Overall.Tahunan.RataRata),
		"Tidak terkategori": float64(sum.TidakTerkategori), "Pagu (Rp)": float64(pagu), "Realisasi anggaran (Rp)": float64(real),
		"Serapan anggaran (%)": round2(float64(real) / float64(pagu) * 100),
	}
	for _, k := range sum.PerKategori {
		want[k.Nama] = float64(k.Jumlah)
	}
	if row[1] != rep.Agreement.Pertama.UnitKerja {
		t.Errorf("row %s: unit %q, want %q", row[0], row[1], rep.Agreement.Pertama.UnitKerja)
	}
	for c, h := range head {
		w, ok := want[h]
		if !ok {
			continue
		}
		got, err := strconv.ParseFloat(row[c], 64)
		if err != nil || math.Abs(got-w) > 1e-9 {
			t.Errorf("%s %s: %q, want %v", rep.Agreement.Pertama.UnitKerja, h, row[c], w)
		}
		delete(want, h)
	}
	if len(want) > 0 {
		t.Errorf("columns missing from the summary: %v", want)
	}
}

// round2 rounds to two decimals as printed.
func round2(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 2, 64), 64)
	return r
}
