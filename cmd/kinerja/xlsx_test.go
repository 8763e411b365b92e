package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
)

// TestXlsxCLI: export then import gives an equivalent agreement; a bad
// cell is reported at its cell; an existing TOML is kept without --force.
func TestXlsxCLI(t *testing.T) {
	dir := t.TempDir()
	agr := sampleTOML(t)
	book := filepath.Join(dir, "pk.xlsx")
	back := filepath.Join(dir, "pk.toml")
	runOK(t, "xlsx", "export", agr, "-o", book)
	runOK(t, "xlsx", "import", book, "-o", back)
	a, err := data.DecodeFile(agr)
	if err != nil {
		t.Fatal(err)
	}
	b, err := data.DecodeFile(back)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.Equivalent(a, b); err != nil {
		t.Error(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"xlsx", "import", book, "-o", back}, &stdout, &stderr); code != exitBadInput || !strings.Contains(stderr.String(), "exists; use --force") {
		t.Errorf("import over an existing file: exit %d %q", code, stderr.String())
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Indikator", "O3", "9l%"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	code := run([]string{"xlsx", "import", book, "-o", filepath.Join(dir, "x.toml")}, &stdout, &stderr)
	if want := book + `: Indikator!O3: kelompok[0].sasaran[1].indikator[0].tahunan: "9l%" is not a target`; code != exitBadInput || !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("bad cell: exit %d %q; want %s", code, stderr.String(), want)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.toml")); err == nil {
		t.Error("a failed import left a file")
	}
	for _, args := range [][]string{{"xlsx"}, {"xlsx", "convert"}, {"xlsx", "export", agr}} {
		if code := run(args, &stdout, &stderr); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
