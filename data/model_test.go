package data

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMinimalDefaults checks the defaults applied to a small agreement.
func TestMinimalDefaults(t *testing.T) {
	a, err := decodeString(readMinimal(t))
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"kertas", a.Kertas.Name, "A4"},
		{"huruf", string(a.Huruf), "serif"},
		{"judul", strings.Join(a.JudulBaris, "|"), "PERJANJIAN KINERJA|TAHUN 2021"},
		{"judul lampiran", a.JudulLampiran, "PERJANJIAN KINERJA KEPALA PERANGKAT DAERAH TAHUN 2021"},
		{"label", a.LabelPertama + "|" + a.LabelKedua, "PIHAK PERTAMA|PIHAK KEDUA"},
		{"nip", a.Pertama.NIP, "198408192002121001"},
		{"nip kedua", a.Kedua.NIP, ""},
		{"jabatan ttd", a.Pertama.JabatanTTD, "Kepala Dinas Contoh,"},
		{"jabatan ttd lampiran", a.Pertama.JabatanTTDLampiran, "Kepala Dinas Contoh,"},
		{"nama lampiran", a.Pertama.NamaLampiran, "BUDI SANTOSO"},
		{"jabatan singkat", a.Pertama.JabatanSingkat, "Kepala Dinas Contoh"},
		{"sebutan kedua", a.Teks.SebutanKedua, "selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA"},
		{"tempat tanggal", a.TempatTanggal(), "Jakarta, 2021"},
		{"dibuat", a.Dibuat.Format(time.RFC3339), "2021-01-01T00:00:00+07:00"},
		{"akumulasi", a.Kelompok[0].Sasaran[0].Indikator[0].Akumulasi, Kumulatif},
		{"polaritas", a.Kelompok[0].Sasaran[0].Indikator[0].Polaritas, Positif},
		{"satuan", a.Kelompok[0].Sasaran[0].Indikator[0].Satuan, "%"},
		{"kategori", a.Kategori[0].Nama + "|" + a.Kategori[4].Nama, "Sangat Tinggi|Sangat Rendah"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
}

// TestOptions checks the optional keys that change printed text.
func TestOptions(t *testing.T) {
	src := mutate(t, readMinimal(t),
		"tahun = 2021", "tahun = 2021\ntanggal = 2021-01-04\nkertas = \"folio\"\nhuruf = \"sans\"\nnomor = \"800/123\"",
		"[kop]", "[label]\npertama = \"PIHAK KESATU\"\n\n[teks]\njanji = \"{pertama} berjanji.\"\n\n[kop]",
		`keterangan = "Persentase"`, "keterangan = \"Persentase\"\npolaritas = \"negatif\"\nbatas = 120\n\n"+
			"[[program]]\nprogram = \"A\"\nanggaran = 1_250_000_000\n[[program]]\nprogram = \"B\"\nanggaran = 750_000_000\nketerangan = \"APBD\"")
	a, err := decodeString(src)
	if err != nil {
		t.Fatal(err)
	}
	ind := a.Kelompok[0].Sasaran[0].Indikator[0]
	checks := []struct{ name, got, want string }{
		{"tempat tanggal", a.TempatTanggal(), "Jakarta, 4 Januari 2021"},
		{"dibuat", a.Dibuat.Format(time.RFC3339), "2021-01-04T00:00:00+07:00"},
		{"kertas", a.Kertas.Name, "F4"},
		{"huruf", string(a.Huruf), "sans"},
		{"nomor", a.Nomor, "800/123"},
		{"janji", a.Teks.Janji, "PIHAK KESATU berjanji."},
		{"sebutan", a.Teks.SebutanPertama, "selanjutnya disebut PIHAK KESATU"},
		{"polaritas", ind.Polaritas, Negatif},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if a.Kertas.Width != 215 || a.Kertas.Height != 330 || ind.Batas != 120 {
		t.Errorf("kertas %v, batas %v", a.Kertas, ind.Batas)
	}
	if got := a.TotalAnggaran(); got != 2_000_000_000 {
		t.Errorf("TotalAnggaran = %d", got)
	}
}

// TestDibuat checks an explicit creation time: local times are WIB.
func TestDibuat(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2021-01-04T09:30:00", "2021-01-04T09:30:00+07:00"},
		{"2021-01-04T09:30:00Z", "2021-01-04T09:30:00Z"},
		{"2021-01-05", "2021-01-05T00:00:00+07:00"},
	} {
		a, err := decodeString(mutate(t, readMinimal(t), "tahun = 2021", "tahun = 2021\ndibuat = "+tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Dibuat.Format(time.RFC3339); got != tt.want {
			t.Errorf("dibuat = %s: got %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestParseTarget checks the target grammar.
func TestParseTarget(t *testing.T) {
	tests := []struct {
		in       string
		kind     TargetKind
		value    float64
		hasValue bool
		pred     string
	}{
		{"N/A", NA, 0, false, ""},
		{"n/a", NA, 0, false, ""},
		{"91%", Percent, 91, true, ""},
		{"12,5%", Percent, 12.5, true, ""},
		{"100 %", Percent, 100, true, ""},
		{"4", Number, 4, true, ""},
		{"3,5", Number, 3.5, true, ""},
		{"92", Number, 92, true, ""},
		{"1.250", Number, 1250, true, ""},
		{"1.250,75", Number, 1250.75, true, ""},
		{"WTP", Predicate, 0, false, "WTP"},
		{"(3) WTP", Predicate, 3, true, "WTP"},
		{"A (81)", Predicate, 81, true, "A"},
		{"BB", Predicate, 0, false, "BB"},
		{" (3)  WTP ", Predicate, 3, true, "WTP"},
		{"-1,41%", Percent, -1.41, true, ""},
		{"−1,41%", Percent, -1.41, true, ""},
		{"- 3", Number, -3, true, ""},
		{"-1.250,5", Number, -1250.5, true, ""},
	}
	for _, tt := range tests {
		got, err := ParseTarget(tt.in)
		if err != nil {
			t.Errorf("ParseTarget(%q): %v", tt.in, err)
			continue
		}
		if got.Kind != tt.kind || got.Value != tt.value || got.HasValue != tt.hasValue || got.Predicate != tt.pred {
			t.Errorf("ParseTarget(%q) = %+v", tt.in, got)
		}
	}
	for _, bad := range []string{"", "9l%", "91%%", "-WTP", "--5%", "-", "-N/A", "12.5%", "1,2,3", "wtp", "Sangat Baik", "(3)", "A (x)", "1.25", "ABCDEFGHIJ"} {
		if got, err := ParseTarget(bad); err == nil {
			t.Errorf("ParseTarget(%q) = %+v, want error", bad, got)
		}
	}
}

// TestTargetFromTOMLNumbers checks that bare TOML numbers are targets.
func TestTargetFromTOMLNumbers(t *testing.T) {
	a, err := decodeString(mutate(t, readMinimal(t),
		`triwulan = ["25%", "25%", "25%", "25%"]`, `triwulan = [4, 4, 3.5, "N/A"]`,
		`tahunan = "100%"`, `tahunan = 4`))
	if err != nil {
		t.Fatal(err)
	}
	ind := a.Kelompok[0].Sasaran[0].Indikator[0]
	if ind.Triwulan[2].Text != "3,5" || ind.Triwulan[2].Kind != Number || ind.Tahunan.Text != "4" {
		t.Errorf("targets %+v %+v", ind.Triwulan, ind.Tahunan)
	}
	if ind.Akumulasi != PosisiAkhir {
		t.Errorf("akumulasi = %s, want %s", ind.Akumulasi, PosisiAkhir)
	}
}

// TestDefaultAkumulasi checks the rule used when akumulasi is not given.
func TestDefaultAkumulasi(t *testing.T) {
	tests := []struct {
		tw   [4]string
		th   string
		want string
	}{
		{[4]string{"25%", "25%", "25%", "25%"}, "100%", Kumulatif},
		{[4]string{"15%", "30%", "45%", "100%"}, "100%", PosisiAkhir},
		{[4]string{"100%", "100%", "N/A", "100%"}, "100%", RataRata},
		{[4]string{"N/A", "N/A", "N/A", "91%"}, "91%", RataRata},
		{[4]string{"N/A", "(3) WTP", "N/A", "N/A"}, "(3) WTP", Tahunan},
		{[4]string{"N/A", "N/A", "N/A", "N/A"}, "N/A", PosisiAkhir},
	}
	for _, tt := range tests {
		var r Indicator
		for q, s := range tt.tw {
			r.Triwulan[q], _ = ParseTarget(s)
		}
		r.Tahunan, _ = ParseTarget(tt.th)
		if got := defaultAkumulasi(r); got != tt.want {
			t.Errorf("%v → %s: got %s, want %s", tt.tw, tt.th, got, tt.want)
		}
	}
}

// TestParseNIP checks valid NIPs; the invalid ones are in TestDecodeProblems.
func TestParseNIP(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"196910131997031004", "196910131997031004"},
		{"19840819 200212 1 001", "198408192002121001"},
		{" 19840819 200212 2 001", "198408192002122001"},
		{"19400101 196001 1 001", "194001011960011001"},
		{"20030115 202101 1 001", "200301152021011001"}, // appointed in the month of the 18th birthday
	} {
		got, err := ParseNIP(tt.in, 2021)
		if err != nil || got != tt.want {
			t.Errorf("ParseNIP(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// TestScaleBands checks the band parsing of [[skala]] rentang.
func TestScaleBands(t *testing.T) {
	a, err := DecodeFile(filepath.Join("pk-2021-bppbj.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var sakip *Scale
	for i := range a.Skala {
		if a.Skala[i].Nama == "sakip" {
			sakip = &a.Skala[i]
		}
	}
	if sakip == nil {
		t.Fatal("no sakip scale")
	}
	for _, tt := range []struct {
		v    float64
		want string
	}{{81, "A"}, {90, "A"}, {90.5, "AA"}, {100, "AA"}, {30, "D"}, {0, "D"}, {30.5, "C"}} {
		v, want := tt.v, tt.want
		got := ""
		for _, e := range sakip.Nilai {
			if e.Contains(v) {
				got += e.Label
			}
		}
		if got != want {
			t.Errorf("%v is in %q, want %q", v, got, want)
		}
	}
	open := ScaleEntry{Min: 90, MinExclusive: true, Max: math.Inf(1), HasBand: true}
	if !open.Contains(1000) || open.Contains(90) {
		t.Error("open band >90 wrong")
	}
	opini := a.Skala[0]
	if e := opini.Find("TMP"); e == nil || !e.HasSkor || e.Skor != 0 || e.Persen != 25 {
		t.Errorf("TMP entry = %+v", e)
	}
}

// TestLogo checks that PNG and JPEG logos are read and typed by content.
func TestLogo(t *testing.T) {
	dir := t.TempDir()
	img := image.NewGray(image.Rect(0, 0, 2, 2))
	img.Set(1, 1, color.White)
	var pngBuf, jpgBuf bytes.Buffer
	if err := png.Encode(&pngBuf, img); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&jpgBuf, img, nil); err != nil {
		t.Fatal(err)
	}
	// The extension lies on purpose: the type comes from the magic bytes.
	for name, data := range map[string][]byte{"logo.png": pngBuf.Bytes(), "logo.jpg.png": jpgBuf.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range [][2]string{{"logo.png", "PNG"}, {"logo.jpg.png", "JPEG"}} {
		name, want := tt[0], tt[1]
		src := mutate(t, readMinimal(t), `baris = ["PEMERINTAH KOTA CONTOH"]`, "baris = [\"PEMERINTAH KOTA CONTOH\"]\nlogo = \""+name+"\"")
		path := filepath.Join(dir, "pk.toml")
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := DecodeFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if a.Kop.LogoType != want || len(a.Kop.LogoData) == 0 || a.Kop.Logo != name {
			t.Errorf("%s: type %q, %d bytes", name, a.Kop.LogoType, len(a.Kop.LogoData))
		}
	}
}

// TestSampleAgreement checks the numbering and rules of the sample file.
func TestSampleAgreement(t *testing.T) {
	a, err := DecodeFile("pk-2021-bppbj.toml")
	if err != nil {
		t.Fatal(err)
	}
	s, n := a.IndicatorCount()
	if s != 19 || n != 22 {
		t.Fatalf("%d sasaran, %d indikator; want 19, 22", s, n)
	}
	var nos []string
	for _, r := range a.Indicators() {
		nos = append(nos, r.Indicator.Kode)
		if want := strings.TrimLeft(r.Indicator.Kode, "SKO"); want != itoa(r.Sasaran.No)+"."+itoa(r.Indicator.No) {
			t.Errorf("%s: sasaran %d indikator %d", r.Indicator.Kode, r.Sasaran.No, r.Indicator.No)
		}
		if r.Indicator.Line == 0 {
			t.Errorf("%s: no line", r.Indicator.Kode)
		}
	}
	if nos[0] != "SS1.1" || nos[21] != "SO19.1" {
		t.Errorf("codes %v", nos)
	}
	rules := map[string]string{"SS1.1": Tahunan, "SK14.1": Tahunan, "SK15.1": Tahunan, "SK16.1": PosisiAkhir, "SO19.1": Kumulatif, "SS4.1": RataRata}
	for _, r := range a.Indicators() {
		if want, ok := rules[r.Indicator.Kode]; ok && r.Indicator.Akumulasi != want {
			t.Errorf("%s akumulasi %s, want %s", r.Indicator.Kode, r.Indicator.Akumulasi, want)
		}
	}
	if a.Kertas.Name != "F4" || a.TempatTanggal() != "Jakarta, 2021" || a.Kedua.NIP != "" {
		t.Errorf("kertas %s, %q, NIP kedua %q", a.Kertas.Name, a.TempatTanggal(), a.Kedua.NIP)
	}
}

// itoa formats an int.
func itoa(n int) string { return formatNumber(float64(n)) }

// TestLogoDamaged checks that a truncated image is a validation problem at
// the logo key, not a crash when the PDF is written.
func TestLogoDamaged(t *testing.T) {
	dir := t.TempDir()
	img := image.NewGray(image.Rect(0, 0, 40, 40))
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logo.png"), buf.Bytes()[:buf.Len()/2], 0o644); err != nil {
		t.Fatal(err)
	}
	src := mutate(t, readMinimal(t), `baris = ["PEMERINTAH KOTA CONTOH"]`, "baris = [\"PEMERINTAH KOTA CONTOH\"]\nlogo = \"logo.png\"")
	path := filepath.Join(dir, "pk.toml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := DecodeFile(path)
	if err == nil || !strings.Contains(err.Error(), `kop.logo: logo "logo.png" is a damaged PNG file`) {
		t.Fatalf("err = %v, want a damaged-PNG problem at kop.logo", err)
	}
}

// TestLogoHeaderChecked: a small PNG that declares 100,000 x 100,000
// pixels is refused from its header (it took 69 s and 9.8 GB when decoded),
// and so is an interlaced PNG, which the PDF writer cannot embed.
func TestLogoHeaderChecked(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 40, 40))); err != nil {
		t.Fatal(err)
	}
	huge := bytes.Clone(buf.Bytes())
	binary.BigEndian.PutUint32(huge[16:], 100000)
	binary.BigEndian.PutUint32(huge[20:], 100000)
	interlaced := bytes.Clone(buf.Bytes())
	interlaced[28] = 1
	for _, b := range [][]byte{huge, interlaced} { // the IHDR chunk's CRC
		binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	}
	for _, tc := range []struct {
		img  []byte
		want string
	}{
		{huge, `logo "logo.png" is 100000 x 100000 pixels, larger than 4096 x 4096`},
		{interlaced, `logo "logo.png" is an interlaced PNG`},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "logo.png"), tc.img, 0o644); err != nil {
			t.Fatal(err)
		}
		src := mutate(t, readMinimal(t), `baris = ["PEMERINTAH KOTA CONTOH"]`, "baris = [\"PEMERINTAH KOTA CONTOH\"]\nlogo = \"logo.png\"")
		path := filepath.Join(dir, "pk.toml")
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := DecodeFile(path)
		if err == nil || !strings.Contains(err.Error(), "kop.logo: "+tc.want) {
			t.Errorf("err = %v, want %q at kop.logo", err, tc.want)
		}
	}
}
