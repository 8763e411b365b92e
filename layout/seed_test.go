package layout

// Code generated from /work/shared/seed/perjanjian-kinerja-2021-bppbj.txt by a one-off script; edit freely.

import "kinerja/data"

// seedGroups returns the indicator table of the seed agreement.
func seedGroups() []data.Group {
	return []data.Group{
		{Nama: "SASARAN STRATEGIS", Sasaran: []data.Sasaran{
			{No: 1, Uraian: "Terwujudnya penyelenggaraan pemerintahan yang taktis dan adaptif", Indikator: []data.Indicator{
				{No: 1, Indikator: "Opini laporan Keuangan", SumberData: "e-SAKIP",
					Pengukuran: "Pernyataan profesional badan pemeriksa keuangan RI mengenai tingkat kewajaran informasi yang disajikan dalam laporan keuangan daerah pemprov DKI Jakarta sesuai dengan standar akuntansi pemerintahan, keandalan sistem pengendalian internal, kepatuhan terhadap perundangan dan kecukupan pengungkapan (konversi nilai opini pemeriksaan LK, WTP=3(100%), WDP=2(75%), TW=1(50%), TMP=0(25%))",
					Triwulan:   [4]data.Target{tg("N/A"), tg("(3) WTP"), tg("N/A"), tg("N/A")}, Tahunan: tg("(3) WTP"), Keterangan: "Predikat"},
			}},
			{No: 2, Uraian: "Meningkatnya Layanan Pengadaan Barang/Jasa di Pemerintah Provinsi DKI Jakarta", Indikator: []data.Indicator{
				{No: 1, Indikator: "Indeks Kepuasan Layanan PBJ", SumberData: "e-SAKIP",
					Pengukuran: "Indeks kepuasan pelayanan bppbj berdasarkan pelaksanaan pengadaan barang jasa sistem e-lang BPPBJ. Dengan kategorisasi mempedomani Permenpan No 14 Tahun 2017 : Indeks 4 : Sangat Baik, dengan nilai interval hasil survey 3,5324-4,00 atau nilai interval konversi 88,31-100,00 Indeks 3 : Baik, dengan nilai interval hasil survey 3,0644-3,532 atau nilai interval konversi 76,61-88,30 Indeks 2 : Kurang baik, dengan nilai interval hasil survey 2,60-3,064 atau nilai interval konversi 65,00-76,60 Indeks 1 : Tidak baik, dengan nilai interval hasil survey 1,00-2,5596 atau nilai interval konversi 25,00-64,99",
					Triwulan:   [4]data.Target{tg("4"), tg("4"), tg("4"), tg("4")}, Tahunan: tg("4"), Keterangan: "Nilai"},
			}},
			{No: 3, Uraian: "Meningkatnya Kualitas Pelaksanaan Anggaran", Indikator: []data.Indicator{
				{No: 1, Indikator: "Persentase Kualitas Pelaksanaan Anggaran", SumberData: "e-SAKIP",
					Pengukuran: "Persentase Kualitas Pelaksanaan Anggaran dilakukan dengan mengukur 3 Komponen yaitu: a. Penyerapan Anggaran. Komponen ini mengukur kesesuaian realisasi anggaran dibandingkan dengan pagu anggaran yang telah ditetapkan di lingkungan Perangkat Daerah. Nilai penyerapan anggaran maksimal adalah 40%. Penyerapan anggaran bernilai 40% apabila serapan anggaran ≥ 80%. Apabila serapan anggaran di bawah < 80% maka perhitungan nilai penyerapan anggaran = (Persentase Serapan Anggaran x 40%). Anggaran yang diperhitungkan meliputi APBD dan BLU, dan tidak termasuk dana transfer dari pemerintah pusat. b. Efisiensi adalah sisa dana yang diperoleh setelah pelaksanaan dari subkegiatan yang target sarannya telah dicapai. Apabila pencapaian output tidak tercapai 100% maka unsur efisiensi tidak diukur. Sisa dana adalah selisih lebih pagu anggaran dengan realisasi anggaran dimana selisih lebih pagu dimaksud sudah tidak dialihkan kembali untuk subkegiatan/belanja lainnya. c. Pencapaian output adalah persentase capaian indikator kinerja subkegiatan (output). Realisasi pencapaian output dapat dilihat dalam aplikasi e-monev Anggaran hasil inputan PD/UKPD Formulasi pengukuran adalah sebagai berikut: 1. Serapan Anggaran ≥ 80% dan output 100% Realisasi = (40%) + ((%efisiensi X 10%)/20%) + (50%) 2. Serapan Anggaran <80% dan output <100% Realisasi = (Penyerapan Anggaran X 40%) + (pencapaian output X 50%) 3. Serapan Anggaran ≥ 80%, namun output <100% Realisasi = (40%) + (pencapaian output x 50%)",
					Triwulan:   [4]data.Target{tg("N/A"), tg("N/A"), tg("N/A"), tg("91%")}, Tahunan: tg("91%"), Keterangan: "Persentase"},
			}},
			{No: 4, Uraian: "Meningkatnya kewirausahaan baru", Indikator: []data.Indicator{
				{No: 1, Indikator: "Persentase penyelesaian rencana aksi Program Pembinaan dan Pengembangan Kewirausahaan Terpadu (nomor 20)", SumberData: "e-Monev KSD",
					Pengukuran: "Realisasi penyelesaian dibandingkan target penyelesaian rencana aksi Program Pembinaan dan Pengembangan Kewirausahaan Terpadu (nomor 20)",
					Triwulan:   [4]data.Target{tg("100%"), tg("100%"), tg("100%"), tg("100%")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
			{No: 5, Uraian: "Meningkatnya akses sanitasi layak", Indikator: []data.Indicator{
				{No: 1, Indikator: "Persentase penyelesaian rencana aksi Pengembangan dan Pengelolaan Air Limbah dan Air Limbah Komunal (nomor 22)", SumberData: "e-Monev KSD",
					Pengukuran: "Realisasi penyelesaian dibandingkan target penyelesaian rencana aksi Pengembangan dan Pengelolaan Air Limbah dan Air Limbah Komunal (nomor 22)",
					Triwulan:   [4]data.Target{tg("N/A"), tg("100%"), tg("100%"), tg("100%")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
			{No: 6, Uraian: "Meningkatnya fungsi dan pengelolaan infrastruktur pengendalian banjir dan abrasi", Indikator: []data.Indicator{
				{No: 1, Indikator: "Persentase penyelesaian rencana aksi Pengendalian Banjir melalui Naturalisasi Sungai, Pembangunan Waduk/Situ/Embung, Revitalisasi Sistem Polder dan Tanggul Pantai (nomor 23)", SumberData: "e-Monev KSD",
					Pengukuran: "Realisasi penyelesaian dibandingkan target penyelesaian rencana aksi Pengendalian Banjir melalui Naturalisasi Sungai, Pembangunan Waduk/Situ/Embung, Revitalisasi Sistem Polder dan Tanggul Pantai (nomor 23)",
					Triwulan:   [4]data.Target{tg("100%"), tg("100%"), tg("100%"), tg("N/A")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
			{No: 7, Uraian: "Terwujudnya sarana dan prasarana transportasi yang aman, memadai, modern, terintegrasi, ramah lingkungan, dan terjangkau bagi semua warga Jakarta", Indikator: []data.Indicator{
				{No: 1, Indikator: "Persentase penyelesaian rencana aksi Penciptaan Layanan Transportasi Terintegrasi melalui Jak Lingko (nomor 29)", SumberData: "e-Monev KSD",
					Pengukuran: "Realisasi penyelesaian dibandingkan target penyelesaian rencana aksi Penciptaan Layanan Transportasi Terintegrasi melalui Jak Lingko (nomor 29)",
					Triwulan:   [4]data.Target{tg("100%"), tg("100%"), tg("N/A"), tg("N/A")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
				{No: 2, Indikator: "Persentase penyelesaian rencana aksi Peningkatan Kualitas Fasilitas Pedestrian (nomor 73)", SumberData: "e-Monev KSD",
					Pengukuran: "Realisasi penyelesaian dibandingkan target penyelesaian rencana aksi Peningkatan Kualitas Fasilitas Pedestrian (nomor 73)",
					Triwulan:   [4]data.Target{tg("N/A"), tg("100%"), tg("100%"), tg("N/A")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
			{No: 8, Uraian: "Terwujudnya tata kelola pemerintahan dan keuangan Daerah yang transparan dan akuntabel", Indikator: []data.Indicator{
				{No: 1, Indikator: "Persentase penyelesaian rencana aksi Mewujudkan Akuntabilitas Kinerja Instansi Pemerintah (AKIP) dengan Predikat AA (nomor 39)", SumberData: "e-Monev KSD",
					Pengukuran: "Realisasi penyelesaian dibandingkan target penyelesaian rencana aksi Mewujudkan Akuntabilitas Kinerja Instansi Pemerintah (AKIP) dengan Predikat AA (nomor 39)",
					Triwulan:   [4]data.Target{tg("100%"), tg("N/A"), tg("N/A"), tg("N/A")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
				{No: 2, Indikator: "Persentase penyelesaian capaian rencana aksi Peningkatan Kualitas Kinerja Pemerintahan (nomor 61)", SumberData: "e-Monev KSD",
					Pengukuran: "Realisasi penyelesaian dibandingkan target penyelesaian rencana aksi Persentase penyelesaian capaian rencana aksi Peningkatan Kualitas Kinerja Pemerintahan (nomor 61)",
					Triwulan:   [4]data.Target{tg("N/A"), tg("100%"), tg("N/A"), tg("100%")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
			{No: 9, Uraian: "Terwujudnya tata kelola pemerintahan dan keuangan daerah yang transparan, akuntabel serta berbasis teknologi informasi", Indikator: []data.Indicator{
				{No: 1, Indikator: "Persentase penyelesaian rencana aksi Pengembangan Smart City nomor (43)", SumberData: "e-Monev KSD",
					Pengukuran: "Realisasi rencana aksi KSD mengenai Pengembangan Smart City Nomor(43)",
					Triwulan:   [4]data.Target{tg("100%"), tg("100%"), tg("100%"), tg("N/A")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
				{No: 2, Indikator: "Persentase penyelesaian rencana aksi Implementasi SPBE (Sistem Pemerintahan Berbasis Elektronik) (nomor 63)", SumberData: "e-Monev KSD",
					Pengukuran: "Realisasi penyelesaian dibandingkan target penyelesaian rencana aksi Implementasi SPBE (Sistem Pemerintahan Berbasis Elektronik) (nomor 63)",
					Triwulan:   [4]data.Target{tg("100%"), tg("N/A"), tg("100%"), tg("N/A")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
			{No: 10, Uraian: "Terbangunnya kota yang berwawasan tata ruang dan lingkungan sebagai perwujudan kota yang berkelanjutan dan lestari", Indikator: []data.Indicator{
				{No: 1, Indikator: "Persentase penyelesaian rencana aksi Pengendalian Pencemaran Udara nomor (71)", SumberData: "e-Monev KSD",
					Pengukuran: "Realisasi rencana aksi KSD mengenai Pengendalian Pencemaran Udara Nomor(71)",
					Triwulan:   [4]data.Target{tg("N/A"), tg("100%"), tg("100%"), tg("N/A")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
		}},
		{Nama: "SASARAN KHUSUS", Sasaran: []data.Sasaran{
			{No: 11, Uraian: "Terwujudnya layanan Barang dan Jasa melalui Ekatalog yang berkualitas bagi pemangku kepentingan (stakeholder)", Indikator: []data.Indicator{
				{No: 1, Indikator: "Penyelesaian Ekatalog Tepat Waktu sesuai dengan SOP yang berlaku", SumberData: "e-Kinerja",
					Pengukuran: "Penyelesaian Ekatalog Tepat Waktu sesuai SOP yang berlaku",
					Triwulan:   [4]data.Target{tg("100%"), tg("100%"), tg("100%"), tg("100%")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
			{No: 12, Uraian: "Meningkatnya Pemanfaatan E-Purchasing dalam Pengadaan Barang dan Jasa", Indikator: []data.Indicator{
				{No: 1, Indikator: "Persentase Pemanfaatan E-Order", SumberData: "e-Kinerja",
					Pengukuran: "Jumlah rupiah realisasi Belanja Makanan dan Minuman yang memanfaatkan e-order per triwulan dibagi Jumlah anggaran Belanja Makanan dan Minuman x 100%.",
					Triwulan:   [4]data.Target{tg("100%"), tg("100%"), tg("100%"), tg("100%")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
			{No: 13, Uraian: "Terimplementasinya rencana strategis komunikasi publik untuk program-program umum dan unggulan Perangkat Daerah", Indikator: []data.Indicator{
				{No: 1, Indikator: "Persentase implementasi rencana strategi komunikasi publik program-program umum dan unggulan Pemerintah Provinsi DKI Jakarta.", SumberData: "e-Kinerja",
					Pengukuran: "a) Persentase tersusunnya strategi komunikasi program unggulan atau program umum Perangkat Daerah.\n\nb) Persentase tersusunnya editorial plan program unggulan atau program umum Perangkat Daerah. Diskominfo menyusun editorial plan di level Provinsi.\n\nc) Persentase tersusunnya daftar potensi krisis dan implementasi protokol krisis oleh Perangkat Daerah sesuai SOP yang disusun Diskominfo.\n\nd) Persentase terpublikasikannya materi komunikasi program unggulan dan program umum Perangkat Daerah melalui media massa atau media sosial atau media luar ruang.\n\nPerhitungan :\n\na) Bobot 30% : PD menyusun paparan strategi komunikasi program unggulan atau program umum per triwulan.\n\nb) Bobot 20% : PD menyusun paparan editorial plan program unggulan atau program umum per triwulan.\n\nc) Bobot 20% : PD menyusun paparan list potensi krisis dan implementasi protokol krisis program umum atau program unggulan per triwulan.\n\nd) Bobot 30% : PD mempublikasikan materi program unggulan dan program umum melalui media massa atau media sosial atau media luar ruang per triwulan (note: realisasi editorial plan, min 15 materi per triwulan).",
					Triwulan:   [4]data.Target{tg("100%"), tg("100%"), tg("100%"), tg("100%")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
			{No: 14, Uraian: "Terwujudnya tata kelola pemerintahan yang transparan dan akuntabel Provinsi DKI Jakarta", Indikator: []data.Indicator{
				{No: 1, Indikator: "Predikat SAKIP Perangkat Daerah Tahun 2021", SumberData: "",
					Pengukuran: "Nilai/Predikat diperoleh dan hasil evaluasi implementasi SAKIP Perangkat Daerah oleh Inspektorat (nilai: 81)",
					Triwulan:   [4]data.Target{tg("N/A"), tg("N/A"), tg("N/A"), tg("A (81)")}, Tahunan: tg("A (81)"), Keterangan: "Predikat"},
			}},
			{No: 15, Uraian: "Mewujudkan tata kelola pemerintahan dan keuangan daerah yang akuntabel dan transparan serta peningkatan produktivitas dan integritas aparatur", Indikator: []data.Indicator{
				{No: 1, Indikator: "Nilai PMPRB", SumberData: "e-Kinerja",
					Pengukuran: "Berdasarkan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 26 Tahun 2020 tentang Pedoman Evaluasi Pelaksanaan Reformasi Birokrasi maka Penilaian Mandiri Pelaksanaan Reformasi Birokrasi yang selanjutnya disingkat PMPRB adalah model penilaian mandiri yang berbasis prinsip Total Quality Management dan digunakan sebagai metode untuk melakukan penilaian serta analisis yang menyeluruh terhadap kinerja instansi pemerintah. Cara penghitungan : Nilai PMRB = Nilai Komponen Pengungkit (bobot maks 60) + Nilai Komponen Hasil (bobot maks 40). Penilaian Mandiri Pelaksanaan Reformasi Birokrasi dikoordinasikan oleh Inspektorat dengan kategori penilaian sebagai berikut : AA = >90-100; A = >80-90; BB = >70-80; B = >60-70; CC = >50-60; C = >30-50; D = 0-30",
					Triwulan:   [4]data.Target{tg("N/A"), tg("N/A"), tg("N/A"), tg("92")}, Tahunan: tg("92"), Keterangan: "Nilai"},
			}},
			{No: 16, Uraian: "Suksesnya Penyerapan PEN 2021 dan Ketercapaian Output sesuai rencana pengadaan", Indikator: []data.Indicator{
				{No: 1, Indikator: "Nilai pelaksanaan pengadaan Barang dan jasa tepat waktu dan sesuai dengan perencanaan pengadaan", SumberData: "e-Kinerja",
					Pengukuran: "Penyelesaian pengadaan barang dan Jasa yang didanai melalui Pinjaman PEN (sesuai dengan perencanaan pengadaan)",
					Triwulan:   [4]data.Target{tg("15%"), tg("30%"), tg("45%"), tg("100%")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
		}},
		{Nama: "SASARAN OPERASIONAL", Sasaran: []data.Sasaran{
			{No: 17, Uraian: "Terselesaikannya Tindak Lanjut Arahan Gubernur", Indikator: []data.Indicator{
				{No: 1, Indikator: "Persentase capaian penyelesaian Tindak Lanjut Arahan Gubernur", SumberData: "e-Kinerja",
					Pengukuran: "(Jumlah Realisasi TL Arahan Gubernur (rapim, e-office, arahan melalui media elektronik, dan bentuk arahan lainnya) / Jumlah TL Arahan Gubernur) x 100%",
					Triwulan:   [4]data.Target{tg("100%"), tg("100%"), tg("100%"), tg("100%")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
			{No: 18, Uraian: "Meningkatnya penyelesaian pengaduan masyarakat", Indikator: []data.Indicator{
				{No: 1, Indikator: "Persentase capaian penyelesaian pengaduan masyarakat", SumberData: "CRM",
					Pengukuran: "(Jumlah Realisasi TL Aduan Masyarakat / Jumlah TL Aduan Masyarakat) x 100%",
					Triwulan:   [4]data.Target{tg("100%"), tg("100%"), tg("100%"), tg("100%")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
			{No: 19, Uraian: "Terselesaikannya tindak lanjut rekomendasi temuan hasil pemeriksaan eksternal (BPK)", Indikator: []data.Indicator{
				{No: 1, Indikator: "Persentase progress penyelesaian tindak lanjut rekomendasi temuan hasil pemeriksaan eksternal (BPK)", SumberData: "e-Kinerja",
					Pengukuran: "(Jumlah rekomendasi LHP BPK RI Tahun 2005 dan seterusnya yang telah diselesaikan oleh Perangkat Daerah dan UKPD dibawah koordinasinya / jumlah seluruh rekomendasi LHP BPK RI yang diterima tahun 2005 dan seterusnya) x 100% (Verifikasi oleh Inspektorat)",
					Triwulan:   [4]data.Target{tg("25%"), tg("25%"), tg("25%"), tg("25%")}, Tahunan: tg("100%"), Keterangan: "Persentase"},
			}},
		}},
	}
}
