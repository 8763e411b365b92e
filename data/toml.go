package data

// The private TOML shape of an agreement file. Leaves are vals so that type
// errors become positioned problems; tables are structs and arrays of
// tables are slices, so that MetaData.Undecoded reports unknown keys. The
// toml tags are the documented keys (FORMAT.md).

type fileT struct {
	Tahun         val         `toml:"tahun"`
	Tempat        val         `toml:"tempat"`
	Tanggal       val         `toml:"tanggal"`
	Nomor         val         `toml:"nomor"`
	Kertas        val         `toml:"kertas"`
	Huruf         val         `toml:"huruf"`
	Footer        val         `toml:"footer"`
	VerifikasiURL val         `toml:"verifikasi_url"`
	TandaTangan   val         `toml:"tanda_tangan"`
	Dibuat        val         `toml:"dibuat"`
	Kop           kopT        `toml:"kop"`
	Judul         judulT      `toml:"judul"`
	Label         labelT      `toml:"label"`
	Pertama       partyT      `toml:"pihak_pertama"`
	Kedua         partyT      `toml:"pihak_kedua"`
	Teks          teksT       `toml:"teks"`
	Kelompok      []groupT    `toml:"kelompok"`
	Program       []programT  `toml:"program"`
	Skala         []scaleT    `toml:"skala"`
	Kategori      []categoryT `toml:"kategori"`
}

type kopT struct {
	Baris val `toml:"baris"`
	Logo  val `toml:"logo"`
}

type judulT struct {
	Pernyataan val `toml:"pernyataan"`
	Lampiran   val `toml:"lampiran"`
}

type labelT struct {
	Pertama val `toml:"pertama"`
	Kedua   val `toml:"kedua"`
}

type partyT struct {
	Nama       val       `toml:"nama"`
	NIP        val       `toml:"nip"`
	Pangkat    val       `toml:"pangkat"`
	Jabatan    val       `toml:"jabatan"`
	JabatanTTD val       `toml:"jabatan_ttd"`
	UnitKerja  val       `toml:"unit_kerja"`
	Lampiran   lampiranT `toml:"lampiran"`
}

// lampiranT is how a party is written in the attachment when it differs
// from the statement page.
type lampiranT struct {
	Nama       val `toml:"nama"`
	Jabatan    val `toml:"jabatan"`
	JabatanTTD val `toml:"jabatan_ttd"`
}

type teksT struct {
	Pembuka        val `toml:"pembuka"`
	SebutanPertama val `toml:"sebutan_pertama"`
	SebutanKedua   val `toml:"sebutan_kedua"`
	Janji          val `toml:"janji"`
	Supervisi      val `toml:"supervisi"`
}

type groupT struct {
	Nama    val        `toml:"nama"`
	Sasaran []sasaranT `toml:"sasaran"`
}

type sasaranT struct {
	Uraian    val          `toml:"uraian"`
	Indikator []indicatorT `toml:"indikator"`
}

type indicatorT struct {
	Kode       val `toml:"kode"`
	Indikator  val `toml:"indikator"`
	SumberData val `toml:"sumber_data"`
	Pengukuran val `toml:"pengukuran"`
	Triwulan   val `toml:"triwulan"`
	Tahunan    val `toml:"tahunan"`
	Keterangan val `toml:"keterangan"`
	Satuan     val `toml:"satuan"`
	Polaritas  val `toml:"polaritas"`
	Akumulasi  val `toml:"akumulasi"`
	Skala      val `toml:"skala"`
	Batas      val `toml:"batas"`
}

type programT struct {
	Program    val `toml:"program"`
	Anggaran   val `toml:"anggaran"`
	Keterangan val `toml:"keterangan"`
}

type scaleT struct {
	Nama  val           `toml:"nama"`
	Nilai []scaleEntryT `toml:"nilai"`
}

type scaleEntryT struct {
	Label   val `toml:"label"`
	Skor    val `toml:"skor"`
	Persen  val `toml:"persen"`
	Rentang val `toml:"rentang"`
}

type categoryT struct {
	Nama val `toml:"nama"`
	Min  val `toml:"min"`
}
