package pesan

// initTexts are kinerja init and kinerja xlsx (agreement workbooks), the
// placeholder rule of the agreement checker, and sign's key file checks.
var _ = add(map[string]string{
	"the agreement's year":                "tahun perjanjian",
	"last year's agreement to start from": "perjanjian tahun lalu sebagai titik awal",
	"output file (instead of FILE.toml)":  "berkas keluaran (sebagai ganti FILE.toml)",
	"replace an existing output file":     "timpa berkas keluaran yang sudah ada",
	"output file (required)":              "berkas keluaran (wajib)",
	"import: replace an existing TOML":    "import: timpa TOML yang sudah ada",
	"warning: %s can be read by other users (mode %04o); protect it with chmod 600 %s\n": "peringatan: %s dapat dibaca pengguna lain (mode %04o); lindungi dengan chmod 600 %s\n",
	"-o FILE is required": "-o FILE wajib diisi",
	"still holds the placeholder %s; fill it in: expected the real value": "masih berisi tempat isian %s; isilah: diharapkan nilai yang sebenarnya",
	"usage: kinerja xlsx export AGREEMENT.toml -o AGREEMENT.xlsx\n       kinerja xlsx import AGREEMENT.xlsx -o AGREEMENT.toml [--force]\n\nexport writes the agreement as a workbook for review and editing: the\nsheets Identitas (document and parties), Indikator (sasaran, indicators,\ntargets per quarter) and Program (budget). import reads it back, checks it\nas 'kinerja check' does (problems as AGREEMENT.xlsx: Sheet!CELL: field: ...)\nand writes the TOML; an existing TOML is not replaced without --force.\n": "cara pakai: kinerja xlsx export PERJANJIAN.toml -o PERJANJIAN.xlsx\n            kinerja xlsx import PERJANJIAN.xlsx -o PERJANJIAN.toml [--force]\n\nexport menulis perjanjian sebagai buku kerja untuk ditinjau dan disunting:\nlembar Identitas (dokumen dan para pihak), Indikator (sasaran, indikator,\ntarget per triwulan) dan Program (anggaran). import membacanya kembali,\nmemeriksanya seperti 'kinerja check' (masalah sebagai PERJANJIAN.xlsx:\nLembar!SEL: kolom: ...) dan menulis TOML; TOML yang sudah ada tidak ditimpa\ntanpa --force.\n",
})
