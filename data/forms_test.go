package data

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestParseTargetAsPrinted checks the notations of real forms: a number
// with its unit, comparators, a note after the value, and NA.
func TestParseTargetAsPrinted(t *testing.T) {
	tests := []struct {
		in              string
		kind            TargetKind
		value           float64
		cmp, unit, note string
	}{
		{"70 Indeks", Number, 70, "", "Indeks", ""},
		{"86 Laporan", Number, 86, "", "Laporan", ""},
		{"Skala 7", Number, 7, "", "Skala", ""},
		{"3,25 Poin", Number, 3.25, "", "Poin", ""},
		{"< 49", Number, 49, "<", "", ""},
		{"≤ 2,5", Number, 2.5, "≤", "", ""},
		{"<=2,5", Number, 2.5, "≤", "", ""},
		{"kurang dari 49", Number, 49, "<", "", ""},
		{"Minimal 80%", Percent, 80, "≥", "", ""},
		{"maksimal 5 Kasus", Number, 5, "≤", "Kasus", ""},
		{"38% (Evaluasi Semester I)", Percent, 38, "", "", "(Evaluasi Semester I)"},
		{"WTP (Opini BPK)", Predicate, 0, "", "", "(Opini BPK)"},
		{"NA", NA, 0, "", "", ""},
	}
	for _, tt := range tests {
		got, err := ParseTarget(tt.in)
		if err != nil {
			t.Errorf("ParseTarget(%q): %v", tt.in, err)
			continue
		}
		if got.Kind != tt.kind || got.Value != tt.value || got.Comparator != tt.cmp || got.Unit != tt.unit ||
			got.Note != tt.note || got.Text != tt.in {
			t.Errorf("ParseTarget(%q) = %+v", tt.in, got)
		}
	}
	for _, bad := range []string{"<", "kurang dari", "minimal", "70 Indeks%", "Indeks", "skala 7", "70 (x)", "< < 49", "kurang dari49x"} {
		if got, err := ParseTarget(bad); err == nil {
			t.Errorf("ParseTarget(%q) = %+v, want error", bad, got)
		}
	}
}

// TestMisplacedDecimal checks that a dot that is almost certainly a
// decimal point is an error with a hint, never a number in the thousands.
func TestMisplacedDecimal(t *testing.T) {
	for in, want := range map[string]string{
		"95.560%":        "write the decimal with a comma: 95,560%",
		"2.5":            "write the decimal with a comma: 2,5",
		"minimal 12.5 %": "write the decimal with a comma: 12,5 %",
		"7.25 Indeks":    "write the decimal with a comma: 7,25",
	} {
		if got := misplacedDecimal(in); !strings.Contains(got, want) {
			t.Errorf("misplacedDecimal(%q) = %q, want it to contain %q", in, got, want)
		}
	}
	for _, ok := range []string{"1.250", "95,5%", "1.250.000", "4", "WTP"} {
		if got := misplacedDecimal(ok); got != "" {
			t.Errorf("misplacedDecimal(%q) = %q, want none", ok, got)
		}
	}
	_, err := decodeString(mutate(t, readMinimal(t), `tahunan = "100%"`, `tahunan = "95.560%"`))
	if err == nil || !strings.Contains(err.Error(), `"95.560%" is not a target; a dot groups thousands`) {
		t.Errorf("got %v, want the decimal-point hint", err)
	}
}

// annualOnly is the minimal agreement reduced to No | Sasaran | Indikator
// | Target: no kop, no group heading, no pengukuran, no quarters.
func annualOnly(t *testing.T) string {
	return mutate(t, readMinimal(t),
		"[kop]\nbaris = [\"PEMERINTAH KOTA CONTOH\"]\n", "",
		"nama = \"SASARAN STRATEGIS\"\n", "",
		"pengukuran = \"Jumlah layanan tepat waktu / jumlah layanan x 100%\"\n", "",
		"triwulan = [\"25%\", \"25%\", \"25%\", \"25%\"]\n", "",
		"keterangan = \"Persentase\"", "satuan = \"Persen\"")
}

// TestAnnualOnlyForm checks that a form without letterhead, group
// heading, pengukuran and quarterly targets is valid and that its table
// has only the columns it uses.
func TestAnnualOnlyForm(t *testing.T) {
	a, err := decodeString(annualOnly(t))
	if err != nil {
		t.Fatal(err)
	}
	ind := a.Kelompok[0].Sasaran[0].Indikator[0]
	if len(a.Kop.Baris) != 0 || a.Kelompok[0].Nama != "" || ind.Triwulanan || ind.Triwulan[0].Kind != NA || ind.Triwulan[0].Text != "" {
		t.Errorf("kop %q, group %q, indicator %+v", a.Kop.Baris, a.Kelompok[0].Nama, ind)
	}
	var got []string
	for _, c := range a.Tabel.Kolom {
		got = append(got, c.Key+"="+c.Judul)
	}
	want := "no=NO sasaran=Sasaran no_indikator=NO indikator=Indikator Kinerja satuan=Satuan tahunan=Target"
	if strings.Join(got, " ") != want {
		t.Errorf("columns %q, want %q", strings.Join(got, " "), want)
	}
}

// TestTableColumns checks [tabel]: the listed columns and renamed
// headings, the numbering restart, and content for an unlisted column.
func TestTableColumns(t *testing.T) {
	src := annualOnly(t) + "\n[tabel]\nkolom = [\"no\", \"sasaran\", \"indikator\", \"tahunan\"]\npenomoran = \"per_kelompok\"\n" +
		"[tabel.kepala]\nsasaran = \"Output\"\n"
	src = strings.Replace(src, "satuan = \"Persen\"", "", 1)
	src += strings.Replace(src[strings.Index(src, "[[kelompok]]"):strings.Index(src, "\n[tabel]")], `"SS1.1"`, `"SS2.1"`, 1)
	a, err := decodeString(src)
	if err != nil {
		t.Fatal(err)
	}
	if a.Tabel.Kolom[1].Judul != "Output" || a.Tabel.Kolom[3].Judul != "Target" || len(a.Tabel.Kolom) != 4 {
		t.Errorf("columns %+v", a.Tabel.Kolom)
	}
	if a.Kelompok[1].Sasaran[0].No != 1 {
		t.Errorf("second group's sasaran No = %d, want 1 (per_kelompok)", a.Kelompok[1].Sasaran[0].No)
	}
	_, err = decodeString(strings.Replace(src, "kode = \"SS1.1\"", "kode = \"SS1.1\"\nsumber_data = \"BPS\"", 1))
	var errs Errors
	if !errors.As(err, &errs) || !strings.Contains(err.Error(), `sumber_data: is written but [tabel] kolom has no "sumber_data" column`) {
		t.Errorf("got %v, want the unlisted-column problem", err)
	}
	_, err = decodeString(strings.Replace(src, `"tahunan"]`, `"tahunan", "target"]`, 1))
	if err == nil || !strings.Contains(err.Error(), `"target" is not a column`) {
		t.Errorf("got %v, want the unknown-column problem", err)
	}
}

// TestLabelsAsPrinted checks the month-only date, the NIP as written,
// identity labels and rows, and a two-line attachment title.
func TestLabelsAsPrinted(t *testing.T) {
	src := mutate(t, readMinimal(t), `tempat = "Jakarta"`, "tempat = \"Jakarta\"\ntanggal = \"januari 2021\"",
		`nip = "19840819 200212 1 001"`, `nip = "NIP. 19840819 200212 1 001"`) +
		"\n[judul]\nlampiran = [\"PERJANJIAN KINERJA TAHUN 2021\", \"DINAS CONTOH\"]\n" +
		"[label]\nunit_kerja = \"Satuan Kerja\"\n[[identitas]]\nlabel = \"Tahun Anggaran\"\nisi = \"2021\"\n"
	a, err := decodeString(src)
	if err != nil {
		t.Fatal(err)
	}
	if a.TempatTanggal() != "Jakarta, Januari 2021" {
		t.Errorf("date line %q", a.TempatTanggal())
	}
	if a.Pertama.NIP != "198408192002121001" || a.Pertama.NIPCetak != "NIP. 19840819 200212 1 001" {
		t.Errorf("NIP %q printed %q", a.Pertama.NIP, a.Pertama.NIPCetak)
	}
	if a.Label.UnitKerja != "Satuan Kerja" || a.Label.Nama != "Nama" || len(a.Identitas) != 1 || len(a.JudulLampiranBaris) != 2 {
		t.Errorf("labels %+v rows %+v title %q", a.Label, a.Identitas, a.JudulLampiranBaris)
	}
	if _, err := decodeString(strings.Replace(src, "januari 2021", "Janury 2021", 1)); err == nil {
		t.Error("a misspelt month was accepted")
	}
}

// TestProgramHierarchy checks that a parent's budget is the sum of its
// children, that the total counts each rupiah once, and that a written
// parent budget that is not the sum is refused.
func TestProgramHierarchy(t *testing.T) {
	src := readMinimal(t) + `
[[program]]
program = "Program A"
[[program.kegiatan]]
kegiatan = "Kegiatan A.1"
[[program.kegiatan.sub_kegiatan]]
sub_kegiatan = "Sub A.1.1"
anggaran = 100
[[program.kegiatan.sub_kegiatan]]
sub_kegiatan = "Sub A.1.2"
anggaran = 50
[[program.kegiatan]]
kegiatan = "Kegiatan A.2"
anggaran = 25
[[program]]
program = "Program B"
anggaran = 1000
`
	a, err := decodeString(src)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, p := range a.Program {
		got = append(got, p.Anggaran)
	}
	if want := []int64{175, 150, 100, 50, 25, 1000}; !slices.Equal(got, want) {
		t.Errorf("budgets %v, want %v", got, want)
	}
	if a.TotalAnggaran() != 1175 {
		t.Errorf("total %d, want 1175", a.TotalAnggaran())
	}
	_, err = decodeString(strings.Replace(src, "kegiatan = \"Kegiatan A.1\"", "kegiatan = \"Kegiatan A.1\"\nanggaran = 160", 1))
	if err == nil || !strings.Contains(err.Error(), "program[0].kegiatan[0].anggaran: 160 is not the sum of its 2 rows below (150)") {
		t.Errorf("got %v, want the sum problem", err)
	}
}

// TestPercentOfMatchesGrammar checks percentOf against the grammar it
// implements, written as a regular expression, for every string of up to
// six characters over the characters that matter, and singleSpaced
// against strings.Fields.
func TestPercentOfMatchesGrammar(t *testing.T) {
	rePercent := regexp.MustCompile(`^(\d+(?:,\d+)?) ?%$`)
	alphabet := []string{"0", "7", ",", ".", " ", "%", "a", "\t", "\u00a0"}
	var all func(s string, n int)
	all = func(s string, n int) {
		want := ""
		if m := rePercent.FindStringSubmatch(s); m != nil {
			want = m[1]
		}
		if got := percentOf(s); got != want {
			t.Fatalf("percentOf(%q) = %q, want %q", s, got, want)
		}
		if got, want := singleSpaced(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("singleSpaced(%q) = %q, want %q", s, got, want)
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			all(s+c, n-1)
		}
	}
	all("", 6)
}
