package report

import (
	"strings"
	"testing"

	"kinerja/data"
)

// want is an expected Value: status and raw value.
type want struct {
	st  Status
	raw float64
}

// check compares a Value with want.
func (w want) check(t *testing.T, what string, v Value) {
	t.Helper()
	if v.Status != w.st || !near(v.Raw, w.raw) {
		t.Errorf("%s = %s %v; want %s %v", what, v.Status, v.Raw, w.st, w.raw)
	}
}

func ok(v float64) want { return want{StatusOK, v} }

func TestAccumulation(t *testing.T) {
	tests := []struct {
		name       string
		tw         [4]string
		tahunan    string
		akumulasi  string
		polaritas  string
		skala      string
		values     [4]string // "" = no entry
		n          int
		capTW      want
		capSD      want
		capTahunan want
		realSD     string
	}{
		{name: "kumulatif increments", tw: [4]string{"25%", "25%", "25%", "25%"}, tahunan: "100%", akumulasi: data.Kumulatif,
			values: [4]string{"20%", "27,5%"}, n: 2,
			// TW II: 27,5/25 = 110%; ΣR/ΣT = 47,5/50 = 95%; against the year 47,5/100
			capTW: ok(110), capSD: ok(95), capTahunan: ok(47.5), realSD: "47,5%"},
		{name: "kumulatif keeps the realisasi of an N/A quarter", tw: [4]string{"10", "N/A", "20", "20"}, tahunan: "50", akumulasi: data.Kumulatif,
			values: [4]string{"8", "5", "22"}, n: 3,
			// TW II has no target but its 5 was achieved: (8+5+22)/(10+20) = 116,67%; 35/50 = 70%
			capTW: ok(110), capSD: ok(35.0 / 30 * 100), capTahunan: ok(70), realSD: "35"},
		{name: "kumulatif annual-only target (issue 11)", tw: [4]string{"N/A", "N/A", "N/A", "N/A"}, tahunan: "2", akumulasi: data.Kumulatif,
			values: [4]string{"1", "0", "2"}, n: 3,
			// no quarterly target: 1 + 0 + 2 = 3 against the annual 2 = 150%
			capTW: want{StatusNA, 0}, capSD: want{StatusNA, 0}, capTahunan: ok(150), realSD: "3"},
		{name: "negative realisasi: economic growth", tw: [4]string{"5%", "5%", "5%", "5%"}, tahunan: "5%", akumulasi: data.PosisiAkhir,
			values: [4]string{"-1,41%"}, n: 1,
			// −1,41 / 5 = −28,2%
			capTW: ok(-28.2), capSD: ok(-28.2), capTahunan: ok(-28.2), realSD: "-1,41%"},
		{name: "kumulatif negatif", tw: [4]string{"10", "10", "10", "10"}, tahunan: "40", akumulasi: data.Kumulatif, polaritas: data.Negatif,
			values: [4]string{"8", "16"}, n: 2,
			// TW II: (20−16)/10 = 40%; ΣR = 24, ΣT = 20: (40−24)/20 = 80%; year: (80−24)/40 = 140%
			capTW: ok(40), capSD: ok(80), capTahunan: ok(140), realSD: "24"},
		{name: "kumulatif partial year", tw: [4]string{"25%", "25%", "25%", "25%"}, tahunan: "100%", akumulasi: data.Kumulatif,
			values: [4]string{"25%", "20%"}, n: 3,
			// TW III not reported yet; to date uses I and II: 45/50 = 90%
			capTW: want{StatusNotReported, 0}, capSD: ok(90), capTahunan: ok(45), realSD: "45%"},
		{name: "kumulatif nothing reported", tw: [4]string{"25%", "25%", "25%", "25%"}, tahunan: "100%", akumulasi: data.Kumulatif,
			n: 1, capTW: want{StatusNotReported, 0}, capSD: want{StatusNotReported, 0}, capTahunan: want{StatusNotReported, 0}},
		{name: "posisi_akhir progress", tw: [4]string{"15%", "30%", "45%", "100%"}, tahunan: "100%", akumulasi: data.PosisiAkhir,
			values: [4]string{"12%", "33%"}, n: 2,
			// latest: 33 against 30 = 110%; against the year 33%
			capTW: ok(110), capSD: ok(110), capTahunan: ok(33), realSD: "33%"},
		{name: "posisi_akhir latest reported before the report quarter", tw: [4]string{"15%", "30%", "45%", "100%"}, tahunan: "100%", akumulasi: data.PosisiAkhir,
			values: [4]string{"12%"}, n: 2,
			capTW: want{StatusNotReported, 0}, capSD: ok(80), capTahunan: ok(12), realSD: "12%"},
		{name: "posisi_akhir all targets N/A so far", tw: [4]string{"N/A", "N/A", "N/A", "91%"}, tahunan: "91%", akumulasi: data.PosisiAkhir,
			n: 2, capTW: want{StatusNA, 0}, capSD: want{StatusNA, 0}, capTahunan: want{StatusNA, 0}},
		{name: "rata_rata skips N/A quarters", tw: [4]string{"100%", "N/A", "100%", "100%"}, tahunan: "100%", akumulasi: data.RataRata,
			values: [4]string{"90%", "70%", "100%"}, n: 3,
			// TW II has no target: (90 + 100) / 2 = 95
			capTW: ok(100), capSD: ok(95), capTahunan: ok(95), realSD: "95%"},
		{name: "rata_rata skips a target-0 quarter", tw: [4]string{"4", "0", "4", "4"}, tahunan: "4", akumulasi: data.RataRata,
			values: [4]string{"4", "1", "3"}, n: 3,
			// TW II not evaluable; (100 + 75) / 2 = 87,5; year: (4/4 + 3/4) / 2
			capTW: ok(75), capSD: ok(87.5), capTahunan: ok(87.5), realSD: "3,5"},
		{name: "rata_rata only a target-0 quarter", tw: [4]string{"0", "4", "4", "4"}, tahunan: "4", akumulasi: data.RataRata,
			values: [4]string{"1"}, n: 1, // 1 against target 0: above it, no percentage
			capTW: want{StatusZeroExceeded, 0}, capSD: want{StatusZeroExceeded, 0}, capTahunan: want{StatusZeroExceeded, 0}},
		{name: "target 0 negatif with R 0", tw: [4]string{"0", "0", "0", "0"}, tahunan: "0", akumulasi: data.PosisiAkhir, polaritas: data.Negatif,
			values: [4]string{"0"}, n: 1, capTW: ok(100), capSD: ok(100), capTahunan: ok(100), realSD: "0"},
		{name: "tahunan before release", tw: [4]string{"N/A", "(3) WTP", "N/A", "N/A"}, tahunan: "(3) WTP", akumulasi: data.Tahunan, skala: "opini_bpk",
			n: 2, capTW: want{StatusNotReleased, 0}, capSD: want{StatusNotReleased, 0}, capTahunan: want{StatusNotReleased, 0}},
		{name: "tahunan before its quarter", tw: [4]string{"N/A", "N/A", "N/A", "A (81)"}, tahunan: "A (81)", akumulasi: data.Tahunan, skala: "sakip",
			n: 1, capTW: want{StatusNA, 0}, capSD: want{StatusNotReleased, 0}, capTahunan: want{StatusNotReleased, 0}},
		{name: "tahunan released as WDP", tw: [4]string{"N/A", "(3) WTP", "N/A", "N/A"}, tahunan: "(3) WTP", akumulasi: data.Tahunan, skala: "opini_bpk",
			values: [4]string{"", "WDP"}, n: 2, capTW: ok(75), capSD: ok(75), capTahunan: ok(75), realSD: "WDP"},
		{name: "tahunan released stays after its quarter", tw: [4]string{"N/A", "(3) WTP", "N/A", "N/A"}, tahunan: "(3) WTP", akumulasi: data.Tahunan, skala: "opini_bpk",
			values: [4]string{"", "WTP"}, n: 3, capTW: want{StatusNA, 0}, capSD: ok(100), capTahunan: ok(100), realSD: "WTP"},
		{name: "tahunan released early", tw: [4]string{"N/A", "N/A", "N/A", "A (81)"}, tahunan: "A (81)", akumulasi: data.Tahunan, skala: "sakip",
			values: [4]string{"", "", "A (83)"}, n: 3, capTW: want{StatusNA, 0}, capSD: ok(83.0 / 81 * 100), capTahunan: ok(83.0 / 81 * 100), realSD: "A (83)"},
		{name: "tahunan number with band scale", tw: [4]string{"N/A", "N/A", "N/A", "92"}, tahunan: "92", akumulasi: data.Tahunan, skala: "pmprb",
			values: [4]string{"", "", "", "87,4"}, n: 4, capTW: ok(87.4 / 92 * 100), capSD: ok(87.4 / 92 * 100), capTahunan: ok(87.4 / 92 * 100), realSD: "87,4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := data.Indicator{Kode: "X1", Akumulasi: tt.akumulasi, Polaritas: tt.polaritas, Skala: tt.skala,
				Triwulan: quarters(t, tt.tw[0], tt.tw[1], tt.tw[2], tt.tw[3]), Tahunan: tg(t, tt.tahunan)}
			var es []Entry
			for q, v := range tt.values {
				if v != "" {
					es = append(es, ent(t, "X1", q+1, v))
				}
			}
			rep, err := Compute(agreementOf(ind), realisasiOf(t, es...), tt.n)
			if err != nil {
				t.Fatal(err)
			}
			row := rep.Rows[0]
			tt.capTW.check(t, "CapaianTW", row.CapaianTW)
			tt.capSD.check(t, "CapaianSD", row.CapaianSD)
			tt.capTahunan.check(t, "CapaianTahunan", row.CapaianTahunan)
			if row.RealisasiSD.Text != tt.realSD {
				t.Errorf("RealisasiSD = %q; want %q", row.RealisasiSD.Text, tt.realSD)
			}
			if len(row.Riwayat) != tt.n || row.Triwulan != tt.n {
				t.Errorf("got %d quarters, row quarter %d; want %d", len(row.Riwayat), row.Triwulan, tt.n)
			}
		})
	}
}

func TestRataRataCapsTheMean(t *testing.T) {
	ind := data.Indicator{Kode: "X1", Akumulasi: data.RataRata, Batas: 110,
		Triwulan: quarters(t, "100%", "100%", "100%", "100%"), Tahunan: tg(t, "100%")}
	rep, err := Compute(agreementOf(ind), realisasiOf(t, ent(t, "X1", 1, "150%"), ent(t, "X1", 2, "90%")), 2)
	if err != nil {
		t.Fatal(err)
	}
	r := rep.Rows[0]
	// quarter II: 90; quarter I raw 150 capped 110; mean of raws (150+90)/2 = 120, capped to 110
	if r.CapaianSD.Raw != 120 || r.CapaianSD.Capped != 110 || r.Riwayat[0].CapaianTW.Capped != 110 {
		t.Errorf("got SD %+v, TW I %+v", r.CapaianSD, r.Riwayat[0].CapaianTW)
	}
}

func TestComputeErrors(t *testing.T) {
	ind := data.Indicator{Kode: "X1", Triwulan: quarters(t, "1", "1", "1", "1"), Tahunan: tg(t, "4")}
	a := agreementOf(ind)
	for _, tw := range []int{0, 5} {
		if _, err := Compute(a, nil, tw); err == nil || !strings.Contains(err.Error(), "out of range") {
			t.Errorf("Compute(tw=%d) error = %v; want out of range", tw, err)
		}
	}
	r := realisasiOf(t)
	r.Tahun = 2022
	if _, err := Compute(a, r, 1); err == nil || !strings.Contains(err.Error(), "is for 2022 but the agreement is for 2021") {
		t.Errorf("year mismatch error = %v", err)
	}
	a.Kelompok[0].Sasaran[0].Indikator[0].Akumulasi = "bulanan"
	if _, err := Compute(a, nil, 1); err == nil || !strings.Contains(err.Error(), `unknown akumulasi "bulanan"`) {
		t.Errorf("bad akumulasi error = %v", err)
	}
	if _, err := Compute(nil, nil, 1); err != ErrNoAgreement {
		t.Errorf("nil agreement error = %v", err)
	}
}

func TestSummary(t *testing.T) {
	mk := func(kode, target string) data.Indicator {
		return data.Indicator{Kode: kode, Akumulasi: data.PosisiAkhir, Triwulan: quarters(t, target, target, target, target), Tahunan: tg(t, "100%")}
	}
	a := agreementOf(mk("A", "100%"), mk("B", "100%"), mk("C", "N/A"), mk("D", "0%"), mk("E", "100%"))
	a.Kelompok = append(a.Kelompok, data.Group{Nama: "SASARAN KHUSUS", Sasaran: a.Kelompok[0].Sasaran[3:]})
	a.Kelompok[0].Sasaran = a.Kelompok[0].Sasaran[:3]
	r := realisasiOf(t, ent(t, "A", 1, "95%"), ent(t, "B", 1, "70%"), ent(t, "C", 1, "50%"), ent(t, "D", 1, "10%"), ent(t, "E", 1, "130%"))
	rep, err := Compute(a, r, 1)
	if err != nil {
		t.Fatal(err)
	}
	// evaluable in TW I: A 95 (Sangat Tinggi), B 70 (Sedang), E 130 (Sangat Tinggi); C N/A, D target 0
	o := rep.Overall.Triwulan
	if o.Indikator != 5 || o.Dievaluasi != 3 || !near(o.RataRata, (95.0+70+130)/3) {
		t.Errorf("overall = %+v", o)
	}
	wantCounts := []int{2, 0, 1, 0, 0}
	for i, k := range o.PerKategori {
		if k.Jumlah != wantCounts[i] {
			t.Errorf("%s: %d; want %d", k.Nama, k.Jumlah, wantCounts[i])
		}
	}
	if len(rep.Groups) != 2 || rep.Groups[0].Nama != "SASARAN STRATEGIS" || !near(rep.Groups[0].Triwulan.RataRata, 82.5) ||
		rep.Groups[1].Triwulan.Dievaluasi != 1 || rep.Groups[1].Triwulan.RataRata != 130 {
		t.Errorf("groups = %+v", rep.Groups)
	}
	// before triwulan IV the annual summary grades the year to date against
	// the target to date: C (target N/A) and D (target 0) have none
	if th := rep.Overall.Tahunan; th.Dievaluasi != 3 || !near(th.RataRata, (95.0+70+130)/3) {
		t.Errorf("tahunan = %+v", th)
	}
}
