package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"kinerja/data"
	"kinerja/pesan"
)

// Realisasi is one decoded realisasi file: what was achieved per indicator
// and quarter in one agreement year.
type Realisasi struct {
	File       string // path or name the file was read from (for messages)
	Source     []byte // the TOML text exactly as read (embedded in report PDFs)
	Tahun      int    // year; must equal the agreement's
	Perjanjian string // optional reference to the agreement file
	// Tanggal is the report's signing date printed above the signature
	// (zero when absent: the date is left to the electronic signature).
	Tanggal time.Time
	Entries []Entry // in file order

	index map[entryKey]int
}

// Entry is one indicator in one quarter.
type Entry struct {
	Kode     string
	Triwulan int         // 1..4
	Nilai    data.Target // Kind data.NA when absent or "N/A": not reported
	// Kendala (obstacles) and TindakLanjut (follow-up) are free text; a
	// blank line separates paragraphs.
	Kendala, TindakLanjut string
	// Pagu is the budget ceiling and RealisasiAnggaran the spending to the
	// end of the quarter, both in whole rupiah.
	Pagu, RealisasiAnggaran       int64
	HasPagu, HasRealisasiAnggaran bool
	Line                          int // line of the [[realisasi]] header
}

// entryKey identifies an entry.
type entryKey struct {
	kode string
	tw   int
}

// Lookup returns the entry for kode in quarter tw, or nil. It indexes
// Entries on first use: build Entries completely before calling it.
func (r *Realisasi) Lookup(kode string, tw int) *Entry {
	if r == nil {
		return nil
	}
	if r.index == nil {
		r.reindex()
	}
	if i, ok := r.index[entryKey{kode, tw}]; ok {
		return &r.Entries[i]
	}
	return nil
}

// reindex rebuilds the lookup index (first entry wins).
func (r *Realisasi) reindex() {
	r.index = make(map[entryKey]int, len(r.Entries))
	for i, e := range r.Entries {
		k := entryKey{e.Kode, e.Triwulan}
		if _, dup := r.index[k]; !dup {
			r.index[k] = i
		}
	}
}

// ErrNoAgreement is returned when Decode is called without an agreement.
var ErrNoAgreement = errors.New("report: realisasi needs its agreement to be checked")

// DecodeFile reads and checks the realisasi file at path against a.
func DecodeFile(path string, a *data.Agreement) (*Realisasi, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, pesan.Errorf("realisasi: %w", err)
	}
	defer f.Close()
	return Decode(f, path, a)
}

// Decode reads a realisasi TOML from r (name is used in messages) and
// checks it against the agreement a. Every problem is reported: the error
// is an Errors sorted by position, or a *toml.ParseError-based message for
// a syntax error.
func Decode(r io.Reader, name string, a *data.Agreement) (*Realisasi, error) {
	if a == nil {
		return nil, ErrNoAgreement
	}
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, pesan.Errorf("realisasi %s: %w", name, err)
	}
	if err := data.CheckDepth(name, src); err != nil {
		return nil, err
	}
	var raw map[string]any
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&raw)
	if err != nil {
		return nil, syntaxError(name, err)
	}
	d := &decoder{file: name, pos: data.NewPositions(string(src), md), agr: a, seen: map[entryKey]int{}}
	out := d.top(raw)
	if len(d.probs) > 0 {
		d.probs.Sort()
		return nil, d.probs
	}
	out.Source = src
	out.reindex()
	return out, nil
}

// syntaxError turns a TOML parse error into a Problem with the source line
// shown under it.
func syntaxError(name string, err error) error {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return pesan.Errorf("realisasi %s: %w", name, err)
	}
	return Errors{data.ParseErrorProblem(name, pe)}
}

// decoder collects problems while walking the decoded TOML.
type decoder struct {
	file  string
	pos   *data.Positions
	agr   *data.Agreement
	probs Errors
	seen  map[entryKey]int // kode+quarter → line of first entry

	byKode map[string]*data.Indicator // the agreement's indicators (indexKodes)
	kodes  []string                   // their kodes in document order, for suggestions
}

// problem records a problem at the key path's value (or key when atKey).
func (d *decoder) problem(path string, atKey bool, format string, args ...any) {
	p := d.pos.Value(path)
	if atKey {
		p = d.pos.Key(path)
	}
	d.probs = append(d.probs, Problem{File: d.file, Line: p.Line, Col: p.Col, Field: path, Msg: pesan.Sprintf(format, args...)})
}

// topKeys are the keys allowed at the top of a realisasi file.
var topKeys = []string{"tahun", "perjanjian", "tanggal", "realisasi"}

// top checks the top-level table.
func (d *decoder) top(raw map[string]any) *Realisasi {
	out := &Realisasi{File: d.file}
	d.unknownKeys("", raw, topKeys)
	if v, ok := raw["tahun"]; !ok {
		d.problem("tahun", false, "missing; expected the agreement year, e.g. tahun = %d", d.agr.Tahun)
	} else if n, ok := v.(int64); !ok {
		d.problem("tahun", false, "expected an integer year like %d, got %s", d.agr.Tahun, tomlType(v))
	} else if out.Tahun = int(n); out.Tahun != d.agr.Tahun {
		d.problem("tahun", false, "year %d does not match the agreement's year %d", n, d.agr.Tahun)
	}
	d.perjanjian(raw, out)
	d.tanggal(raw, out)
	for i, tbl := range d.entryTables(raw) {
		if e, ok := d.entry(fmt.Sprintf("realisasi[%d]", i), tbl); ok {
			out.Entries = append(out.Entries, e)
		}
	}
	return out
}

// tanggal checks the optional signing date: a TOML date in the year or
// the next (a TW IV report is signed in January).
func (d *decoder) tanggal(raw map[string]any, out *Realisasi) {
	v, ok := raw["tanggal"]
	if !ok {
		return
	}
	t, ok := v.(time.Time)
	if !ok {
		d.problem("tanggal", false, "expected a TOML date without quotes, e.g. tanggal = %d-07-15, got %s", d.agr.Tahun, tomlType(v))
		return
	}
	out.Tanggal = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, data.WIB)
	if y := out.Tanggal.Year(); y != d.agr.Tahun && y != d.agr.Tahun+1 {
		d.problem("tanggal", false, "%s is not in %d or %d; expected the date the report is signed", out.Tanggal.Format("2006-01-02"), d.agr.Tahun, d.agr.Tahun+1)
	}
}

// perjanjian checks the optional reference to the agreement file.
func (d *decoder) perjanjian(raw map[string]any, out *Realisasi) {
	v, ok := raw["perjanjian"]
	if !ok {
		return
	}
	s, ok := v.(string)
	if !ok {
		d.problem("perjanjian", false, "expected the agreement's file name as a string, got %s", tomlType(v))
		return
	}
	out.Perjanjian = s
	if d.agr.File != "" && filepath.Base(s) != filepath.Base(d.agr.File) {
		d.problem("perjanjian", false, "refers to %q but the agreement given is %q", s, filepath.Base(d.agr.File))
	}
}

// entryTables returns the [[realisasi]] tables.
func (d *decoder) entryTables(raw map[string]any) []map[string]any {
	v, ok := raw["realisasi"]
	if !ok {
		return nil
	}
	switch t := v.(type) {
	case []map[string]any:
		return t
	case []any:
		out := make([]map[string]any, 0, len(t))
		for i, x := range t {
			m, ok := x.(map[string]any)
			if !ok {
				d.problem(fmt.Sprintf("realisasi[%d]", i), false, "expected a table with kode, triwulan, nilai, got %s", tomlType(x))
				continue
			}
			out = append(out, m)
		}
		return out
	}
	d.problem("realisasi", false, "expected [[realisasi]] tables, got %s", tomlType(v))
	return nil
}

// unknownKeys reports keys of tbl that are not in allowed, with a suggestion.
func (d *decoder) unknownKeys(prefix string, tbl map[string]any, allowed []string) {
	for k := range tbl {
		if contains(allowed, k) {
			continue
		}
		path := k
		if prefix != "" {
			path = prefix + "." + k
		}
		d.problem(path, true, "unknown key %q%s; expected one of %s", k, suggest(k, allowed), strings.Join(allowed, ", "))
	}
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// tomlType names the TOML type of a decoded value for messages.
func tomlType(v any) string {
	switch v.(type) {
	case string:
		return pesan.Text("a string")
	case int64:
		return pesan.Text("an integer")
	case float64:
		return pesan.Text("a float")
	case bool:
		return pesan.Text("a boolean")
	case map[string]any:
		return pesan.Text("a table")
	case []any, []map[string]any:
		return pesan.Text("an array")
	}
	return pesan.Text("a date or time")
}
