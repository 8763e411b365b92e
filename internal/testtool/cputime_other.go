//go:build !unix

package testtool

import "time"

// ProcessCPU is not measured on this system.
func ProcessCPU() time.Duration { return 0 }
