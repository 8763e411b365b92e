package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"kinerja/api"
	"kinerja/batch"
)

// reportUsage is the synopsis of 'kinerja report'.
const reportUsage = `usage: kinerja report AGREEMENT.toml REALISASI.toml --triwulan N [-o OUT.pdf] [--csv F] [--json F] [--xlsx F]
       kinerja report DIR|REALISASI.toml... --triwulan N [--out-dir DIR] [-j N]

Computes the achievement (capaian) of quarter N (1..4) and writes the
landscape report PDF, by default out/<agreement name>-tw<N>.pdf (out/ is
created when needed), and optionally the figures as CSV, JSON and an
Excel workbook. REALISASI may be a filled form (kinerja realisasi
formulir). A file with problems is reported as FILE:LINE:COL: ... (a form
as FORM.xlsx: Sheet!CELL: ...) and nothing is written.

A directory, --out-dir or -j make a batch run over realisasi files (in a
directory: every *.toml with a perjanjian key or [[realisasi]] tables).
Each realisasi file names its agreement with perjanjian = "FILE.toml",
found in the realisasi file's directory; each report PDF goes to
--out-dir (default out/) as <agreement name>-tw<N>.pdf. N files run at a
time; failures are reported without stopping the others. Exit status 1 if
any file failed. (CSV and JSON only in the single form.)
`

// reportArgs are the parsed arguments of 'kinerja report'.
type reportArgs struct {
	agreement, realisasi string
	triwulan             int
	pdf, csv, json, xlsx string
	batch                *batchFlags // set for the batch form
	inputs               []string    // batch form: directories and realisasi files
	help                 bool        // -h or --help was asked for
}

// runReport implements 'kinerja report'.
func runReport(args []string, stdout, stderr io.Writer) int {
	ra, ok := parseReportArgs(args, stderr)
	if !ok && ra.help {
		return exitOK
	}
	if !ok {
		return exitUsage
	}
	if ra.batch != nil {
		return reportBatch(ra, stdout, stderr)
	}
	out := api.ReportPaths{PDF: ra.pdf, CSV: ra.csv, JSON: ra.json, XLSX: ra.xlsx}
	if err := api.ReportFile(ra.agreement, ra.realisasi, ra.triwulan, out); err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	for _, p := range []string{out.PDF, out.CSV, out.JSON, out.XLSX} {
		if p != "" {
			fmt.Fprintln(stdout, p)
		}
	}
	return exitOK
}

// parseReportArgs parses the command line; on a usage error it prints the
// problem and the synopsis and returns false.
func parseReportArgs(args []string, stderr io.Writer) (reportArgs, bool) {
	fs := newFlagSet("report", stderr, reportUsage)
	var ra reportArgs
	quarterVar(fs, &ra.triwulan)
	fs.StringVar(&ra.pdf, "o", "", "output PDF `FILE`")
	fs.StringVar(&ra.csv, "csv", "", "also write the figures as CSV to `FILE`")
	fs.StringVar(&ra.json, "json", "", "also write the figures as JSON to `FILE`")
	fs.StringVar(&ra.xlsx, "xlsx", "", "also write the report as an Excel workbook to `FILE`")
	var bf batchFlags
	bf.add(fs)
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		ra.help = errors.Is(err, flag.ErrHelp)
		return ra, false
	}
	if bf.flagsSet(fs) || batch.IsDir(pos) {
		ra.batch, ra.inputs = &bf, pos
	}
	problem := ""
	switch {
	case ra.batch != nil:
		problem = reportBatchProblem(ra)
	case len(pos) != 2:
		problem = fmt.Sprintf("want AGREEMENT.toml and REALISASI.toml, got %d file(s)", len(pos))
	case ra.triwulan == 0:
		problem = quarterMissing()
	}
	if problem != "" {
		fmt.Fprint(stderr, "kinerja report: "+problem+"\n"+reportUsage)
		return ra, false
	}
	if ra.batch != nil {
		return ra, true
	}
	ra.agreement, ra.realisasi = pos[0], pos[1]
	if ra.pdf == "" {
		ra.pdf = api.DefaultReportPDF(ra.agreement, ra.triwulan)
	}
	return ra, true
}
