package batch

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/term"
)

// Reporter receives the results of a run. Run calls it from one goroutine.
type Reporter interface {
	Done(r Result)    // one job finished
	Finish(s Summary) // all jobs finished
}

// discard is the Reporter that reports nothing.
type discard struct{}

func (discard) Done(Result)    {}
func (discard) Finish(Summary) {}

// NewReporter returns a Bar on stderr when stderr is a terminal, else Plain
// lines. With the bar, the outputs are still listed on stdout when stdout is
// not a terminal (a redirected list of what was produced).
func NewReporter(stdout, stderr io.Writer, total int, verb string) Reporter {
	width, ok := terminalWidth(stderr)
	if !ok {
		return &Plain{Out: stdout, Err: stderr}
	}
	b := NewBar(stderr, total, verb, width)
	if _, tty := terminalWidth(stdout); !tty {
		b.List = stdout
	}
	return b
}

// terminalWidth reports whether w is a terminal, and its width.
func terminalWidth(w io.Writer) (int, bool) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0, false
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width < 20 {
		width = 80
	}
	return width, true
}

// inOrder hands results on in input order: a result that finishes before
// an earlier one waits here until the earlier one has come.
type inOrder struct {
	next    int
	pending map[int]Result
}

// push adds r and returns the results now due, in input order.
func (o *inOrder) push(r Result) []Result {
	if o.pending == nil {
		o.pending = map[int]Result{}
	}
	o.pending[r.Index] = r
	var due []Result
	for {
		r, ok := o.pending[o.next]
		if !ok {
			return due
		}
		delete(o.pending, o.next)
		due = append(due, r)
		o.next++
	}
}

// rest returns the results still waiting (after a gap that never came),
// in input order.
func (o *inOrder) rest() []Result {
	rest := make([]Result, 0, len(o.pending))
	for _, r := range o.pending {
		rest = append(rest, r)
	}
	slices.SortFunc(rest, func(a, b Result) int { return a.Index - b.Index })
	o.pending = nil
	return rest
}

// Plain reports one line per job in input order: "ok  NAME -> OUT" on
// Out, "FAIL NAME: reason" on Err; skipped jobs are counted in one line
// per reason before the summary on Err.
type Plain struct {
	Out, Err io.Writer
	order    inOrder
}

// Done prints the job's line once every earlier job's line is printed.
func (p *Plain) Done(r Result) {
	for _, r := range p.order.push(r) {
		p.line(r)
	}
}

// line prints the line of one result.
func (p *Plain) line(r Result) {
	switch {
	case r.Err == nil:
		fmt.Fprintln(p.Out, okLine(r))
	case !r.Skipped():
		fmt.Fprintln(p.Err, failLine(r))
	}
}

// Finish prints the lines still held back and the summary.
func (p *Plain) Finish(s Summary) {
	for _, r := range p.order.rest() {
		p.line(r)
	}
	writeSummary(p.Err, s)
}

// okLine is "ok  NAME -> OUT" (or "ok  NAME").
func okLine(r Result) string {
	if r.Out == "" {
		return "ok  " + r.Name
	}
	return "ok  " + r.Name + " -> " + r.Out
}

// failLine is "FAIL NAME: reason". A reason that already starts with
// NAME (FILE:LINE:COL: ...) is not prefixed twice; continuation lines are
// indented.
func failLine(r Result) string {
	msg := r.Err.Error()
	if !strings.HasPrefix(msg, r.Name+":") {
		msg = r.Name + ": " + msg
	}
	return "FAIL " + strings.ReplaceAll(strings.TrimRight(msg, "\n"), "\n", "\n  ")
}

// writeSummary prints one line per reason files were skipped for, the
// summary line and, when some failed, their names.
func writeSummary(w io.Writer, s Summary) {
	for _, line := range skipLines(s.Failures) {
		fmt.Fprintln(w, line)
	}
	fmt.Fprintln(w, s.String())
	if s.Failed == 0 {
		return
	}
	fmt.Fprintln(w, "failed:")
	for _, r := range s.Failures {
		if !r.Skipped() {
			fmt.Fprintln(w, "  "+r.Name)
		}
	}
}

// maxSkipNames is how many names a skip line lists.
const maxSkipNames = 3

// skipLines returns one line per reason of the skipped results, in the
// order the reasons first occur: "skip 2 files (REASON): a, b".
func skipLines(rs []Result) []string {
	var reasons []string
	names := map[string][]string{}
	for _, r := range rs {
		if !r.Skipped() {
			continue
		}
		why := r.Err.Error()
		if _, seen := names[why]; !seen {
			reasons = append(reasons, why)
		}
		names[why] = append(names[why], r.Name)
	}
	lines := make([]string, len(reasons))
	for i, why := range reasons {
		lines[i] = skipLine(why, names[why])
	}
	return lines
}

// skipLine is the line of the files skipped for one reason.
func skipLine(why string, names []string) string {
	list := strings.Join(names[:min(len(names), maxSkipNames)], ", ")
	if more := len(names) - maxSkipNames; more > 0 {
		list = fmt.Sprintf("%s and %d more", list, more)
	}
	return fmt.Sprintf("skip %d %s (%s): %s", len(names), plural(len(names), "file", "files"), why, list)
}

// plural returns one or many by n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Bar is a one-line progress display on a terminal:
//
//	[=========>          ] 412/1000 render pk-2021-…-bppbj.toml
//
// redrawn in place with \r at most once per Interval (and always for the
// last job), counting every job as it finishes. Failures are printed on
// lines of their own above it and the List in input order (held back
// until every earlier job has finished); Finish erases it and prints the
// skip lines and the summary.
type Bar struct {
	W        io.Writer
	List     io.Writer // if set, "OUT" (or NAME) of every success is written here
	Total    int
	Verb     string
	Width    int              // terminal columns
	Interval time.Duration    // minimum time between redraws
	Now      func() time.Time // clock
	done     int
	last     time.Time
	drawn    bool
	order    inOrder
}

// NewBar returns a bar for total jobs on a terminal width columns wide,
// redrawing at most ten times a second.
func NewBar(w io.Writer, total int, verb string, width int) *Bar {
	return &Bar{W: w, Total: total, Verb: verb, Width: width, Interval: 100 * time.Millisecond, Now: time.Now}
}

// Done counts the job, prints it above the bar if it failed, and redraws
// the bar when the interval has passed.
func (b *Bar) Done(r Result) {
	b.done++
	for _, r := range b.order.push(r) {
		b.line(r)
	}
	now := b.Now()
	if b.drawn && now.Sub(b.last) < b.Interval && b.done != b.Total {
		return
	}
	b.last, b.drawn = now, true
	fmt.Fprint(b.W, "\r"+b.Line(r.Name)+"\x1b[K")
}

// line prints a failure above the bar, or lists a success.
func (b *Bar) line(r Result) {
	switch {
	case r.Err != nil && !r.Skipped():
		fmt.Fprint(b.W, "\r\x1b[K"+failLine(r)+"\n")
		b.drawn = false
	case r.Err == nil && b.List != nil:
		fmt.Fprintln(b.List, cmpOr(r.Out, r.Name))
	}
}

// Finish prints the lines still held back, erases the bar and prints the
// summary.
func (b *Bar) Finish(s Summary) {
	for _, r := range b.order.rest() {
		b.line(r)
	}
	if b.drawn {
		fmt.Fprint(b.W, "\r\x1b[K")
	}
	writeSummary(b.W, s)
}

// Line is the bar text for the current count with name as the latest job,
// cut to fit the width.
func (b *Bar) Line(name string) string {
	count := fmt.Sprintf("%d/%d", b.done, b.Total)
	bar := bar(b.done, b.Total, 20)
	room := b.Width - 1 - len(bar) - 1 - len(count) - 1 - utf8.RuneCountInString(b.Verb) - 1
	return bar + " " + count + " " + b.Verb + " " + shorten(name, room)
}

// bar is "[=====>    ]" with width cells between the brackets.
func bar(done, total, width int) string {
	if total <= 0 {
		return "[" + strings.Repeat(" ", width) + "]"
	}
	n := min(done*width/total, width)
	switch {
	case n == width:
		return "[" + strings.Repeat("=", width) + "]"
	case n == 0:
		return "[>" + strings.Repeat(" ", width-1) + "]"
	}
	return "[" + strings.Repeat("=", n-1) + ">" + strings.Repeat(" ", width-n) + "]"
}

// shorten cuts s to at most n runes by replacing its middle with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	switch {
	case len(r) <= n:
		return s
	case n < 3:
		return ""
	}
	head := (n - 1) / 2
	tail := n - 1 - head
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

// cmpOr returns a if not empty, else b.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
