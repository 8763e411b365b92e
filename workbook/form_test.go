package workbook

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
	"kinerja/report"
)

// samples are the agreements with their realisasi files (both cover
// triwulan I and II).
var samples = []struct{ agreement, realisasi string }{
	{"../data/pk-2021-bppbj.toml", "../data/realisasi-2021-bppbj.toml"},
	{"../data/contoh/pk-2024-dlh-contoh.toml", "../data/contoh/realisasi-2024-dlh-contoh.toml"},
}

// load decodes an agreement and its realisasi.
func load(t *testing.T, agreement, realisasi string) (*data.Agreement, *report.Realisasi) {
	t.Helper()
	a, err := data.DecodeFile(agreement)
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.DecodeFile(realisasi, a)
	if err != nil {
		t.Fatal(err)
	}
	return a, r
}

// before returns a copy of r holding only the entries of quarters < tw.
func before(r *report.Realisasi, tw int) *report.Realisasi {
	out := &report.Realisasi{File: r.File, Tahun: r.Tahun, Perjanjian: r.Perjanjian, Tanggal: r.Tanggal}
	for _, e := range r.Entries {
		if e.Triwulan < tw {
			out.Entries = append(out.Entries, e)
		}
	}
	return out
}

// formulir makes the form of a for quarter tw from r.
func formulir(t *testing.T, a *data.Agreement, r *report.Realisasi, tw int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Formulir(&buf, a, r, tw); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fill types the entries of quarter tw into the form as a unit would:
// numbers as numbers (95 for 95%), predicates and N/A as text.
func fill(t *testing.T, form []byte, a *data.Agreement, r *report.Realisasi, tw int) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(form))
	if err != nil {
		t.Fatal(err)
	}
	c := newFormCols(tw)
	for i, ref := range a.Indicators() {
		e := r.Lookup(ref.Indicator.Kode, tw)
		if e == nil {
			continue
		}
		row := rowFirst + i
		set := func(col int, v any) {
			if err := f.SetCellValue(SheetRealisasi, cell(col, row), v); err != nil {
				t.Fatal(err)
			}
		}
		if v := targetValue(e.Nilai); v != nil {
			set(c.nilai, v)
		}
		set(c.kendala, e.Kendala)
		set(c.tindak, e.TindakLanjut)
		if e.HasPagu {
			set(c.pagu, e.Pagu)
		}
		if e.HasRealisasiAnggaran {
			set(c.anggaran, e.RealisasiAnggaran)
		}
	}
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// csvOf computes the report of quarter tw and returns its CSV.
func csvOf(t *testing.T, a *data.Agreement, r *report.Realisasi, tw int) string {
	t.Helper()
	rep, err := report.Compute(a, r, tw)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WriteCSV(&buf, rep); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestFormRoundTrip: a form made from triwulan I, filled with the
// triwulan II entries of the sample, gives the same report figures as
// the sample's realisasi TOML.
func TestFormRoundTrip(t *testing.T) {
	for _, s := range samples {
		a, r := load(t, s.agreement, s.realisasi)
		filled := fill(t, formulir(t, a, before(r, 2), 2), a, r, 2)
		got, err := ReadForm(bytes.NewReader(filled), "form.xlsx", a)
		if err != nil {
			t.Fatalf("%s: %v", s.realisasi, err)
		}
		if g, w := csvOf(t, a, got, 2), csvOf(t, a, r, 2); g != w {
			t.Errorf("%s: report from the form differs from the TOML's:\n%s", s.realisasi, firstDiff(g, w))
		}
		if got.File != "form.toml" {
			t.Errorf("File = %q, want form.toml", got.File)
		}
	}
}

// TestFormKeepsQuarter: a form filled in part and made again from what
// was read keeps the quarter's cells.
func TestFormKeepsQuarter(t *testing.T) {
	a, r := load(t, samples[1].agreement, samples[1].realisasi)
	once, err := ReadForm(bytes.NewReader(formulir(t, a, r, 2)), "f.xlsx", a)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := csvOf(t, a, once, 2), csvOf(t, a, r, 2); g != w {
		t.Errorf("a form made from the whole realisasi reads back differently:\n%s", firstDiff(g, w))
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "got:  " + g[i] + "\nwant: " + w[i]
		}
	}
	return "different line counts"
}

// TestFormErrors: problems are reported at their cells with the realisasi
// decoder's message.
func TestFormErrors(t *testing.T) {
	a, r := load(t, samples[0].agreement, samples[0].realisasi)
	form := formulir(t, a, before(r, 2), 2)
	f, err := excelize.OpenReader(bytes.NewReader(form))
	if err != nil {
		t.Fatal(err)
	}
	c := newFormCols(2)
	mustSet(t, f, SheetRealisasi, cell(c.nilai, rowFirst), "banyak")
	mustSet(t, f, SheetRealisasi, cell(c.pagu, rowFirst+1), 12.5)
	mustSet(t, f, SheetRealisasi, cell(c.anggaran, rowFirst+2), 1000)
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	_, err = ReadForm(&out, "form.xlsx", a)
	var errs CellErrors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v, want CellErrors", err)
	}
	want := []string{
		"form.xlsx: Realisasi!I7: nilai: \"banyak\" is not a target",
		"form.xlsx: Realisasi!L8: pagu: expected whole rupiah as an integer",
		"form.xlsx: Realisasi!M9: realisasi_anggaran: given without pagu",
	}
	if len(errs) != len(want) {
		t.Fatalf("%d problems, want %d:\n%v", len(errs), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("problem %d = %q, want it to start with %q", i, errs[i].Error(), w)
		}
	}
}

// mustSet sets a cell or fails the test.
func mustSet(t *testing.T, f *excelize.File, sheet, ref string, v any) {
	t.Helper()
	if err := f.SetCellValue(sheet, ref, v); err != nil {
		t.Fatal(err)
	}
}

// TestNotForm: a workbook without the meta sheet is refused.
func TestNotForm(t *testing.T) {
	a, _ := load(t, samples[0].agreement, samples[0].realisasi)
	f := excelize.NewFile()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadForm(&buf, "x.xlsx", a); !errors.Is(err, ErrNotForm) {
		t.Errorf("err = %v, want ErrNotForm", err)
	}
	if _, err := ReadForm(strings.NewReader("not a zip"), "x.xlsx", a); err == nil {
		t.Error("a text file was read as a workbook")
	}
}
