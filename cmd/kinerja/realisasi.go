package main

import (
	"fmt"
	"io"

	"kinerja/api"
)

// realisasiUsage is the synopsis of 'kinerja realisasi'.
const realisasiUsage = `usage: kinerja realisasi formulir AGREEMENT.toml --triwulan N -o FORM.xlsx [--realisasi REALISASI.toml|.xlsx]
       kinerja realisasi import FORM.xlsx --perjanjian AGREEMENT.toml -o REALISASI.toml

formulir writes the Excel form a unit fills for quarter N: the indicators,
targets and earlier quarters' realisasi locked, the quarter's realisasi,
kendala, tindak lanjut, pagu and realisasi anggaran open, instructions in
Indonesian on the first sheet. --realisasi fills in what is already
reported. import checks a filled form as a realisasi TOML is checked
(problems as FORM.xlsx: Sheet!CELL: field: ...) and writes the TOML.
'kinerja report AGREEMENT.toml FORM.xlsx --triwulan N' reads a form too.
`

// runRealisasi implements 'kinerja realisasi'.
func runRealisasi(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, realisasiUsage)
		return exitUsage
	}
	switch args[0] {
	case "formulir":
		return runFormulir(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stderr, realisasiUsage)
		return exitOK
	}
	fmt.Fprintf(stderr, "kinerja realisasi: unknown subcommand %q; expected formulir or import\n%s", args[0], realisasiUsage)
	return exitUsage
}

// usageError prints a usage problem with the synopsis.
func usageError(stderr io.Writer, cmd, problem, synopsis string) int {
	fmt.Fprint(stderr, "kinerja "+cmd+": "+problem+"\n"+synopsis)
	return exitUsage
}

// runFormulir implements 'kinerja realisasi formulir'.
func runFormulir(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("realisasi formulir", stderr, realisasiUsage)
	tw := new(int)
	quarterVar(fs, tw)
	out := fs.String("o", "", "output workbook (required)")
	rea := fs.String("realisasi", "", "realisasi reported so far (TOML or form)")
	pos, err := parseInterleaved(fs, args)
	switch {
	case err != nil:
		return flagExit(err)
	case len(pos) != 1:
		return usageError(stderr, "realisasi formulir", fmt.Sprintf("want one AGREEMENT.toml, got %d file(s)", len(pos)), realisasiUsage)
	case *tw == 0:
		return usageError(stderr, "realisasi formulir", quarterMissing(), realisasiUsage)
	case *out == "":
		return usageError(stderr, "realisasi formulir", "-o FORM.xlsx is required", realisasiUsage)
	}
	if err := api.FormulirFile(pos[0], *rea, *tw, *out); err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	fmt.Fprintln(stdout, *out)
	return exitOK
}

// runImport implements 'kinerja realisasi import'.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("realisasi import", stderr, realisasiUsage)
	agr := fs.String("perjanjian", "", "the agreement the form belongs to (required)")
	out := fs.String("o", "", "output realisasi TOML (required)")
	pos, err := parseInterleaved(fs, args)
	switch {
	case err != nil:
		return flagExit(err)
	case len(pos) != 1:
		return usageError(stderr, "realisasi import", fmt.Sprintf("want one FORM.xlsx, got %d file(s)", len(pos)), realisasiUsage)
	case *agr == "" || *out == "":
		return usageError(stderr, "realisasi import", "--perjanjian AGREEMENT.toml and -o REALISASI.toml are required", realisasiUsage)
	}
	if err := api.ImportFormFile(pos[0], *agr, *out); err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	fmt.Fprintln(stdout, *out)
	return exitOK
}
