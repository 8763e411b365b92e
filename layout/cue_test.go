package layout

import (
	"kinerja/internal/testsample"
	"strconv"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/layout/engine"
	"kinerja/report"
)

// cueWant is a continuation cue the layout owes: on every page after the
// first where cells with one of prefixes show text but cell noID does not,
// a cue starting with no in noID's column.
type cueWant struct {
	no, noID string
	prefixes []string
}

// agreementCues returns the cues owed by the indicator table of a.
func agreementCues(a *data.Agreement) []cueWant {
	var out []cueWant
	for gi, g := range a.Kelompok {
		for si, s := range g.Sasaran {
			id := "k" + strconv.Itoa(gi) + ".s" + strconv.Itoa(si)
			out = append(out, cueWant{strconv.Itoa(s.No), id + ".no", []string{id + "."}})
			for ii, ind := range s.Indikator {
				iid := id + ".i" + strconv.Itoa(ii)
				out = append(out, cueWant{strconv.Itoa(ind.No), iid + ".no", []string{iid + "."}})
			}
		}
	}
	return out
}

// reportCues returns the cues owed by the indicator table of rep.
func reportCues(rep *report.Report) []cueWant {
	var out []cueWant
	for i := 0; i < len(rep.Rows); {
		n := sasaranLen(rep.Rows, i)
		band := cueWant{strconv.Itoa(rep.Rows[i].SasaranNo), "r" + strconv.Itoa(i) + ".no",
			[]string{"r" + strconv.Itoa(i) + ".sasaran"}}
		for j := i; j < i+n; j++ {
			id := "r" + strconv.Itoa(j) + "."
			row := cueWant{ReportRowTexts(&rep.Rows[j])[0], id + "kode", nil}
			for _, name := range reportCellNames {
				row.prefixes = append(row.prefixes, id+name)
			}
			band.prefixes = append(band.prefixes, row.prefixes...)
			out = append(out, row)
		}
		out = append(out, band)
		i += n
	}
	return out
}

// hasPrefix reports whether s starts with one of ps.
func hasPrefix(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// checkCues asserts that every owed cue is drawn, grey, small and italic,
// in the column of its NO cell, and that no other cue is drawn. It
// returns the number of cues found.
func checkCues(t *testing.T, d *Document, wants []cueWant) int {
	t.Helper()
	found := 0
	for _, w := range wants {
		col, seen := -1.0, false
		for pi, p := range d.Pages {
			shows, hasNo := false, false
			for _, b := range p.Boxes {
				shows = shows || b.Kind == Text && b.Cell != engine.CellCue && hasPrefix(b.Cell, w.prefixes)
				if b.Kind == Text && b.Cell == w.noID {
					hasNo = true
					if r, ok := cellRect(p.Boxes, b); ok && col < 0 {
						col = r.X
					}
				}
			}
			if seen && shows && !hasNo {
				if !hasCue(p, w.no, col) {
					t.Errorf("p%d: %s continues without a cue %q in its column", pi+1, w.noID, w.no)
				}
				found++
			}
			seen = seen || shows
		}
	}
	nos := map[string]bool{}
	for _, w := range wants {
		nos[w.no] = true
	}
	if n := countCues(d, nos); n != found {
		t.Errorf("%d cues drawn, %d owed", n, found)
	}
	return found
}

// hasCue reports whether page p has a cue starting with no in the column
// at x, set in the cue style.
func hasCue(p Page, no string, x float64) bool {
	for _, b := range p.Boxes {
		if b.Cell != engine.CellCue || strings.Fields(b.Text)[0] != no {
			continue
		}
		r, ok := cellRect(p.Boxes, b)
		if ok && abs(r.X-x) < 1e-6 && b.Size == engine.CueSize && b.Fill == engine.CueGrey && b.Font == (Font{Family: b.Font.Family}) {
			return true
		}
	}
	return false
}

// countCues returns the number of cue boxes that carry one of nos (the
// NO or kode cues; the repeated sasaran text and indicator name are
// counted by TestRepeatedCues).
func countCues(d *Document, nos map[string]bool) int {
	n := 0
	for _, p := range d.Pages {
		for _, b := range p.Boxes {
			if b.Cell == engine.CellCue && nos[strings.Fields(b.Text)[0]] {
				n++
			}
		}
	}
	return n
}

// TestContinuationCues checks the cues of continued rows and sasaran
// bands in agreements and reports whose tables cross pages, and that the
// word "(lanjutan)" is shown with them (the stress models' sasaran texts
// run on, so there the cue word may be left out).
func TestContinuationCues(t *testing.T) {
	for i, a := range []*data.Agreement{seedAgreement(), richAgreement(t), stressAgreement(60)} {
		d := layoutOK(t, a)
		if n := checkCues(t, d, agreementCues(a)); n == 0 {
			t.Errorf("%s: no continued row or band", a.Pertama.UnitKerja)
		}
		if !strings.Contains(cueText(d), engine.CueWord) && i < 2 {
			t.Errorf("%s: no %q cue", a.Pertama.UnitKerja, engine.CueWord)
		}
	}
	for i, rep := range []*report.Report{contohReport(t, 2), testsample.Report(t, 2), stressReport(t, 60)} {
		d := reportOK(t, rep)
		if n := checkCues(t, d, reportCues(rep)); n == 0 {
			t.Errorf("%s: no continued row or band", rep.Agreement.Pertama.UnitKerja)
		}
		if !strings.Contains(cueText(d), engine.CueWord) && i < 2 {
			t.Errorf("%s: no %q cue", rep.Agreement.Pertama.UnitKerja, engine.CueWord)
		}
	}
}

// cueText joins the text of every cue box.
func cueText(d *Document) string {
	var s []string
	for _, p := range d.Pages {
		for _, b := range p.Boxes {
			if b.Cell == engine.CellCue {
				s = append(s, b.Text)
			}
		}
	}
	return strings.Join(s, " ")
}

// cappedReport is smallReport with a cap of 120% on A2 and a quarter II
// realisasi above it.
func cappedReport(t *testing.T) *report.Report {
	t.Helper()
	ag := strings.Replace(smallAgreement, `akumulasi = "posisi_akhir"`, "akumulasi = \"posisi_akhir\"\nbatas = 120", 1)
	re := strings.Replace(smallRealisasi, `nilai = "45,75%"`, `nilai = "70%"`, 1)
	a, err := data.Decode(strings.NewReader(ag), "capped.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Decode(strings.NewReader(re), "capped-realisasi.toml", a)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := report.Compute(a, r, 2)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestCappedRaw checks that a capped capaian is printed with its raw value
// in parentheses below it, small and grey, with the note above the table,
// and that neither appears when nothing is capped.
func TestCappedRaw(t *testing.T) {
	rep := cappedReport(t)
	r := &rep.Rows[1]
	if !r.CapaianTW.OK() || r.CapaianTW.Raw <= r.CapaianTW.Capped {
		t.Fatalf("test report not capped: %+v", r.CapaianTW)
	}
	d := reportOK(t, rep)
	got := texts(d)
	if want := report.FormatPercent(r.CapaianTW.Capped); got["r1.capaian_tw"] != want {
		t.Errorf("capped value %q, want %q", got["r1.capaian_tw"], want)
	}
	if want := "(" + report.FormatPercent(r.CapaianTW.Raw) + ")"; got["r1.capaian_tw.mentah"] != want {
		t.Errorf("raw value %q, want %q", got["r1.capaian_tw.mentah"], want)
	}
	v, raw := cellBoxes(d, "r1.capaian_tw"), cellBoxes(d, "r1.capaian_tw.mentah")
	if len(v) != 1 || len(raw) != 1 || raw[0].Y <= v[0].Y || raw[0].Size >= v[0].Size || raw[0].Fill != engine.CueGrey {
		t.Errorf("raw value not small and grey under the capped one: %+v / %+v", v, raw)
	}
	if got["laporan.catatan"] != CapNote {
		t.Errorf("note %q, want %q", got["laporan.catatan"], CapNote)
	}
	checkReportBounds(t, d)
	plain := texts(reportOK(t, smallReport(t)))
	for k := range plain {
		if strings.HasSuffix(k, ".mentah") || k == "laporan.catatan" {
			t.Errorf("uncapped report shows %s %q", k, plain[k])
		}
	}
}
