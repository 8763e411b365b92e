package report

import (
	"regexp"
	"strconv"
	"strings"

	"kinerja/data"
	"kinerja/pesan"
)

// entryKeys are the keys allowed in one [[realisasi]] table.
var entryKeys = []string{"kode", "triwulan", "nilai", "kendala", "tindak_lanjut", "pagu", "realisasi_anggaran"}

// entry checks one [[realisasi]] table at path; ok is false when the entry
// cannot be used (no kode, bad quarter).
func (d *decoder) entry(path string, tbl map[string]any) (Entry, bool) {
	e := Entry{Line: d.pos.Key(path).Line}
	d.unknownKeys(path, tbl, entryKeys)
	ind := d.kode(path, tbl, &e)
	okTW := d.triwulan(path, tbl, &e)
	e.Kendala = d.text(path+".kendala", tbl["kendala"])
	e.TindakLanjut = d.text(path+".tindak_lanjut", tbl["tindak_lanjut"])
	d.budget(path, tbl, &e)
	d.nilai(path+".nilai", tbl["nilai"], ind, &e)
	if ind == nil || !okTW {
		return e, false
	}
	k := entryKey{e.Kode, e.Triwulan}
	if line, dup := d.seen[k]; dup {
		d.problem(path+".triwulan", false, "duplicate entry for %s triwulan %d (first given at line %d); expected one entry per indicator and quarter", e.Kode, e.Triwulan, line)
		return e, false
	}
	d.seen[k] = e.Line
	return e, true
}

// kode checks the indicator code and returns the indicator it names.
func (d *decoder) kode(path string, tbl map[string]any, e *Entry) *data.Indicator {
	v, ok := tbl["kode"]
	if !ok {
		d.problem(path, true, "missing kode; expected the indicator's kode from the agreement")
		return nil
	}
	s, ok := v.(string)
	if !ok {
		d.problem(path+".kode", false, "expected the indicator's kode as a string, got %s", tomlType(v))
		return nil
	}
	e.Kode = s
	if d.byKode == nil {
		d.indexKodes()
	}
	if ind, ok := d.byKode[s]; ok {
		return ind
	}
	d.problem(path+".kode", false, "unknown indicator kode %q%s; expected a kode from %s", s, suggest(s, d.kodes), agreementName(d.agr))
	return nil
}

// indexKodes builds the decoder's kode index of the agreement's indicators
// once (the first indicator wins a kode given twice).
func (d *decoder) indexKodes() {
	refs := d.agr.Indicators()
	d.byKode = make(map[string]*data.Indicator, len(refs))
	d.kodes = make([]string, len(refs))
	for i, r := range refs {
		if _, dup := d.byKode[r.Indicator.Kode]; !dup {
			d.byKode[r.Indicator.Kode] = r.Indicator
		}
		d.kodes[i] = r.Indicator.Kode
	}
}

// agreementName names the agreement in messages.
func agreementName(a *data.Agreement) string {
	if a.File == "" {
		return pesan.Text("the agreement")
	}
	return a.File
}

// triwulan checks the quarter number.
func (d *decoder) triwulan(path string, tbl map[string]any, e *Entry) bool {
	v, ok := tbl["triwulan"]
	if !ok {
		d.problem(path, true, "missing triwulan; expected the quarter 1, 2, 3 or 4")
		return false
	}
	n, ok := v.(int64)
	if !ok {
		d.problem(path+".triwulan", false, "expected the quarter as an integer 1..4, got %s", tomlType(v))
		return false
	}
	if n < 1 || n > 4 {
		d.problem(path+".triwulan", false, "quarter %d is out of range; expected 1, 2, 3 or 4", n)
		return false
	}
	e.Triwulan = int(n)
	return true
}

// text checks an optional free-text field.
func (d *decoder) text(path string, v any) string {
	if v == nil {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		d.problem(path, false, "expected text (a string), got %s", tomlType(v))
		return ""
	}
	s, msg := data.CleanText(reflow(s))
	if msg == "" && d.agr != nil {
		msg = data.MissingGlyphs(string(d.agr.Huruf), s)
	}
	if msg != "" {
		d.problem(path, false, "%s", msg)
	}
	return s
}

// reBlankLine matches a blank line between paragraphs.
var reBlankLine = regexp.MustCompile(`\r?\n[ \t]*\r?\n`)

// reflow joins the lines of each paragraph with spaces (TOML text is
// wrapped by hand) and separates paragraphs, marked by a blank line, with
// "\n\n".
func reflow(s string) string {
	var paras []string
	for _, p := range reBlankLine.Split(s, -1) {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// budget checks pagu and realisasi_anggaran.
func (d *decoder) budget(path string, tbl map[string]any, e *Entry) {
	e.Pagu, e.HasPagu = d.rupiah(path+".pagu", tbl["pagu"])
	e.RealisasiAnggaran, e.HasRealisasiAnggaran = d.rupiah(path+".realisasi_anggaran", tbl["realisasi_anggaran"])
	if e.HasRealisasiAnggaran && !e.HasPagu {
		d.problem(path+".realisasi_anggaran", false, "given without pagu; expected pagu (the budget ceiling) in the same entry")
	}
}

// rupiah checks an optional amount in whole rupiah.
func (d *decoder) rupiah(path string, v any) (int64, bool) {
	if v == nil {
		return 0, false
	}
	n, ok := v.(int64)
	if !ok {
		d.problem(path, false, "expected whole rupiah as an integer (1_250_000 or 1250000), got %s", tomlType(v))
		return 0, false
	}
	if n < 0 {
		d.problem(path, false, "%d is negative; expected an amount of 0 or more rupiah", n)
		return 0, false
	}
	if err := data.CheckValue(strconv.FormatInt(n, 10), float64(n)); err != nil {
		d.problem(path, false, "%v", err)
		return 0, false
	}
	return n, true
}

// nilai parses the value and checks it fits the indicator's unit.
func (d *decoder) nilai(path string, v any, ind *data.Indicator, e *Entry) {
	var t data.Target
	var err error
	switch x := v.(type) {
	case nil:
		return // not reported
	case string:
		t, err = ParseValue(x)
	case int64:
		t, err = ParseValue(strconv.FormatInt(x, 10))
	case float64:
		t, err = ParseValue(strings.Replace(strconv.FormatFloat(x, 'f', -1, 64), ".", ",", 1))
	default:
		err = pesan.Errorf("expected a value like \"95%%\", \"4\" or \"WTP\", got %s", tomlType(v))
	}
	if err == nil && ind != nil {
		err = fitsIndicator(d.agr, ind, &t)
	}
	if err != nil {
		d.problem(path, false, "%v", err)
		return
	}
	e.Nilai = t
}
