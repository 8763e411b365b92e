package data

import (
	"reflect"
	"strings"
	"testing"
)

// TestApplyDefaultsInCode checks that a model built in code gets the same
// defaults as a decoded one, and that applying them twice changes nothing.
func TestApplyDefaultsInCode(t *testing.T) {
	a := &Agreement{Tahun: 2021, LabelPertama: "PIHAK KESATU",
		Pertama:  Party{Nama: "BUDI", Jabatan: "Kepala Dinas Contoh"},
		Kedua:    Party{Nama: "GUBERNUR"},
		Teks:     Paragraphs{Janji: "{pertama} dan {kedua} sepakat."},
		Kelompok: []Group{{Sasaran: []Sasaran{{Indikator: []Indicator{{}, {No: 7}, {}}}}}}}
	a.ApplyDefaults()
	checks := []struct{ name, got, want string }{
		{"kertas", a.Kertas.Name, "A4"},
		{"huruf", string(a.Huruf), "serif"},
		{"judul", strings.Join(a.JudulBaris, "|"), "PERJANJIAN KINERJA|TAHUN 2021"},
		{"label", a.LabelPertama + "|" + a.LabelKedua, "PIHAK KESATU|PIHAK KEDUA"},
		{"janji", a.Teks.Janji, "PIHAK KESATU dan PIHAK KEDUA sepakat."},
		{"supervisi", a.Teks.Supervisi[:len("PIHAK KEDUA akan")], "PIHAK KEDUA akan"},
		{"jabatan ttd", a.Pertama.JabatanTTD, "Kepala Dinas Contoh,"},
		{"jabatan ttd lampiran", a.Pertama.JabatanTTDLampiran, "Kepala Dinas Contoh,"},
		{"kedua without jabatan", a.Kedua.JabatanTTD, ""},
		{"nama lampiran", a.Kedua.NamaLampiran, "GUBERNUR"},
		{"kategori", a.Kategori[0].Nama, "Sangat Tinggi"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	var nos []int
	for _, ind := range a.Kelompok[0].Sasaran[0].Indikator {
		nos = append(nos, ind.No)
	}
	if !reflect.DeepEqual(nos, []int{1, 7, 3}) {
		t.Errorf("indicator numbers %v, want [1 7 3]", nos)
	}
	again := *a
	again.ApplyDefaults()
	if !reflect.DeepEqual(&again, a) {
		t.Error("ApplyDefaults applied twice changed the model")
	}
}

// TestApplyDefaultsDecoded checks that a decoded model already has every
// default: ApplyDefaults leaves it as it is.
func TestApplyDefaultsDecoded(t *testing.T) {
	a, err := decodeString(readMinimal(t))
	if err != nil {
		t.Fatal(err)
	}
	b, err := decodeString(readMinimal(t))
	if err != nil {
		t.Fatal(err)
	}
	b.ApplyDefaults()
	if !reflect.DeepEqual(a, b) {
		t.Error("ApplyDefaults changed a decoded model")
	}
}
