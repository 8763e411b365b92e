package main

import (
	"errors"
	"fmt"
	"io"

	"kinerja/api"
	"kinerja/data"
	"kinerja/report"
)

// checkUsage is the synopsis of 'kinerja check'.
const checkUsage = `usage: kinerja check FILE.toml...

Validates each agreement and prints "FILE: ok (N sasaran, M indikator)" for
a good one. A realisasi file (with perjanjian or [[realisasi]] and no
pihak_pertama) is validated against the agreement its perjanjian key
names: "FILE: ok (realisasi, N entri, AGREEMENT)". Every problem of a bad one goes to stderr as
FILE:LINE:COL: field: what is wrong, what was expected.
Exit status: 0 all good, 1 some file bad, 2 bad usage.
`

// runCheck implements 'kinerja check'.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", stderr, checkUsage)
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
	if notAgreement(path) != "" {
		return checkRealisasi(path, stdout, stderr)
	}
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

// checkRealisasi validates a realisasi file against the agreement its
// perjanjian key names; it returns whether both are good.
func checkRealisasi(path string, stdout, stderr io.Writer) bool {
	agr, err := api.AgreementOf(path)
	if err != nil {
		fmt.Fprintf(stderr, "kinerja check: %v\n", err)
		return false
	}
	a, err := data.DecodeFile(agr)
	if err == nil {
		var r *report.Realisasi
		if r, err = report.DecodeFile(path, a); err == nil {
			fmt.Fprintf(stdout, "%s: ok (realisasi, %d entri, %s)\n", path, len(r.Entries), agr)
			return true
		}
	}
	var problems data.Errors
	if errors.As(err, &problems) {
		fmt.Fprintln(stderr, problems.Error())
	} else {
		fmt.Fprintf(stderr, "kinerja check: %v\n", err)
	}
	return false
}
