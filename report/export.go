package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"kinerja/data"
	"kinerja/pesan"
)

// field is one exported column: its name, its CSV text and its JSON value.
type field struct {
	name string
	csv  string
	json any // string, int, json.Number or nil (null)
}

// str, integer and number build fields.
func str(name, s string) field         { return field{name, s, s} }
func integer(name string, n int) field { return field{name, strconv.Itoa(n), n} }

// number is a fixed-precision number, empty/null when !ok.
func number(name string, v float64, ok bool) field {
	if !ok {
		return field{name, "", nil}
	}
	return field{name, fixed(v), json.Number(fixed(v))}
}

// rupiah is a whole-rupiah amount, empty/null when !ok.
func rupiah(name string, n int64, ok bool) field {
	if !ok {
		return field{name, "", nil}
	}
	return field{name, strconv.FormatInt(n, 10), n}
}

// valueFields exports a Value as status, raw and capped columns.
func valueFields(prefix string, v Value) []field {
	return []field{
		str(prefix+"_status", string(v.Status)),
		number(prefix, v.Raw, v.OK()),
		number(prefix+"_batas", v.Capped, v.OK()),
	}
}

// targetFields exports a target or realisasi as its notation and number.
func targetFields(name string, t data.Target) []field {
	return []field{str(name, t.Text), number(name+"_nilai", t.Value, t.HasValue && t.Kind != data.NA)}
}

// exportFields flattens one indicator in one quarter, in column order.
func exportFields(r *Row, q *Quarter) []field {
	f := []field{
		str("kode", r.Kode), str("kelompok", r.Group), integer("sasaran_no", r.SasaranNo),
		integer("indikator_no", r.IndicatorNo), str("indikator", r.Indikator), str("satuan", r.Satuan),
		str("polaritas", r.Polaritas), str("akumulasi", r.Akumulasi), number("batas", r.Batas, r.Batas > 0),
		integer("triwulan", q.Triwulan),
	}
	f = append(f, targetFields("target", q.TargetTW)...)
	f = append(f, targetFields("realisasi", q.RealisasiTW)...)
	f = append(f, str("predikat", q.Predikat))
	f = append(f, valueFields("capaian", q.CapaianTW)...)
	f = append(f, str("kategori_tw", q.KategoriTW))
	f = append(f, targetFields("target_sd", q.TargetSD)...)
	f = append(f, targetFields("realisasi_sd", q.RealisasiSD)...)
	f = append(f, valueFields("capaian_sd", q.CapaianSD)...)
	f = append(f, targetFields("target_tahunan", r.TargetTahunan)...)
	f = append(f, valueFields("capaian_tahunan", q.CapaianTahunan)...)
	f = append(f, str("kategori", q.Kategori))
	b := q.Anggaran
	f = append(f, rupiah("pagu", b.Pagu, b.Given), rupiah("realisasi_anggaran", b.Realisasi, b.HasRealisasi))
	f = append(f, str("serapan_status", string(b.Serapan.Status)), number("serapan", b.Serapan.Raw, b.Serapan.OK()))
	f = append(f, str("kendala", q.Kendala), str("tindak_lanjut", q.TindakLanjut))
	return append(f, str("pembanding", PembandingText(r.Pembanding)))
}

// PembandingText prints comparisons with reference targets on one line:
// "RPJMD 5,5%: 87,27%; Nasional 5,2%: 92,31%" ("" when there are none).
func PembandingText(cs []Comparison) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Nama + " " + c.Target.Text + ": " + c.Capaian.Text()
	}
	return strings.Join(parts, "; ")
}

// exportRows lists every indicator for every quarter 1..Triwulan, indicator
// by indicator in document order.
func exportRows(rep *Report) [][]field {
	var out [][]field
	for i := range rep.Rows {
		r := &rep.Rows[i]
		for j := range r.Riwayat {
			out = append(out, exportFields(r, &r.Riwayat[j]))
		}
	}
	return out
}

// WriteCSV writes one row per indicator per quarter up to the report's
// quarter, with a header row. Numbers use a dot and two decimals; absent
// numbers are empty cells; rupiah are whole numbers.
func WriteCSV(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	rows := exportRows(rep)
	if err := cw.Write(columnNames()); err != nil {
		return pesan.Errorf("report csv: %w", err)
	}
	for _, fs := range rows {
		rec := make([]string, len(fs))
		for i, f := range fs {
			rec[i] = f.csv
		}
		if err := cw.Write(rec); err != nil {
			return pesan.Errorf("report csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return pesan.Errorf("report csv: %w", err)
	}
	return nil
}

// columnNames returns the export column names in order.
func columnNames() []string {
	fs := exportFields(&Row{}, &Quarter{})
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

// WriteJSON writes the report as one JSON object: tahun, triwulan, the
// rows (same keys and order as the CSV columns, numbers as JSON numbers
// with two decimals, null when absent), the group summaries and the
// overall summary.
func WriteJSON(w io.Writer, rep *Report) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"tahun\": %d,\n  \"triwulan\": %d,\n  \"baris\": [", rep.Agreement.Tahun, rep.Triwulan)
	for i, fs := range exportRows(rep) {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		if err := writeObject(&b, fs); err != nil {
			return err
		}
	}
	b.WriteString("\n  ],\n  \"kelompok\": [")
	for i, g := range rep.Groups {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		if err := writeObject(&b, groupFields(g)); err != nil {
			return err
		}
	}
	b.WriteString("\n  ],\n  \"keseluruhan\": ")
	if err := writeObject(&b, groupFields(rep.Overall)); err != nil {
		return err
	}
	b.WriteString("\n}\n")
	if _, err := w.Write(b.Bytes()); err != nil {
		return pesan.Errorf("report json: %w", err)
	}
	return nil
}

// writeObject writes fields as one JSON object on one line, in order.
func writeObject(b *bytes.Buffer, fs []field) error {
	b.WriteByte('{')
	for i, f := range fs {
		if i > 0 {
			b.WriteString(", ")
		}
		k, _ := json.Marshal(f.name)
		v, err := json.Marshal(f.json)
		if err != nil {
			return pesan.Errorf("report json %s: %w", f.name, err)
		}
		b.Write(k)
		b.WriteString(": ")
		b.Write(v)
	}
	b.WriteByte('}')
	return nil
}

// groupFields exports a group summary.
func groupFields(g GroupSummary) []field {
	f := []field{str("nama", g.Nama)}
	f = append(f, summaryFields("triwulan", g.Triwulan)...)
	return append(f, summaryFields("tahunan", g.Tahunan)...)
}

// summaryFields exports a Summary with the given key prefix.
func summaryFields(p string, s Summary) []field {
	ok := s.Dievaluasi > 0
	f := []field{
		integer(p+"_indikator", s.Indikator), integer(p+"_dievaluasi", s.Dievaluasi),
		number(p+"_rata_rata", s.RataRata, ok), number(p+"_rata_rata_raw", s.RataRataRaw, ok),
	}
	for _, k := range s.PerKategori {
		f = append(f, integer(p+"_"+slug(k.Nama), k.Jumlah))
	}
	if s.Rentang {
		f = append(f, integer(p+"_"+slug(TidakTerkategori), s.TidakTerkategori))
	}
	return f
}

// slug turns "Sangat Tinggi" into "sangat_tinggi".
func slug(s string) string {
	out := []byte(s)
	for i, c := range out {
		switch {
		case c >= 'A' && c <= 'Z':
			out[i] = c + 'a' - 'A'
		case !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9'):
			out[i] = '_'
		}
	}
	return string(out)
}
