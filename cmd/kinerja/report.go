package main

import (
	"fmt"
	"io"
)

// runReport implements 'kinerja report'. (placeholder until the report command lands)
func runReport(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "kinerja report: not implemented yet")
	return exitUsage
}
