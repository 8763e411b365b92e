package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"kinerja/api"
	"kinerja/batch"
)

// renderUsage is the synopsis of 'kinerja render'.
const renderUsage = `usage: kinerja render FILE.toml [-o OUT.pdf]
       kinerja render DIR|FILE.toml... [--out-dir DIR] [-j N]

Renders each agreement to a PDF, by default out/<name>.pdf (out/ is created
when needed). -o names the output and takes exactly one input. A file with
problems is reported as FILE:LINE:COL: ... and leaves its output untouched.

Several files, a directory (every *.toml in it, sorted) or --out-dir make a
batch run: N files at a time (default: the number of cores), a progress bar
on a terminal or one line per file ("ok  FILE -> OUT", "FAIL FILE: reason"),
a failing file does not stop the others, a realisasi file is skipped with a
note, and a summary line ends it. Exit status 1 if any file failed.
`

// runRender implements 'kinerja render'.
func runRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("render", stderr, renderUsage)
	out := fs.String("o", "", "output PDF (only with one input)")
	var bf batchFlags
	bf.add(fs)
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	switch {
	case len(inputs) == 0:
		fmt.Fprint(stderr, "kinerja render: no input file\n"+renderUsage)
		return exitUsage
	case *out != "" && len(inputs) > 1:
		fmt.Fprintf(stderr, "kinerja render: -o takes exactly one input file, got %d\n", len(inputs))
		return exitUsage
	case bf.wanted(fs, inputs):
		return renderBatch(inputs, *out, bf, stdout, stderr)
	}
	code := exitOK
	for _, in := range inputs {
		path, err := renderOne(in, *out)
		if err != nil {
			fmt.Fprintln(stderr, err)
			code = exitBadInput
			continue
		}
		fmt.Fprintln(stdout, path)
	}
	return code
}

// renderOne renders in to out (default out/<base>.pdf) and returns the
// path written.
func renderOne(in, out string) (string, error) {
	if out == "" {
		base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
		out = filepath.Join("out", base+".pdf")
	}
	if err := api.RenderFile(in, out); err != nil {
		return "", err
	}
	return out, nil
}

// renderBatch renders many agreements in parallel (see renderUsage).
func renderBatch(args []string, out string, bf batchFlags, stdout, stderr io.Writer) int {
	if msg := bf.usageError(out); msg != "" {
		fmt.Fprintf(stderr, "kinerja render: %s\n%s", msg, renderUsage)
		return exitUsage
	}
	inputs, err := batch.Inputs(args, ".toml")
	if err != nil {
		fmt.Fprintf(stderr, "kinerja render: %v\n", err)
		return exitBadInput
	}
	dir := cmp.Or(bf.outDir, "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "kinerja render: %v\n", err)
		return exitBadInput
	}
	return runBatch("render", batchJobs(inputs, dir, ".pdf"), bf.jobs, renderJob, stdout, stderr)
}

// renderJob renders one agreement of a batch; a realisasi file is skipped.
func renderJob(_ context.Context, j batch.Job) error {
	err := api.RenderFile(j.Name, j.Out)
	if err != nil {
		if why := notAgreement(j.Name); why != "" {
			return batch.Skip(why)
		}
	}
	return err
}
