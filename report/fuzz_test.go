package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzDecode checks that no input makes Decode panic, and that whatever it
// accepts can be computed and exported.
func FuzzDecode(f *testing.F) {
	sample, err := os.ReadFile(filepath.Join("..", "data", "realisasi-2021-bppbj.toml"))
	if err == nil {
		f.Add(string(sample))
	}
	f.Add("tahun = 2021\n[[realisasi]]\nkode = \"SS1.1\"\ntriwulan = 2\nnilai = \"WDP\"\n")
	f.Add("tahun = 2021\n[[realisasi]]\nkode = \"SK14.1\"\ntriwulan = 4\nnilai = \"A (83)\"\npagu = 0\nrealisasi_anggaran = 0\n")
	f.Add("tahun = 2021\nrealisasi = [{kode = \"SO19.1\", triwulan = 1, nilai = \"1.250\"}]\n")
	f.Add("tahun = 2021\n[[realisasi]]\nkendala = '''\n[[x]]\n'''\n")
	a := decodeAgreement(f)
	f.Fuzz(func(t *testing.T, src string) {
		r, err := Decode(strings.NewReader(src), "f.toml", a)
		if err != nil {
			return
		}
		rep, err := Compute(a, r, 4)
		if err != nil {
			t.Fatalf("accepted file fails Compute: %v", err)
		}
		if err := WriteCSV(&bytes.Buffer{}, rep); err != nil {
			t.Fatal(err)
		}
	})
}

// TestSampleTexts checks the sample file has what the report PDF must
// show: long kendala and tindak lanjut texts (60 to 120 words) that will
// split across pages.
func TestSampleTexts(t *testing.T) {
	rep := sampleReport(t, 2)
	long := 0
	for _, row := range rep.Rows {
		for _, q := range row.Riwayat {
			for _, s := range []string{q.Kendala, q.TindakLanjut} {
				if n := len(strings.Fields(s)); n >= 60 && n <= 120 {
					long++
				}
			}
		}
	}
	if long < 4 {
		t.Errorf("%d kendala/tindak lanjut texts of 60-120 words; want at least 4", long)
	}
}
