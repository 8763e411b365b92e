package main

import (
	"fmt"
	"io"

	"kinerja/api"
)

// xlsxUsage is the synopsis of 'kinerja xlsx'.
const xlsxUsage = `usage: kinerja xlsx export AGREEMENT.toml -o AGREEMENT.xlsx
       kinerja xlsx import AGREEMENT.xlsx -o AGREEMENT.toml [--force]

export writes the agreement as a workbook for review and editing: the
sheets Identitas (document and parties), Indikator (sasaran, indicators,
targets per quarter) and Program (budget). import reads it back, checks it
as 'kinerja check' does (problems as AGREEMENT.xlsx: Sheet!CELL: field: ...)
and writes the TOML; an existing TOML is not replaced without --force.
`

// runXlsx implements 'kinerja xlsx'.
func runXlsx(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, xlsxUsage)
		return exitUsage
	}
	switch args[0] {
	case "export", "import":
		return runXlsxConvert(args[0], args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stderr, xlsxUsage)
		return exitOK
	}
	fmt.Fprintf(stderr, "kinerja xlsx: unknown subcommand %q; expected export or import\n%s", args[0], xlsxUsage)
	return exitUsage
}

// runXlsxConvert implements 'kinerja xlsx export' and 'kinerja xlsx import'.
func runXlsxConvert(sub string, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("xlsx "+sub, stderr, xlsxUsage)
	out := fs.String("o", "", "output file (required)")
	force := fs.Bool("force", false, "import: replace an existing TOML")
	pos, err := parseInterleaved(fs, args)
	switch {
	case err != nil:
		return flagExit(err)
	case len(pos) != 1:
		return usageError(stderr, "xlsx "+sub, fmt.Sprintf("want one input file, got %d", len(pos)), xlsxUsage)
	case *out == "":
		return usageError(stderr, "xlsx "+sub, "-o FILE is required", xlsxUsage)
	}
	if sub == "export" {
		err = api.ExportAgreementFile(pos[0], *out)
	} else {
		err = api.ImportAgreementFile(pos[0], *out, *force)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	fmt.Fprintln(stdout, *out)
	return exitOK
}
