package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// runOK runs the command line and fails the test unless it exits 0.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != exitOK {
		t.Fatalf("%v: exit %d\n%s", args, code, stderr.String())
	}
	return stdout.String()
}

// TestRealisasiCLI: formulir, a form with a bad cell refused by import and
// report at its cell, the filled form imported and reported, rekap.
func TestRealisasiCLI(t *testing.T) {
	agr, rea := sampleTOML(t), sampleRealisasi(t)
	dir := t.TempDir()
	form := filepath.Join(dir, "form.xlsx")
	runOK(t, "realisasi", "formulir", agr, "--triwulan", "2", "--realisasi", rea, "-o", form)

	f, err := excelize.OpenFile(form)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Realisasi", "I7", "banyak"); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.xlsx")
	if err := f.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"realisasi", "import", bad, "--perjanjian", agr, "-o", filepath.Join(dir, "x.toml")},
		{"report", agr, bad, "--triwulan", "2", "-o", filepath.Join(dir, "x.pdf")},
	} {
		var stdout, stderr bytes.Buffer
		code := run(args, &stdout, &stderr)
		want := bad + `: Realisasi!I7: nilai: "banyak" is not a target`
		if code != exitBadInput || !strings.HasPrefix(stderr.String(), want) {
			t.Errorf("%v: exit %d, stderr %q; want 1 and %q", args[:2], code, stderr.String(), want)
		}
	}

	toml := filepath.Join(dir, "r.toml")
	runOK(t, "realisasi", "import", form, "--perjanjian", agr, "-o", toml)
	if b, _ := os.ReadFile(toml); !bytes.Contains(b, []byte(`kode = "SS2.1"`)) {
		t.Errorf("imported TOML lacks the sample's entries:\n%s", b)
	}
	xlsx := filepath.Join(dir, "lap.xlsx")
	runOK(t, "report", agr, form, "--triwulan", "2", "-o", filepath.Join(dir, "lap.pdf"), "--xlsx", xlsx)
	if _, err := excelize.OpenFile(xlsx); err != nil {
		t.Errorf("report workbook: %v", err)
	}
}
