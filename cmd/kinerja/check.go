package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"kinerja/data"
)

// checkUsage is the synopsis of 'kinerja check'.
const checkUsage = `usage: kinerja check FILE.toml...

Validates each agreement and prints "FILE: ok (N sasaran, M indikator)" for
a good one. Every problem of a bad one goes to stderr as
FILE:LINE:COL: field: what is wrong, what was expected.
Exit status: 0 all good, 1 some file bad, 2 bad usage.
`

// runCheck implements 'kinerja check'.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, checkUsage) }
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(files) == 0 {
		fmt.Fprint(stderr, "kinerja check: no input file\n"+checkUsage)
		return exitUsage
	}
	code := exitOK
	for _, f := range files {
		if !checkOne(f, stdout, stderr) {
			code = exitBadInput
		}
	}
	return code
}

// checkOne validates one file and reports it; it returns whether it is good.
func checkOne(path string, stdout, stderr io.Writer) bool {
	a, err := data.DecodeFile(path)
	var problems data.Errors
	switch {
	case errors.As(err, &problems):
		fmt.Fprintln(stderr, problems.Error())
		return false
	case err != nil:
		fmt.Fprintf(stderr, "kinerja check: %v\n", err)
		return false
	}
	s, n := a.IndicatorCount()
	fmt.Fprintf(stdout, "%s: ok (%d sasaran, %d indikator)\n", path, s, n)
	return true
}
