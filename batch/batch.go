package batch

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"time"
)

// Job is one unit of work.
type Job struct {
	Index int    // position in the input, set by Run (0-based)
	Name  string // what the job is called in progress lines (the input file)
	Out   string // what it produces, shown after "->" on success ("" = nothing)
}

// Result is the outcome of one job.
type Result struct {
	Job
	Err     error // nil on success; a *SkipError for a skipped job
	Elapsed time.Duration
}

// Skipped reports whether the job was skipped rather than failed.
func (r Result) Skipped() bool {
	var s *SkipError
	return errors.As(r.Err, &s)
}

// SkipError marks an input that is not meant for the operation (a realisasi
// file in a directory of agreements): reported, but not a failure.
type SkipError struct{ Reason string }

// Error returns the reason.
func (e *SkipError) Error() string { return e.Reason }

// Skip returns a *SkipError with the reason.
func Skip(reason string) error { return &SkipError{Reason: reason} }

// Summary sums up a run.
type Summary struct {
	Total, OK, Failed, Skipped int
	NotRun                     bool          // the context was cancelled before every job ran
	Elapsed                    time.Duration // wall time of the whole run
	Failures                   []Result      // failed and skipped jobs, in input order
}

// String is the summary line, e.g. "1000 files: 999 ok, 1 failed (12.3 s,
// 81 files/s)".
func (s Summary) String() string {
	sec := s.Elapsed.Seconds()
	rate := 0.0
	if sec > 0 {
		rate = float64(s.Total) / sec
	}
	line := fmt.Sprintf("%d files: %d ok", s.Total, s.OK)
	if s.Skipped > 0 {
		line += fmt.Sprintf(", %d skipped", s.Skipped)
	}
	line += fmt.Sprintf(", %d failed (%.1f s, %.0f files/s)", s.Failed, sec, rate)
	if s.NotRun {
		line += "; interrupted, the remaining files were not run"
	}
	return line
}

// Add counts one result (Run does; a command that runs its files itself
// sums them up with it).
func (s *Summary) Add(r Result) {
	s.Total++
	switch {
	case r.Err == nil:
		s.OK++
		return
	case r.Skipped():
		s.Skipped++
	default:
		s.Failed++
	}
	s.Failures = append(s.Failures, r)
}

// MaxWorkers is the most files Run processes at a time: each worker holds
// a whole document in memory, and more workers than this gain nothing on
// any machine kinerja runs on.
const MaxWorkers = 256

// Run runs do for every job of jobs on workers goroutines (runtime.GOMAXPROCS
// when workers < 1, MaxWorkers at most), reports each result to rep (nil = nothing) as it
// finishes and returns the summary after rep.Finish. Reporter methods are
// called from the goroutine that called Run, one at a time.
func Run(ctx context.Context, jobs iter.Seq[Job], workers int, do func(context.Context, Job) error, rep Reporter) Summary {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, MaxWorkers)
	if rep == nil {
		rep = discard{}
	}
	start := time.Now()
	in := make(chan Job)
	out := make(chan Result, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range in {
				out <- runOne(ctx, j, do)
			}
		})
	}
	notRun := make(chan bool, 1)
	go func() {
		notRun <- feed(ctx, jobs, in)
		close(in)
		wg.Wait()
		close(out)
	}()
	var s Summary
	for r := range out {
		s.Add(r)
		rep.Done(r)
	}
	s.NotRun = <-notRun
	s.Elapsed = time.Since(start)
	slices.SortFunc(s.Failures, func(a, b Result) int { return a.Index - b.Index })
	rep.Finish(s)
	return s
}

// feed sends the jobs, numbered, until they run out or ctx is cancelled;
// it reports whether jobs were left unsent.
func feed(ctx context.Context, jobs iter.Seq[Job], in chan<- Job) (cancelled bool) {
	i := 0
	for j := range jobs {
		if ctx.Err() != nil {
			return true
		}
		j.Index = i
		i++
		select {
		case in <- j:
		case <-ctx.Done():
			return true
		}
	}
	return false
}

// runOne runs one job, turning a panic into its error.
func runOne(ctx context.Context, j Job, do func(context.Context, Job) error) (r Result) {
	start := time.Now()
	r.Job = j
	defer func() {
		if p := recover(); p != nil {
			r.Err = fmt.Errorf("internal error: %v\n%s", p, debug.Stack())
		}
		r.Elapsed = time.Since(start)
	}()
	r.Err = do(ctx, j)
	return r
}

// Slice returns an iterator over jobs.
func Slice(jobs []Job) iter.Seq[Job] { return slices.Values(jobs) }
