package layout_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/internal/testtool"
	"kinerja/render"
)

// formSamples are the form variants in data/contoh with texts their
// rendered PDF must show (as pdftotext reads it) and texts it must not.
var formSamples = []struct {
	file      string
	want, bad []string
}{
	{"pk-2022-diskominfo-tahunan.toml",
		[]string{"No", "Sasaran", "Indikator Kinerja", "Target", "70 Indeks", "86 Laporan", "kurang dari 4", "NA",
			"Contoh Jaya, Januari 2022", "NIP. 19800312 200501 1 004", "Unit Organisasi", "Rp 2.315.400.000,00",
			"Rp 6.916.150.000,00", "DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN CONTOH JAYA"},
		[]string{"Triwulan", "N/A", "Pengukuran", "Sumber Data", "SASARAN STRATEGIS", "Unit Kerja", "NIP 198003122005011004"}},
	{"pk-2023-kanwil-satuan.toml",
		[]string{"Output", "Satuan", "Persen", "minimal 80%", "≤ 2,5", "Skala 7", "38% (Evaluasi Semester I)", "< 3",
			"Satuan Kerja", "Tahun Anggaran", "SASARAN PROGRAM"},
		[]string{"Triwulan", "N/A", "Pengukuran", "Keterangan", "Unit Kerja"}},
	{"pk-2024-ditjen-dua-tabel.toml",
		[]string{"A. Sasaran Strategis", "B. Sasaran Kegiatan", "Sasaran Kegiatan", "Triwulan", "82 Indeks",
			"Kegiatan dan Anggaran", "Kegiatan / Sub Kegiatan", "1.1", "2.2", "Rp 10.950.000.000", "JUMLAH ANGGARAN",
			"Rp 25.075.500.000", "DIREKTORAT JENDERAL CONTOH KEMENTERIAN CONTOH"},
		[]string{"Pengukuran", "Sumber Data", "Rp 36.025.500.000"}},
}

// TestFormSamples renders each form variant sample and reads its text
// back with pdftotext: the columns, headings, targets and labels are
// printed as written, and nothing the file does not say is.
func TestFormSamples(t *testing.T) {
	tool := testtool.Require(t, "pdftotext")
	for _, s := range formSamples {
		t.Run(s.file, func(t *testing.T) {
			a, err := data.DecodeFile(filepath.Join("..", "data", "contoh", s.file))
			if err != nil {
				t.Fatal(err)
			}
			var pdf bytes.Buffer
			if err := render.Agreement(&pdf, a); err != nil {
				t.Fatal(err)
			}
			in := filepath.Join(t.TempDir(), "pk.pdf")
			if err := os.WriteFile(in, pdf.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(tool, "-layout", in, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			// pdftotext may drop or add the space of a narrow gap ("< 3"),
			// so texts are compared without spaces.
			text := squeeze(string(out))
			for _, w := range s.want {
				if !strings.Contains(text, squeeze(w)) {
					t.Errorf("text lacks %q", w)
				}
			}
			for _, b := range s.bad {
				if strings.Contains(text, squeeze(b)) {
					t.Errorf("text shows %q, which the file does not say", b)
				}
			}
		})
	}
}

// squeeze removes all white space from s.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }
