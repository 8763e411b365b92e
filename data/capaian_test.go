package data

import (
	"math"
	"strings"
	"testing"
)

// TestParseRange checks the category range notation, with the bands of
// the Permendagri scale as LKjIP tables print them ("91-100", "76-<91").
func TestParseRange(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		in           string
		min, max     float64
		minEx, maxEx bool
		in1, out1    float64 // a value inside, a value outside
	}{
		{"91-100", 91, 100, false, false, 91, 100.01},
		{"91 % - 100 %", 91, 100, false, false, 100, 90.99},
		{">90-100", 90, 100, true, false, 90.01, 90},
		{"76-<91", 76, 91, false, true, 90.99, 91},
		{">=91", 91, inf, false, false, 250, 90.99},
		{"≥ 91", 91, inf, false, false, 91, 90},
		{">100", 100, inf, true, false, 100.5, 100},
		{"<=50", math.Inf(-1), 50, false, false, -12, 50.01},
		{"< 100", math.Inf(-1), 100, false, true, 99.99, 100},
		{"-10-0", -10, 0, false, false, -5, 0.5},
	}
	for _, tt := range tests {
		var k Category
		if err := ParseCategoryRange(tt.in, &k); err != nil {
			t.Errorf("ParseCategoryRange(%q): %v", tt.in, err)
			continue
		}
		if k.Min != tt.min || k.Max != tt.max || k.MinExclusive != tt.minEx || k.MaxExclusive != tt.maxEx || !k.HasRange {
			t.Errorf("ParseCategoryRange(%q) = %+v", tt.in, k)
		}
		if !k.Contains(tt.in1) || k.Contains(tt.out1) {
			t.Errorf("%q: Contains(%v) = %v, Contains(%v) = %v", tt.in, tt.in1, k.Contains(tt.in1), tt.out1, k.Contains(tt.out1))
		}
	}
	for _, bad := range []string{"", "91", "sangat", "100-91", ">91-91", "91-", "=91", "91-100-120"} {
		var k Category
		if err := ParseCategoryRange(bad, &k); err == nil && bad != "91" {
			t.Errorf("ParseCategoryRange(%q) = %+v, want error", bad, k)
		}
	}
}

// TestCategoryOverlap checks that bands sharing a value are refused and
// touching bands with one exclusive bound are not.
func TestCategoryOverlap(t *testing.T) {
	band := func(s string) Category {
		var k Category
		if err := ParseCategoryRange(s, &k); err != nil {
			t.Fatal(err)
		}
		return k
	}
	tests := []struct {
		a, b string
		want bool
	}{
		{"91-100", "76-90", false},
		{"91-100", "76-91", true},
		{">=100", "<100", false},
		{">=100", "<=100", true},
		{">90-100", "76-90", false},
		{"<=50", ">50", false},
		{"0-50", "25-75", true},
	}
	for _, tt := range tests {
		if got := band(tt.a).overlaps(band(tt.b)); got != tt.want {
			t.Errorf("%q overlaps %q = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestDecodeCapaianKeys decodes rumus_negatif, pembanding and rentang
// categories, including a two-band verdict scale.
func TestDecodeCapaianKeys(t *testing.T) {
	src := mutate(t, readMinimal(t), `keterangan = "Persentase"`, `keterangan = "Persentase"
polaritas = "negatif"
rumus_negatif = "terbalik"

[[kelompok.sasaran.indikator.pembanding]]
nama = "RPJMD"
target = "95%"

[[kelompok.sasaran.indikator.pembanding]]
nama = "Nasional"
target = "-1,5%"

[[kategori]]
nama = "Tercapai"
rentang = ">=100"

[[kategori]]
nama = "Belum Tercapai"
rentang = "<100"`, "tahun = 2021", "tahun = 2021\nrumus_negatif = \"selisih_negatif\"")
	a, err := decodeString(src)
	if err != nil {
		t.Fatal(err)
	}
	ind := &a.Kelompok[0].Sasaran[0].Indikator[0]
	if ind.RumusNegatif != RumusTerbalik || a.RumusNegatif != RumusSelisihNegatif || a.Formula(ind) != RumusTerbalik {
		t.Errorf("rumus %q / %q", ind.RumusNegatif, a.RumusNegatif)
	}
	if len(ind.Pembanding) != 2 || ind.Pembanding[1].Nama != "Nasional" || ind.Pembanding[1].Target.Value != -1.5 {
		t.Errorf("pembanding %+v", ind.Pembanding)
	}
	if len(a.Kategori) != 2 || !a.Kategori[0].Contains(130) || a.Kategori[0].Contains(99.99) || !a.Kategori[1].Contains(-4) {
		t.Errorf("kategori %+v", a.Kategori)
	}
	if (&Agreement{}).Formula(&Indicator{}) != RumusSelisih {
		t.Error("default formula is not selisih")
	}
}

// TestDecodeCapaianProblems checks the messages of the new keys.
func TestDecodeCapaianProblems(t *testing.T) {
	base := readMinimal(t)
	const k = `keterangan = "Persentase"`
	tests := []struct {
		name, old, new, want string
	}{
		{"rumus on positif", k, k + "\nrumus_negatif = \"terbalik\"",
			`pk.toml:30:17: kelompok[0].sasaran[0].indikator[0].rumus_negatif: is set on a positif indicator, where it has no effect; expected polaritas = "negatif" or no rumus_negatif`},
		{"unknown rumus", "tahun = 2021", "tahun = 2021\nrumus_negatif = \"t/r\"",
			`pk.toml:2:17: rumus_negatif: "t/r" is not allowed; expected one of selisih, selisih_negatif, terbalik`},
		{"pembanding kind", k, k + "\n[[kelompok.sasaran.indikator.pembanding]]\nnama = \"RPJMD\"\ntarget = \"4\"",
			`pk.toml:32:10: kelompok[0].sasaran[0].indikator[0].pembanding[0].target: number "4" for an indicator with percentage targets; expected a percentage`},
		{"pembanding duplicate", k, k + "\n[[kelompok.sasaran.indikator.pembanding]]\nnama = \"RPJMD\"\ntarget = \"4%\"\n[[kelompok.sasaran.indikator.pembanding]]\nnama = \"rpjmd\"\ntarget = \"5%\"",
			`pk.toml:34:8: kelompok[0].sasaran[0].indikator[0].pembanding[1].nama: duplicate pembanding "rpjmd"; expected one per name`},
		{"overlap", k, k + "\n[[kategori]]\nnama = \"A\"\nrentang = \"91-100\"\n[[kategori]]\nnama = \"B\"\nrentang = \"76-91\"",
			`pk.toml:35:11: kategori[1].rentang: "76-91" overlaps the band "A"; expected bands that share no value`},
		{"mixed", k, k + "\n[[kategori]]\nnama = \"A\"\nrentang = \"91-100\"\n[[kategori]]\nnama = \"B\"\nmin = 76",
			`pk.toml:33:1: kategori[1]: mixes min and rentang bands; expected min in every band or rentang in every band`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeString(mutate(t, base, tt.old, tt.new))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got\n%v\nwant\n%s", err, tt.want)
			}
		})
	}
}
