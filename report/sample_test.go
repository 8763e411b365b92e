package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"kinerja/internal/golden"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/data"
)

// sampleReport computes the sample agreement's report for quarter tw.
func sampleReport(t testing.TB, tw int) *Report {
	t.Helper()
	a, err := data.DecodeFile(filepath.Join("..", "data", "pk-2021-bppbj.toml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := DecodeFile(filepath.Join("..", "data", "realisasi-2021-bppbj.toml"), a)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Compute(a, r, tw)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// csvRecords parses CSV output with encoding/csv and keys rows by kode and
// quarter.
func csvRecords(t *testing.T, b []byte) (map[string]map[string]string, int) {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, col := range recs[0] {
			m[col] = rec[i]
		}
		out[m["kode"]+"/"+m["triwulan"]] = m
	}
	return out, len(recs) - 1
}

func TestSampleCSV(t *testing.T) {
	rep := sampleReport(t, 2)
	var b bytes.Buffer
	if err := WriteCSV(&b, rep); err != nil {
		t.Fatal(err)
	}
	rows, n := csvRecords(t, b.Bytes())
	if n != 22*2 { // 22 indicators, quarters I and II
		t.Errorf("%d rows; want 44", n)
	}
	tests := []struct{ key, col, want string }{
		// BPK opinion released in TW II: (3) WTP against (3) WTP = 100%
		{"SS1.1/1", "capaian_status", "na"},
		{"SS1.1/1", "capaian_tahunan_status", "not_released"},
		{"SS1.1/2", "capaian", "100.00"},
		{"SS1.1/2", "predikat", "WTP"},
		{"SS1.1/2", "kategori", "Sangat Tinggi"},
		// index 4 each quarter, rata_rata: TW II 3/4 = 75%; to date (100+75)/2 = 87,5%; mean realisasi 3,5
		{"SS2.1/2", "capaian", "75.00"},
		{"SS2.1/2", "kategori_tw", "Sedang"},
		{"SS2.1/2", "capaian_sd", "87.50"},
		{"SS2.1/2", "realisasi_sd_nilai", "3.50"},
		{"SS2.1/2", "kategori", "Tinggi"},
		// reported N/A against an N/A target
		{"SS3.1/1", "realisasi", "N/A"},
		{"SS3.1/1", "capaian_status", "na"},
		{"SS3.1/1", "capaian", ""},
		// 87,5% in TW II (Tinggi); to date (100+87,5)/2 = 93,75% (Sangat Tinggi)
		{"SS6.1/2", "capaian", "87.50"},
		{"SS6.1/2", "kategori_tw", "Tinggi"},
		{"SS6.1/2", "capaian_tahunan", "93.75"},
		{"SS6.1/2", "kategori", "Sangat Tinggi"},
		{"SS10.1/2", "kategori_tw", "Rendah"}, // 62,5%
		// e-order: TW II not reported; to date only TW I's 86,4%; serapan 212.500.000/850.000.000 = 25%, then 391/850 = 46%
		{"SK12.1/2", "capaian_status", "not_reported"},
		{"SK12.1/2", "capaian_sd", "86.40"},
		{"SK12.1/1", "serapan", "25.00"},
		{"SK12.1/2", "serapan", "46.00"},
		{"SK12.1/2", "pagu", "850000000"},
		// annual-only figures not yet released
		{"SK14.1/2", "capaian_tahunan_status", "not_released"},
		{"SK15.1/2", "capaian_sd_status", "not_released"},
		// progress 33% against 30% = 110%; against the year 33% (Sangat Rendah); serapan 4.350/12.500 = 34,8%
		{"SK16.1/2", "capaian", "110.00"},
		{"SK16.1/2", "capaian_tahunan", "33.00"},
		// graded against the target to date: 33 against TW II's 30 = 110%
		{"SK16.1/2", "kategori", "Sangat Tinggi"},
		{"SK16.1/2", "serapan", "34.80"},
		{"SK16.1/2", "realisasi_anggaran", "4350000000"},
		// kumulatif: 27,5/25 = 110%; ΣR/ΣT = 47,5/50 = 95%; against the year 47,5%
		{"SO19.1/2", "capaian", "110.00"},
		{"SO19.1/2", "capaian_sd", "95.00"},
		{"SO19.1/2", "realisasi_sd", "47,5%"},
		{"SO19.1/2", "capaian_tahunan", "47.50"},
	}
	for _, tt := range tests {
		if got := rows[tt.key][tt.col]; got != tt.want {
			t.Errorf("%s %s = %q; want %q", tt.key, tt.col, got, tt.want)
		}
	}
	if !strings.HasPrefix(rows["SK12.1/2"]["kendala"], "Data realisasi belanja makanan") {
		t.Errorf("kendala of SK12.1 TW II missing: %q", rows["SK12.1/2"]["kendala"])
	}
	golden.Check(t, filepath.Join("testdata", "realisasi-2021-bppbj-tw2.csv.golden"), b.Bytes())
}

func TestSampleSummary(t *testing.T) {
	rep := sampleReport(t, 2)
	// TW II evaluable: SS1.1 100, SS2.1 75, SS4.1 95, SS5.1 100, SS6.1 87,5, SS7.1 100, SS7.2 80,
	// SS8.2 100, SS9.1 100, SS10.1 62,5, SK11.1 98, SK13.1 100, SK16.1 110, SO17.1 100,
	// SO18.1 100, SO19.1 110: 16 values summing to 1518 → 94,875
	o := rep.Overall.Triwulan
	if o.Indikator != 22 || o.Dievaluasi != 16 || !near(o.RataRata, 94.875) {
		t.Errorf("overall TW II = %+v", o)
	}
	want := map[string]int{"Sangat Tinggi": 12, "Tinggi": 2, "Sedang": 1, "Rendah": 1, "Sangat Rendah": 0}
	for _, k := range o.PerKategori {
		if k.Jumlah != want[k.Nama] {
			t.Errorf("%s: %d; want %d", k.Nama, k.Jumlah, want[k.Nama])
		}
	}
	// SASARAN STRATEGIS: the first ten above sum to 900 → 90
	if g := rep.Groups[0]; g.Nama != "SASARAN STRATEGIS" || g.Triwulan.Dievaluasi != 10 || !near(g.Triwulan.RataRata, 90) {
		t.Errorf("group 0 = %+v", g)
	}
	if len(rep.Groups) != 3 {
		t.Errorf("%d groups; want 3", len(rep.Groups))
	}
}

func TestSampleJSON(t *testing.T) {
	rep := sampleReport(t, 2)
	var b bytes.Buffer
	if err := WriteJSON(&b, rep); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Tahun, Triwulan int
		Baris           []map[string]any
		Keseluruhan     map[string]any
	}
	dec := json.NewDecoder(bytes.NewReader(b.Bytes()))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("WriteJSON output is not JSON: %v", err)
	}
	if doc.Tahun != 2021 || doc.Triwulan != 2 || len(doc.Baris) != 44 {
		t.Errorf("tahun %d triwulan %d rows %d", doc.Tahun, doc.Triwulan, len(doc.Baris))
	}
	so19 := doc.Baris[43] // SO19.1 TW II, the last row
	if so19["kode"] != "SO19.1" || so19["capaian_sd"] != json.Number("95.00") || so19["capaian_tahunan"] != json.Number("47.50") {
		t.Errorf("SO19.1 TW II = %v", so19)
	}
	if doc.Baris[0]["capaian"] != nil { // SS1.1 TW I: N/A is null, never 0
		t.Errorf("SS1.1 TW I capaian = %v; want null", doc.Baris[0]["capaian"])
	}
	if doc.Keseluruhan["triwulan_rata_rata"] != json.Number("94.88") || doc.Keseluruhan["triwulan_sangat_tinggi"] != json.Number("12") {
		t.Errorf("keseluruhan = %v", doc.Keseluruhan)
	}
	golden.Check(t, filepath.Join("testdata", "realisasi-2021-bppbj-tw2.json.golden"), b.Bytes())
}

func TestExportColumnOrderMatches(t *testing.T) {
	rep := sampleReport(t, 1)
	var c, j bytes.Buffer
	if err := WriteCSV(&c, rep); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&j, rep); err != nil {
		t.Fatal(err)
	}
	header := strings.SplitN(c.String(), "\n", 2)[0]
	line := strings.Split(j.String(), "\n")[4] // first row object
	var keys []string
	for _, col := range strings.Split(header, ",") {
		keys = append(keys, `"`+col+`": `)
	}
	last := -1
	for _, k := range keys {
		i := strings.Index(line, k)
		if i <= last {
			t.Fatalf("JSON key %s out of CSV order in %s", k, line)
		}
		last = i
	}
}

// TestSampleJSONByMuJS reads the JSON with MuPDF's JavaScript engine
// (mutool run), a parser we did not write; CSV is read by encoding/csv in
// TestSampleCSV.
func TestSampleJSONByMuJS(t *testing.T) {
	requireTool(t, "mutool")
	rep := sampleReport(t, 2)
	dir := t.TempDir()
	var j bytes.Buffer
	if err := WriteJSON(&j, rep); err != nil {
		t.Fatal(err)
	}
	jsonPath, script := filepath.Join(dir, "r.json"), filepath.Join(dir, "check.js")
	if err := os.WriteFile(jsonPath, j.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	js := `var d = JSON.parse(read(scriptArgs[0]));
var so = d.baris.filter(function (r) { return r.kode == "SO19.1" && r.triwulan == 2; })[0];
print(d.baris.length, so.capaian_sd, so.capaian_tahunan, d.baris[0].capaian === null, d.keseluruhan.triwulan_dievaluasi);`
	if err := os.WriteFile(script, []byte(js), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("mutool", "run", script, jsonPath).CombinedOutput()
	if err != nil {
		t.Fatalf("mutool run: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "44 95 47.5 true 16" {
		t.Errorf("mutool read %q; want 44 95 47.5 true 16", got)
	}
}
