package report

import (
	"strings"
	"testing"

	"kinerja/data"
)

// TestAnnualGradesTheYearToDate reproduces issue 11's example: 33% after
// triwulan II against a triwulan II target of 30% (annual 100%) is on
// track, 110% Sangat Tinggi; the 33% of the annual target is progress
// without a category until triwulan IV, when the year is graded.
func TestAnnualGradesTheYearToDate(t *testing.T) {
	ind := data.Indicator{Kode: "X1", Akumulasi: data.PosisiAkhir,
		Triwulan: quarters(t, "15%", "30%", "45%", "100%"), Tahunan: tg(t, "100%")}
	r := realisasiOf(t, ent(t, "X1", 1, "12%"), ent(t, "X1", 2, "33%"), ent(t, "X1", 4, "92%"))
	rep, err := Compute(agreementOf(ind), r, 2)
	if err != nil {
		t.Fatal(err)
	}
	row := rep.Rows[0]
	ok(110).check(t, "Dinilai", row.Dinilai())
	ok(33).check(t, "CapaianTahunan", row.CapaianTahunan)
	if row.Kategori != "Sangat Tinggi" {
		t.Errorf("Kategori = %q; want Sangat Tinggi (110%% of the target to date)", row.Kategori)
	}
	rep, err = Compute(agreementOf(ind), r, 4)
	if err != nil {
		t.Fatal(err)
	}
	row = rep.Rows[0]
	ok(92).check(t, "Dinilai at IV", row.Dinilai())
	if row.Kategori != "Sangat Tinggi" || rep.Overall.Tahunan.RataRata != 92 {
		t.Errorf("TW IV: Kategori %q, summary %v; want the annual 92%%", row.Kategori, rep.Overall.Tahunan.RataRata)
	}
}

// TestFormulaSetting checks that rumus_negatif is read from the indicator,
// else the agreement, else selisih: realisasi 35 against target 10.
func TestFormulaSetting(t *testing.T) {
	tests := []struct {
		agreement, indicator string
		want                 want
	}{
		{"", "", ok(0)}, // (20 − 35) / 10 floored at 0
		{data.RumusSelisihNegatif, "", ok(-150)},
		{data.RumusSelisihNegatif, data.RumusTerbalik, ok(10.0 / 35 * 100)},
		{"", data.RumusSelisihNegatif, ok(-150)},
	}
	for _, tt := range tests {
		ind := data.Indicator{Kode: "X1", Polaritas: data.Negatif, Akumulasi: data.PosisiAkhir, RumusNegatif: tt.indicator,
			Triwulan: quarters(t, "10", "10", "10", "10"), Tahunan: tg(t, "10")}
		a := agreementOf(ind)
		a.RumusNegatif = tt.agreement
		rep, err := Compute(a, realisasiOf(t, ent(t, "X1", 1, "35")), 1)
		if err != nil {
			t.Fatal(err)
		}
		tt.want.check(t, tt.agreement+"/"+tt.indicator, rep.Rows[0].CapaianTW)
	}
}

// TestKategoriRanges checks bands given by ranges: the LKjIP table of a
// regency inspectorate (91-100, 76-90, 66-75, 51-65, <=50) leaves 90,5
// and anything above 100 in no band; a two-band verdict splits at 100.
func TestKategoriRanges(t *testing.T) {
	rng := func(nama, r string) data.Category {
		k := data.Category{Nama: nama}
		if err := data.ParseCategoryRange(r, &k); err != nil {
			t.Fatal(err)
		}
		return k
	}
	lkjip := []data.Category{rng("Sangat Baik", "91-100"), rng("Baik", "76-90"), rng("Cukup", "66-75"),
		rng("Kurang", "51-65"), rng("Sangat Kurang", "<=50")}
	verdict := []data.Category{rng("Tercapai", ">=100"), rng("Belum Tercapai", "<100")}
	upper := []data.Category{rng("Sangat Tinggi", ">90"), rng("Tinggi", ">75-90"), rng("Rendah", "<=75")}
	tests := []struct {
		bands []data.Category
		v     float64
		want  string
	}{
		{lkjip, 100, "Sangat Baik"},
		{lkjip, 91, "Sangat Baik"},
		{lkjip, 90.5, TidakTerkategori}, // the gap between 90 and 91
		{lkjip, 90, "Baik"},
		{lkjip, 100.5, TidakTerkategori}, // no band above 100
		{lkjip, -28.2, "Sangat Kurang"},
		{verdict, 100, "Tercapai"},
		{verdict, 135, "Tercapai"},
		{verdict, 99.994, "Belum Tercapai"}, // printed 99,99%
		{verdict, 99.996, "Tercapai"},       // printed 100%
		{upper, 90, "Tinggi"},               // exclusive lower bound of the top band
		{upper, 90.01, "Sangat Tinggi"},
		{upper, 75, "Rendah"},
		{nil, -28.2, "Sangat Rendah"}, // min bands: below the lowest, the last band
	}
	for _, tt := range tests {
		if got := Kategori(tt.bands, Value{Status: StatusOK, Raw: tt.v, Capped: tt.v}); got != tt.want {
			t.Errorf("Kategori(%v) = %q; want %q", tt.v, got, tt.want)
		}
	}
}

// TestSummaryCountsUncategorised checks the tidak terkategori count.
func TestSummaryCountsUncategorised(t *testing.T) {
	ind := func(k string) data.Indicator {
		return data.Indicator{Kode: k, Akumulasi: data.PosisiAkhir, Triwulan: quarters(t, "100%", "100%", "100%", "100%"), Tahunan: tg(t, "100%")}
	}
	a := agreementOf(ind("A"), ind("B"))
	a.Kategori = []data.Category{{Nama: "Tinggi", Min: 91, Max: 100, HasRange: true}, {Nama: "Rendah", Min: 0, Max: 90, HasRange: true}}
	rep, err := Compute(a, realisasiOf(t, ent(t, "A", 1, "90,5%"), ent(t, "B", 1, "50%")), 1)
	if err != nil {
		t.Fatal(err)
	}
	s := rep.Overall.Triwulan
	if !s.Rentang || s.TidakTerkategori != 1 || s.PerKategori[1].Jumlah != 1 {
		t.Errorf("summary %+v", s)
	}
	var b strings.Builder
	if err := WriteJSON(&b, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"triwulan_tidak_terkategori": 1`) {
		t.Errorf("JSON lacks the uncategorised count:\n%s", b.String())
	}
}

// TestPembanding compares the year to date with named reference targets:
// growth 4,8% against this year's 5%, the RPJMD's 5,5% and the national
// 5,2%.
func TestPembanding(t *testing.T) {
	ind := data.Indicator{Kode: "PE", Akumulasi: data.PosisiAkhir,
		Triwulan: quarters(t, "N/A", "N/A", "N/A", "5%"), Tahunan: tg(t, "5%"),
		Pembanding: []data.Reference{{Nama: "RPJMD", Target: tg(t, "5,5%")}, {Nama: "Nasional", Target: tg(t, "5,2%")}}}
	rep, err := Compute(agreementOf(ind), realisasiOf(t, ent(t, "PE", 4, "4,8%")), 4)
	if err != nil {
		t.Fatal(err)
	}
	p := rep.Rows[0].Pembanding
	if len(p) != 2 || p[0].Nama != "RPJMD" || p[1].Target.Text != "5,2%" {
		t.Fatalf("pembanding %+v", p)
	}
	ok(4.8/5.5*100).check(t, "RPJMD", p[0].Capaian)
	ok(4.8/5.2*100).check(t, "Nasional", p[1].Capaian)
	ok(96).check(t, "this year", rep.Rows[0].CapaianTahunan)
	if got := PembandingText(p); got != "RPJMD 5,5%: 87,27%; Nasional 5,2%: 92,31%" {
		t.Errorf("PembandingText = %q", got)
	}
}

// TestComputedFromValuesAsWritten checks that nothing is rounded before
// display: three quarters of 1 against 3 average 33,333…%, not 33,33%,
// and 2/3 + 2/3 summed by kumulatif stays exact.
func TestComputedFromValuesAsWritten(t *testing.T) {
	ind := data.Indicator{Kode: "X1", Akumulasi: data.RataRata, Triwulan: quarters(t, "3", "3", "3", "3"), Tahunan: tg(t, "3")}
	rep, err := Compute(agreementOf(ind), realisasiOf(t, ent(t, "X1", 1, "1"), ent(t, "X1", 2, "1"), ent(t, "X1", 3, "1")), 3)
	if err != nil {
		t.Fatal(err)
	}
	v := rep.Rows[0].CapaianSD
	if !near(v.Raw, 100.0/3) || v.Text() != "33,33%" {
		t.Errorf("CapaianSD %+v %q; want raw 33,333… printed 33,33%%", v, v.Text())
	}
	if !near(rep.Overall.Tahunan.RataRata, 100.0/3) {
		t.Errorf("summary mean %v was rounded", rep.Overall.Tahunan.RataRata)
	}
}

// TestNegativeRealisasiDecodes checks that a negative realisasi is read
// and a negative predicate refused.
func TestNegativeRealisasiDecodes(t *testing.T) {
	for in, want := range map[string]float64{"-1,41%": -1.41, "\u22122": -2, "-0,5": -0.5} {
		v, err := ParseValue(in)
		if err != nil || v.Value != want {
			t.Errorf("ParseValue(%q) = %+v, %v; want %v", in, v, err, want)
		}
	}
	if _, err := ParseValue("-WTP"); err == nil {
		t.Error("ParseValue(-WTP) accepted")
	}
}

// TestRealisasiTanggal checks the optional signing date of a report.
func TestRealisasiTanggal(t *testing.T) {
	a := agreementOf(data.Indicator{Kode: "X1", Triwulan: quarters(t, "1", "1", "1", "1"), Tahunan: tg(t, "4")})
	r, err := Decode(strings.NewReader("tahun = 2021\ntanggal = 2021-07-15\n"), "r.toml", a)
	if err != nil || r.Tanggal.Format("2006-01-02") != "2021-07-15" {
		t.Errorf("tanggal %v, %v", r, err)
	}
	for src, want := range map[string]string{
		"tahun = 2021\ntanggal = 2019-07-15\n":  "r.toml:2:11: tanggal: 2019-07-15 is not in 2021 or 2022; expected the date the report is signed",
		"tahun = 2021\ntanggal = \"15 Juli\"\n": "r.toml:2:11: tanggal: expected a TOML date without quotes, e.g. tanggal = 2021-07-15, got a string",
	} {
		if _, err := Decode(strings.NewReader(src), "r.toml", a); err == nil || err.Error() != want {
			t.Errorf("got %v\nwant %s", err, want)
		}
	}
}
