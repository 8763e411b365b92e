package main

import (
	"fmt"
	"io"
)

// runSign implements 'kinerja sign'. (placeholder until the sign command lands)
func runSign(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "kinerja sign: not implemented yet")
	return exitUsage
}
