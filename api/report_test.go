package api

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"kinerja/internal/outfile"
)

const realisasiPath = "../data/realisasi-2021-bppbj.toml"

// copyInputs copies the sample agreement and realisasi into a temporary
// directory and returns their paths there.
func copyInputs(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	var out []string
	for _, p := range []string{samplePath, realisasiPath} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		q := filepath.Join(dir, filepath.Base(p))
		if err := os.WriteFile(q, b, 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, q)
	}
	return out[0], out[1]
}

// TestReportFileRefusesClashes: an output that is an input or another
// output is refused and nothing is written (it used to replace the
// agreement with a CSV, or keep only the last of -o x --csv x --json x).
func TestReportFileRefusesClashes(t *testing.T) {
	agr, rea := copyInputs(t)
	before, _ := os.ReadFile(agr)
	x := filepath.Join(filepath.Dir(agr), "x")
	for _, out := range []ReportPaths{
		{PDF: filepath.Join(filepath.Dir(agr), "r.pdf"), CSV: agr},
		{PDF: rea},
		{PDF: x, CSV: x, JSON: x},
	} {
		if err := ReportFile(agr, rea, 2, out); !errors.Is(err, outfile.ErrClash) {
			t.Errorf("%+v: err = %v, want a clash", out, err)
		}
	}
	if after, _ := os.ReadFile(agr); !bytes.Equal(before, after) {
		t.Fatal("the agreement was replaced")
	}
	if _, err := os.Stat(x); !os.IsNotExist(err) {
		t.Fatal("an output was written despite the clash")
	}
}

// TestReportStreamEqualsFile: ReportFile writes what Report produces.
func TestReportStreamEqualsFile(t *testing.T) {
	agr, rea := copyInputs(t)
	dir := t.TempDir()
	paths := ReportPaths{PDF: filepath.Join(dir, "r.pdf"), CSV: filepath.Join(dir, "r.csv"), JSON: filepath.Join(dir, "r.json")}
	if err := ReportFile(agr, rea, 2, paths); err != nil {
		t.Fatal(err)
	}
	open := func(p string) Input {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return Input{Name: p, R: f}
	}
	var pdf, csv, js bytes.Buffer
	if err := Report(open(agr), open(rea), 2, ReportOutputs{PDF: &pdf, CSV: &csv, JSON: &js}); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string][]byte{paths.PDF: pdf.Bytes(), paths.CSV: csv.Bytes(), paths.JSON: js.Bytes()} {
		if got, _ := os.ReadFile(p); !bytes.Equal(got, want) || len(want) == 0 {
			t.Errorf("%s differs from the stream form", p)
		}
	}
}

func TestDetect(t *testing.T) {
	for src, want := range map[string]FileKind{
		"tahun = 2021\n[pihak_pertama]\nnama = \"A\"\n":               Agreement,
		"tahun = 2021\npihak_pertama.nama = \"A\"\n":                  Agreement,
		"tahun = 2021\nperjanjian = \"pk.toml\"\n":                    Realisasi,
		"tahun = 2021\n[[realisasi]]\nkode = \"SS1.1\"\n":             Realisasi,
		"tahun = 2021\n# [pihak_pertama] in a comment\n[[realisasi]]": Realisasi,
		"x = 1\n": Unknown,
	} {
		if got := Detect([]byte(src)); got != want {
			t.Errorf("Detect(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestAgreementOf(t *testing.T) {
	got, err := AgreementOf(realisasiPath)
	if err != nil || got != filepath.Join("../data", "pk-2021-bppbj.toml") {
		t.Fatalf("AgreementOf = %q, %v", got, err)
	}
	bad := filepath.Join(t.TempDir(), "r.toml")
	os.WriteFile(bad, []byte("tahun = 2021\nperjanjian = \"x\n"), 0o644)
	if _, err := AgreementOf(bad); err == nil {
		t.Fatal("a syntax error passed")
	}
}
