package api

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/internal/infile"
	"kinerja/internal/outfile"
	"kinerja/layout"
	"kinerja/rekap"
	"kinerja/render"
	"kinerja/report"
	"kinerja/workbook"
)

// RekapOutputs are where Rekap writes: the recap workbook and the recap
// PDF, each when not nil.
type RekapOutputs struct {
	XLSX, PDF io.Writer
}

// RekapPaths names the outputs of RekapDir; either may be "".
type RekapPaths struct {
	XLSX, PDF string
}

// Rekap makes the recap of quarter triwulan over the reports of reps and
// writes its outputs; nothing is written when an error is returned.
func Rekap(reps []*report.Report, out RekapOutputs) (*rekap.Rekap, error) {
	rk, err := rekap.New(reps)
	if err != nil {
		return nil, err
	}
	bufs, err := rekapBytes(rk, out.XLSX != nil, out.PDF != nil)
	if err != nil {
		return nil, err
	}
	for i, w := range []io.Writer{out.XLSX, out.PDF} {
		if w != nil {
			if _, err := w.Write(bufs[i]); err != nil {
				return nil, err
			}
		}
	}
	return rk, nil
}

// rekapBytes makes the workbook and the PDF of rk asked for.
func rekapBytes(rk *rekap.Rekap, xlsx, pdf bool) ([2][]byte, error) {
	var bufs [2][]byte
	if xlsx {
		var b bytes.Buffer
		if err := workbook.WriteRekap(&b, rk); err != nil {
			return bufs, err
		}
		bufs[0] = b.Bytes()
	}
	if pdf {
		var b bytes.Buffer
		if err := RekapPDF(&b, rk); err != nil {
			return bufs, err
		}
		bufs[1] = b.Bytes()
	}
	return bufs, nil
}

// RekapPDF lays out and writes the recap PDF (no signature block). Its
// date is the first day after the quarter, as a report's.
func RekapPDF(w io.Writer, rk *rekap.Rekap) error {
	doc, err := layout.Rekap(rk, render.Measurer{})
	if err != nil {
		return err
	}
	title := layout.RekapTitle(rk)
	meta := render.Meta{Title: title, Subject: title, Keywords: "Rekapitulasi Capaian Kinerja, SAKIP, " + strconv.Itoa(rk.Tahun),
		Created: time.Date(max(rk.Tahun, 1970), time.Month(rk.Triwulan*3+1), 1, 0, 0, 0, 0, time.UTC),
		Info:    docinfo.Info{Title: title, Year: rk.Tahun, Triwulan: rk.Triwulan}}
	return render.Write(w, doc, meta)
}

// RekapDir makes the recap of quarter triwulan over every realisasi file
// in dir: *.toml files with a perjanjian key and filled forms (*.xlsx),
// each with the agreement it names, in name order. Outputs are written
// together, all or none, and may be no input.
func RekapDir(dir string, triwulan int, out RekapPaths) (*rekap.Rekap, error) {
	files, err := rekapInputs(dir)
	if err != nil {
		return nil, err
	}
	var plan outfile.Plan
	var reps []*report.Report
	for _, f := range files {
		rep, err := unitReport(&plan, f, triwulan)
		if err != nil {
			return nil, err
		}
		reps = append(reps, rep)
	}
	for _, o := range []string{out.XLSX, out.PDF} {
		if o == "" {
			continue
		}
		if err := plan.Output(o); err != nil {
			return nil, fmt.Errorf("rekap %s: %w", dir, err)
		}
	}
	rk, err := rekap.New(reps)
	if err != nil {
		return nil, fmt.Errorf("rekap %s: %w", dir, err)
	}
	bufs, err := rekapBytes(rk, out.XLSX != "", out.PDF != "")
	if err != nil {
		return nil, err
	}
	return rk, writeGroup([]string{out.XLSX, out.PDF}, bufs[:])
}

// writeGroup writes bufs[i] to paths[i] (skipping "") as one group.
func writeGroup(paths []string, bufs [][]byte) error {
	var g outfile.Group
	for i, path := range paths {
		if path == "" {
			continue
		}
		if err := g.Add(path, 0o644, writeBytes(bufs[i])); err != nil {
			g.Abort()
			return err
		}
	}
	return g.Commit()
}

// rekapInputs lists the realisasi files of dir: TOML files that Detect
// calls realisasi, and workbooks.
func rekapInputs(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("rekap: %w", err)
	}
	var out []string
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		switch ext := strings.ToLower(filepath.Ext(e.Name())); {
		case !e.Type().IsRegular():
		case ext == ".xlsx":
			out = append(out, path)
		case ext == ".toml" && isRealisasi(path):
			out = append(out, path)
		}
	}
	slices.Sort(out)
	if len(out) == 0 {
		return nil, fmt.Errorf("rekap %s: no realisasi files (*.toml with perjanjian = \"...\", or filled forms *.xlsx)", dir)
	}
	return out, nil
}

// isRealisasi reports whether the TOML file at path is a realisasi file.
func isRealisasi(path string) bool {
	src, err := infile.ReadFile(path, data.MaxFileSize)
	return err == nil && Detect(src) == Realisasi
}

// unitReport computes the report of one realisasi file with the agreement
// it names, recording both as inputs of plan.
func unitReport(plan *outfile.Plan, realisasi string, triwulan int) (*report.Report, error) {
	agr, err := AgreementOf(realisasi)
	if err != nil {
		return nil, err
	}
	for _, in := range []string{realisasi, agr} {
		if err := plan.Input(in); err != nil {
			return nil, err
		}
	}
	a, err := data.DecodeFile(agr)
	if err != nil {
		return nil, err
	}
	r, err := decodeRealisasiFile(realisasi, a)
	if err != nil {
		return nil, err
	}
	return report.Compute(a, r, triwulan)
}
