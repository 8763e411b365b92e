package data

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const seedName = "perjanjian-kinerja-2021-bppbj.txt"

// seedText returns the test copy of the seed document.
func seedText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "seed", seedName))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// reMarkup is the seed's markup: bold markers and paragraph tags.
var reMarkup = regexp.MustCompile(`\*\*|</?p>`)

// norm maps seed notation to printed text and collapses whitespace.
func norm(s string) string {
	s = strings.ReplaceAll(s, `\geq`, "≥")
	return strings.Join(strings.Fields(reMarkup.ReplaceAllString(s, " ")), " ")
}

// TestSeedCopyMatchesShared checks testdata's seed copy against the shared
// seed when the shared tree is checked out beside the repository.
func TestSeedCopyMatchesShared(t *testing.T) {
	shared, err := os.ReadFile(filepath.Join("..", "..", "shared", "seed", seedName))
	if os.IsNotExist(err) {
		t.Skip("../shared/seed not present; the testdata copy is used alone")
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shared, []byte(seedText(t))) {
		t.Error("testdata/seed copy differs from ../shared/seed; copy it again")
	}
}

// TestSeedTableCells checks every cell of the seed's attachment table
// against the decoded sample agreement, row by row.
func TestSeedTableCells(t *testing.T) {
	a, err := DecodeFile("pk-2021-bppbj.toml")
	if err != nil {
		t.Fatal(err)
	}
	refs := a.Indicators()
	row := 0
	for _, line := range strings.Split(seedText(t), "\n") {
		cells := strings.Split(line, "\t")
		if len(cells) != 12 || strings.TrimSpace(cells[2]) == "" || cells[2] == "NO" {
			continue
		}
		if row >= len(refs) {
			t.Fatalf("seed has more rows than the %d indicators", len(refs))
		}
		compareRow(t, refs[row], cells)
		row++
	}
	if row != len(refs) {
		t.Errorf("seed has %d rows, model %d indicators", row, len(refs))
	}
}

// compareRow compares one seed row with one indicator.
func compareRow(t *testing.T, r IndicatorRef, cells []string) {
	t.Helper()
	ind := r.Indicator
	want := []string{strings.TrimSpace(cells[0]), cells[1], cells[2], cells[3], cells[4], cells[5],
		cells[6], cells[7], cells[8], cells[9], cells[10], cells[11]}
	sasNo, uraian := fmt.Sprint(r.Sasaran.No), r.Sasaran.Uraian
	if ind.No > 1 { // the seed leaves NO and Sasaran empty on continuation rows
		sasNo, uraian = "", ""
	}
	got := []string{sasNo, uraian, fmt.Sprint(ind.No), ind.Indikator, ind.SumberData, ind.Pengukuran,
		ind.Triwulan[0].Text, ind.Triwulan[1].Text, ind.Triwulan[2].Text, ind.Triwulan[3].Text, ind.Tahunan.Text, ind.Keterangan}
	cols := []string{"NO", "Sasaran", "NO", "Indikator", "Sumber Data", "Pengukuran", "I", "II", "III", "IV", "Tahunan", "Keterangan"}
	for i := range want {
		if norm(got[i]) != norm(want[i]) {
			t.Errorf("%s column %s:\n got %q\nwant %q", ind.Kode, cols[i], norm(got[i]), norm(want[i]))
		}
	}
}

// printedWords is every word the two pages print for a, in the order
// of the seed: statement page, then the attachment. The column headings
// and "Nama :" style captions belong to the form (layout prints them).
func printedWords(a *Agreement) []string {
	var parts []string
	add := func(s ...string) { parts = append(parts, s...) }
	add(a.Kop.Baris...)
	add(a.JudulBaris...)
	add(a.Teks.Pembuka, "Nama :", a.Pertama.Nama, "Jabatan :", a.Pertama.Jabatan, a.Teks.SebutanPertama)
	add("Nama :", a.Kedua.Nama, "Jabatan :", a.Kedua.Jabatan, a.Teks.SebutanKedua, a.Teks.Janji, a.Teks.Supervisi)
	add(a.TempatTanggal(), a.LabelKedua+",", a.Kedua.JabatanTTD, a.Kedua.Nama)
	add(a.LabelPertama+",", a.Pertama.JabatanTTD, a.Pertama.Nama, "NIP "+a.Pertama.NIP)
	add(a.JudulLampiran, "Nama :", a.Pertama.NamaLampiran, "NIP :", a.Pertama.NIP,
		"Jabatan :", a.Pertama.JabatanSingkat, "Unit Kerja :", a.Pertama.UnitKerja)
	add("NO Sasaran NO Indikator Kinerja Sumber Data Pengukuran Kinerja Triwulan Tahunan Keterangan I II III IV")
	for _, g := range a.Kelompok {
		add(g.Nama)
		for _, s := range g.Sasaran {
			add(fmt.Sprint(s.No), s.Uraian)
			for _, in := range s.Indikator {
				add(fmt.Sprint(in.No), in.Indikator, in.SumberData, in.Pengukuran)
				for _, q := range in.Triwulan {
					add(q.Text)
				}
				add(in.Tahunan.Text, in.Keterangan)
			}
		}
	}
	add(a.Kedua.JabatanTTDLampiran, a.Kedua.NamaLampiran, a.TempatTanggal())
	add(a.Pertama.JabatanTTDLampiran, a.Pertama.NamaLampiran, "NIP "+a.Pertama.NIP)
	return strings.Fields(norm(strings.Join(parts, " ")))
}

// TestSeedEveryWord checks that the words printed from the sample
// agreement are exactly the words of the seed document (as multisets):
// nothing lost, nothing invented, nothing duplicated.
func TestSeedEveryWord(t *testing.T) {
	a, err := DecodeFile("pk-2021-bppbj.toml")
	if err != nil {
		t.Fatal(err)
	}
	seed := strings.Fields(norm(seedText(t)))
	got := printedWords(a)
	missing, extra := multisetDiff(seed, got), multisetDiff(got, seed)
	if len(missing) > 0 {
		t.Errorf("%d seed words not in the model: %q", len(missing), missing)
	}
	if len(extra) > 0 {
		t.Errorf("%d model words not in the seed: %q", len(extra), extra)
	}
	if len(seed) < 1500 {
		t.Errorf("only %d seed words; is the seed copy truncated?", len(seed))
	}
}

// multisetDiff returns the words of a not matched by words of b, sorted.
func multisetDiff(a, b []string) []string {
	count := map[string]int{}
	for _, w := range b {
		count[w]++
	}
	var out []string
	for _, w := range a {
		if count[w] > 0 {
			count[w]--
			continue
		}
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}
