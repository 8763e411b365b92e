package main

import (
	"fmt"
	"io"
)

// runVerify implements 'kinerja verify'. (placeholder until the verify command lands)
func runVerify(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "kinerja verify: not implemented yet")
	return exitUsage
}
