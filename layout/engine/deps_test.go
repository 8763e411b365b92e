package engine

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestNoModelImports checks that the engine knows nothing of the models or
// of PDF: none of kinerja/data, kinerja/report or a PDF package is among
// its dependencies, so templates depend on the engine and never the other
// way round.
func TestNoModelImports(t *testing.T) {
	//lint:ignore SA1019 the go command that built this test is the one to ask
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	out, err := exec.Command(gobin, "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 5 || !slices.Contains(deps, "kinerja/layout/engine") {
		t.Fatalf("go list -deps gave %d packages without the engine itself: %q", len(deps), out)
	}
	for _, d := range deps {
		if d == "kinerja/data" || d == "kinerja/report" || d == "kinerja/layout" || strings.Contains(d, "pdf") {
			t.Errorf("the engine depends on %s", d)
		}
	}
}
