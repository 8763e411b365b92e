// Command kinerja turns a Perjanjian Kinerja written as TOML into the formal
// PDF, signs it for both parties, verifies signatures and reports quarterly
// achievement. See README.md.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"kinerja/pesan"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// Exit codes.
const (
	exitOK       = 0
	exitBadInput = 1 // bad input file, failed verification, failed signing
	exitUsage    = 2 // bad command line
)

// command is one subcommand: it gets the arguments after its name.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands lists the subcommands in the order shown by help.
func commands() []command {
	return []command{
		{"init", "start an agreement: a commented template, or next year's from this year's", runInit},
		{"check", "validate agreement TOML files", runCheck},
		{"render", "render an agreement TOML to PDF", runRender},
		{"keys", "create development keys (keys dev DIR)", runKeys},
		{"sign", "sign a PDF for PIHAK PERTAMA and/or PIHAK KEDUA", runSign},
		{"verify", "verify the signatures of a PDF", runVerify},
		{"timestamp", "renew a signed PDF for the archive (document timestamp, PAdES B-LTA)", runTimestamp},
		{"extract", "write out the files embedded in a PDF", runExtract},
		{"report", "quarterly achievement report", runReport},
		{"realisasi", "Excel form for realisasi: formulir, import", runRealisasi},
		{"rekap", "recap of many units' reports (workbook, PDF)", runRekap},
		{"xlsx", "agreement as a workbook: export, import", runXlsx},
		{"archive", "store, list and verify signed copies", runArchive},
		{"version", "print the version and the render format", runVersion},
	}
}

// run is the whole program; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	args, err := setLanguage(args, os.Getenv)
	if err != nil {
		fmt.Fprintln(stderr, "kinerja: "+err.Error())
		return exitUsage
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintln(stderr, "kinerja: "+unknownCommand(args[0]))
	return exitUsage
}

// unknownCommand says that name is no command, suggesting the nearest.
func unknownCommand(name string) string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	if best := nearest(name, names); best != "" {
		return text(msgUnknownCommandDYM, name, best)
	}
	return text(msgUnknownCommand, name)
}

// usage prints the command list.
func usage(w io.Writer) {
	fmt.Fprintln(w, text(msgUsageTop))
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, pesan.Text(c.summary))
	}
}

// flagExit is the exit status after a flag parsing error: 0 when the user
// asked for help (-h, --help), else the usage error status.
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

// setLanguage sets the language of every message: --bahasa id|en
// anywhere in args (removed from the returned args), else the locale of
// LC_ALL, LC_MESSAGES or LANG.
func setLanguage(args []string, getenv func(string) string) ([]string, error) {
	pesan.SetLanguage(pesan.FromEnv(getenv))
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if !strings.HasPrefix(args[i], "-") || name != "bahasa" {
			out = append(out, args[i])
			continue
		}
		if !hasValue && i+1 < len(args) {
			i++
			value, hasValue = args[i], true
		}
		l, ok := pesan.Parse(value)
		if !hasValue || !ok {
			return nil, errors.New(pesan.Sprintf("--bahasa %s: expected id (Bahasa Indonesia) or en (English)", value))
		}
		pesan.SetLanguage(l)
	}
	return out, nil
}
