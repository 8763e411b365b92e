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
	Identitas     []idRowT    `toml:"identitas"`
	Tabel         tabelT      `toml:"tabel"`
	TabelProgram  tabelProgT  `toml:"tabel_program"`
	Pertama       partyT      `toml:"pihak_pertama"`
	Kedua         partyT      `toml:"pihak_kedua"`
	Teks          teksT       `toml:"teks"`
	Kelompok      []groupT    `toml:"kelompok"`
	Program       []programT  `toml:"program"`
	Skala         []scaleT    `toml:"skala"`
	Kategori      []categoryT `toml:"kategori"`
	RumusNegatif  val         `toml:"rumus_negatif"`
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
	Pertama   val `toml:"pertama"`
	Kedua     val `toml:"kedua"`
	Nama      val `toml:"nama"`
	NIP       val `toml:"nip"`
	Jabatan   val `toml:"jabatan"`
	UnitKerja val `toml:"unit_kerja"`
}

type idRowT struct {
	Label val `toml:"label"`
	Isi   val `toml:"isi"`
}

type tabelT struct {
	Kolom     val     `toml:"kolom"`
	Penomoran val     `toml:"penomoran"`
	Kepala    kepalaT `toml:"kepala"`
}

// kepalaT renames column headings, one key per column name.
type kepalaT struct {
	No          val `toml:"no"`
	Sasaran     val `toml:"sasaran"`
	NoIndikator val `toml:"no_indikator"`
	Indikator   val `toml:"indikator"`
	SumberData  val `toml:"sumber_data"`
	Pengukuran  val `toml:"pengukuran"`
	Satuan      val `toml:"satuan"`
	Triwulan    val `toml:"triwulan"`
	Tahunan     val `toml:"tahunan"`
	Keterangan  val `toml:"keterangan"`
}

type tabelProgT struct {
	Judul  val         `toml:"judul"`
	Kolom  val         `toml:"kolom"`
	Jumlah val         `toml:"jumlah"`
	Rp     val         `toml:"rp"`
	Sen    val         `toml:"sen"`
	Kepala kepalaProgT `toml:"kepala"`
}

type kepalaProgT struct {
	No         val `toml:"no"`
	Program    val `toml:"program"`
	Anggaran   val `toml:"anggaran"`
	Keterangan val `toml:"keterangan"`
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
	Judul   val        `toml:"judul"`
	Kepala  kepalaT    `toml:"kepala"`
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

	RumusNegatif val          `toml:"rumus_negatif"`
	Pembanding   []referenceT `toml:"pembanding"`
}

type referenceT struct {
	Nama   val `toml:"nama"`
	Target val `toml:"target"`
}

type programT struct {
	Program    val         `toml:"program"`
	Anggaran   val         `toml:"anggaran"`
	Keterangan val         `toml:"keterangan"`
	Kegiatan   []kegiatanT `toml:"kegiatan"`
}

type kegiatanT struct {
	Kegiatan    val            `toml:"kegiatan"`
	Anggaran    val            `toml:"anggaran"`
	Keterangan  val            `toml:"keterangan"`
	SubKegiatan []subKegiatanT `toml:"sub_kegiatan"`
}

type subKegiatanT struct {
	SubKegiatan val `toml:"sub_kegiatan"`
	Anggaran    val `toml:"anggaran"`
	Keterangan  val `toml:"keterangan"`
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
	Nama    val `toml:"nama"`
	Min     val `toml:"min"`
	Rentang val `toml:"rentang"`
}
