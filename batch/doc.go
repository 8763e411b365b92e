// Package batch runs one operation (render, sign, report) over many files
// on all cores, reports each result in input order, and sums them up.
//
// [Run] takes the jobs as an iterator and feeds them through an unbuffered
// channel to a fixed number of workers; results come back through a
// channel of the same size as the pool. At any moment at most 2×workers+2
// jobs are in flight or waiting to be reported, so memory does not grow
// with the number of files (but see Order): a job holds only its names, and whatever a
// worker reads or produces is garbage once the job is done. Only failed
// and skipped jobs are kept (name and error) for the [Summary].
//
// Order. Results reach the [Reporter] as the jobs finish, not in input
// order, so that a progress bar moves steadily; the reporters then print
// their lines in input order: a result that finishes before an earlier
// one is held back until the earlier one has come (the bar still counts
// it at once). Each [Result] carries its input position (Job.Index), and
// Summary.Failures is sorted by it, so the output is deterministic
// whatever the timing. The price: behind one slow file the lines of every
// file finished since wait in memory (a name and an error each).
//
// A panic in a job becomes that job's error; the other jobs go on. When the
// context is cancelled no new job starts, jobs already running finish, and
// the summary says how many were never run.
//
// Progress. [NewReporter] picks a [Bar] (one line redrawn with \r at most
// ten times a second, failures printed above it) when stderr is a
// terminal, else [Plain] lines: "ok  FILE -> OUT" on stdout, "FAIL FILE:
// reason" on stderr. Skipped files get no line each: one line per reason,
// "skip 3 files (REASON): a, b, c", comes before the summary line both end
// with on stderr: "1000 files: 999 ok, 1 failed (12.3 s, 81 files/s)".
//
// Known limits: the bar is drawn from completions only, so a single slow
// job (a TSA timeout) freezes it until the job ends; the bar assumes a
// terminal that understands \r and the "erase line" sequence ESC [K. [Inputs]
// lists a directory's names in memory (names only, a few bytes a file).
package batch
