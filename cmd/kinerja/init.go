package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"kinerja/api"
)

// initUsage is the synopsis of 'kinerja init'.
var initUsage = `usage: kinerja init FILE.toml [--bentuk ` + strings.Join(api.Bentuk(), "|") + `] [--tahun N] [--force]
       kinerja init --dari PK-LAST.toml --tahun N -o PK-NEXT.toml [--force]

The first form writes a new agreement with every key explained in
Indonesian and <<...>> placeholders that 'kinerja check' refuses until they
are filled; --bentuk picks the form variant (default triwulan), --tahun the
year (default the current one). The second starts next year's agreement
from this year's: the same parties, sasaran, indicators (kode kept) and
rules, targets, date and number cleared to placeholders. An existing file is
never replaced without --force.
`

// runInit implements 'kinerja init'.
func runInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("init", stderr, initUsage)
	bentuk := fs.String("bentuk", api.BentukTriwulan, "form variant: "+strings.Join(api.Bentuk(), ", "))
	tahun := fs.Int("tahun", 0, "the agreement's year")
	dari := fs.String("dari", "", "last year's agreement to start from")
	out := fs.String("o", "", "output file (instead of FILE.toml)")
	force := fs.Bool("force", false, "replace an existing output file")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	target, problem := initTarget(pos, *out)
	if problem == "" && *dari != "" && *tahun == 0 {
		problem = "--dari needs --tahun N, the year of the new agreement"
	}
	if problem != "" {
		return usageError(stderr, "init", problem, initUsage)
	}
	if *dari != "" {
		err = api.RolloverFile(*dari, *tahun, target, *force)
	} else {
		if *tahun == 0 {
			*tahun = time.Now().Year()
		}
		err = api.InitFile(target, api.InitOptions{Bentuk: *bentuk, Tahun: *tahun, Force: *force})
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	fmt.Fprintln(stdout, target)
	return exitOK
}

// initTarget is the output file: FILE.toml or -o, exactly one of them.
func initTarget(pos []string, out string) (string, string) {
	switch {
	case len(pos) == 1 && out == "":
		return pos[0], ""
	case len(pos) == 0 && out != "":
		return out, ""
	case len(pos) > 1:
		return "", fmt.Sprintf("want one output FILE.toml, got %d", len(pos))
	case len(pos) == 1:
		return "", "give the output once: FILE.toml or -o FILE.toml"
	}
	return "", "missing the output FILE.toml"
}
