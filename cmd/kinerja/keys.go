package main

import (
	"fmt"
	"io"
)

// runKeys implements 'kinerja keys'. (placeholder until the keys command lands)
func runKeys(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "kinerja keys: not implemented yet")
	return exitUsage
}
