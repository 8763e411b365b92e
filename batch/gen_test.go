package batch

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// This file generates agreements of realistic size for the pipeline
// benchmark and the batch tests: like the sample (data/pk-2021-bppbj.toml,
// 19 sasaran, 21 indicators, two to three pages of attachment) with the
// counts varied around it (12..26 sasaran in two or three groups, one
// indicator each, one sasaran in eight two or three), Pengukuran texts of
// one or two sentences and one in five long (up to eight sentences, some
// with numbered formula lines and ≥), every target kind (percentages,
// numbers, predicates with a scale), valid NIPs and real-looking names,
// sometimes a program table, A4 or F4, serif or sans. The same index gives
// the same file.

// genAgreement returns agreement number i as TOML text.
func genAgreement(i int) string {
	return genAgreementWith(i, false)
}

// genAgreementWith is genAgreement; with sameParties every agreement names
// the same two people (as one official signs many documents), so that one
// pair of certificates can sign them all.
func genAgreementWith(i int, sameParties bool) string {
	g := &gen{r: rand.New(rand.NewPCG(uint64(i), 0x6b696e65726a61))}
	g.tahun = 2019 + g.r.IntN(7)
	g.header(i)
	if sameParties {
		r, tahun := g.r, g.tahun
		g.r, g.tahun = rand.New(rand.NewPCG(0, 0x6b696e65726a61)), 2019 // a NIP valid in every year
		g.parties()
		g.r, g.tahun = r, tahun
	} else {
		g.parties()
	}
	g.scales()
	g.groups()
	g.programs()
	return g.b.String()
}

// gen holds the state of one generated agreement.
type gen struct {
	r     *rand.Rand
	b     strings.Builder
	tahun int
	unit  string
	n     int // sasaran written so far
}

// pick returns a random element of ss.
func (g *gen) pick(ss []string) string { return ss[g.r.IntN(len(ss))] }

// q quotes s as a TOML basic string.
func q(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

var (
	firstNames = []string{"Ahmad", "Siti", "Budi", "Dewi", "Agus", "Rina", "Hendra", "Nurul", "Joko", "Sri",
		"Bambang", "Wahyu", "Fitri", "Rudi", "Yanti", "Eko", "Lestari", "Hadi", "Ratna", "Dedi"}
	lastNames = []string{"Santoso", "Wijaya", "Pratama", "Hidayat", "Saputra", "Rahmawati", "Kusuma",
		"Nugroho", "Siregar", "Nasution", "Hutapea", "Simanjuntak", "Lubis", "Harahap", "Setiawan", "Purnomo"}
	titles = []string{"", "", ", S.E.", ", S.H., M.H.", ", S.T., M.T.", ", M.Si", ", S.Sos., M.A.P.", ", Dr."}
	units  = []string{"Dinas Pendidikan", "Dinas Kesehatan", "Dinas Perhubungan", "Badan Pendapatan Daerah",
		"Dinas Lingkungan Hidup", "Dinas Sumber Daya Air", "Badan Kepegawaian Daerah",
		"Dinas Komunikasi, Informatika dan Statistik", "Badan Pelayanan Pengadaan Barang/Jasa",
		"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Inspektorat", "Dinas Sosial"}
	regions = []string{"Provinsi DKI Jakarta", "Provinsi Jawa Barat", "Provinsi Jawa Tengah",
		"Kabupaten Bogor", "Kota Surabaya", "Provinsi Sumatera Utara", "Kota Makassar"}
	pangkat = []string{"Pembina (IV/a)", "Pembina Tingkat I (IV/b)", "Pembina Utama Muda (IV/c)", "Pembina Utama Madya (IV/d)"}
)

// header writes the top-level keys and the letterhead.
func (g *gen) header(i int) {
	region := g.pick(regions)
	g.unit = g.pick(units) + " " + region
	fmt.Fprintf(&g.b, "tahun = %d\ntempat = %q\n", g.tahun, strings.Fields(region)[1])
	if g.r.IntN(2) == 0 {
		fmt.Fprintf(&g.b, "tanggal = %d-01-%02d\n", g.tahun, 2+g.r.IntN(25))
	}
	fmt.Fprintf(&g.b, "nomor = \"%d/PK/%d\"\n", 100+i%900, g.tahun)
	fmt.Fprintf(&g.b, "kertas = %q\nhuruf = %q\n", g.pick([]string{"A4", "F4", "F4"}), g.pick([]string{"serif", "serif", "sans"}))
	fmt.Fprintf(&g.b, "\n[kop]\nbaris = [%s, %s]\n", q("PEMERINTAH "+strings.ToUpper(region)), q(strings.ToUpper(g.unit)))
}

// person returns a name with an optional academic title.
func (g *gen) person() string {
	return g.pick(firstNames) + " " + g.pick(lastNames) + g.pick(titles)
}

// nip returns a valid NIP for the agreement year.
func (g *gen) nip() string {
	by := g.tahun - 58 + g.r.IntN(30)
	ay := by + 22 + g.r.IntN(max(1, g.tahun-by-22))
	return fmt.Sprintf("%04d%02d%02d%04d%02d%d%03d", by, 1+g.r.IntN(12), 1+g.r.IntN(28),
		min(ay, g.tahun), 1+g.r.IntN(12), 1+g.r.IntN(2), 1+g.r.IntN(999))
}

// parties writes both parties; the superior is a governor (no NIP) or a
// secretary (with NIP).
func (g *gen) parties() {
	head := g.person()
	fmt.Fprintf(&g.b, "\n[pihak_pertama]\nnama = %s\nnip = %q\npangkat = %q\njabatan = %s\nunit_kerja = %s\n",
		q(strings.ToUpper(head)), g.nip(), g.pick(pangkat), q("Kepala "+g.unit), q(g.unit))
	fmt.Fprintf(&g.b, "\n[pihak_pertama.lampiran]\nnama = %s\njabatan = \"Kepala\"\n", q(head))
	boss := g.person()
	if g.r.IntN(3) == 0 {
		fmt.Fprintf(&g.b, "\n[pihak_kedua]\nnama = %s\nnip = %q\npangkat = \"Pembina Utama (IV/e)\"\njabatan = \"Sekretaris Daerah\"\n",
			q(strings.ToUpper(boss)), g.nip())
		return
	}
	fmt.Fprintf(&g.b, "\n[pihak_kedua]\nnama = %s\njabatan = \"Gubernur\"\njabatan_ttd = \"Gubernur\\n%s,\"\n",
		q(strings.ToUpper(boss)), strings.Fields(g.unit)[len(strings.Fields(g.unit))-1])
}

// scales writes the predicate scales the indicators may use.
func (g *gen) scales() {
	g.b.WriteString(`
[[skala]]
nama = "opini_bpk"
nilai = [
  { label = "WTP", skor = 3, persen = 100 },
  { label = "WDP", skor = 2, persen = 75 },
  { label = "TW", skor = 1, persen = 50 },
  { label = "TMP", skor = 0, persen = 25 },
]

[[skala]]
nama = "sakip"
nilai = [
  { label = "AA", rentang = ">90-100" },
  { label = "A", rentang = ">80-90" },
  { label = "BB", rentang = ">70-80" },
  { label = "B", rentang = ">60-70" },
  { label = "CC", rentang = ">50-60" },
  { label = "C", rentang = ">30-50" },
  { label = "D", rentang = "0-30" },
]
`)
}

// groups writes two or three groups with 12..26 sasaran in all.
func (g *gen) groups() {
	total := 12 + g.r.IntN(15)
	names := []string{"SASARAN STRATEGIS", "SASARAN KHUSUS", "SASARAN OPERASIONAL"}
	ng := 2 + g.r.IntN(2)
	for k := range ng {
		n := total / ng
		if k == ng-1 {
			n = total - n*(ng-1)
		}
		fmt.Fprintf(&g.b, "\n[[kelompok]]\nnama = %q\n", names[k])
		for range n {
			g.sasaran(names[k][8:10])
		}
	}
}

var (
	goals = []string{"Meningkatnya kualitas pelayanan publik", "Terwujudnya tata kelola pemerintahan yang transparan dan akuntabel",
		"Meningkatnya akses sanitasi layak", "Meningkatnya kualitas pelaksanaan anggaran",
		"Terwujudnya sarana dan prasarana transportasi yang aman, memadai, modern, terintegrasi, ramah lingkungan, dan terjangkau bagi semua warga",
		"Meningkatnya fungsi dan pengelolaan infrastruktur pengendalian banjir dan abrasi",
		"Terselesaikannya tindak lanjut rekomendasi temuan hasil pemeriksaan eksternal (BPK)",
		"Meningkatnya pemanfaatan teknologi informasi dalam penyelenggaraan pemerintahan"}
	actions = []string{"Pengembangan Smart City", "Implementasi SPBE (Sistem Pemerintahan Berbasis Elektronik)",
		"Pengendalian Pencemaran Udara", "Peningkatan Kualitas Fasilitas Pedestrian", "Penanganan Stunting",
		"Pembinaan dan Pengembangan Kewirausahaan Terpadu", "Revitalisasi Sistem Polder dan Tanggul Pantai"}
	sentences = []string{
		"Realisasi penyelesaian dibandingkan target penyelesaian rencana aksi sesuai dokumen perencanaan yang telah ditetapkan.",
		"Pengukuran dilakukan setiap triwulan berdasarkan data yang diverifikasi oleh Inspektorat dan dilaporkan melalui aplikasi e-Monev.",
		"Anggaran yang diperhitungkan meliputi APBD dan BLU, dan tidak termasuk dana transfer dari pemerintah pusat.",
		"Sisa dana adalah selisih lebih pagu anggaran dengan realisasi anggaran yang tidak dialihkan kembali untuk subkegiatan lainnya.",
		"Apabila pencapaian output tidak tercapai 100% maka unsur efisiensi tidak diukur.",
		"Nilai/Predikat diperoleh dari hasil evaluasi implementasi SAKIP Perangkat Daerah oleh Inspektorat.",
		"(Jumlah rekomendasi yang telah diselesaikan / jumlah seluruh rekomendasi yang diterima) x 100%.",
		"Indeks kepuasan masyarakat dihitung berdasarkan survei dengan kategorisasi mempedomani Permenpan No 14 Tahun 2017.",
	}
	formulas = []string{"1. Serapan Anggaran ≥ 80% dan output 100%\nRealisasi = (40%) + ((%efisiensi X 10%)/20%) + (50%)",
		"2. Serapan Anggaran <80% dan output <100%\nRealisasi = (Penyerapan Anggaran X 40%) + (pencapaian output X 50%)",
		"3. Serapan Anggaran ≥ 80%, namun output <100%\nRealisasi = (40%) + (pencapaian output x 50%)"}
)

// sasaran writes one sasaran with one to three indicators.
func (g *gen) sasaran(prefix string) {
	g.n++
	fmt.Fprintf(&g.b, "\n[[kelompok.sasaran]]\nuraian = %s\n", q(g.pick(goals)))
	k := 1
	if g.r.IntN(8) == 0 {
		k = 2 + g.r.IntN(2)
	}
	for j := range k {
		g.indicator(fmt.Sprintf("S%s%d.%d", prefix, g.n, j+1))
	}
}

// indicator writes one indicator with a target kind chosen at random.
func (g *gen) indicator(kode string) {
	fmt.Fprintf(&g.b, "\n[[kelompok.sasaran.indikator]]\nkode = %q\n", kode)
	fmt.Fprintf(&g.b, "indikator = %s\n", q(fmt.Sprintf("Persentase penyelesaian rencana aksi %s (nomor %d)", g.pick(actions), 1+g.r.IntN(90))))
	fmt.Fprintf(&g.b, "sumber_data = %q\npengukuran = \"\"\"\n%s\"\"\"\n", g.pick([]string{"e-SAKIP", "e-Monev KSD", "e-Kinerja", ""}), g.pengukuran())
	switch g.r.IntN(10) {
	case 0:
		g.b.WriteString("triwulan = [\"N/A\", \"(3) WTP\", \"N/A\", \"N/A\"]\ntahunan = \"(3) WTP\"\nketerangan = \"Predikat\"\nskala = \"opini_bpk\"\n")
	case 1:
		g.b.WriteString("triwulan = [\"N/A\", \"N/A\", \"N/A\", \"A (81)\"]\ntahunan = \"A (81)\"\nketerangan = \"Predikat\"\nskala = \"sakip\"\n")
	case 2:
		g.b.WriteString("triwulan = [\"4\", \"4\", \"4\", \"4\"]\ntahunan = \"4\"\nketerangan = \"Nilai\"\n")
	case 3:
		g.b.WriteString("triwulan = [\"25%\", \"25%\", \"25%\", \"25%\"]\ntahunan = \"100%\"\nketerangan = \"Persentase\"\n")
	case 4:
		g.b.WriteString("triwulan = [\"15%\", \"30%\", \"45%\", \"100%\"]\ntahunan = \"100%\"\nketerangan = \"Persentase\"\n")
	default:
		t := g.pick([]string{"100%", "95%", "90%", "87,5%"})
		fmt.Fprintf(&g.b, "triwulan = [%q, %q, %q, %q]\ntahunan = %q\nketerangan = \"Persentase\"\n",
			g.pick([]string{t, "N/A"}), t, g.pick([]string{t, "N/A"}), t, t)
	}
}

// pengukuran returns a measurement text: mostly one or two sentences, one
// in five long (four to eight sentences, sometimes formula lines).
func (g *gen) pengukuran() string {
	n := 1 + g.r.IntN(2)
	if g.r.IntN(5) == 0 {
		n = 4 + g.r.IntN(5)
	}
	var parts []string
	for range n {
		parts = append(parts, g.pick(sentences))
	}
	text := strings.Join(parts, " ")
	if n > 5 && g.r.IntN(2) == 0 {
		text += "\nFormulasi pengukuran adalah sebagai berikut:\n" + strings.Join(formulas, "\n")
	}
	return text
}

// programs writes a program table in about half of the agreements.
func (g *gen) programs() {
	if g.r.IntN(2) == 0 {
		return
	}
	for k := range 2 + g.r.IntN(5) {
		fmt.Fprintf(&g.b, "\n[[program]]\nprogram = %q\nanggaran = %d\n",
			fmt.Sprintf("Program %s %d", g.pick(actions), k+1), 1_000_000*(50+g.r.IntN(20000)))
	}
}
