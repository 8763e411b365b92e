package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleRealisasi is the realisasi of the sample agreement.
func sampleRealisasi(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs("../../data/realisasi-2021-bppbj.toml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// badRealisasi names an indicator the agreement does not have.
const badRealisasi = "tahun = 2021\n\n[[realisasi]]\nkode = \"SS9.3\"\ntriwulan = 2\nnilai = \"95%\"\n"

// TestReportCLI runs 'kinerja report' through run with good and bad
// inputs and checks the exit code, the messages and the files written.
func TestReportCLI(t *testing.T) {
	agr, real := sampleTOML(t), sampleRealisasi(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte(badRealisasi), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf, csv, js := filepath.Join(dir, "lap.pdf"), filepath.Join(dir, "lap.csv"), filepath.Join(dir, "lap.json")
	outs := []string{"-o", pdf, "--csv", csv, "--json", js}
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string // exact first line
		files  bool
	}{
		{"bad realisasi", append([]string{"report", agr, bad, "--triwulan", "2"}, outs...), exitBadInput,
			bad + `:4:8: realisasi[0].kode: unknown indicator kode "SS9.3" (did you mean ` + "`SS9.1`" + `?); expected a kode from ` + agr, false},
		{"missing realisasi", append([]string{"report", agr, filepath.Join(dir, "none.toml"), "--triwulan", "2"}, outs...), exitBadInput, "", false},
		{"triwulan 5", append([]string{"report", agr, real, "--triwulan", "5"}, outs...), exitUsage,
			"kinerja report: --triwulan 5: expected a quarter 1, 2, 3 or 4 (also written II or TW2)", false},
		{"no triwulan", append([]string{"report", agr, real}, outs...), exitUsage,
			"kinerja report: --triwulan is required: give the quarter, e.g. --triwulan 2 (also II or TW2)", false},
		{"missing args", []string{"report", agr, "--triwulan", "2"}, exitUsage,
			"kinerja report: want AGREEMENT.toml and REALISASI.toml, got 1 file(s)", false},
		{"unknown flag", []string{"report", agr, real, "--triwulan", "2", "-x"}, exitUsage,
			"kinerja report: unknown flag -x (kinerja report --help lists the flags)", false},
		{"success", append([]string{"report", agr, real, "--triwulan", "2"}, outs...), exitOK, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(c.args...)
			first, _, _ := strings.Cut(stderr, "\n")
			if code != c.code || c.stderr != "" && first != c.stderr || c.code != exitOK && stdout != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q\nwant exit %d and %q", code, stdout, stderr, c.code, c.stderr)
			}
			for _, f := range []string{pdf, csv, js} {
				if _, err := os.Stat(f); (err == nil) != c.files {
					t.Errorf("%s exists=%v, want %v", f, err == nil, c.files)
				}
			}
			checkNoTemp(t, dir)
		})
	}
	checkOutputs(t, pdf, csv, js)
}

// checkNoTemp fails when a temporary file is left in dir.
func checkNoTemp(t *testing.T, dir string) {
	t.Helper()
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// checkOutputs checks the files of a successful run: a PDF, a CSV with a
// header and the JSON of quarter II.
func checkOutputs(t *testing.T, pdf, csv, js string) {
	t.Helper()
	assertPDF(t, pdf)
	b, err := os.ReadFile(csv)
	if err != nil || !bytes.HasPrefix(b, []byte("kode,kelompok,")) {
		t.Errorf("csv: %v %.40q", err, b)
	}
	var v struct{ Tahun, Triwulan int }
	if b, err = os.ReadFile(js); err != nil || json.Unmarshal(b, &v) != nil || v.Tahun != 2021 || v.Triwulan != 2 {
		t.Errorf("json: %v %+v", err, v)
	}
}

// TestReportKeepsOutputs checks that a failing run leaves files from an
// earlier run as they were.
func TestReportKeepsOutputs(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	pdf, csv := filepath.Join(dir, "old.pdf"), filepath.Join(dir, "old.csv")
	for _, f := range []string{bad, pdf, csv} {
		content := "old"
		if f == bad {
			content = badRealisasi
		}
		if err := os.WriteFile(f, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, _ := runCLI("report", sampleTOML(t), bad, "--triwulan", "2", "-o", pdf, "--csv", csv); code != exitBadInput {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, f := range []string{pdf, csv} {
		if b, _ := os.ReadFile(f); string(b) != "old" {
			t.Errorf("%s changed to %.20q", f, b)
		}
	}
	checkNoTemp(t, dir)
}

// TestReportDefaultOutput checks out/<agreement>-tw<N>.pdf with flags
// after the positional arguments.
func TestReportDefaultOutput(t *testing.T) {
	agr, real := sampleTOML(t), sampleRealisasi(t)
	dir := t.TempDir()
	t.Chdir(dir)
	code, stdout, stderr := runCLI("report", agr, real, "--triwulan", "1")
	want := filepath.Join("out", "pk-2021-bppbj-tw1.pdf")
	if code != exitOK || strings.TrimSpace(stdout) != want {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 0 and %q", code, stdout, stderr, want)
	}
	assertPDF(t, filepath.Join(dir, want))
}
