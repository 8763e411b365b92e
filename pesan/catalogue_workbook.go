package pesan

// workbookTexts are the cell problems of a filled workbook (package
// workbook), printed as FILE: Sheet!CELL: field: message.
var _ = add(map[string]string{
	"%q is not a year; expected a number like 2026":                               "%q bukan tahun; diharapkan angka seperti 2026",
	"%q is not a date; expected 2026-01-05 or a month and year like Januari 2026": "%q bukan tanggal; diharapkan 2026-01-05 atau bulan dan tahun seperti Januari 2026",
	"%q is not a number; expected 0, 110 or 120":                                  "%q bukan angka; diharapkan 0, 110 atau 120",
	"%q is not a level; expected 0 (program), 1 (kegiatan) or 2 (sub kegiatan)":   "%q bukan tingkat; diharapkan 0 (program), 1 (kegiatan) atau 2 (sub kegiatan)",
	"%q is not an amount; expected a whole number of rupiah":                      "%q bukan jumlah uang; diharapkan bilangan bulat rupiah",
	"the hidden sheet's agreement is damaged: %v":                                 "perjanjian pada sheet tersembunyi rusak: %v",
	"%q is not a quarter; expected 1, 2, 3 or 4":                                  "%q bukan triwulan; diharapkan 1, 2, 3 atau 4",
	"empty; expected the agreement's file name":                                   "kosong; diharapkan nama berkas perjanjian",
})
