package main

import (
	"fmt"
	"io"
)

// runRender implements 'kinerja render'. (placeholder until the render command lands)
func runRender(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "kinerja render: not implemented yet")
	return exitUsage
}
