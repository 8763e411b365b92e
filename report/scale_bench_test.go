package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"kinerja/data"
)

// BenchmarkReport runs the report pipeline (decode the agreement and the
// realisasi TOML, compute quarter III, write the CSV) for agreements of
// 60, 600 and 6,000 indicators with realisasi for quarters I..III. The
// cost per indicator must not grow with the agreement.
func BenchmarkReport(b *testing.B) {
	for _, n := range []int{60, 600, 6000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			agr, real := generatedReport(b, n)
			b.ReportAllocs()
			for b.Loop() {
				a, err := data.Decode(bytes.NewReader(agr), "pk.toml")
				if err != nil {
					b.Fatal(err)
				}
				r, err := Decode(bytes.NewReader(real), "realisasi.toml", a)
				if err != nil {
					b.Fatal(err)
				}
				rep, err := Compute(a, r, 3)
				if err != nil {
					b.Fatal(err)
				}
				if err := WriteCSV(io.Discard, rep); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// generatedReport returns an agreement of n indicators (the seed's header
// and scales, then n sasaran of one indicator each, cycling through the
// four accumulation rules) and its realisasi for quarters I..III.
func generatedReport(b *testing.B, n int) (agr, real []byte) {
	seed, err := os.ReadFile(filepath.Join("..", "data", "pk-2021-bppbj.toml"))
	if err != nil {
		b.Fatal(err)
	}
	i := bytes.Index(seed, []byte("\n[[kelompok]]"))
	if i < 0 {
		b.Fatal("seed has no [[kelompok]]")
	}
	var a, r bytes.Buffer
	a.Write(seed[:i])
	a.WriteString("\n[[kelompok]]\nnama = \"SASARAN STRATEGIS\"\n")
	r.WriteString("tahun = 2021\n")
	rules := []struct{ akumulasi, triwulan, tahunan, nilai string }{
		{"kumulatif", `["25%", "25%", "25%", "25%"]`, "100%", "27,5%"},
		{"rata_rata", `["4", "4", "4", "4"]`, "4", "3,5"},
		{"posisi_akhir", `["15%", "30%", "45%", "100%"]`, "100%", "40%"},
		{"tahunan", `["N/A", "(3) WTP", "N/A", "N/A"]`, "(3) WTP", "WDP"},
	}
	for k := range n {
		rule := rules[k%len(rules)]
		fmt.Fprintf(&a, "\n[[kelompok.sasaran]]\nuraian = \"Sasaran %d\"\n\n[[kelompok.sasaran.indikator]]\n", k+1)
		fmt.Fprintf(&a, "kode = \"K%d\"\nindikator = \"Indikator %d\"\npengukuran = \"Diukur.\"\ntriwulan = %s\ntahunan = %q\nakumulasi = %q\n",
			k, k, rule.triwulan, rule.tahunan, rule.akumulasi)
		if rule.akumulasi == "tahunan" {
			a.WriteString("skala = \"opini_bpk\"\n")
		}
		for q := 1; q <= 3; q++ {
			if rule.akumulasi == "tahunan" && q != 2 {
				continue
			}
			fmt.Fprintf(&r, "\n[[realisasi]]\nkode = \"K%d\"\ntriwulan = %d\nnilai = %q\npagu = 1000000000\nrealisasi_anggaran = %d\n",
				k, q, rule.nilai, q*200_000_000)
		}
	}
	return a.Bytes(), r.Bytes()
}
