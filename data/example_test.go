package data_test

import (
	"fmt"
	"strings"

	"kinerja/data"
)

const exampleTOML = `tahun = 2021
tempat = "Jakarta"
tanggal = 2021-01-04

[kop]
baris = ["PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"]

[pihak_pertama]
nama = "BUDI SANTOSO"
nip = "19840819 200212 1 001"
jabatan = "Kepala Dinas Contoh"
unit_kerja = "Dinas Contoh"

[pihak_kedua]
nama = "GUBERNUR CONTOH"
jabatan = "Gubernur"

[[kelompok]]
nama = "SASARAN STRATEGIS"

[[kelompok.sasaran]]
uraian = "Meningkatnya layanan"

[[kelompok.sasaran.indikator]]
kode = "SS1.1"
indikator = "Persentase layanan tepat waktu"
pengukuran = "Layanan tepat waktu / seluruh layanan x 100%"
triwulan = ["15%", "30%", "45%", "100%"]
tahunan = "100%"
keterangan = "Persentase"
`

func ExampleDecode() {
	a, err := data.Decode(strings.NewReader(exampleTOML), "pk.toml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.TempatTanggal())
	fmt.Println(a.Pertama.NIP, a.Kertas.Name)
	for _, r := range a.Indicators() {
		ind := r.Indicator
		fmt.Println(r.Sasaran.No, ind.No, ind.Kode, ind.Tahunan.Text, ind.Akumulasi)
	}
	// Output:
	// Jakarta, 4 Januari 2021
	// 198408192002121001 A4
	// 1 1 SS1.1 100% posisi_akhir
}

func ExampleErrors() {
	bad := strings.Replace(exampleTOML, `tahunan = "100%"`, `tahunan = "9l%"`, 1)
	bad = strings.Replace(bad, `"45%", "100%"]`, `"45%"]`, 1)
	_, err := data.Decode(strings.NewReader(bad), "pk.toml")
	fmt.Println(err)
	// Output:
	// pk.toml:28:12: kelompok[0].sasaran[0].indikator[0].triwulan: has 3 values; expected four quarterly targets, e.g. triwulan = ["N/A", "100%", "100%", "100%"]
	// pk.toml:29:11: kelompok[0].sasaran[0].indikator[0].tahunan: "9l%" is not a target; expected N/A, a percentage like 91%, a number like 4 or 3,5, or a predicate like WTP, (3) WTP or A (81)
}
