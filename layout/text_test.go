package layout

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"kinerja/data"
)

// TestAmount checks the Indonesian thousands separator and the Rp and
// ,00 the agreement may ask for, and the program row numbers.
func TestAmount(t *testing.T) {
	plain, rp := &agreementDoc{a: &data.Agreement{}}, &agreementDoc{a: &data.Agreement{TabelProgram: data.ProgramTable{Rp: true, Sen: true}}}
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1.000", 1234567: "1.234.567",
		-45123456789: "-45.123.456.789", 100000: "100.000"} {
		if got := plain.amount(n); got != want {
			t.Errorf("amount(%d) = %q, want %q", n, got, want)
		}
	}
	if got := rp.amount(1250000); got != "Rp 1.250.000,00" {
		t.Errorf("amount with Rp and sen = %q", got)
	}
	ps := []data.Program{{Tingkat: 0}, {Tingkat: 1}, {Tingkat: 2}, {Tingkat: 2}, {Tingkat: 1}, {Tingkat: 0}, {Tingkat: 1}}
	if got := strings.Join(programNumbers(ps), " "); got != "1 1.1 1.1.1 1.1.2 1.2 2 2.1" {
		t.Errorf("program numbers %q", got)
	}
}

// TestPlaceDate checks the date line with and without a date.
func TestPlaceDate(t *testing.T) {
	a := &data.Agreement{Tahun: 2021, Tempat: "Jakarta"}
	if got := placeDate(a); got != "Jakarta, 2021" {
		t.Errorf("no date: %q", got)
	}
	a.Tanggal = time.Date(2021, time.August, 17, 0, 0, 0, 0, time.UTC)
	if got := placeDate(a); got != "Jakarta, 17 Agustus 2021" {
		t.Errorf("date: %q", got)
	}
	a.Tempat = ""
	if got := placeDate(a); got != "17 Agustus 2021" {
		t.Errorf("no place: %q", got)
	}
}

// measureKey identifies one measured string.
type measureKey struct {
	bold, italic bool
	size         float64
	s            string
}

// recordingMeasurer counts how often each string is measured.
type recordingMeasurer struct {
	fakeMeasurer
	seen map[measureKey]int
}

// Width implements Measurer.
func (m *recordingMeasurer) Width(f Font, size float64, s string) float64 {
	m.seen[measureKey{f.Bold, f.Italic, size, s}]++
	return m.fakeMeasurer.Width(f, size, s)
}

// TestMeasureOnce checks that layout measures each string once.
func TestMeasureOnce(t *testing.T) {
	m := &recordingMeasurer{seen: map[measureKey]int{}}
	if _, err := Agreement(seedAgreement(), m); err != nil {
		t.Fatal(err)
	}
	for _, k := range sortedKeys(stringKeys(m.seen)) {
		if n := stringKeys(m.seen)[k]; n > 1 {
			t.Errorf("%s measured %d times", k, n)
		}
	}
	if len(m.seen) < 500 {
		t.Errorf("only %d strings measured; the test does not measure what it should", len(m.seen))
	}
}

// stringKeys renders measure keys as strings for sorted reporting.
func stringKeys(m map[measureKey]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, n := range m {
		out[fmt.Sprintf("bold=%v %g %q", k.bold, k.size, k.s)] += n
	}
	return out
}

// TestDeterministic checks that two layouts of the same model dump alike.
func TestDeterministic(t *testing.T) {
	a := stressAgreement(70)
	var dumps [2]strings.Builder
	for i := range dumps {
		if err := Dump(&dumps[i], layoutOK(t, a)); err != nil {
			t.Fatal(err)
		}
	}
	if dumps[0].String() != dumps[1].String() {
		t.Error("two layouts of one model differ")
	}
}

// TestSeedFile lays out data/pk-2021-bppbj.toml through the decoder, with
// the same invariants as the seed built in code.
func TestSeedFile(t *testing.T) {
	a, err := data.DecodeFile("../data/pk-2021-bppbj.toml")
	if err != nil {
		t.Fatal(err)
	}
	d := layoutOK(t, a)
	checkAll(t, a, d)
	want := seedAgreement()
	if n, m := len(a.Indicators()), len(want.Indicators()); n != m {
		t.Errorf("decoded seed has %d indicators, the seed in code %d", n, m)
	}
}
