//go:build unix

package testtool

import (
	"syscall"
	"time"
)

// ProcessCPU returns the user plus system CPU time of this process so
// far; a benchmark on a shared machine divides it by its documents for a
// figure that other processes' load does not inflate.
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
