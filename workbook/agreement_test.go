package workbook

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
	"kinerja/internal/golden"
	"kinerja/internal/testtool"
)

// agreementFiles are every sample agreement shipped with the repository.
func agreementFiles(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("../data/contoh/pk-*.toml")
	files = append(files, "../data/pk-2021-bppbj.toml", "../data/testdata/minimal.toml")
	if len(files) < 6 {
		t.Fatalf("samples: %v", files)
	}
	return files
}

// exportAgreement writes the workbook of the agreement file f.
func exportAgreement(t *testing.T, f string) (*data.Agreement, []byte) {
	t.Helper()
	a, err := data.DecodeFile(f)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteAgreement(&buf, a); err != nil {
		t.Fatal(err)
	}
	return a, buf.Bytes()
}

// TestAgreementRoundTrip: export then import gives an equivalent agreement
// for every sample.
func TestAgreementRoundTrip(t *testing.T) {
	for _, f := range agreementFiles(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			a, b := exportAgreement(t, f)
			got, err := ReadAgreement(bytes.NewReader(b), "pk.xlsx", data.Options{Dir: filepath.Dir(f)})
			if err != nil {
				t.Fatal(err)
			}
			if err := data.Equivalent(a, got); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// edit changes cells of an exported workbook.
func edit(t *testing.T, b []byte, sheet string, cells map[string]any) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	for ref, v := range cells {
		if err := f.SetCellValue(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestAgreementEditsAndErrors: an edited target is read; bad cells are
// reported at their cell through data's validation.
func TestAgreementEditsAndErrors(t *testing.T) {
	_, b := exportAgreement(t, "../data/contoh/pk-2024-ditjen-dua-tabel.toml")
	got, err := ReadAgreement(bytes.NewReader(edit(t, b, "Indikator", map[string]any{"O2": "85 Indeks"})), "pk.xlsx", data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tt := got.Kelompok[0].Sasaran[0].Indikator[0].Tahunan; tt.Text != "85 Indeks" || tt.Value != 85 {
		t.Errorf("edited target: %+v", tt)
	}
	for _, c := range []struct {
		sheet string
		cells map[string]any
		want  string
	}{
		{"Indikator", map[string]any{"O5": "9l%"}, `pk.xlsx: Indikator!O5: kelompok[1].sasaran[0].indikator[1].tahunan: "9l%" is not a target`},
		{"Indikator", map[string]any{"F3": ""}, `pk.xlsx: Indikator!F3: kelompok[0].sasaran[1].indikator[0].kode: missing`},
		{"Identitas", map[string]any{"C10": "<<NIP>>"}, `pk.xlsx: Identitas!C10: pihak_pertama.nip: still holds the placeholder <<NIP>>`},
		{"Identitas", map[string]any{"C4": "besok"}, `pk.xlsx: Identitas!C4: tanggal: "besok" is not a date`},
		{"Program", map[string]any{"C3": "banyak"}, `pk.xlsx: Program!C3: anggaran: "banyak" is not an amount`},
		{"Program", map[string]any{"C2": 5}, `pk.xlsx: Program!C2: program[0].anggaran: 5 is not the sum`},
	} {
		_, err := ReadAgreement(bytes.NewReader(edit(t, b, c.sheet, c.cells)), "pk.xlsx", data.Options{})
		var ce CellErrors
		if !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%v: got %v; want %s", c.cells, err, c.want)
		}
	}
	if _, err := ReadAgreement(bytes.NewReader(formulirOf(t)), "f.xlsx", data.Options{}); !errors.Is(err, ErrNotAgreement) {
		t.Errorf("a realisasi form: %v", err)
	}
}

// formulirOf is a realisasi form, which is not an agreement workbook.
func formulirOf(t *testing.T) []byte {
	a, r := load(t, samples[1].agreement, samples[1].realisasi)
	return formulir(t, a, r, 2)
}

// TestGoldenAgreementWorkbook pins the agreement workbook's cells and
// formats for the two-table sample.
func TestGoldenAgreementWorkbook(t *testing.T) {
	_, b := exportAgreement(t, "../data/contoh/pk-2024-ditjen-dua-tabel.toml")
	golden.Check(t, "testdata/perjanjian-ditjen.golden", dump(t, b))
}

// TestLibreOfficeReadsAgreement: LibreOffice opens the agreement workbook
// and reads the same values as excelize.
func TestLibreOfficeReadsAgreement(t *testing.T) {
	soffice := testtool.Require(t, "soffice")
	_, b := exportAgreement(t, "../data/contoh/pk-2024-dlh-contoh.toml")
	dir := t.TempDir()
	p := filepath.Join(dir, "pk.xlsx")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", sofficeFilter, "--outdir", dir, p}
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	compareSheets(t, dir, "pk", b)
}
