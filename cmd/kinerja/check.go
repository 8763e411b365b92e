package main

import (
	"fmt"
	"io"
)

// runCheck implements 'kinerja check'. (placeholder until the check command lands)
func runCheck(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "kinerja check: not implemented yet")
	return exitUsage
}
