// Package testtool is for tests that check our PDFs with outside tools
// (poppler-utils, qpdf, mupdf-tools, libnss3-tools, softhsm2): a missing
// tool fails the test in CI and skips it, loudly, elsewhere.
package testtool

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"testing"
)

// Require returns the path of the outside tool name. When it is not
// installed, the test fails if the environment variable CI is set (CI must
// never pass because a tool is missing) and is skipped with a loud message
// otherwise.
func Require(tb testing.TB, name string) string {
	tb.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") != "" {
		tb.Fatalf("required tool %s is not installed (CI is set; .ci/run installs it)", name)
	}
	tb.Skipf("\n\n*** SKIPPED: tool %s is not installed; install poppler-utils qpdf mupdf-tools libnss3-tools softhsm2 to run this check ***\n", name)
	return ""
}

// SmallDisk mounts a tmpfs of size bytes on a new temporary directory and
// returns it, for disk-full tests; it is unmounted when the test ends.
// Mounting needs root: when it fails the test fails under CI (CI runs as
// root) and is skipped, loudly, elsewhere.
func SmallDisk(tb testing.TB, size int) string {
	tb.Helper()
	dir := tb.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+strconv.Itoa(size), "tmpfs", dir).CombinedOutput()
	if err != nil {
		msg := fmt.Sprintf("cannot mount a %d-byte tmpfs for a disk-full test: %v: %s", size, err, out)
		if os.Getenv("CI") != "" {
			tb.Fatal(msg + " (CI is set; it runs as root)")
		}
		tb.Skipf("\n\n*** SKIPPED: %s ***\n", msg)
	}
	tb.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}
