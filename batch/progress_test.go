package batch

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fakeTerm interprets what a bar writes the way a terminal would: \r
// returns to the start of the line, ESC [K erases to its end, \n moves to a
// new line. It counts redraws (\r followed by "[").
type fakeTerm struct {
	lines   []string // finished lines
	cur     []rune
	col     int
	redraws int
}

func (f *fakeTerm) Write(p []byte) (int, error) {
	s := string(p)
	for s != "" {
		switch {
		case strings.HasPrefix(s, "\x1b[K"):
			f.cur = f.cur[:f.col]
			s = s[3:]
			continue
		case s[0] == '\r':
			f.col = 0
			if strings.HasPrefix(s[1:], "[") {
				f.redraws++
			}
		case s[0] == '\n':
			f.lines = append(f.lines, string(f.cur))
			f.cur, f.col = nil, 0
		default:
			r, n := utf8.DecodeRuneInString(s)
			if f.col < len(f.cur) {
				f.cur[f.col] = r
			} else {
				f.cur = append(f.cur, r)
			}
			f.col++
			s = s[n:]
			continue
		}
		s = s[1:]
	}
	return len(p), nil
}

// screen is what the terminal shows: finished lines and the current one.
func (f *fakeTerm) screen() string {
	return strings.Join(append(append([]string(nil), f.lines...), string(f.cur)), "\n")
}

// fakeClock advances by step on every call.
func fakeClock(step time.Duration) func() time.Time {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(step); return t }
}

func TestBarRedrawsAtMostTenTimesASecond(t *testing.T) {
	term := &fakeTerm{}
	b := NewBar(term, 1000, "render", 80)
	b.Now = fakeClock(10 * time.Millisecond) // 1000 jobs in 10 s
	for i := range 1000 {
		b.Done(Result{Job: Job{Index: i, Name: "pk.toml"}})
	}
	// 10 s at 10 redraws/s, plus the final one.
	if term.redraws < 95 || term.redraws > 102 {
		t.Errorf("%d redraws for 10 s, want about 100", term.redraws)
	}
	want := "[====================] 1000/1000 render pk.toml"
	if got := term.screen(); got != want {
		t.Errorf("screen %q, want %q", got, want)
	}
}

func TestBarPrintsFailuresAboveAndSummaryAtEnd(t *testing.T) {
	term := &fakeTerm{}
	var list bytes.Buffer
	b := NewBar(term, 4, "render", 60)
	b.List = &list
	b.Now = fakeClock(time.Second)
	b.Done(Result{Job: Job{Index: 0, Name: "a.toml", Out: "out/a.pdf"}})
	if got, want := term.screen(), "[====>               ] 1/4 render a.toml"; got != want {
		t.Errorf("after 1: %q, want %q", got, want)
	}
	bad := Result{Job: Job{Index: 1, Name: "b.toml"}, Err: errors.New("b.toml:3:1: broken")}
	b.Done(bad)
	if got, want := term.screen(), "FAIL b.toml:3:1: broken\n[=========>          ] 2/4 render b.toml"; got != want {
		t.Errorf("after failure: %q, want %q", got, want)
	}
	b.Done(Result{Job: Job{Index: 2, Name: "c.toml", Out: "out/c.pdf"}})
	b.Done(Result{Job: Job{Index: 3, Name: "d.toml", Out: "out/d.pdf"}})
	s := Summary{Total: 4, OK: 3, Failed: 1, Elapsed: 2 * time.Second, Failures: []Result{bad}}
	b.Finish(s)
	want := "FAIL b.toml:3:1: broken\n4 files: 3 ok, 1 failed (2.0 s, 2 files/s)\nfailed:\n  b.toml\n"
	if got := term.screen(); got != want {
		t.Errorf("final screen %q, want %q", got, want)
	}
	if got := list.String(); got != "out/a.pdf\nout/c.pdf\nout/d.pdf\n" {
		t.Errorf("list %q", got)
	}
}

func TestBarLineFitsWidth(t *testing.T) {
	b := NewBar(&fakeTerm{}, 1000, "render", 60)
	b.done = 412
	long := "agreements/2021/pk-2021-dinas-penanaman-modal-dan-pelayanan-terpadu-satu-pintu.toml"
	line := b.Line(long)
	if n := utf8.RuneCountInString(line); n != 59 {
		t.Errorf("line %q has %d runes, want 59 (width-1)", line, n)
	}
	if !strings.HasPrefix(line, "[=======>            ] 412/1000 render agre") || !strings.HasSuffix(line, "pintu.toml") || !strings.Contains(line, "…") {
		t.Errorf("line %q", line)
	}
}

func TestBarShapes(t *testing.T) {
	cases := []struct {
		done, total int
		want        string
	}{
		{0, 10, "[>    ]"}, {1, 10, "[>    ]"}, {2, 10, "[>    ]"}, {5, 10, "[=>   ]"},
		{9, 10, "[===> ]"}, {10, 10, "[=====]"}, {3, 0, "[     ]"},
	}
	for _, c := range cases {
		if got := bar(c.done, c.total, 5); got != c.want {
			t.Errorf("bar(%d, %d) = %q, want %q", c.done, c.total, got, c.want)
		}
	}
	for _, c := range []struct {
		s    string
		n    int
		want string
	}{{"abcdef", 6, "abcdef"}, {"abcdefgh", 5, "ab…gh"}, {"abcdefgh", 2, ""}, {"åbçdéfgh", 4, "å…gh"}} {
		if got := shorten(c.s, c.n); got != c.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}

func TestNewReporterPlainWhenNotATerminal(t *testing.T) {
	var out, errb bytes.Buffer
	if _, ok := NewReporter(&out, &errb, 3, "render").(*Plain); !ok {
		t.Error("a buffer got a progress bar")
	}
}

// TestPlainInInputOrder feeds results in a scrambled order: the lines come
// out in input order, each as soon as every earlier one has come, and the
// skipped files are counted in one line per reason.
func TestPlainInInputOrder(t *testing.T) {
	var out, errb bytes.Buffer
	p := &Plain{Out: &out, Err: &errb}
	res := func(i int, err error) Result {
		return Result{Job: Job{Index: i, Name: fmt.Sprintf("f%d.toml", i), Out: fmt.Sprintf("f%d.pdf", i)}, Err: err}
	}
	skip := Skip("a realisasi file")
	p.Done(res(2, nil))
	p.Done(res(1, errors.New("broken")))
	if out.Len()+errb.Len() != 0 {
		t.Fatalf("printed before the first result came: %q %q", out.String(), errb.String())
	}
	p.Done(res(0, nil))
	if got, want := out.String(), "ok  f0.toml -> f0.pdf\nok  f2.toml -> f2.pdf\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	for _, i := range []int{6, 4, 3, 7, 5} {
		p.Done(res(i, skip))
	}
	p.Done(res(9, nil)) // 8 never comes (interrupted): Finish prints 9 anyway
	s := Summary{Total: 9, OK: 3, Failed: 1, Skipped: 5, Elapsed: time.Second,
		Failures: []Result{res(1, errors.New("broken")), res(3, skip), res(4, skip), res(5, skip), res(6, skip), res(7, skip)}}
	p.Finish(s)
	if got, want := out.String(), "ok  f0.toml -> f0.pdf\nok  f2.toml -> f2.pdf\nok  f9.toml -> f9.pdf\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	want := "FAIL f1.toml: broken\n" +
		"skip 5 files (a realisasi file): f3.toml, f4.toml, f5.toml and 2 more\n" +
		"9 files: 3 ok, 5 skipped, 1 failed (1.0 s, 9 files/s)\nfailed:\n  f1.toml\n"
	if errb.String() != want {
		t.Errorf("stderr:\n%q\nwant:\n%q", errb.String(), want)
	}
}

// TestBarCountsAtOnceListsInOrder checks that the bar counts a result the
// moment it comes while its failure line waits for the earlier results.
func TestBarCountsAtOnceListsInOrder(t *testing.T) {
	term := &fakeTerm{}
	var list bytes.Buffer
	b := NewBar(term, 3, "render", 60)
	b.List = &list
	b.Now = fakeClock(time.Second)
	b.Done(Result{Job: Job{Index: 2, Name: "c.toml", Out: "out/c.pdf"}})
	b.Done(Result{Job: Job{Index: 1, Name: "b.toml"}, Err: errors.New("b.toml:3:1: broken")})
	if got, want := term.screen(), "[============>       ] 2/3 render b.toml"; got != want || list.Len() != 0 {
		t.Errorf("after two: %q (list %q), want %q and nothing listed", got, list.String(), want)
	}
	b.Done(Result{Job: Job{Index: 0, Name: "a.toml", Out: "out/a.pdf"}})
	if got, want := term.screen(), "FAIL b.toml:3:1: broken\n[====================] 3/3 render a.toml"; got != want {
		t.Errorf("after all: %q, want %q", got, want)
	}
	if got := list.String(); got != "out/a.pdf\nout/c.pdf\n" {
		t.Errorf("list %q", got)
	}
}
