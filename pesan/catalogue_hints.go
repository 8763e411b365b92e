package pesan

// hintTexts are what the agreement validator (package data) says it
// expects after "expected", passed to its formats as arguments.
var _ = add(map[string]string{
	"the agreement year as a number, e.g. tahun = 2021":                         "tahun perjanjian sebagai angka, misalnya tahun = 2021",
	"an integer number of rupiah without quotes, e.g. anggaran = 1_250_000_000": "bilangan bulat rupiah tanpa tanda petik, misalnya anggaran = 1_250_000_000",
	"a number like 3":                  "angka seperti 3",
	"a percentage as a number like 75": "persentase sebagai angka seperti 75",
	"0, 110 or 120":                    "0, 110 atau 120",
	"a number like 91":                 "angka seperti 91",
	`four quarterly targets, e.g. triwulan = ["N/A", "100%", "100%", "100%"]`:                     `empat target triwulan, misalnya triwulan = ["N/A", "100%", "100%", "100%"]`,
	`the letterhead lines, e.g. baris = ["PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"]`: `baris-baris kop surat, misalnya baris = ["PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"]`,
})
