// Package testsample gives tests the repository's sample agreement and
// realisasi (data/pk-2021-bppbj.toml, data/realisasi-2021-bppbj.toml),
// found from this file's place in the module rather than from each test
// package's directory, decoded and computed once per call. A sample that
// cannot be read fails the test; it never skips.
//
// Package report's own tests cannot use it (report is imported here).
package testsample

import (
	"path/filepath"
	"runtime"
	"testing"

	"kinerja/data"
	"kinerja/report"
)

// Names of the sample files in the repository's data folder.
const (
	AgreementFile = "pk-2021-bppbj.toml"
	RealisasiFile = "realisasi-2021-bppbj.toml"
)

// Path returns the path of a file in the repository's data folder.
func Path(name string) string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "..", "data", name)
}

// Agreement decodes the sample agreement.
func Agreement(tb testing.TB) *data.Agreement {
	tb.Helper()
	a, err := data.DecodeFile(Path(AgreementFile))
	if err != nil {
		tb.Fatalf("sample agreement: %v", err)
	}
	return a
}

// Report computes quarter tw of the sample agreement and realisasi.
func Report(tb testing.TB, tw int) *report.Report {
	tb.Helper()
	a := Agreement(tb)
	r, err := report.DecodeFile(Path(RealisasiFile), a)
	if err != nil {
		tb.Fatalf("sample realisasi: %v", err)
	}
	rep, err := report.Compute(a, r, tw)
	if err != nil {
		tb.Fatalf("sample report: %v", err)
	}
	return rep
}
