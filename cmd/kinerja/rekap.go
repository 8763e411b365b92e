package main

import (
	"fmt"
	"io"

	"kinerja/api"
	"kinerja/report"
)

// rekapUsage is the synopsis of 'kinerja rekap'.
const rekapUsage = `usage: kinerja rekap DIR --triwulan N -o REKAP.xlsx [--pdf REKAP.pdf]

Computes the report of quarter N of every realisasi file in DIR (*.toml
with perjanjian = "AGREEMENT.toml", and filled forms *.xlsx; each with the
agreement it names) and writes the recap: a workbook with one summary row
per unit (indicators evaluated, average capaian, counts per category,
budget absorption) and a sheet of all indicators, and with --pdf a recap
PDF with a table and a chart of the units side by side. Any problem in
any file stops the run; nothing is written then.
`

// runRekap implements 'kinerja rekap'.
func runRekap(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("rekap", stderr, rekapUsage)
	tw := new(int)
	quarterVar(fs, tw)
	out := fs.String("o", "", "output workbook")
	pdf := fs.String("pdf", "", "also write the recap PDF")
	pos, err := parseInterleaved(fs, args)
	switch {
	case err != nil:
		return flagExit(err)
	case len(pos) != 1:
		return usageError(stderr, "rekap", fmt.Sprintf("want one DIR, got %d argument(s)", len(pos)), rekapUsage)
	case *tw == 0:
		return usageError(stderr, "rekap", quarterMissing(), rekapUsage)
	case *out == "" && *pdf == "":
		return usageError(stderr, "rekap", "-o REKAP.xlsx or --pdf REKAP.pdf is required", rekapUsage)
	}
	rk, err := api.RekapDir(pos[0], *tw, api.RekapPaths{XLSX: *out, PDF: *pdf})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	for _, u := range rk.Units {
		avg := "-"
		if u.Triwulan.Dievaluasi > 0 {
			avg = report.FormatPercent(u.Triwulan.RataRata)
		}
		fmt.Fprintf(stdout, "%-50s %3d/%-3d indikator dievaluasi, rata-rata %s\n", u.Nama, u.Triwulan.Dievaluasi, u.Triwulan.Indikator, avg)
	}
	for _, p := range []string{*out, *pdf} {
		if p != "" {
			fmt.Fprintln(stdout, p)
		}
	}
	return exitOK
}
