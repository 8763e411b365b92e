package report

import (
	"fmt"
	"io"
	"testing"

	"kinerja/data"
)

// bigReport builds a 60-indicator agreement (all four rules, predicates
// included) with realisasi for quarters I..III.
func bigReport(b *testing.B) (*data.Agreement, *Realisasi) {
	kinds := []data.Indicator{
		{Akumulasi: data.Kumulatif, Triwulan: quarters(b, "25%", "25%", "25%", "25%"), Tahunan: tg(b, "100%")},
		{Akumulasi: data.RataRata, Triwulan: quarters(b, "100%", "N/A", "100%", "100%"), Tahunan: tg(b, "100%"), Batas: 120},
		{Akumulasi: data.PosisiAkhir, Triwulan: quarters(b, "15%", "30%", "45%", "100%"), Tahunan: tg(b, "100%")},
		{Akumulasi: data.Tahunan, Skala: "opini_bpk", Triwulan: quarters(b, "N/A", "(3) WTP", "N/A", "N/A"), Tahunan: tg(b, "(3) WTP")},
		{Akumulasi: data.Tahunan, Skala: "sakip", Triwulan: quarters(b, "N/A", "N/A", "A (81)", "N/A"), Tahunan: tg(b, "A (81)")},
		{Akumulasi: data.Kumulatif, Polaritas: data.Negatif, Triwulan: quarters(b, "10", "10", "10", "10"), Tahunan: tg(b, "40")},
	}
	values := [][3]string{{"20%", "27,5%", "25%"}, {"90%", "", "110%"}, {"12%", "33%", "40%"},
		{"", "WDP", ""}, {"", "", "A (83)"}, {"8", "12", "9"}}
	var inds []data.Indicator
	var es []Entry
	for i := 0; i < 60; i++ {
		ind := kinds[i%len(kinds)]
		ind.Kode = fmt.Sprintf("K%d", i)
		inds = append(inds, ind)
		for q, v := range values[i%len(values)] {
			if v != "" {
				e := ent(b, ind.Kode, q+1, v)
				e.Pagu, e.RealisasiAnggaran, e.HasPagu, e.HasRealisasiAnggaran = 1_000_000_000, int64(q+1)*200_000_000, true, true
				es = append(es, e)
			}
		}
	}
	return agreementOf(inds...), realisasiOf(b, es...)
}

func BenchmarkCompute60(b *testing.B) {
	a, r := bigReport(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(a, r, 3); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkComputeAndCSV60(b *testing.B) {
	a, r := bigReport(b)
	b.ReportAllocs()
	for b.Loop() {
		rep, err := Compute(a, r, 3)
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteCSV(io.Discard, rep); err != nil {
			b.Fatal(err)
		}
	}
}
