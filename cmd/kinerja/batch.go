package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"time"

	"kinerja/api"
	"kinerja/batch"
	"kinerja/sign"
)

// batchFlags are the flags shared by the batch forms of render and sign.
type batchFlags struct {
	outDir string
	jobs   int
}

// add defines --out-dir and -j on fs.
func (b *batchFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&b.outDir, "out-dir", "", "`DIR` for the outputs of several inputs (named like the inputs)")
	fs.IntVar(&b.jobs, "j", runtime.GOMAXPROCS(0), "number of files processed in parallel")
}

// wanted reports whether the command line asks for a batch run: several
// inputs, a directory, --out-dir or -j.
func (b *batchFlags) wanted(fs *flag.FlagSet, inputs []string) bool {
	return b.flagsSet(fs) || len(inputs) > 1 || batch.IsDir(inputs)
}

// flagsSet reports whether --out-dir or -j was given.
func (b *batchFlags) flagsSet(fs *flag.FlagSet) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "out-dir" || f.Name == "j" })
	return set
}

// usageError returns what is wrong with the batch flags, or "".
func (b *batchFlags) usageError(out string) string {
	switch {
	case b.jobs < 1:
		return fmt.Sprintf("-j %d: want at least 1", b.jobs)
	case b.jobs > batch.MaxWorkers:
		return fmt.Sprintf("-j %d: at most %d files at a time", b.jobs, batch.MaxWorkers)
	case out != "":
		return "-o names a single output: use --out-dir DIR with several inputs, a directory or -j"
	}
	return ""
}

// batchJobs pairs every input with its output (outDir/<base><ext>, the
// extension replaced by ext when ext is not "").
func batchJobs(inputs []string, outDir, ext string) []batch.Job {
	jobs := make([]batch.Job, len(inputs))
	for i, in := range inputs {
		base := filepath.Base(in)
		if ext != "" {
			base = base[:len(base)-len(filepath.Ext(base))] + ext
		}
		jobs[i] = batch.Job{Name: in, Out: filepath.Join(outDir, base)}
	}
	return jobs
}

// runBatch runs do over jobs with progress on stderr and returns the exit
// status: 1 if any job failed or the run was interrupted (a first Ctrl-C
// stops starting new files and lets those running finish; a second one
// kills). Two inputs with the same output fail, all but the first.
func runBatch(verb string, jobs []batch.Job, workers int, do func(context.Context, batch.Job) error, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() { <-ctx.Done(); stop() }()
	clash := outputClashes(jobs)
	guarded := func(ctx context.Context, j batch.Job) error {
		if first, ok := clash[j.Index]; ok {
			return fmt.Errorf("output %s is also the output of %s; inputs in one run need different file names", j.Out, first)
		}
		return do(ctx, j)
	}
	s := batch.Run(ctx, batch.Slice(jobs), workers, guarded, batch.NewReporter(stdout, stderr, len(jobs), verb))
	if s.Failed > 0 || s.NotRun {
		return exitBadInput
	}
	return exitOK
}

// outputClashes maps the index of every job whose output an earlier job
// already has to that earlier job's input.
func outputClashes(jobs []batch.Job) map[int]string {
	seen := make(map[string]string, len(jobs))
	clash := map[int]string{}
	for i, j := range jobs {
		if j.Out == "" {
			continue
		}
		key := filepath.Clean(j.Out)
		if first, ok := seen[key]; ok {
			clash[i] = first
			continue
		}
		seen[key] = j.Name
	}
	return clash
}

// notAgreement returns a skip reason when path is a TOML file of another
// kind (a realisasi file), else "".
func notAgreement(path string) string {
	src, err := os.ReadFile(path)
	if err == nil && api.Detect(src) == api.Realisasi {
		return "a realisasi file (it has realisasi/perjanjian keys), not an agreement: not rendered"
	}
	return ""
}

// signBatch signs many PDFs with keys opened and checked once (see
// signUsage).
func signBatch(fs *flag.FlagSet, args []string, f *signFlags, stdout, stderr io.Writer) int {
	msg := f.batch.usageError(f.out)
	switch {
	case msg != "":
	case len(args) == 0:
		msg = "want at least one input PDF or directory"
	case f.batch.outDir == "":
		msg = "several inputs or a directory: give --out-dir DIR for the signed copies"
	default:
		msg = f.keyUsageError()
	}
	if msg != "" {
		fmt.Fprintf(stderr, "kinerja sign: %s\n", msg)
		fs.Usage()
		return exitUsage
	}
	inputs, err := batch.Inputs(args, ".pdf")
	if err == nil {
		err = os.MkdirAll(f.batch.outDir, 0o755)
	}
	if err != nil {
		fmt.Fprintf(stderr, "kinerja sign: %v\n", err)
		return exitBadInput
	}
	steps, closeKeys, err := openSteps(f, stderr)
	defer closeKeys()
	if err != nil {
		fmt.Fprintf(stderr, "kinerja sign: %v\n", err)
		return exitBadInput
	}
	do := func(_ context.Context, j batch.Job) error { return sign.SignFile(j.Name, j.Out, steps...) }
	return runBatch("sign", batchJobs(inputs, f.batch.outDir, ""), f.batch.jobs, do, stdout, stderr)
}

// openSteps opens the keys once, checks that each certificate is usable
// now, and returns the signature steps and a function that closes the keys.
func openSteps(f *signFlags, stderr io.Writer) ([]sign.Options, func(), error) {
	creds, parties, err := loadCredentials(f, stderr)
	closeKeys := func() {
		for _, c := range creds {
			c.Close()
		}
	}
	if err != nil {
		return nil, closeKeys, err
	}
	for i, c := range creds {
		if err := c.Check(time.Now()); err != nil {
			return nil, closeKeys, fmt.Errorf("key of %s: %w", parties[i].Title(), err)
		}
	}
	return f.steps(creds, parties), closeKeys, nil
}

// reportBatchProblem returns what is wrong with a batch report command
// line, or "".
func reportBatchProblem(ra reportArgs) string {
	switch {
	case ra.triwulan == 0:
		return quarterMissing()
	case ra.csv != "" || ra.json != "" || ra.xlsx != "":
		return "--csv, --json and --xlsx name one file: use them with one AGREEMENT.toml REALISASI.toml pair"
	case len(ra.inputs) == 0:
		return "want realisasi files or a directory"
	}
	return ra.batch.usageError(ra.pdf)
}

// reportBatch makes the report of every realisasi file (see reportUsage).
func reportBatch(ra reportArgs, stdout, stderr io.Writer) int {
	inputs, err := realisasiInputs(ra.inputs)
	if err != nil {
		fmt.Fprintf(stderr, "kinerja report: %v\n", err)
		return exitBadInput
	}
	dir := cmp.Or(ra.batch.outDir, "out")
	jobs := make([]batch.Job, len(inputs))
	for i, in := range inputs {
		jobs[i] = batch.Job{Name: in}
		if agr, err := api.AgreementOf(in); err == nil {
			jobs[i].Out = filepath.Join(dir, filepath.Base(api.DefaultReportPDF(agr, ra.triwulan)))
		}
	}
	do := func(_ context.Context, j batch.Job) error { return reportJob(j, ra.triwulan) }
	return runBatch("report", jobs, ra.batch.jobs, do, stdout, stderr)
}

// realisasiInputs expands the arguments: files are kept, a directory
// stands for its *.toml files that look like realisasi files.
func realisasiInputs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if !batch.IsDir([]string{a}) {
			out = append(out, a)
			continue
		}
		names, err := batch.Inputs([]string{a}, ".toml")
		if err != nil {
			return nil, err
		}
		n := len(out)
		for _, name := range names {
			if b, err := os.ReadFile(name); err == nil && api.Detect(b) == api.Realisasi {
				out = append(out, name)
			}
		}
		if len(out) == n {
			return nil, fmt.Errorf("%s: no realisasi file (a *.toml with perjanjian or [[realisasi]])", a)
		}
	}
	return out, nil
}

// reportJob makes and writes one report of a batch (the PDF only).
func reportJob(j batch.Job, triwulan int) error {
	agr, err := api.AgreementOf(j.Name)
	if err != nil {
		return err
	}
	return api.ReportFile(agr, j.Name, triwulan, api.ReportPaths{PDF: j.Out})
}
