package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"kinerja/batch"
	"kinerja/data"
	"kinerja/render"
	"kinerja/report"
)

// reportUsage is the synopsis of 'kinerja report'.
const reportUsage = `usage: kinerja report AGREEMENT.toml REALISASI.toml --triwulan N [-o OUT.pdf] [--csv F] [--json F]
       kinerja report DIR|REALISASI.toml... --triwulan N [--out-dir DIR] [-j N]

Computes the achievement (capaian) of quarter N (1..4) and writes the
landscape report PDF, by default out/<agreement name>-tw<N>.pdf (out/ is
created when needed), and optionally the figures as CSV and JSON. A file
with problems is reported as FILE:LINE:COL: ... and nothing is written.

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
	pdf, csv, json       string
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
	files, err := buildReport(ra)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	if err := writeAll(files); err != nil {
		fmt.Fprintf(stderr, "kinerja report: %v\n", err)
		return exitBadInput
	}
	for _, f := range files {
		fmt.Fprintln(stdout, f.path)
	}
	return exitOK
}

// parseReportArgs parses the command line; on a usage error it prints the
// problem and the synopsis and returns false.
func parseReportArgs(args []string, stderr io.Writer) (reportArgs, bool) {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, reportUsage) }
	var ra reportArgs
	fs.IntVar(&ra.triwulan, "triwulan", 0, "quarter 1..4 (required)")
	fs.StringVar(&ra.pdf, "o", "", "output PDF")
	fs.StringVar(&ra.csv, "csv", "", "also write the figures as CSV")
	fs.StringVar(&ra.json, "json", "", "also write the figures as JSON")
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
	case ra.triwulan < 1 || ra.triwulan > 4:
		problem = fmt.Sprintf("--triwulan %d: want a quarter 1, 2, 3 or 4", ra.triwulan)
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
		base := strings.TrimSuffix(filepath.Base(ra.agreement), filepath.Ext(ra.agreement))
		ra.pdf = filepath.Join("out", base+"-tw"+strconv.Itoa(ra.triwulan)+".pdf")
	}
	return ra, true
}

// outFile is one output to write: its path and its complete content.
type outFile struct {
	path string
	data []byte
}

// buildReport reads and computes the report and returns every output in
// memory, PDF first; nothing is written yet.
func buildReport(ra reportArgs) ([]outFile, error) {
	a, err := data.DecodeFile(ra.agreement)
	if err != nil {
		return nil, err
	}
	r, err := report.DecodeFile(ra.realisasi, a)
	if err != nil {
		return nil, err
	}
	rep, err := report.Compute(a, r, ra.triwulan)
	if err != nil {
		return nil, err
	}
	var pdf bytes.Buffer
	if err := render.Report(&pdf, rep); err != nil {
		return nil, err
	}
	files := []outFile{{ra.pdf, pdf.Bytes()}}
	for _, e := range []struct {
		path  string
		write func(io.Writer, *report.Report) error
	}{{ra.csv, report.WriteCSV}, {ra.json, report.WriteJSON}} {
		if e.path == "" {
			continue
		}
		var b bytes.Buffer
		if err := e.write(&b, rep); err != nil {
			return nil, err
		}
		files = append(files, outFile{e.path, b.Bytes()})
	}
	return files, nil
}

// writeAll writes every file through a synced temporary file in its
// directory and renames them only when all were written, so that a failure
// leaves no partial file and every existing file as it was (a failing
// rename after the first can still leave earlier outputs replaced).
func writeAll(files []outFile) error {
	tmps := make([]string, 0, len(files))
	defer func() {
		for _, t := range tmps {
			os.Remove(t) // gone already after a successful rename
		}
	}()
	for _, f := range files {
		t, err := stage(f)
		if err != nil {
			return err
		}
		tmps = append(tmps, t)
	}
	for i, f := range files {
		if err := os.Rename(tmps[i], f.path); err != nil {
			return fmt.Errorf("write %s: %w", f.path, err)
		}
	}
	return nil
}

// stage writes f's content to a synced temporary file next to f.path
// (creating the directory when needed) and returns the temporary name.
func stage(f outFile) (string, error) {
	dir := filepath.Dir(f.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("write %s: %w", f.path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(f.path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", f.path, err)
	}
	_, err = tmp.Write(f.data)
	err = errors.Join(err, tmp.Chmod(0o644), tmp.Sync(), tmp.Close())
	if err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("write %s: %w", f.path, err)
	}
	return tmp.Name(), nil
}
