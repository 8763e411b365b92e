package report

import (
	"math"
	"testing"

	"kinerja/data"
	"kinerja/internal/testtool"
)

// tg parses a target in the agreement's notation or fails the test.
func tg(t testing.TB, s string) data.Target {
	t.Helper()
	v, err := data.ParseTarget(s)
	if err != nil {
		t.Fatalf("target %q: %v", s, err)
	}
	return v
}

// quarters parses four quarterly targets.
func quarters(t testing.TB, a, b, c, d string) [4]data.Target {
	return [4]data.Target{tg(t, a), tg(t, b), tg(t, c), tg(t, d)}
}

// testScales are the seed's scales, as data/pk-2021-bppbj.toml declares them.
func testScales() []data.Scale {
	band := func(l string, lo, hi float64, excl bool) data.ScaleEntry {
		return data.ScaleEntry{Label: l, Min: lo, Max: hi, MinExclusive: excl, HasBand: true}
	}
	bands := []data.ScaleEntry{band("AA", 90, 100, true), band("A", 80, 90, true), band("BB", 70, 80, true),
		band("B", 60, 70, true), band("CC", 50, 60, true), band("C", 30, 50, true), band("D", 0, 30, false)}
	return []data.Scale{
		{Nama: "opini_bpk", Nilai: []data.ScaleEntry{
			{Label: "WTP", Skor: 3, Persen: 100, HasSkor: true}, {Label: "WDP", Skor: 2, Persen: 75, HasSkor: true},
			{Label: "TW", Skor: 1, Persen: 50, HasSkor: true}, {Label: "TMP", Skor: 0, Persen: 25, HasSkor: true}}},
		{Nama: "skor_saja", Nilai: []data.ScaleEntry{
			{Label: "WTP", Skor: 3, HasSkor: true}, {Label: "WDP", Skor: 2, HasSkor: true}}},
		{Nama: "sakip", Nilai: bands},
		{Nama: "pmprb", Nilai: append([]data.ScaleEntry(nil), bands...)},
		{Nama: "terbuka", Nilai: []data.ScaleEntry{band("AA", 90, math.Inf(1), true), band("A", 80, 90, true)}},
	}
}

// agreementOf builds an agreement for 2021 with one group and one sasaran
// per indicator; indicator kodes and numbers are kept as given.
func agreementOf(inds ...data.Indicator) *data.Agreement {
	a := &data.Agreement{File: "pk-test.toml", Tahun: 2021, Skala: testScales(), Kategori: data.DefaultKategori()}
	g := data.Group{Nama: "SASARAN STRATEGIS"}
	for i, ind := range inds {
		ind.No = 1
		g.Sasaran = append(g.Sasaran, data.Sasaran{No: i + 1, Uraian: "Sasaran " + ind.Kode, Indikator: []data.Indicator{ind}})
	}
	a.Kelompok = []data.Group{g}
	return a
}

// realisasiOf builds a realisasi for 2021 from entries.
func realisasiOf(t testing.TB, entries ...Entry) *Realisasi {
	r := &Realisasi{File: "realisasi-test.toml", Tahun: 2021, Entries: entries}
	r.reindex()
	return r
}

// ent builds an entry with a parsed value.
func ent(t testing.TB, kode string, tw int, nilai string) Entry {
	return Entry{Kode: kode, Triwulan: tw, Nilai: tg(t, nilai)}
}

// near reports whether a and b agree to 1e-9.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// requireTool skips (or fails under CI) when an outside tool is missing.
func requireTool(t *testing.T, name string) { testtool.Require(t, name) }
