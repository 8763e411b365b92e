package layout

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/report"
)

// FuzzReportNumbers feeds arbitrary target and realisasi values through
// decoding, the capaian rules, the tables and the chart: whatever the
// decoders accept must compute and lay out without panicking, and the
// layout must stay finite (a realisasi of 1e21% once took 63 s and 5.3 GB
// in the chart's grid loop).
func FuzzReportNumbers(f *testing.F) {
	src, err := os.ReadFile("../data/testdata/minimal.toml")
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range [][2]string{
		{"100%", "95%"}, {"0,01%", "999.999.999.999.999%"}, {"4", "1e21"}, {"0", "0"},
		{"WTP", "WDP"}, {"N/A", "12,5%"}, {"1.250", "1.250.000"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, target, value string) {
		toml := strings.Replace(string(src), `tahunan = "100%"`, fmt.Sprintf("tahunan = %q", target), 1)
		a, err := data.Decode(strings.NewReader(toml), "pk.toml")
		if err != nil {
			return
		}
		rea := fmt.Sprintf("tahun = 2021\n[[realisasi]]\nkode = \"SS1.1\"\ntriwulan = 1\nnilai = %q\n", value)
		r, err := report.Decode(strings.NewReader(rea), "r.toml", a)
		if err != nil {
			return
		}
		rep, err := report.Compute(a, r, 1)
		if err != nil {
			t.Fatalf("accepted values fail Compute: %v", err)
		}
		doc, err := Report(rep, &fakeMeasurer{})
		if err != nil {
			return // refused with an error is fine; a panic or a hang is not
		}
		if n := len(doc.Pages); n == 0 || n > 20 {
			t.Fatalf("%d pages for one indicator", n)
		}
	})
}
