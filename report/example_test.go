package report_test

import (
	"fmt"
	"strings"

	"kinerja/data"
	"kinerja/report"
)

func ExampleCompute() {
	target := func(s string) data.Target { t, _ := data.ParseTarget(s); return t }
	a := &data.Agreement{Tahun: 2021, Kelompok: []data.Group{{Nama: "SASARAN OPERASIONAL",
		Sasaran: []data.Sasaran{{No: 19, Uraian: "Terselesaikannya tindak lanjut rekomendasi BPK",
			Indikator: []data.Indicator{{No: 1, Kode: "SO19.1", Akumulasi: data.Kumulatif,
				Triwulan: [4]data.Target{target("25%"), target("25%"), target("25%"), target("25%")},
				Tahunan:  target("100%")}}}}}}}
	src := `tahun = 2021
[[realisasi]]
kode = "SO19.1"
triwulan = 1
nilai = "20%"
[[realisasi]]
kode = "SO19.1"
triwulan = 2
nilai = "27,5%"
`
	r, err := report.Decode(strings.NewReader(src), "realisasi.toml", a)
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := report.Compute(a, r, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	row := rep.Rows[0]
	fmt.Println(row.Kode, row.RealisasiTW.Text, row.CapaianTW.Text(), row.KategoriTW)
	fmt.Println("s.d. TW II:", row.RealisasiSD.Text, row.Dinilai().Text(), row.Kategori)
	fmt.Println("progres terhadap target tahunan:", row.CapaianTahunan.Text())
	// Output:
	// SO19.1 27,5% 110% Sangat Tinggi
	// s.d. TW II: 47,5% 95% Sangat Tinggi
	// progres terhadap target tahunan: 47,5%
}
