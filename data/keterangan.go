package data

import (
	"regexp"
	"strings"
)

// keterangan explains every key of the format in Indonesian, for the
// commented file `kinerja init` writes (EncodeOptions.Explain). Keys are
// written without indices; pihak stands for pihak_pertama and pihak_kedua.
var keterangan = map[string]string{
	"tahun":          "Tahun perjanjian, angka tanpa tanda kutip (1990..2100).",
	"tempat":         "Tempat penandatanganan, dicetak sebelum tanggal: \"Jakarta, 4 Januari 2026\".",
	"tanggal":        "Tanggal penandatanganan: tanggal TOML tanpa tanda kutip (2026-01-05), atau bulan\ndan tahun dalam tanda kutip (\"Januari 2026\"). Tanpa kunci ini hanya tahun yang dicetak.",
	"nomor":          "Nomor dokumen (boleh dihapus bila tidak ada).",
	"kertas":         "Ukuran kertas: A4 (bawaan) atau F4 (folio 215 x 330 mm).",
	"huruf":          "Huruf: serif (Times New Roman, bawaan) atau sans (Arial).",
	"footer":         "Baris kaki yang dicetak di setiap halaman.",
	"verifikasi_url": "Alamat verifikasi untuk kode QR tanda tangan; boleh memuat {sha256} dan {signer}.",
	"tanda_tangan":   "Siapa menandatangani PDF: kinerja (bawaan, kinerja sign) atau bsre (layanan BSrE).",
	"rumus_negatif":  "Rumus capaian indikator negatif: selisih (bawaan), selisih_negatif atau terbalik.",
	"dibuat":         "Waktu pembuatan untuk metadata PDF; bawaan: tanggal pukul 00.00 WIB.",

	"kop":       "Kop surat halaman pernyataan. Hapus bagian ini bila formulir tanpa kop.",
	"kop.baris": "Baris kop, satu teks per baris, dicetak tebal di tengah.",
	"kop.logo":  "Berkas logo PNG atau JPEG, relatif terhadap folder berkas ini.",

	"judul":            "Judul halaman pernyataan dan lampiran. Tanpa kunci: judul baku dengan tahun.",
	"judul.pernyataan": "Baris judul halaman pernyataan.",
	"judul.lampiran":   "Judul lampiran: satu teks, atau daftar teks untuk judul dua baris.",

	"label":            "Sebutan para pihak dan label blok identitas seperti tercetak pada formulir.",
	"label.pertama":    "Sebutan pihak pertama (bawaan PIHAK PERTAMA; ada yang memakai PIHAK KESATU).",
	"label.kedua":      "Sebutan pihak kedua (bawaan PIHAK KEDUA).",
	"label.nama":       "Label nama pada blok identitas (bawaan Nama).",
	"label.nip":        "Label NIP (bawaan NIP).",
	"label.jabatan":    "Label jabatan (bawaan Jabatan).",
	"label.unit_kerja": "Label unit kerja (bawaan Unit Kerja; mis. Unit Organisasi, Satuan Kerja).",

	"identitas":       "Baris tambahan blok identitas lampiran, mis. Tahun Anggaran : 2026.",
	"identitas.label": "Label baris, mis. \"Tahun Anggaran\".",
	"identitas.isi":   "Isi baris, mis. \"2026\".",

	"pihak_pertama":              "PIHAK PERTAMA: pejabat yang berjanji.",
	"pihak_kedua":                "PIHAK KEDUA: atasan (\"selaku atasan\").",
	"pihak.nama":                 "Nama seperti tercetak pada halaman pernyataan; nama pejabat sendiri (Plt./Plh. ditulis di jabatan).",
	"pihak.nip":                  "NIP 18 angka, boleh dengan spasi (\"19840819 200212 1 001\"). Hapus untuk kepala daerah.",
	"pihak.pangkat":              "Pangkat/golongan, mis. \"Pembina Utama Muda (IV/c)\".",
	"pihak.jabatan":              "Jabatan setelah \"Jabatan :\" pada halaman pernyataan.",
	"pihak.jabatan_ttd":          "Jabatan pada blok tanda tangan (bawaan: jabatan dengan koma); \\n memutus baris.",
	"pihak.unit_kerja":           "Unit kerja pada blok identitas lampiran (wajib untuk pihak pertama).",
	"pihak.lampiran":             "Penulisan pihak di lampiran bila berbeda dengan halaman pernyataan.",
	"pihak.lampiran.nama":        "Nama di lampiran (bawaan: nama).",
	"pihak.lampiran.jabatan":     "Jabatan singkat di blok identitas lampiran (bawaan: jabatan).",
	"pihak.lampiran.jabatan_ttd": "Jabatan pada blok tanda tangan lampiran (bawaan: jabatan_ttd).",

	"teks":                 "Kalimat halaman pernyataan; kosong = kalimat baku. {pertama} dan {kedua} diganti sebutan pihak.",
	"teks.pembuka":         "Kalimat pembuka.",
	"teks.sebutan_pertama": "Sebutan setelah identitas pihak pertama.",
	"teks.sebutan_kedua":   "Sebutan setelah identitas pihak kedua.",
	"teks.janji":           "Paragraf janji pihak pertama.",
	"teks.supervisi":       "Paragraf supervisi pihak kedua.",

	"skala":       "Skala predikat yang dirujuk indikator lewat kunci skala.",
	"skala.nama":  "Nama skala, unik.",
	"skala.nilai": "Label predikat dengan skor dan/atau rentang, serta persen capaian (opsional).",

	"tabel":           "Kolom tabel lampiran dan judulnya.",
	"tabel.kolom":     "Urutan kolom: no, sasaran, no_indikator, indikator, sumber_data, pengukuran,\nsatuan, triwulan, tahunan, keterangan. Tanpa kunci: kolom yang terisi saja.",
	"tabel.penomoran": "Nomor sasaran: lanjut (bawaan) atau per_kelompok (mulai dari 1 di tiap kelompok).",
	"kepala":          "Judul kolom yang diganti, satu kunci per nama kolom.",

	"kelompok":                   "Kelompok tabel lampiran (SASARAN STRATEGIS, ...); ulangi [[kelompok]] untuk kelompok berikutnya.",
	"kelompok.nama":              "Baris judul kelompok, mis. \"SASARAN STRATEGIS\"; hapus bila tidak ada.",
	"kelompok.judul":             "Judul tabel baru yang dimulai kelompok ini, mis. \"B. Sasaran Kegiatan\".",
	"kelompok.sasaran":           "Sasaran; nomor sasaran dihitung otomatis, jangan ditulis.",
	"kelompok.sasaran.uraian":    "Uraian sasaran (kolom Sasaran).",
	"kelompok.sasaran.indikator": "Indikator kinerja sasaran di atas; nomor indikator dihitung otomatis.",
	"indikator.kode":             "Kode tetap indikator, dirujuk berkas realisasi, unik, mis. \"SS1.1\".",
	"indikator.indikator":        "Nama indikator (kolom Indikator Kinerja).",
	"indikator.sumber_data":      "Sumber data (kolom Sumber Data).",
	"indikator.pengukuran":       "Cara pengukuran; teks banyak baris dengan \"\"\" ... \"\"\".",
	"indikator.triwulan":         "Target triwulan I..IV, tepat empat; N/A bila tidak diukur. Hapus untuk target tahunan saja.",
	"indikator.tahunan":          "Target tahunan, ditulis seperti tercetak: 91%, 4, 3,5, 70 Indeks, WTP, (3) WTP, < 49.\nKoma sebagai desimal: 12,5% (bukan 12.5%).",
	"indikator.keterangan":       "Kolom Keterangan, mis. \"Persentase\", \"Predikat\", \"Nilai\".",
	"indikator.satuan":           "Satuan (kolom Satuan bila ada), mis. \"Persen\", \"Dokumen\".",
	"indikator.polaritas":        "positif (makin tinggi makin baik, bawaan) atau negatif (makin rendah makin baik).",
	"indikator.akumulasi":        "Cara triwulan membentuk tahun: kumulatif, posisi_akhir, rata_rata atau tahunan.",
	"indikator.skala":            "Nama [[skala]] untuk target berupa predikat (WTP, BB).",
	"indikator.batas":            "Batas atas capaian dalam persen: 0 (tanpa batas), 110 atau 120.",
	"indikator.rumus_negatif":    "Rumus indikator negatif ini (bawaan: rumus_negatif di atas).",
	"indikator.pembanding":       "Target pembanding (RPJMD, nasional): nama dan target.",

	"tabel_program":             "Tabel Program | Anggaran (Rp) | Keterangan.",
	"tabel_program.judul":       "Judul di atas tabel program, mis. \"Kegiatan dan Anggaran\".",
	"tabel_program.kolom":       "Urutan kolom: no, program, anggaran, keterangan.",
	"tabel_program.jumlah":      "Label baris jumlah (bawaan JUMLAH).",
	"tabel_program.rp":          "true: jumlah uang ditulis \"Rp 1.250.000\".",
	"tabel_program.sen":         "true: jumlah uang diakhiri \",00\".",
	"program":                   "Program dengan anggarannya; [[program.kegiatan]] dan [[program.kegiatan.sub_kegiatan]] untuk rincian.",
	"program.program":           "Nama program.",
	"anggaran":                  "Anggaran dalam rupiah, angka tanpa tanda kutip, mis. 1_250_000_000.",
	"program.keterangan":        "Keterangan, mis. \"APBD\".",
	"program.kegiatan.kegiatan": "Nama kegiatan.",
	"program.kegiatan.sub_kegiatan.sub_kegiatan": "Nama sub kegiatan.",
}

// contoh holds the commented-out examples Explain writes for optional keys
// left out, keyed as keterangan is.
var contoh = map[string]string{
	"tanggal": "2026-01-05", "nomor": `"800/PK/2026"`, "kertas": `"F4"`, "huruf": `"sans"`,
	"footer": `"Dokumen ini telah ditandatangani secara elektronik."`, "verifikasi_url": `"https://e-sakip.contoh.go.id/verifikasi/{sha256}"`,
	"tanda_tangan": `"bsre"`, "kop.logo": `"logo.png"`, "judul.pernyataan": `["PERJANJIAN KINERJA", "TAHUN 2026"]`,
	"judul.lampiran": `"PERJANJIAN KINERJA KEPALA PERANGKAT DAERAH TAHUN 2026"`, "label.pertama": `"PIHAK KESATU"`,
	"label.unit_kerja": `"Unit Organisasi"`, "pihak.nip": `"19840819 200212 1 001"`, "pihak.pangkat": `"Pembina (IV/a)"`,
	"pihak.jabatan_ttd": `"Kepala Dinas Contoh\nKabupaten Contoh,"`, "pihak.lampiran.nama": `"Budi Santoso"`,
	"pihak.lampiran.jabatan": `"Kepala Dinas"`, "tabel.penomoran": `"per_kelompok"`, "kelompok.judul": `"B. Sasaran Kegiatan"`,
	"indikator.sumber_data": `"e-SAKIP"`, "indikator.pengukuran": `"Jumlah layanan tepat waktu / jumlah layanan x 100%"`,
	"indikator.triwulan": `["25%", "50%", "75%", "100%"]`, "indikator.keterangan": `"Persentase"`, "indikator.satuan": `"Persen"`,
	"indikator.polaritas": `"negatif"`, "indikator.akumulasi": `"kumulatif"`, "indikator.batas": "120",
	"label.kedua": `"PIHAK KEDUA"`, "label.nama": `"Nama"`, "label.nip": `"NIP"`, "label.jabatan": `"Jabatan"`,
	"rumus_negatif": `"selisih"`, "dibuat": "2026-01-05T09:00:00+07:00", "pihak.unit_kerja": `"Pemerintah Kabupaten Contoh"`,
	"pihak.lampiran.jabatan_ttd": `"Kepala Dinas,"`, "teks.pembuka": `"Dalam rangka mewujudkan ..."`,
	"teks.sebutan_pertama": `"selanjutnya disebut {pertama}"`, "teks.sebutan_kedua": `"selaku atasan {pertama}, selanjutnya disebut {kedua}"`,
	"teks.janji": `"{pertama} berjanji ..."`, "teks.supervisi": `"{kedua} akan melakukan supervisi ..."`,
	"tabel.kolom":   `["no", "sasaran", "no_indikator", "indikator", "triwulan", "tahunan", "keterangan"]`,
	"kelompok.nama": `"SASARAN STRATEGIS"`, "indikator.skala": `"opini_bpk"`, "indikator.rumus_negatif": `"terbalik"`,
	"tabel_program.kolom": `["no", "program", "anggaran", "keterangan"]`, "tabel_program.jumlah": `"JUMLAH"`,
	"program.keterangan":  `"APBD"`,
	"tabel_program.judul": `"Kegiatan dan Anggaran"`, "tabel_program.rp": "true", "tabel_program.sen": "true",
}

// reIndicatorKey shortens the indicator's table to indikator.
var reIndicatorKey = regexp.MustCompile(`^kelompok\.sasaran\.indikator\.`)

// Keterangan returns the Indonesian explanation of a key of the format
// (written without indices, e.g. pihak_pertama.nip), or "".
func Keterangan(key string) string {
	if s, ok := keterangan[key]; ok {
		return s
	}
	return keterangan[genericKey(key)]
}

// genericKey maps a key to the entry of the tables above that covers it.
func genericKey(key string) string {
	key = reIndicatorKey.ReplaceAllString(key, "indikator.")
	for _, p := range []string{"pihak_pertama.", "pihak_kedua."} {
		if rest, ok := strings.CutPrefix(key, p); ok {
			return "pihak." + rest
		}
	}
	switch {
	case strings.Contains(key, ".kepala"):
		return "kepala"
	case strings.HasSuffix(key, ".anggaran"):
		return "anggaran"
	case strings.HasSuffix(key, ".keterangan") && strings.HasPrefix(key, "program"):
		return "program.keterangan"
	}
	return key
}

// example returns the commented-out example of an optional key, or "".
func example(key string) string {
	if s, ok := contoh[key]; ok {
		return s
	}
	return contoh[genericKey(key)]
}
