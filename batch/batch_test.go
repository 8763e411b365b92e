package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// numbered yields n jobs named f000, f001, ...
func numbered(n int) iter.Seq[Job] {
	return func(yield func(Job) bool) {
		for i := range n {
			if !yield(Job{Name: fmt.Sprintf("f%03d", i), Out: fmt.Sprintf("o%03d", i)}) {
				return
			}
		}
	}
}

// recorder is a Reporter that keeps what it was given.
type recorder struct {
	done    []Result
	summary *Summary
}

func (r *recorder) Done(res Result)  { r.done = append(r.done, res) }
func (r *recorder) Finish(s Summary) { r.summary = &s }

func TestRunCountsAndOrdersFailures(t *testing.T) {
	const n = 200
	var calls [n]atomic.Int32
	rec := &recorder{}
	s := Run(context.Background(), numbered(n), 4, func(_ context.Context, j Job) error {
		calls[j.Index].Add(1)
		if j.Name != fmt.Sprintf("f%03d", j.Index) {
			return fmt.Errorf("job %d has name %s", j.Index, j.Name)
		}
		switch {
		case j.Index%50 == 7:
			return errors.New("broken")
		case j.Index%50 == 9:
			return Skip("not an agreement")
		case j.Index == 123:
			panic("boom")
		}
		return nil
	}, rec)
	for i := range calls {
		if c := calls[i].Load(); c != 1 {
			t.Fatalf("job %d ran %d times", i, c)
		}
	}
	if s.Total != n || s.Failed != 5 || s.Skipped != 4 || s.OK != n-9 || s.NotRun {
		t.Fatalf("summary %+v", s)
	}
	if len(rec.done) != n || rec.summary == nil || rec.summary.Total != n {
		t.Fatalf("reporter got %d results and summary %v", len(rec.done), rec.summary)
	}
	var idx []int
	for _, f := range s.Failures {
		idx = append(idx, f.Index)
	}
	if got := fmt.Sprint(idx); got != "[7 9 57 59 107 109 123 157 159]" {
		t.Errorf("failures in order %s", got)
	}
	if !strings.Contains(s.Failures[6].Err.Error(), "internal error: boom") {
		t.Errorf("panic reported as %v", s.Failures[6].Err)
	}
}

// TestRunBoundsWork checks that no more than workers jobs run at once and
// that the producer never runs far ahead of the reporter, which is what
// keeps memory flat.
func TestRunBoundsWork(t *testing.T) {
	const workers, n = 3, 300
	var running, peak atomic.Int32
	var produced atomic.Int64
	var mu sync.Mutex
	maxAhead := int64(0)
	jobs := func(yield func(Job) bool) {
		for j := range numbered(n) {
			produced.Add(1)
			if !yield(j) {
				return
			}
		}
	}
	rep := &aheadReporter{produced: &produced, mu: &mu, max: &maxAhead}
	Run(context.Background(), jobs, workers, func(context.Context, Job) error {
		r := running.Add(1)
		for {
			p := peak.Load()
			if r <= p || peak.CompareAndSwap(p, r) {
				break
			}
		}
		time.Sleep(100 * time.Microsecond)
		running.Add(-1)
		return nil
	}, rep)
	if p := peak.Load(); p > workers || p < 2 {
		t.Errorf("peak concurrency %d, want 2..%d", p, workers)
	}
	// in flight: one per worker, one per result buffer slot, one being
	// handed over by the producer and one being reported.
	if limit := int64(2*workers + 2); maxAhead > limit {
		t.Errorf("producer ran %d jobs ahead of the reporter, want at most %d", maxAhead, limit)
	}
}

// aheadReporter records how far production ran ahead of reporting.
type aheadReporter struct {
	produced *atomic.Int64
	done     int64
	mu       *sync.Mutex
	max      *int64
}

func (a *aheadReporter) Done(Result) {
	a.done++
	a.mu.Lock()
	*a.max = max(*a.max, a.produced.Load()-a.done)
	a.mu.Unlock()
}
func (a *aheadReporter) Finish(Summary) {}

func TestRunCancelStopsFeeding(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ran atomic.Int32
	s := Run(ctx, numbered(1000), 2, func(context.Context, Job) error {
		if ran.Add(1) == 10 {
			cancel()
		}
		return nil
	}, nil)
	if !s.NotRun || s.Total >= 100 || s.Total < 10 || s.OK != s.Total {
		t.Errorf("after cancel: %+v", s)
	}
	if !strings.Contains(s.String(), "interrupted") {
		t.Errorf("summary %q does not say it was interrupted", s.String())
	}
}

func TestRunDefaultWorkers(t *testing.T) {
	s := Run(context.Background(), Slice([]Job{{Name: "a"}, {Name: "b"}}), 0, func(context.Context, Job) error { return nil }, nil)
	if s.Total != 2 || s.OK != 2 {
		t.Errorf("%+v", s)
	}
}

func TestSummaryString(t *testing.T) {
	s := Summary{Total: 1000, OK: 999, Failed: 1, Elapsed: 12300 * time.Millisecond}
	if got, want := s.String(), "1000 files: 999 ok, 1 failed (12.3 s, 81 files/s)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	s = Summary{Total: 4, OK: 2, Failed: 1, Skipped: 1, Elapsed: time.Second}
	if got, want := s.String(), "4 files: 2 ok, 1 skipped, 1 failed (1.0 s, 4 files/s)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPlainLines(t *testing.T) {
	var out, errb bytes.Buffer
	p := &Plain{Out: &out, Err: &errb}
	s := Run(context.Background(), Slice([]Job{
		{Name: "d/a.toml", Out: "out/a.pdf"},
		{Name: "d/bad.toml", Out: "out/bad.pdf"},
		{Name: "d/realisasi.toml"},
		{Name: "d/two.toml"},
	}), 1, func(_ context.Context, j Job) error {
		switch j.Name {
		case "d/bad.toml":
			return errors.New("d/bad.toml:3:9: tahun: \"dua\" is not a year")
		case "d/realisasi.toml":
			return Skip("a realisasi file, not an agreement")
		case "d/two.toml":
			return errors.New("first problem\nsecond problem")
		}
		return nil
	}, p)
	if got, want := out.String(), "ok  d/a.toml -> out/a.pdf\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	want := "FAIL d/bad.toml:3:9: tahun: \"dua\" is not a year\n" +
		"FAIL d/two.toml: first problem\n  second problem\n" +
		"skip 1 file (a realisasi file, not an agreement): d/realisasi.toml\n" +
		s.String() + "\nfailed:\n  d/bad.toml\n  d/two.toml\n"
	if errb.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errb.String(), want)
	}
}
