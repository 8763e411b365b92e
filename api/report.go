package api

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"

	"kinerja/data"
	"kinerja/internal/outfile"
	"kinerja/render"
	"kinerja/report"
)

// Input is a TOML input read from R; Name is its file name, used in
// messages, for the copy embedded in the PDF and to find a logo.
type Input struct {
	Name string
	R    io.Reader
}

// ReportOutputs are where Report writes: the PDF, and the figures as CSV
// and JSON when those writers are not nil.
type ReportOutputs struct {
	PDF, CSV, JSON io.Writer
}

// Report decodes the agreement and the realisasi, computes quarter
// triwulan's achievement and writes the report. Every output is made in
// memory first: nothing is written when an error is returned.
func Report(agreement, realisasi Input, triwulan int, out ReportOutputs) error {
	a, err := data.Decode(agreement.R, agreement.Name)
	if err != nil {
		return err
	}
	r, err := report.Decode(realisasi.R, realisasi.Name, a)
	if err != nil {
		return err
	}
	rep, err := report.Compute(a, r, triwulan)
	if err != nil {
		return err
	}
	ws := [3]io.Writer{out.PDF, out.CSV, out.JSON}
	bufs, err := reportBytes(rep, [3]bool{ws[0] != nil, ws[1] != nil, ws[2] != nil})
	if err != nil {
		return err
	}
	for i, w := range ws {
		if w != nil {
			if _, err := w.Write(bufs[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// reportBytes makes the PDF, CSV and JSON of rep that want asks for.
func reportBytes(rep *report.Report, want [3]bool) ([3][]byte, error) {
	var bufs [3][]byte
	makers := [3]func(io.Writer, *report.Report) error{render.Report, report.WriteCSV, report.WriteJSON}
	for i, m := range makers {
		if !want[i] {
			continue
		}
		var b bytes.Buffer
		if err := m(&b, rep); err != nil {
			return bufs, err
		}
		bufs[i] = b.Bytes()
	}
	return bufs, nil
}

// ReportPaths names the outputs of ReportFile; CSV and JSON may be "".
type ReportPaths struct {
	PDF, CSV, JSON string
}

// ReportFile makes the report of the agreement and realisasi files and
// writes the outputs together: all of them or, on any error, none. No
// output may be an input (the agreement, its logo, the realisasi) or
// another output.
func ReportFile(agreement, realisasi string, triwulan int, out ReportPaths) error {
	plan, err := planReport(agreement, realisasi, out)
	if err != nil {
		return err
	}
	a, err := data.DecodeFile(agreement)
	if err != nil {
		return err
	}
	if err := plan.Input(logoPath(agreement, a.Kop.Logo)); err != nil {
		return fmt.Errorf("report %s: %w", realisasi, err)
	}
	r, err := report.DecodeFile(realisasi, a)
	if err != nil {
		return err
	}
	rep, err := report.Compute(a, r, triwulan)
	if err != nil {
		return err
	}
	return writeReport(rep, out)
}

// planReport records the inputs and outputs of a report run.
func planReport(agreement, realisasi string, out ReportPaths) (*outfile.Plan, error) {
	plan := &outfile.Plan{}
	for _, in := range []string{agreement, realisasi} {
		if err := plan.Input(in); err != nil {
			return nil, err
		}
	}
	for _, o := range []string{out.PDF, out.CSV, out.JSON} {
		if o == "" {
			continue
		}
		if err := plan.Output(o); err != nil {
			return nil, fmt.Errorf("report %s: %w", realisasi, err)
		}
	}
	return plan, nil
}

// writeReport writes the outputs of rep that out names as one group.
func writeReport(rep *report.Report, out ReportPaths) error {
	paths := [3]string{out.PDF, out.CSV, out.JSON}
	bufs, err := reportBytes(rep, [3]bool{paths[0] != "", paths[1] != "", paths[2] != ""})
	if err != nil {
		return err
	}
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

// writeBytes is an outfile fill function that writes b.
func writeBytes(b []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	}
}

// DefaultReportPDF is where a report goes when no output is named:
// out/<agreement name>-tw<N>.pdf.
func DefaultReportPDF(agreement string, triwulan int) string {
	base := filepath.Base(agreement)
	base = base[:len(base)-len(filepath.Ext(base))]
	return filepath.Join("out", fmt.Sprintf("%s-tw%d.pdf", base, triwulan))
}
