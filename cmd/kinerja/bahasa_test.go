package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kinerja/pesan"
)

// TestMain runs the command line tests in English whatever the
// developer's locale; the Indonesian tests set LANG themselves.
func TestMain(m *testing.M) {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES"} {
		os.Unsetenv(k)
	}
	os.Setenv("LANG", "C")
	code := m.Run()
	pesan.SetLanguage(pesan.English)
	os.Exit(code)
}

// TestBahasaCLI runs the error paths a secretariat meets with
// LANG=id_ID.UTF-8 (or --bahasa id) and checks that they speak
// Indonesian, and that the English text is gone.
func TestBahasaCLI(t *testing.T) {
	_, bad, _ := checkFixture(t)
	v := verifyFixtures(t)
	dir := t.TempDir()
	badReal := filepath.Join(dir, "bad-realisasi.toml")
	writeTestFile(t, badReal, []byte(badRealisasi))
	src, err := os.ReadFile(sampleTOML(t))
	if err != nil {
		t.Fatal(err)
	}
	notPDF := filepath.Join(dir, "bukan.pdf")
	writeTestFile(t, notPDF, []byte("hello"))
	badYear := filepath.Join(dir, "bad-year.toml")
	writeTestFile(t, badYear, regexp.MustCompile(`(?m)^tahun = .*$`).ReplaceAll(src, []byte(`tahun = "dua ribu"`)))
	tests := []struct {
		name    string
		args    []string
		code    int
		want    []string
		notWant []string
	}{
		{"check bad TOML", []string{"check", bad}, exitBadInput,
			[]string{"kunci tidak dikenal; maksudnya `tempat`?", "bukan target"}, []string{"unknown key", "is not a target"}},
		{"check wrong type", []string{"check", badYear}, exitBadInput,
			[]string{`tahun: tertulis teks "dua ribu"; diharapkan tahun perjanjian sebagai angka, misalnya tahun = 2021`}, []string{"the agreement year"}},
		{"verify not a PDF", []string{"verify", notPDF}, exitBadInput,
			[]string{"verifikasi: bukan berkas PDF (tanpa kepala %PDF-)"}, []string{"not a PDF", "header"}},
		{"report bad realisasi", []string{"report", sampleTOML(t), badReal, "--triwulan", "2", "-o", filepath.Join(dir, "r.pdf")}, exitBadInput,
			[]string{"kode indikator \"SS9.3\"", "tidak ditemukan; diharapkan kode dari"}, []string{"unknown indicator"}},
		{"verify tampered", []string{"verify", "--trust", v.ca, v.changed}, exitBadInput,
			[]string{"TIDAK SAH:", "setelah ditandatangani", "Tanda tangan 1"}, []string{"INVALID", "Signature 1"}},
		{"verify findings", []string{"verify", "--trust", v.ca, v.changed}, exitBadInput,
			[]string{"- halaman 1 (objek 3) didefinisikan ulang: /Contents diubah pada revisi 4", "content stream baru halaman 1 (objek 31) ditambahkan pada revisi 4 setelah ditandatangani"},
			[]string{"redefined", "object", "in revision"}},
		{"verify findings list", []string{"verify", "--trust", v.ca, v.added}, exitBadInput,
			[]string{"/Pages (objek 2) didefinisikan ulang: /Kids diubah, /Count diubah pada revisi 4", "/Page (objek 32) ditambahkan"},
			[]string{" changed", " added "}},
		{"verify digest", []string{"verify", "--trust", v.ca, v.byteChanged}, exitBadInput,
			[]string{"TIDAK SAH: tanda tangan 1 (pertama): nilai hash tidak cocok: dokumen diubah"},
			[]string{"signature 1", "digest mismatch"}},
		{"verify partly signed", []string{"verify", "--trust", v.ca, v.once}, exitIncomplete,
			[]string{"BELUM LENGKAP: PIHAK KEDUA belum menandatangani (perjanjian kinerja memerlukan tanda tangan PIHAK PERTAMA dan PIHAK KEDUA)"}, []string{"INCOMPLETE", "has not signed"}},
		{"verify batch summary", []string{"verify", "--trust", v.ca, v.twice, v.changed}, exitBadInput,
			[]string{"2 berkas: 1 ok, 1 gagal", "TIDAK SAH:"}, []string{"files:", "failed"}},
		{"help", []string{"check", "--help"}, exitOK,
			[]string{"pemakaian: kinerja check", "Memeriksa setiap perjanjian", "opsi:"}, []string{"usage:", "Validates"}},
		{"command list", []string{"--help"}, exitOK,
			[]string{"perintah:", "memverifikasi tanda tangan PDF"}, []string{"commands:"}},
		{"flag value", []string{"report", "a.toml", "b.toml", "--triwulan", "5"}, exitUsage,
			[]string{"diharapkan triwulan 1, 2, 3 atau 4"}, []string{"expected a quarter"}},
	}
	for _, tc := range tests {
		for _, how := range []string{"LANG", "--bahasa"} {
			t.Run(tc.name+" "+how, func(t *testing.T) {
				code, all := runIndonesian(t, how, tc.args)
				if code != tc.code {
					t.Errorf("exit %d, want %d\n%s", code, tc.code, all)
				}
				checkSays(t, all, tc.want, tc.notWant)
			})
		}
	}
}

// runIndonesian runs the command line in Indonesian, set by LANG or by
// --bahasa (how), and returns its exit status and its whole output.
func runIndonesian(t *testing.T, how string, args []string) (int, string) {
	t.Helper()
	if how == "LANG" {
		t.Setenv("LANG", "id_ID.UTF-8")
	} else {
		args = append([]string{"--bahasa", "id"}, args...)
	}
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String() + errb.String()
}

// checkSays fails when output lacks a text of want or still has an
// English text of notWant.
func checkSays(t *testing.T, output string, want, notWant []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(output, w) {
			t.Errorf("output lacks %q:\n%s", w, output)
		}
	}
	for _, w := range notWant {
		if strings.Contains(output, w) {
			t.Errorf("output still has the English %q:\n%s", w, output)
		}
	}
}

// TestBahasaJSONStaysEnglish checks that verify --json keeps its stable
// English form under an Indonesian locale.
func TestBahasaJSONStaysEnglish(t *testing.T) {
	v := verifyFixtures(t)
	t.Setenv("LANG", "id_ID.UTF-8")
	var out, errb bytes.Buffer
	run([]string{"verify", "--json", "--trust", v.ca, v.once}, &out, &errb)
	if !strings.Contains(out.String(), `"status": "incomplete"`) || !strings.Contains(out.String(), "has not signed") {
		t.Errorf("JSON is not the English schema:\n%s", out.String())
	}
}

// TestBahasaFlag checks --bahasa's values and that English stays English.
func TestBahasaFlag(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"--bahasa", "jawa", "check"}, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), "expected id (Bahasa Indonesia) or en") {
		t.Errorf("--bahasa jawa: exit %d, %q", code, errb.String())
	}
	t.Setenv("LANG", "id_ID.UTF-8")
	errb.Reset()
	run([]string{"check", "--bahasa=en", "--help"}, &out, &errb)
	if !strings.Contains(errb.String(), "usage: kinerja check") {
		t.Errorf("--bahasa=en did not override LANG:\n%s", errb.String())
	}
}

// TestBahasaWorkbook checks that a workbook's cell problems speak
// Indonesian under LANG=id_ID.UTF-8, still at their cell.
func TestBahasaWorkbook(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "pk.xlsx")
	runOK(t, "xlsx", "export", sampleTOML(t), "-o", book)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Identitas", "C4", "besok"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	t.Setenv("LANG", "id_ID.UTF-8")
	var out, errb bytes.Buffer
	code := run([]string{"xlsx", "import", book, "-o", filepath.Join(dir, "x.toml")}, &out, &errb)
	want := book + `: Identitas!C4: tanggal: "besok" bukan tanggal; diharapkan 2026-01-05 atau bulan dan tahun seperti Januari 2026`
	if code != exitBadInput || !strings.Contains(errb.String(), want) || strings.Contains(errb.String(), "is not a date") {
		t.Errorf("exit %d, want %d and %q:\n%s", code, exitBadInput, want, errb.String())
	}
}
