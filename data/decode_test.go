package data

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// readMinimal returns testdata/minimal.toml, a small valid agreement.
func readMinimal(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "minimal.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mutate applies old→new replacements to src, failing when old is absent
// so that a case cannot silently test the unchanged file.
func mutate(t testing.TB, src string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(src, pairs[i]) {
			t.Fatalf("mutate: %q not in source", pairs[i])
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}

// decodeString decodes src as pk.toml with logos resolved in testdata.
func decodeString(src string) (*Agreement, error) {
	return DecodeWith(strings.NewReader(src), "pk.toml", Options{Dir: "testdata"})
}

const (
	indicatorPath   = "kelompok[0].sasaran[0].indikator[0]"
	secondIndicator = `
[[kelompok.sasaran.indikator]]
kode = "SS1.2"
indikator = "Opini BPK"
pengukuran = "Opini BPK atas laporan keuangan"
triwulan = ["N/A", "(3) WTP", "N/A", "N/A"]
tahunan = "(3) WTP"
skala = "opini_bpk"
`
	opiniScale = `
[[skala]]
nama = "opini_bpk"
[[skala.nilai]]
label = "WTP"
skor = 3
persen = 100
[[skala.nilai]]
label = "WDP"
skor = 2
persen = 75
`
)

// TestDecodeProblems checks the exact message of each validation rule on
// a one-change variant of testdata/minimal.toml.
func TestDecodeProblems(t *testing.T) {
	base := readMinimal(t)
	nip := func(s string) []string { return []string{`nip = "19840819 200212 1 001"`, `nip = "` + s + `"`} }
	tests := []struct {
		name  string
		pairs []string
		want  string
	}{
		{"nip too short", nip("1984081920021210"),
			`pk.toml:9:7: pihak_pertama.nip: "1984081920021210" is not a NIP; expected 18 digits like 196910131997031004 (spaces allowed)`},
		{"nip letters", nip("19840819200212100A"),
			`pk.toml:9:7: pihak_pertama.nip: "19840819200212100A" is not a NIP; expected 18 digits like 196910131997031004 (spaces allowed)`},
		{"nip impossible birth date", nip("19691313 199703 1 004"),
			`pk.toml:9:7: pihak_pertama.nip: "19691313 199703 1 004" has birth date 19691313, which is not a real date in 1940..2004; expected YYYYMMDD in the first 8 digits`},
		{"nip 30 February", nip("19690230 199703 1 004"),
			`pk.toml:9:7: pihak_pertama.nip: "19690230 199703 1 004" has birth date 19690230, which is not a real date in 1940..2004; expected YYYYMMDD in the first 8 digits`},
		{"nip born too late", nip("20050101 202101 1 001"),
			`pk.toml:9:7: pihak_pertama.nip: "20050101 202101 1 001" has birth date 20050101, which is not a real date in 1940..2004; expected YYYYMMDD in the first 8 digits`},
		{"nip born too early", nip("19391231 196001 1 001"),
			`pk.toml:9:7: pihak_pertama.nip: "19391231 196001 1 001" has birth date 19391231, which is not a real date in 1940..2004; expected YYYYMMDD in the first 8 digits`},
		{"nip impossible month", nip("19840819 200213 1 001"),
			`pk.toml:9:7: pihak_pertama.nip: "19840819 200213 1 001" has appointment month 200213, which is not a month; expected YYYYMM in digits 9-14`},
		{"nip month zero", nip("19840819 200200 1 001"),
			`pk.toml:9:7: pihak_pertama.nip: "19840819 200200 1 001" has appointment month 200200, which is not a month; expected YYYYMM in digits 9-14`},
		{"nip gender 3", nip("19840819 200212 3 001"),
			`pk.toml:9:7: pihak_pertama.nip: "19840819 200212 3 001" has gender digit 3; expected 1 (male) or 2 (female) as digit 15`},
		{"nip appointed before 18", nip("19840819 200207 1 001"),
			`pk.toml:9:7: pihak_pertama.nip: "19840819 200207 1 001" has appointment 200207 before the 18th birthday (born 1984-08-19)`},
		{"nip appointed after the year", nip("19840819 202201 1 001"),
			`pk.toml:9:7: pihak_pertama.nip: "19840819 202201 1 001" has appointment 202201 after the agreement year 2021`},
		{"nip as number", []string{`nip = "19840819 200212 1 001"`, `nip = 198408192002121001`},
			`pk.toml:9:7: pihak_pertama.nip: got integer 198408192002121001; expected text in quotes`},
		{"target typo", []string{`tahunan = "100%"`, `tahunan = "9l%"`},
			`pk.toml:28:11: ` + indicatorPath + `.tahunan: "9l%" is not a target; expected N/A, a percentage like 91%, a number like 4 or 3,5, or a predicate like WTP, (3) WTP or A (81)`},
		{"target lower-case predicate", []string{`tahunan = "100%"`, `tahunan = "wtp"`},
			`pk.toml:28:11: ` + indicatorPath + `.tahunan: "wtp" is not a target; expected N/A, a percentage like 91%, a number like 4 or 3,5, or a predicate like WTP, (3) WTP or A (81)`},
		{"target two numbers", []string{`tahunan = "100%"`, `tahunan = "(3) A (81)"`},
			`pk.toml:28:11: ` + indicatorPath + `.tahunan: "(3) A (81)" is not a target; a predicate carries at most one number`},
		{"target decimal point", []string{`"25%", "25%", "25%", "25%"`, `"25%", "25%", "25%", "25.5%"`},
			`pk.toml:27:12: ` + indicatorPath + `.triwulan[3]: "25.5%" is not a target; a dot groups thousands in Indonesian numbers, so 25.5% would mean 255%; write the decimal with a comma: 25,5%`},
		{"target boolean", []string{`tahunan = "100%"`, `tahunan = true`},
			`pk.toml:28:11: ` + indicatorPath + `.tahunan: got boolean true; expected N/A, a percentage like 91%, a number like 4 or 3,5, or a predicate like WTP, (3) WTP or A (81)`},
		{"three quarters", []string{`"25%", "25%", "25%", "25%"`, `"25%", "25%", "50%"`},
			`pk.toml:27:12: ` + indicatorPath + `.triwulan: has 3 values; expected four quarterly targets, e.g. triwulan = ["N/A", "100%", "100%", "100%"]`},
		{"five quarters", []string{`"25%", "25%", "25%", "25%"`, `"N/A", "25%", "25%", "25%", "25%"`},
			`pk.toml:27:12: ` + indicatorPath + `.triwulan: has 5 values; expected four quarterly targets, e.g. triwulan = ["N/A", "100%", "100%", "100%"]`},
		{"mixed kinds", []string{`"25%", "25%", "25%", "25%"`, `"25", "25%", "25%", "25%"`},
			`pk.toml:27:12: ` + indicatorPath + `.triwulan: mixes percentage and number targets; expected one kind (besides N/A) for all targets of an indicator`},
		{"duplicate kode", []string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\n" + opiniScale + strings.Replace(secondIndicator, `"SS1.2"`, `"ss1.1"`, 1)},
			"pk.toml:43:8: kelompok[0].sasaran[0].indikator[1].kode: duplicate kode \"ss1.1\"; already used at line 24"},
		{"bad kode", []string{`kode = "SS1.1"`, `kode = "SS 1.1"`},
			`pk.toml:24:8: ` + indicatorPath + `.kode: "SS 1.1" is not a code; expected letters, digits, '.', '_' or '-', starting with a letter or digit, e.g. SS1.1`},
		{"missing indikator", []string{"indikator = \"Persentase layanan tepat waktu\"\n", ""},
			`pk.toml:23:1: ` + indicatorPath + `.indikator: missing; expected the indicator, e.g. indikator = "Opini laporan Keuangan"`},
		{"missing tahun", []string{"tahun = 2021\n", ""},
			`pk.toml:1:1: tahun: missing; expected the agreement year as a number, e.g. tahun = 2021`},
		{"tahun as text", []string{"tahun = 2021", `tahun = "2021"`},
			`pk.toml:1:9: tahun: got text "2021"; expected the agreement year as a number, e.g. tahun = 2021`},
		{"unknown key", []string{`keterangan = "Persentase"`, `keteragan = "Persentase"`},
			"pk.toml:29:1: " + indicatorPath + ".keteragan: unknown key; did you mean `keterangan`?"},
		{"key in wrong case", []string{`tempat = "Jakarta"`, `Tempat = "Jakarta"`},
			"pk.toml:2:1: Tempat: unknown key; did you mean `tempat`?"},
		{"unknown table", []string{"[kop]", "[kepala]\nx = 1\n\n[kop]"},
			"pk.toml:4:1: kepala: unknown key; expected one of tahun, tempat, tanggal, nomor, kertas, huruf, footer, verifikasi_url, tanda_tangan, dibuat, kop, judul, label, identitas, tabel, tabel_program, pihak_pertama, pihak_kedua, teks, kelompok, program, skala, kategori, rumus_negatif"},
		{"predicate without scale", []string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\n" + strings.Replace(secondIndicator, "skala = \"opini_bpk\"\n", "", 1)},
			`pk.toml:31:1: kelompok[0].sasaran[0].indikator[1].skala: missing; predicate targets need a scale, e.g. skala = "opini_bpk" naming a [[skala]]`},
		{"undeclared scale", []string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\n" + secondIndicator},
			`pk.toml:37:9: kelompok[0].sasaran[0].indikator[1].skala: "opini_bpk" is not a declared [[skala]]; expected one of (none declared)`},
		{"scale without its name", []string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\n" + strings.Replace(opiniScale, "nama = \"opini_bpk\"\n", "", 1) + secondIndicator},
			`pk.toml:31:1: skala[0].nama: missing; expected the scale's name, e.g. nama = "opini_bpk"`}, // no "not a declared [[skala]]; expected one of " after it
		{"predicate not in scale", []string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\n" + opiniScale + strings.Replace(secondIndicator, `tahunan = "(3) WTP"`, `tahunan = "(0) TMP"`, 1)},
			`pk.toml:47:11: kelompok[0].sasaran[0].indikator[1].tahunan: predicate "TMP" is not in scale "opini_bpk"`},
		{"predicate score mismatch", []string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\n" + opiniScale + strings.Replace(secondIndicator, `tahunan = "(3) WTP"`, `tahunan = "(2) WTP"`, 1)},
			`pk.toml:47:11: kelompok[0].sasaran[0].indikator[1].tahunan: "(2) WTP": 2 is not the score of WTP (3) in scale "opini_bpk"`},
		{"polaritas", []string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\npolaritas = \"naik\""},
			`pk.toml:30:13: ` + indicatorPath + `.polaritas: "naik" is not allowed; expected one of positif, negatif`},
		{"akumulasi", []string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\nakumulasi = \"jumlah\""},
			`pk.toml:30:13: ` + indicatorPath + `.akumulasi: "jumlah" is not allowed; expected one of kumulatif, posisi_akhir, rata_rata, tahunan`},
		{"batas", []string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\nbatas = 100"},
			`pk.toml:30:9: ` + indicatorPath + `.batas: 100 is not allowed; expected 0 (no cap), 110 or 120`},
		{"paper", []string{"tahun = 2021", "tahun = 2021\nkertas = \"Letter\""},
			`pk.toml:2:10: kertas: "Letter" is not a paper size; expected A4 or F4 (folio)`},
		{"font", []string{"tahun = 2021", "tahun = 2021\nhuruf = \"mono\""},
			`pk.toml:2:9: huruf: "mono" is not a font; expected serif (Times New Roman metrics) or sans (Arial metrics)`},
		{"signing", []string{"tahun = 2021", "tahun = 2021\ntanda_tangan = \"pdfsign\""},
			`pk.toml:2:16: tanda_tangan: "pdfsign" is not a way of signing; expected kinerja (kinerja sign fills the fields render makes) or bsre (no fields: BSrE adds its own)`},
		{"acting official in the name", []string{`nama = "BUDI SANTOSO"`, `nama = "Plt. BUDI SANTOSO"`},
			`pk.toml:8:8: pihak_pertama.nama: "Plt. BUDI SANTOSO": write the acting role in jabatan (jabatan = "Plt. Kepala ..."), not in the name; the name is the acting official's own, as in their certificate`},
		{"date as text", []string{"tahun = 2021", "tahun = 2021\ntanggal = \"2021-01-04\""},
			`pk.toml:2:11: tanggal: "2021-01-04" is not a date; expected a TOML date without quotes (tanggal = 2021-01-04) or a month and year in quotes (tanggal = "Januari 2021")`},
		{"date in another year", []string{"tahun = 2021", "tahun = 2021\ntanggal = 2019-05-01"},
			`pk.toml:2:11: tanggal: 2019-05-01 is not in 2020 or 2021; expected the signing date of the 2021 agreement`},
		{"verification url", []string{"tahun = 2021", "tahun = 2021\nverifikasi_url = \"ftp://x/{sha256}\""},
			`pk.toml:2:18: verifikasi_url: "ftp://x/{sha256}" is not a web address; expected one like https://e-sakip.example.go.id/verifikasi/{sha256}`},
		{"same labels", []string{"[kop]", "[label]\npertama = \"PIHAK KESATU\"\nkedua = \"PIHAK KESATU\"\n\n[kop]"},
			`pk.toml:6:9: label.kedua: "PIHAK KESATU" is also the label of the first party; expected two different labels`},
		{"budget as text", []string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\n\n[[program]]\nprogram = \"P\"\nanggaran = \"1.000.000\""},
			`pk.toml:33:12: program[0].anggaran: got text "1.000.000"; expected an integer number of rupiah without quotes, e.g. anggaran = 1_250_000_000`},
		{"scale entry without score", []string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\n\n[[skala]]\nnama = \"s\"\n[[skala.nilai]]\nlabel = \"A\""},
			`pk.toml:33:1: skala[0].nilai[0]: has neither skor nor rentang; expected e.g. skor = 3 or rentang = ">90-100"`},
		{"bad range", []string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\n\n[[skala]]\nnama = \"s\"\n[[skala.nilai]]\nlabel = \"A\"\nrentang = \"90 sampai 100\""},
			`pk.toml:35:11: skala[0].nilai[0].rentang: "90 sampai 100" is not a range; expected one like ">90-100", "0-30" or ">90"`},
		{"categories not descending", []string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\n\n[[kategori]]\nnama = \"Baik\"\nmin = 50\n[[kategori]]\nnama = \"Sangat Baik\"\nmin = 90"},
			`pk.toml:36:7: kategori[1].min: 90 is not below the previous band's 50; expected bands from highest to lowest`},
		{"missing logo", []string{`baris = ["PEMERINTAH KOTA CONTOH"]`, "baris = [\"PEMERINTAH KOTA CONTOH\"]\nlogo = \"tidak-ada.png\""},
			`pk.toml:6:8: kop.logo: logo "tidak-ada.png" not found (looked for ` + filepath.Join("testdata", "tidak-ada.png") + `)`},
		{"logo not an image", []string{`baris = ["PEMERINTAH KOTA CONTOH"]`, "baris = [\"PEMERINTAH KOTA CONTOH\"]\nlogo = \"minimal.toml\""},
			`pk.toml:6:8: kop.logo: logo "minimal.toml" is neither PNG nor JPEG; expected a .png or .jpg file`},
		{"group as table", []string{"[[kelompok]]", "[[kelompokk]]"},
			"pk.toml:20:1: kelompok: is written as a table; expected tables written [[kelompok]]"},
		{"letterhead as text", []string{"[kop]\nbaris = [\"PEMERINTAH KOTA CONTOH\"]", `kop = "PEMERINTAH KOTA CONTOH"`},
			"pk.toml:4:1: kop: is written as text; expected a table [kop]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeString(mutate(t, base, tt.pairs...))
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("got %v, want Errors", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestDecodeProblemsMore covers the remaining range checks.
func TestDecodeProblemsMore(t *testing.T) {
	base := readMinimal(t)
	tests := []struct {
		pairs []string
		want  string
	}{
		{[]string{`baris = ["PEMERINTAH KOTA CONTOH"]`, `baris = [" "]`},
			`pk.toml:5:9: kop.baris: is empty; expected the letterhead lines, e.g. baris = ["PEMERINTAH PROVINSI DAERAH KHUSUS", "IBUKOTA JAKARTA"]`},
		{[]string{`keterangan = "Persentase"`, "keterangan = \"Persentase\"\n\n[[program]]\nprogram = \"P\"\nanggaran = -1"},
			`pk.toml:33:12: program[0].anggaran: -1 is out of range; expected an integer number of rupiah without quotes, e.g. anggaran = 1_250_000_000, at most 1000000000000000`},
		{[]string{"tahun = 2021", "tahun = 1980"},
			`pk.toml:1:9: tahun: 1980 is out of range; expected a year in 1990..2100`},
	}
	for _, tt := range tests {
		_, err := decodeString(mutate(t, base, tt.pairs...))
		if err == nil || err.Error() != tt.want {
			t.Errorf("got\n%v\nwant\n%s", err, tt.want)
		}
	}
}

// TestPositionsInSample breaks each indicator code of the sample file in
// turn and checks that the problem points at that code's line and value
// column; the file's multi-line texts contain "key = value" lines that the
// locator must not mistake for keys.
func TestPositionsInSample(t *testing.T) {
	b, err := os.ReadFile("pk-2021-bppbj.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	a, err := decodeString(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range a.Indicators() {
		line := `kode = "` + r.Indicator.Kode + `"`
		i := strings.Index(src, line)
		wantLine := strings.Count(src[:i], "\n") + 1
		_, err := decodeString(strings.Replace(src, line, `kode = "`+r.Indicator.Kode+` x"`, 1))
		var errs Errors
		if !errors.As(err, &errs) || len(errs) != 1 {
			t.Fatalf("%s: got %v", r.Indicator.Kode, err)
		}
		if errs[0].Line != wantLine || errs[0].Col != 8 || r.Indicator.Line != wantLine-1 {
			t.Errorf("%s: problem at %d:%d, indicator line %d; want %d:8 and %d", r.Indicator.Kode, errs[0].Line, errs[0].Col, r.Indicator.Line, wantLine, wantLine-1)
		}
	}
}

// TestPlaceholderWrittenWithEscapes checks that a placeholder whose "<<"
// only appears once escapes are read (\u003c, or a line-ending backslash
// joining two lines) is reported like one written plainly: the quick test
// that lets most files skip the placeholder walk must not miss it.
func TestPlaceholderWrittenWithEscapes(t *testing.T) {
	base := readMinimal(t)
	for _, written := range []string{
		`"<<TEMPAT>>"`,
		`"\u003c\u003cTEMPAT>>"`,
		`"\U0000003C<TEMPAT>>"`,
		"\"\"\"<\\\n   <TEMPAT>>\"\"\"",
		"\"\"\"<\\  \n<TEMPAT>>\"\"\"",
	} {
		_, err := decodeString(mutate(t, base, `tempat = "Jakarta"`, "tempat = "+written))
		var errs Errors
		if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Field != "tempat" ||
			errs[0].Msg != "still holds the placeholder <<TEMPAT>>; fill it in: expected the real value" {
			t.Errorf("tempat = %s: got %v", written, err)
		}
	}
	if mayHoldPlaceholder(base) {
		t.Error("minimal.toml: the quick test finds a placeholder that is not there")
	}
}

// TestPositionsAskTypeOnlyOfTables checks that locating keys gives the
// same positions and paths when toml is asked the type of every key as
// when the scan for table segments spares it most of them, on the repo's
// files and on the ways of writing a table the scan must not miss.
func TestPositionsAskTypeOnlyOfTables(t *testing.T) {
	srcs := []string{
		"[a]\n[[b]]\n[[b]]\nx = 1\n[[b]]\n[c.d]\n",
		"a = {}\nb = { c = {} }\nd = [{e = {}}]\n[f . g ]\n",
		"[\"q.r\"]\nx = 1\n['s t']\n[a.b]\nb = 1\n",
		"[\"u\\u0076\"]\n[v]\n",
		"x = [\"a]\", 'b']\n[[k]]\n[k.\"\\\"\"]\n",
		"[[t]]\nv = 1\n[[t]]\nv = {}\n[[t]]\n",
	}
	for _, g := range []string{"*.toml", "contoh/*.toml", "testdata/*.toml", "testdata/bad/*.toml"} {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, string(b))
		}
	}
	checked := 0
	for _, src := range srcs {
		var raw map[string]any
		md, err := toml.Decode(src, &raw)
		if err != nil {
			continue
		}
		fast, all := newPositions(src, md, findTableSegs(src)), newPositions(src, md, tableSegs{all: true})
		fast.headers, all.headers = nil, nil
		if !reflect.DeepEqual(fast, all) {
			t.Errorf("positions differ for\n%s", src)
		}
		checked++
	}
	if checked < 10 {
		t.Errorf("only %d files checked", checked)
	}
}
