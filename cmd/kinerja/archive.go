package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"kinerja/archive"
	"kinerja/batch"
	"kinerja/pesan"
)

// archiveUsage is the synopsis of 'kinerja archive'.
const archiveUsage = `usage:
  kinerja archive add FILE.pdf... [--dir DIR] [--trust CA.pem ...] [--allow-unsigned] [--allow-incomplete]
  kinerja archive verify [--dir DIR] [--trust CA.pem ...]
  kinerja archive list [--dir DIR] [--year Y] [--unit U] [--all] [--json]

add     checks each PDF as 'kinerja verify' does (signatures, re-render
        from the embedded sources, every party signed), then stores it as
        DIR/<year>/<unit>/<name>-<sha256 prefix>.pdf and appends a record to
        DIR/index.jsonl; what verify calls INVALID is refused with its
        reason; INCOMPLETE (a party has not signed) only with
        --allow-incomplete; unsigned drafts only with --allow-unsigned.
        Adding a file again is a no-op ("already archived"). A
        later signed copy of the same agreement (same year, unit, kind
        and title) is recorded as superseding the current copy. Several
        files end with a summary line, as the batch commands do.
verify  re-hashes every file, re-verifies signatures, checks the record
        chain, reports missing, altered, unindexed and invalid files and
        broken chain links; prints the head hash to keep elsewhere.
list    lists the current copies (--all: every copy, superseded ones
        too) as a table, or a JSON array with --json; --unit matches a
        part of the unit's name in any case.

DIR defaults to out/arsip. --trust replaces the system roots.
Exit status: 0 ok, 1 a file refused or a problem found, 2 bad usage.
`

// runArchive implements 'kinerja archive add|verify|list'.
func runArchive(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, pesan.Text(archiveUsage))
		return exitUsage
	}
	switch args[0] {
	case "add":
		return runArchiveAdd(args[1:], stdout, stderr)
	case "verify":
		return runArchiveVerify(args[1:], stdout, stderr)
	case "list":
		return runArchiveList(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, pesan.Text(archiveUsage))
		return exitOK
	}
	pesan.Fprintf(stderr, "kinerja archive: unknown subcommand %q\n%s", args[0], pesan.Text(archiveUsage))
	return exitUsage
}

// archiveFlags is a flag set for one archive subcommand with --dir.
func archiveFlags(name string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := newFlagSet("archive "+name, stderr, archiveUsage)
	dir := fs.String("dir", archive.DefaultDir, "archive `DIR`")
	return fs, dir
}

// openArchiveCLI loads the trust roots and opens the archive.
func openArchiveCLI(dir string, trust []string, allowUnsigned, allowIncomplete bool) (*archive.Archive, error) {
	roots, err := loadRoots(trust)
	if err != nil {
		return nil, err
	}
	return archive.Open(dir, archive.Options{Roots: roots, Now: time.Now,
		AllowUnsigned: allowUnsigned, AllowIncomplete: allowIncomplete})
}

// runArchiveAdd implements 'kinerja archive add'.
func runArchiveAdd(args []string, stdout, stderr io.Writer) int {
	fs, dir := archiveFlags("add", stderr)
	var trust trustFlag
	fs.Var(&trust, "trust", "PEM file of trusted root certificates (repeatable)")
	allow := fs.Bool("allow-unsigned", false, "archive unsigned PDFs as drafts")
	incomplete := fs.Bool("allow-incomplete", false, "archive documents not yet signed by every party")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(files) == 0 {
		pesan.Fprintf(stderr, "kinerja archive add: no PDF file given\n%s", pesan.Text(archiveUsage))
		return exitUsage
	}
	a, err := openArchiveCLI(*dir, trust, *allow, *incomplete)
	if err != nil {
		fmt.Fprintf(stderr, "kinerja archive add: %v\n", err)
		return exitBadInput
	}
	start := time.Now()
	var s batch.Summary
	for i, f := range files {
		s.Add(batch.Result{Job: batch.Job{Index: i, Name: f}, Err: addOne(a, *dir, f, stdout, stderr)})
	}
	if len(files) > 1 {
		s.Elapsed = time.Since(start)
		(&batch.Plain{Out: stdout, Err: stderr}).Finish(s)
	}
	if s.Failed > 0 {
		return exitBadInput
	}
	return exitOK
}

// alreadyArchived is the skip reason of a file whose copy is archived.
const alreadyArchived = "already archived"

// addOne archives one file and prints the outcome; it returns nil when it
// was added, a batch skip when it was already archived, else the error
// (printed).
func addOne(a *archive.Archive, dir, file string, stdout, stderr io.Writer) error {
	e, added, err := a.Add(file)
	if err != nil {
		fmt.Fprintf(stderr, "kinerja %v\n", err) // "archive add FILE: reason"
		return err
	}
	stored := filepath.Join(dir, filepath.FromSlash(e.Path))
	switch {
	case !added:
		fmt.Fprintf(stdout, "%s %s as %s\n", alreadyArchived, file, stored)
		return batch.Skip(alreadyArchived)
	case e.Draft:
		pesan.Fprintf(stdout, "archived %s as %s (unsigned draft)\n", file, stored)
	default:
		pesan.Fprintf(stdout, "archived %s as %s (%s)%s\n", file, stored, signerList(e), supersedeNote(e))
	}
	return nil
}

// signerList is "pertama NAME, kedua NAME", or "draft".
func signerList(e archive.Entry) string {
	if e.Draft {
		return "draft"
	}
	var parts []string
	for _, s := range e.Signers {
		parts = append(parts, strings.TrimSpace(s.Party+" "+s.Name))
	}
	return strings.Join(parts, ", ")
}

// runArchiveVerify implements 'kinerja archive verify'.
func runArchiveVerify(args []string, stdout, stderr io.Writer) int {
	fs, dir := archiveFlags("verify", stderr)
	var trust trustFlag
	fs.Var(&trust, "trust", "PEM file of trusted root certificates (repeatable)")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		pesan.Fprintf(stderr, "kinerja archive verify: unexpected argument %q\n%s", rest[0], pesan.Text(archiveUsage))
		return exitUsage
	}
	a, err := openArchiveCLI(*dir, trust, false, false)
	if err != nil {
		fmt.Fprintf(stderr, "kinerja archive verify: %v\n", err)
		return exitBadInput
	}
	rep, err := a.Verify()
	if err != nil {
		fmt.Fprintf(stderr, "kinerja archive verify: %v\n", err)
		return exitBadInput
	}
	writeArchiveReport(stdout, *dir, rep)
	if !rep.OK() {
		return exitBadInput
	}
	return exitOK
}

// writeArchiveReport prints problems, warnings and the summary.
func writeArchiveReport(w io.Writer, dir string, rep *archive.VerifyReport) {
	for _, p := range rep.Problems {
		fmt.Fprintf(w, "PROBLEM %s\n", p)
	}
	for _, p := range rep.Warnings {
		pesan.Fprintf(w, "warning %s\n", p)
	}
	status := "OK"
	if !rep.OK() {
		status = "FAILED"
	}
	pesan.Fprintf(w, "archive %s: %s: %d records, %d files verified (%d drafts, hash only), %d problems, %d warnings\n",
		dir, status, rep.Records, rep.Verified, rep.Drafts, len(rep.Problems), len(rep.Warnings))
	pesan.Fprintf(w, "head %s (keep this hash elsewhere to detect a rewritten index)\n", rep.Head)
}

// runArchiveList implements 'kinerja archive list'.
func runArchiveList(args []string, stdout, stderr io.Writer) int {
	fs, dir := archiveFlags("list", stderr)
	year := fs.Int("year", 0, "only entries of this year")
	unit := fs.String("unit", "", "only entries whose unit name contains `TEXT` (any case)")
	all := fs.Bool("all", false, "also the copies a later copy of the same agreement supersedes")
	asJSON := fs.Bool("json", false, "print a JSON array")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		pesan.Fprintf(stderr, "kinerja archive list: unexpected argument %q\n%s", rest[0], pesan.Text(archiveUsage))
		return exitUsage
	}
	a, err := archive.Open(*dir, archive.Options{})
	if err == nil {
		var es []archive.Entry
		if es, err = a.List(archive.Filter{Year: *year, Unit: *unit, All: *all}); err == nil {
			err = writeList(stdout, es, *asJSON)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "kinerja archive list: %v\n", err)
		return exitBadInput
	}
	return exitOK
}

// writeList prints entries as a table or a JSON array.
func writeList(w io.Writer, es []archive.Entry, asJSON bool) error {
	if asJSON {
		b, err := json.MarshalIndent(es, "", "  ")
		if err != nil {
			return pesan.Errorf("encode list: %w", err)
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SEQ\tYEAR\tUNIT\tKIND\tSIGNERS\tPATH")
	for _, e := range es {
		y := "-"
		if e.Year > 0 {
			y = fmt.Sprint(e.Year)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s%s\n", e.Seq, y, dash(e.Unit), dash(e.Kind), signerList(e), e.Path, supersedeNote(e))
	}
	return tw.Flush()
}

// supersedeNote is " (supersedes record N)" for a copy that supersedes
// another, else "".
func supersedeNote(e archive.Entry) string {
	if e.Supersedes == 0 {
		return ""
	}
	return pesan.Sprintf(" (supersedes record %d)", e.Supersedes)
}

// dash returns s, or "-" when s is empty.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
