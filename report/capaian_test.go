package report

import (
	"math"
	"testing"

	"kinerja/data"
)

// TestRatio checks the formulas, each row with the example it reproduces.
func TestRatio(t *testing.T) {
	const (
		neg  = data.RumusSelisih
		free = data.RumusSelisihNegatif
		inv  = data.RumusTerbalik
	)
	tests := []struct {
		name    string
		r, t    float64
		formula string
		status  Status
		raw     float64
	}{
		{"positif met", 91, 91, positif, StatusOK, 100},
		{"positif below", 45, 60, positif, StatusOK, 75},
		{"positif above", 120, 100, positif, StatusOK, 120},
		{"positif zero realisasi", 0, 80, positif, StatusOK, 0},
		// economic growth −1,41% against a target of 5%: −28,2%
		{"positif negative realisasi", -1.41, 5, positif, StatusOK, -28.2},
		// a fall in an index: −2 against a target of −4 (a fall of 4): 50%
		{"positif negative target", -2, -4, positif, StatusOK, 50},
		// selisih: (2T − R) / T × 100; PermenPANRB 6/2022 writes it
		// (1 + (1 − R/T)) × 100%: target 7 months, realisasi 6,5 → 107%;
		// target 8, realisasi 9 → 87,5%.
		{"selisih below target is good", 6.5, 7, neg, StatusOK, 107.142857142857},
		{"selisih above target", 9, 8, neg, StatusOK, 87.5},
		{"selisih on target", 10, 10, neg, StatusOK, 100},
		{"selisih at 2T", 20, 10, neg, StatusOK, 0},
		{"selisih above 2T floors at 0", 35, 10, neg, StatusOK, 0}, // (20−35)/10 = −150 → 0
		// selisih_negatif: the same without the floor
		{"selisih_negatif above 2T", 35, 10, free, StatusOK, -150},
		{"selisih_negatif below target", 6.5, 7, free, StatusOK, 107.142857142857},
		// terbalik: T / R × 100; unemployment 6% against a target of 5%:
		// 83,33% (selisih gives 80%)
		{"terbalik above target", 6, 5, inv, StatusOK, 83.3333333333333},
		{"terbalik below target", 4, 5, inv, StatusOK, 125},
		{"terbalik R 0", 0, 5, inv, StatusNotEvaluable, 0},
		// target 0
		{"target 0 positif R 0", 0, 0, positif, StatusZeroMet, 0},
		{"target 0 positif R > 0", 5, 0, positif, StatusZeroExceeded, 0},
		{"target 0 positif R < 0", -1, 0, positif, StatusZeroMissed, 0},
		{"target 0 negatif R 0", 0, 0, neg, StatusOK, 100},
		{"target 0 negatif R > 0", 2, 0, neg, StatusZeroMissed, 0},
		{"target 0 terbalik R > 0", 2, 0, inv, StatusZeroMissed, 0},
		{"target 0 negatif R < 0", -2, 0, free, StatusZeroExceeded, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := ratio(tt.r, tt.t, tt.formula)
			if v.Status != tt.status || math.Abs(v.Raw-tt.raw) > 1e-9 {
				t.Errorf("ratio(%v, %v, %q) = %+v; want %s %v", tt.r, tt.t, tt.formula, v, tt.status, tt.raw)
			}
		})
	}
}

// TestZeroTargetNeverZeroPercent checks that target 0 prints its verdict,
// never 0%, and has no category.
func TestZeroTargetNeverZeroPercent(t *testing.T) {
	for _, tt := range []struct {
		v    Value
		want string
	}{
		{ratio(5, 0, positif), "target 0 terlampaui"},
		{ratio(0, 0, positif), "target 0 tercapai"},
		{ratio(2, 0, data.RumusSelisih), "target 0 tidak tercapai"},
		{none(StatusNotEvaluable), "tidak dapat dievaluasi"},
	} {
		if tt.v.Text() != tt.want {
			t.Errorf("Text() = %q; want %q", tt.v.Text(), tt.want)
		}
		if got := Kategori(nil, tt.v); got != "" {
			t.Errorf("category of %q = %q; want none", tt.want, got)
		}
	}
}

func TestCap(t *testing.T) {
	tests := []struct {
		raw, batas, capped float64
	}{
		{130, 120, 120}, {120, 120, 120}, {115, 110, 110}, {100, 120, 100}, {130, 0, 130},
	}
	for _, tt := range tests {
		v := capped(Value{Status: StatusOK, Raw: tt.raw}, tt.batas)
		if v.Raw != tt.raw || v.Capped != tt.capped {
			t.Errorf("capped(%v, %v) = %+v; want raw %v capped %v", tt.raw, tt.batas, v, tt.raw, tt.capped)
		}
	}
}

func TestKategori(t *testing.T) {
	custom := []data.Category{{Nama: "Baik", Min: 80}, {Nama: "Cukup", Min: 60}, {Nama: "Kurang", Min: 10}}
	tests := []struct {
		bands []data.Category
		v     float64
		want  string
	}{
		{nil, 100, "Sangat Tinggi"},
		{nil, 150, "Sangat Tinggi"},
		{nil, 91, "Sangat Tinggi"},
		{nil, 90.5, "Tinggi"},          // below the 91 lower bound of the next band
		{nil, 90.996, "Sangat Tinggi"}, // printed as 91%, categorised as 91
		{nil, 90.994, "Tinggi"},        // printed as 90,99%
		{nil, 76, "Tinggi"},
		{nil, 75.99, "Sedang"},
		{nil, 66, "Sedang"},
		{nil, 65.5, "Rendah"},
		{nil, 51, "Rendah"},
		{nil, 50.99, "Sangat Rendah"},
		{nil, 0, "Sangat Rendah"},
		{custom, 85, "Baik"},
		{custom, 5, "Kurang"}, // below every band: the last one
	}
	for _, tt := range tests {
		got := Kategori(tt.bands, Value{Status: StatusOK, Raw: tt.v, Capped: tt.v})
		if got != tt.want {
			t.Errorf("Kategori(%v) = %q; want %q", tt.v, got, tt.want)
		}
	}
}

func TestKategoriUsesCappedValue(t *testing.T) {
	v := capped(Value{Status: StatusOK, Raw: 130}, 120)
	if got := Kategori(nil, v); got != "Sangat Tinggi" {
		t.Errorf("got %q", got)
	}
	low := Value{Status: StatusOK, Raw: 95, Capped: 60} // capped is what is categorised
	if got := Kategori(nil, low); got != "Rendah" {
		t.Errorf("got %q; want Rendah", got)
	}
}

func TestScorePredicates(t *testing.T) {
	tests := []struct {
		name, skala, r, t string
		unit              data.TargetKind
		status            Status
		raw               float64
	}{
		{"WTP against (3) WTP", "opini_bpk", "WTP", "(3) WTP", data.Predicate, StatusOK, 100},
		{"WDP: its 75% against WTP's 100%", "opini_bpk", "WDP", "(3) WTP", data.Predicate, StatusOK, 75},
		{"TW", "opini_bpk", "(1) TW", "(3) WTP", data.Predicate, StatusOK, 50},
		{"TMP scores 0 but stands for 25%", "opini_bpk", "TMP", "(3) WTP", data.Predicate, StatusOK, 25},
		{"WTP against a WDP target", "opini_bpk", "WTP", "WDP", data.Predicate, StatusOK, 100.0 / 75 * 100},
		{"scores when no percentage", "skor_saja", "WDP", "WTP", data.Predicate, StatusOK, 2.0 / 3 * 100},
		{"band: both numbers", "sakip", "A (83)", "A (81)", data.Predicate, StatusOK, 83.0 / 81 * 100},
		{"band: same label without numbers", "sakip", "A", "A (81)", data.Predicate, StatusOK, 100},
		{"band: lower label uses its midpoint", "sakip", "BB", "A (81)", data.Predicate, StatusOK, 75.0 / 81 * 100},
		{"band: higher label", "sakip", "AA", "A", data.Predicate, StatusOK, 95.0 / 85 * 100},
		{"band: lowest band midpoint", "sakip", "D", "A (81)", data.Predicate, StatusOK, 15.0 / 81 * 100},
		{"band: open band uses its lower bound", "terbuka", "AA", "A (81)", data.Predicate, StatusOK, 90.0 / 81 * 100},
		{"number target with band scale", "pmprb", "85", "92", data.Number, StatusOK, 85.0 / 92 * 100},
		{"predicate realisasi for number target", "pmprb", "BB", "92", data.Number, StatusOK, 75.0 / 92 * 100},
		{"no scale", "", "WDP", "WTP", data.Predicate, StatusNotEvaluable, 0},
		{"target N/A", "opini_bpk", "WTP", "N/A", data.Predicate, StatusNA, 0},
		{"not reported", "opini_bpk", "N/A", "(3) WTP", data.Predicate, StatusNotReported, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := data.Indicator{Kode: "X", Skala: tt.skala}
			ind.Tahunan = tg(t, tt.t)
			a := agreementOf(ind)
			v := score(a, &a.Kelompok[0].Sasaran[0].Indikator[0], tg(t, tt.r), tg(t, tt.t))
			if v.Status != tt.status || !near(v.Raw, tt.raw) {
				t.Errorf("score(%s, %s) = %+v; want %s %v", tt.r, tt.t, v, tt.status, tt.raw)
			}
		})
	}
}

func TestPredicatesIgnorePolarity(t *testing.T) {
	ind := data.Indicator{Kode: "X", Skala: "opini_bpk", Polaritas: data.Negatif, Tahunan: tg(t, "WTP")}
	a := agreementOf(ind)
	v := score(a, &a.Kelompok[0].Sasaran[0].Indikator[0], tg(t, "WDP"), tg(t, "WTP"))
	if !v.OK() || v.Raw != 75 {
		t.Errorf("got %+v; want 75", v)
	}
}

func TestScoreCapsButKeepsRaw(t *testing.T) {
	ind := data.Indicator{Kode: "X", Batas: 120, Tahunan: tg(t, "100%")}
	a := agreementOf(ind)
	v := score(a, &a.Kelompok[0].Sasaran[0].Indikator[0], tg(t, "150%"), tg(t, "100%"))
	if v.Raw != 150 || v.Capped != 120 || v.Text() != "120%" {
		t.Errorf("got %+v %q; want raw 150, capped 120", v, v.Text())
	}
}

func TestBudget(t *testing.T) {
	tests := []struct {
		e      Entry
		status Status
		raw    float64
	}{
		{Entry{Pagu: 850_000_000, RealisasiAnggaran: 212_500_000, HasPagu: true, HasRealisasiAnggaran: true}, StatusOK, 25},
		{Entry{Pagu: 0, RealisasiAnggaran: 0, HasPagu: true, HasRealisasiAnggaran: true}, StatusNotEvaluable, 0},
		{Entry{Pagu: 100, HasPagu: true}, StatusNotReported, 0},
		{Entry{}, StatusNotReported, 0},
	}
	for _, tt := range tests {
		b := budget(&tt.e)
		if b.Serapan.Status != tt.status || !near(b.Serapan.Raw, tt.raw) {
			t.Errorf("budget(%+v).Serapan = %+v; want %s %v", tt.e, b.Serapan, tt.status, tt.raw)
		}
	}
}
