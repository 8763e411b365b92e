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
	"kinerja/workbook"
)

// Input is a TOML input read from R; Name is its file name, used in
// messages, for the copy embedded in the PDF and to find a logo.
type Input struct {
	Name string
	R    io.Reader
}

// ReportOutputs are where Report writes: the PDF, and the figures as CSV,
// JSON and an Excel workbook when those writers are not nil.
type ReportOutputs struct {
	PDF, CSV, JSON, XLSX io.Writer
}

// Report decodes the agreement and the realisasi (a TOML file or a filled
// realisasi form, told apart by their first bytes), computes quarter
// triwulan's achievement and writes the report. Every output is made in
// memory first: nothing is written when an error is returned.
func Report(agreement, realisasi Input, triwulan int, out ReportOutputs) error {
	a, err := data.Decode(agreement.R, agreement.Name)
	if err != nil {
		return err
	}
	r, err := decodeRealisasi(realisasi, a)
	if err != nil {
		return err
	}
	rep, err := report.Compute(a, r, triwulan)
	if err != nil {
		return err
	}
	ws := [nOutputs]io.Writer{out.PDF, out.CSV, out.JSON, out.XLSX}
	var want [nOutputs]bool
	for i, w := range ws {
		want[i] = w != nil
	}
	bufs, err := reportBytes(rep, want)
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

// nOutputs is the number of kinds of report output.
const nOutputs = 4

// reportBytes makes the PDF, CSV, JSON and workbook of rep that want asks
// for.
func reportBytes(rep *report.Report, want [nOutputs]bool) ([nOutputs][]byte, error) {
	var bufs [nOutputs][]byte
	makers := [nOutputs]func(io.Writer, *report.Report) error{render.Report, report.WriteCSV, report.WriteJSON, workbook.WriteReport}
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

// ReportPaths names the outputs of ReportFile; CSV, JSON and XLSX may be "".
type ReportPaths struct {
	PDF, CSV, JSON, XLSX string
}

// list returns the paths in the order of ReportOutputs.
func (p ReportPaths) list() [nOutputs]string { return [nOutputs]string{p.PDF, p.CSV, p.JSON, p.XLSX} }

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
	r, err := decodeRealisasiFile(realisasi, a)
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
	for _, o := range out.list() {
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
	paths := out.list()
	var want [nOutputs]bool
	for i, p := range paths {
		want[i] = p != ""
	}
	bufs, err := reportBytes(rep, want)
	if err != nil {
		return err
	}
	return writeGroup(paths[:], bufs[:])
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
