package workbook

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kinerja/internal/testtool"
	"kinerja/report"
)

// sofficeFilter exports every sheet (-1) as UTF-8 CSV with the cells'
// values, not as shown.
const sofficeFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1"

// TestLibreOfficeReads: LibreOffice opens the filled form and the report
// workbook (a workbook that needs repair does not convert) and reads the
// same value in every cell of every sheet as excelize.
func TestLibreOfficeReads(t *testing.T) {
	soffice := testtool.Require(t, "soffice")
	a, r := load(t, samples[1].agreement, samples[1].realisasi)
	rep, err := report.Compute(a, r, 2)
	if err != nil {
		t.Fatal(err)
	}
	var lap bytes.Buffer
	if err := WriteReport(&lap, rep); err != nil {
		t.Fatal(err)
	}
	books := map[string][]byte{
		"form": fill(t, formulir(t, a, before(r, 2), 2), a, r, 2),
		"lap":  lap.Bytes(),
	}
	dir := t.TempDir()
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", sofficeFilter, "--outdir", dir}
	for name, b := range books {
		p := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for name, b := range books {
		compareSheets(t, dir, name, b)
	}
}

// compareSheets compares every sheet of workbook b with LibreOffice's CSV
// of it, dir/name-Sheet.csv.
func compareSheets(t *testing.T, dir, name string, b []byte) {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sh := range f.GetSheetList() {
		src, err := os.ReadFile(filepath.Join(dir, name+"-"+sh+".csv"))
		if err != nil {
			t.Errorf("%s: LibreOffice wrote no CSV of sheet %s: %v", name, sh, err)
			continue
		}
		lo, err := readCSV(src)
		if err != nil {
			t.Fatalf("%s %s: %v", name, sh, err)
		}
		ex, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if n := compareRows(t, name+" "+sh, ex, lo); n == 0 {
			t.Errorf("%s %s: no cells compared", name, sh)
		}
	}
}

// compareRows compares cell values, numbers as numbers, and returns how
// many non-empty cells it compared.
func compareRows(t *testing.T, what string, ex, lo [][]string) int {
	n := 0
	for r := range max(len(ex), len(lo)) {
		for c := range max(rowLen(ex, r), rowLen(lo, r)) {
			e, l := at(ex, r, c), at(lo, r, c)
			if e == "" && l == "" {
				continue
			}
			n++
			if !sameValue(e, l) {
				t.Errorf("%s %s: excelize %q, LibreOffice %q", what, cell(c+1, r+1), e, l)
			}
		}
	}
	return n
}

// rowLen is the length of row r (0 past the end).
func rowLen(rows [][]string, r int) int {
	if r < len(rows) {
		return len(rows[r])
	}
	return 0
}

// at is the cell at r, c ("" past the end).
func at(rows [][]string, r, c int) string {
	if c < rowLen(rows, r) {
		return rows[r][c]
	}
	return ""
}

// reLocaleNumber is a number LibreOffice wrote with the decimal comma of
// the cell's Indonesian number format.
var reLocaleNumber = regexp.MustCompile(`^-?\d+,\d+$`)

// sameValue compares two cell texts, as numbers when both are numbers
// (b, LibreOffice's, may have a decimal comma).
func sameValue(a, b string) bool {
	if a == b {
		return true // also text such as the target "68,5"
	}
	if reLocaleNumber.MatchString(b) {
		b = strings.Replace(b, ",", ".", 1)
	}
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA == nil && errB == nil {
		return x == y
	}
	return a == b
}

// readCSV reads every record, keeping blank lines (empty rows) that
// encoding/csv skips as empty records.
func readCSV(src []byte) ([][]string, error) {
	cr := csv.NewReader(bytes.NewReader(src))
	cr.FieldsPerRecord = -1
	var rows [][]string
	next := 1 // the line the next record starts on when no blank line comes between
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		start, _ := cr.FieldPos(0)
		for ; next < start; next++ {
			rows = append(rows, nil)
		}
		last, _ := cr.FieldPos(len(rec) - 1)
		next = last + strings.Count(rec[len(rec)-1], "\n") + 1
		rows = append(rows, rec)
	}
}
