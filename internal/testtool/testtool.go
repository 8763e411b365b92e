// Package testtool is for tests that check our PDFs with outside tools
// (poppler-utils, qpdf, mupdf-tools, libnss3-tools, softhsm2): a missing
// tool fails the test in CI and skips it, loudly, elsewhere.
package testtool

import (
	"os"
	"os/exec"
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
