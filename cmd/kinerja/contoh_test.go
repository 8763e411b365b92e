package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pdf"

	"kinerja/data"
	"kinerja/docinfo"
)

// The second sample, data/contoh/: a fictional regency environmental
// agency (A4, Liberation Sans, PIHAK KESATU, a regent without NIP, a
// negative-polarity indicator, a zero target, a cap, a predicate, a
// program table) and its realisasi for triwulan I and II. These tests run
// it through the real command line and check the results with poppler
// and qpdf as well as with our own readers.

// contohPath returns the absolute path of a file in data/contoh.
func contohPath(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "data", "contoh", name))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("sample file missing: %v", err)
	}
	return p
}

// contohAgreement and contohRealisasi are the sample's two TOML files.
func contohAgreement(t *testing.T) string { return contohPath(t, "pk-2024-dlh-contoh.toml") }
func contohRealisasi(t *testing.T) string {
	return contohPath(t, "realisasi-2024-dlh-contoh.toml")
}

// toolOutput runs an outside tool and returns its standard output.
func toolOutput(t *testing.T, name string, args ...string) string {
	t.Helper()
	requireTool(t, name)
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}

// renderContoh renders the sample agreement into dir and returns the PDF.
func renderContoh(t *testing.T, dir string) string {
	t.Helper()
	pdf := filepath.Join(dir, "pk-2024-dlh-contoh.pdf")
	if code, _, stderr := runCLI("render", contohAgreement(t), "-o", pdf); code != exitOK {
		t.Fatalf("render: exit %d: %s", code, stderr)
	}
	return pdf
}

func TestContohCheck(t *testing.T) {
	agr := contohAgreement(t)
	code, stdout, stderr := runCLI("check", agr)
	if code != exitOK || stderr != "" || !strings.Contains(stdout, "ok (5 sasaran, 10 indikator)") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// dotted formats n with a dot every three digits: 1234567 -> 1.234.567.
func dotted(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

func TestContohDotted(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1.000", 1234567: "1.234.567"} {
		if got := dotted(n); got != want {
			t.Errorf("dotted(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestContohRender(t *testing.T) {
	pdf := renderContoh(t, t.TempDir())
	text := toolOutput(t, "pdftotext", "-layout", pdf, "-")
	// The NIP is written with spaces in the TOML; the decoder stores the
	// 18 digits and the form prints it as written (issue 11).
	for _, want := range []string{"PIHAK KESATU,", "selanjutnya disebut PIHAK KESATU",
		"Contoh, 2 Januari 2024", "NOMOR : 660/014/PK/DLH/2024", "NIP 19790825 200501 2 006",
		"Pembina Tingkat I (IV/b)", "Balai Besar Sertifikasi Elektronik (BSrE)",
		"Program Pengelolaan Persampahan"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext output lacks %q", want)
		}
	}
	for _, bad := range []string{"PIHAK PERTAMA", "197908252005012006"} {
		if strings.Contains(text, bad) {
			t.Errorf("pdftotext output contains %q", bad)
		}
	}
	checkContohTotal(t, text)
	// The statement page is portrait A4, the attachment landscape A4.
	sizes := pageSizes(toolOutput(t, "pdfinfo", "-f", "1", "-l", "99", pdf))
	if len(sizes) < 2 || sizes[0] != "595.28 x 841.89 pts (A4)" {
		t.Errorf("page sizes %q; want page 1 portrait A4", sizes)
	}
	for i, s := range sizes[1:] {
		if s != "841.89 x 595.28 pts (A4)" {
			t.Errorf("page %d is %s; want landscape A4", i+2, s)
		}
	}
	checkContohFonts(t, pdf)
	toolOutput(t, "qpdf", "--check", pdf)
}

// checkContohTotal checks the program table's JUMLAH row against the sum
// of the sample's programs, formatted here independently of our code.
func checkContohTotal(t *testing.T, text string) {
	t.Helper()
	a, err := data.DecodeFile(contohAgreement(t))
	if err != nil {
		t.Fatal(err)
	}
	var sum int64
	for _, p := range a.Program {
		sum += p.Anggaran
	}
	// 8.742.315.000 + 412.500.000 + 1.286.740.000 + 238.900.000
	// + 356.125.000 + 14.965.480.000 = 26.002.060.000
	if len(a.Program) != 6 || sum != 26_002_060_000 || a.TotalAnggaran() != sum {
		t.Fatalf("%d programs, sum %d, TotalAnggaran %d", len(a.Program), sum, a.TotalAnggaran())
	}
	found := false
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		found = found || len(f) == 2 && f[0] == "JUMLAH" && f[1] == dotted(sum)
	}
	if !found {
		t.Errorf("no line \"JUMLAH %s\" in the rendered text", dotted(sum))
	}
}

// checkContohFonts wants Liberation Sans (regular and bold), embedded,
// and no serif font.
func checkContohFonts(t *testing.T, pdf string) {
	t.Helper()
	fonts := toolOutput(t, "pdffonts", pdf)
	for _, want := range []string{"+LiberationSans ", "+LiberationSans-Bold "} {
		if !strings.Contains(fonts, want) {
			t.Errorf("pdffonts lacks %q:\n%s", want, fonts)
		}
	}
	for _, line := range strings.Split(fonts, "\n")[2:] {
		f := strings.Fields(line)
		if len(f) >= 5 && (strings.Contains(f[0], "Serif") || f[len(f)-5] != "yes") {
			t.Errorf("a serif or non-embedded font: %s", line)
		}
	}
}

// pageSizes returns the "Page N size:" values of pdfinfo's output.
func pageSizes(info string) []string {
	var sizes []string
	for _, line := range strings.Split(info, "\n") {
		if f := strings.Fields(line); len(f) > 3 && f[0] == "Page" && f[2] == "size:" {
			sizes = append(sizes, strings.Join(f[3:], " "))
		}
	}
	return sizes
}

// contohVerifyJSON is the part of 'kinerja verify --json' checked here.
type contohVerifyJSON struct {
	Valid      bool `json:"valid"`
	Signatures []struct {
		Party         string `json:"party"`
		Valid         bool   `json:"valid"`
		Name          string `json:"name"`
		SignerSubject string `json:"signer_subject"`
		Trusted       bool   `json:"trusted"`
	} `json:"signatures"`
	Source struct {
		Status string `json:"status"`
	} `json:"source"`
}

func TestContohSignVerify(t *testing.T) {
	dir := t.TempDir()
	pdf := renderContoh(t, dir)
	keys := filepath.Join(dir, "keys")
	if _, err := makeDevKeys(keys, contohAgreement(t), "p256", time.Now()); err != nil {
		t.Fatal(err)
	}
	signed := filepath.Join(dir, "signed.pdf")
	k := func(n string) string { return filepath.Join(keys, n) }
	code, _, stderr := runCLI("sign", pdf, "-o", signed, "--pertama", k("pertama.p12"), "--kedua", k("kedua.p12"),
		"--pertama-password-file", k("pertama.p12.pass"), "--kedua-password-file", k("kedua.p12.pass"))
	if code != exitOK {
		t.Fatalf("sign: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := runCLI("verify", signed, "--trust", k("ca.pem"), "--json")
	if code != exitOK {
		t.Fatalf("verify: exit %d\n%s\n%s", code, stdout, stderr)
	}
	var v contohVerifyJSON
	if err := json.Unmarshal([]byte(stdout), &v); err != nil {
		t.Fatal(err)
	}
	checkContohSignatures(t, v)
	checkContohSigners(t, signed)
	toolOutput(t, "qpdf", "--check", signed)
	if out := toolOutput(t, "pdfsig", signed); strings.Count(out, "Signature Validation: Signature is Valid.") != 2 {
		t.Errorf("pdfsig does not find 2 valid signatures:\n%s", out)
	}
}

// checkContohSignatures wants PIHAK KESATU (with NIP in the certificate)
// then PIHAK KEDUA, the regent, whose certificate carries no NIP; both
// matched by the verifier to the document's parties.
func checkContohSignatures(t *testing.T, v contohVerifyJSON) {
	t.Helper()
	if !v.Valid || len(v.Signatures) != 2 || v.Source.Status != "identical" {
		t.Fatalf("verify: %+v", v)
	}
	p1, p2 := v.Signatures[0], v.Signatures[1]
	if p1.Party != "pertama" || !p1.Valid || !p1.Trusted || !strings.Contains(p1.SignerSubject, "NIP 197908252005012006") {
		t.Errorf("signature 1: %+v", p1)
	}
	if p2.Party != "kedua" || !p2.Valid || !p2.Trusted || p2.Name != "H. BAMBANG SETIAWAN, S.H., M.M." ||
		strings.Contains(p2.SignerSubject, "NIP") {
		t.Errorf("signature 2: %+v", p2)
	}
}

// checkContohSigners reads the signers recorded in the signed PDF: the
// regent has no NIP, so the appearance built from them has no NIP line.
func checkContohSigners(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	info, err := docinfo.InfoFrom(rd)
	if err != nil {
		t.Fatal(err)
	}
	got := map[docinfo.Party]string{}
	for _, s := range info.Signers {
		got[s.Party] = s.Name + "|" + s.NIP
	}
	want := map[docinfo.Party]string{"pertama": "Dr. RATNA KUSUMAWATI, S.T., M.Si.|197908252005012006",
		"kedua": "H. BAMBANG SETIAWAN, S.H., M.M.|"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("signers %v, want %v", got, want)
	}
}

// contohCSV runs the TW II report and returns its CSV rows by kode and
// quarter ("SS2.1/2") and the PDF's path.
func contohCSV(t *testing.T) (map[string]map[string]string, string) {
	t.Helper()
	dir := t.TempDir()
	pdf, csvPath := filepath.Join(dir, "lap.pdf"), filepath.Join(dir, "lap.csv")
	code, _, stderr := runCLI("report", contohAgreement(t), contohRealisasi(t), "--triwulan", "2", "-o", pdf, "--csv", csvPath)
	if code != exitOK {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("csv: %v, %d records", err, len(recs))
	}
	rows := map[string]map[string]string{}
	for _, rec := range recs[1:] {
		r := map[string]string{}
		for i, col := range recs[0] {
			r[col] = rec[i]
		}
		rows[r["kode"]+"/"+r["triwulan"]] = r
	}
	return rows, pdf
}

// pct formats a capaian as the CSV does: a dot and two decimals.
func pct(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// negatif is the LKjIP formula for lower-is-better indicators,
// (2T - R) / T x 100, floored at 0; written out again here on purpose.
func negatif(target, real float64) string {
	return pct(max((2*target-real)/target*100, 0))
}

func TestContohReportNegatif(t *testing.T) {
	rows, _ := contohCSV(t)
	cases := []struct{ row, col, want string }{
		// SS2.1, posisi_akhir. TW I: T 38, R 40: (76 - 40) / 38 x 100 = 94,74 (worse than target).
		{"SS2.1/1", "capaian", negatif(38, 40)},
		// TW II: T 36, R 34,4: (72 - 34,4) / 36 x 100 = 104,44 (better than target).
		{"SS2.1/2", "capaian", negatif(36, 34.4)},
		// s.d. TW II (posisi_akhir): the latest quarter against its own target.
		{"SS2.1/2", "capaian_sd", negatif(36, 34.4)},
		// against the annual target 32: (64 - 34,4) / 32 x 100 = 92,50.
		{"SS2.1/2", "capaian_tahunan", negatif(32, 34.4)},
		// SP3.2 TW I: T 5, R 5: (10 - 5) / 5 x 100 = 100.
		{"SP3.2/1", "capaian", negatif(5, 5)},
		// SP3.2 TW II: T 4, R 9 > 2T = 8: (8 - 9) / 4 x 100 = -25, floored at 0.
		{"SP3.2/2", "capaian", negatif(4, 9)},
		{"SP3.2/2", "capaian_batas", pct(0)},
		// SP3.1 target 0, negatif: R = 0 in TW II is 100; R = 1 in TW I misses the target 0 (no percentage).
		{"SP3.1/2", "capaian", pct(100)},
		{"SP3.1/2", "capaian_status", "ok"},
		{"SP3.1/1", "capaian_status", "target_0_tidak_tercapai"},
		{"SP3.1/1", "capaian", ""},
	}
	for _, c := range cases {
		if got := rows[c.row][c.col]; got != c.want {
			t.Errorf("%s %s = %q, want %q", c.row, c.col, got, c.want)
		}
	}
	if negatif(36, 34.4) != "104.44" || negatif(4, 9) != "0.00" {
		t.Errorf("the hand arithmetic above is wrong: %s, %s", negatif(36, 34.4), negatif(4, 9))
	}
}

func TestContohReportOthers(t *testing.T) {
	rows, _ := contohCSV(t)
	cases := []struct{ row, col, want string }{
		// SS2.2 batas 120, kumulatif. TW I: 8 / 5 x 100 = 160 raw, capped at 120.
		{"SS2.2/1", "capaian", pct(8.0 / 5 * 100)},
		{"SS2.2/1", "capaian_batas", pct(120)},
		// TW II: 7 / 5 x 100 = 140 raw, 120 capped; s.d.: (8+7) / (5+5) x 100 = 150 raw, 120 capped.
		{"SS2.2/2", "capaian", pct(7.0 / 5 * 100)},
		{"SS2.2/2", "capaian_batas", pct(120)},
		{"SS2.2/2", "capaian_sd", pct(15.0 / 10 * 100)},
		{"SS2.2/2", "capaian_sd_batas", pct(120)},
		// against the annual 20: 15 / 20 x 100 = 75, under the cap.
		{"SS2.2/2", "capaian_tahunan_batas", pct(15.0 / 20 * 100)},
		// SAKIP predicate released in TW II: BB (74,2) against BB is the same label: 100.
		{"SO5.1/2", "capaian", pct(100)},
		{"SO5.1/2", "predikat", "BB"},
		{"SO5.1/1", "capaian_sd_status", "not_released"},
		// IKLH is released once a year, in TW IV.
		{"SS1.1/2", "capaian_tahunan_status", "not_released"},
		// the N/A quarter, and a quarter not reported yet.
		{"SS1.2/1", "capaian_status", "na"},
		{"SP4.1/2", "capaian_status", "not_reported"},
		// serapan SS2.1 TW II: 6.120.350.000 / 14.965.480.000 x 100 = 40,90.
		{"SS2.1/2", "serapan", pct(6_120_350_000.0 / 14_965_480_000 * 100)},
	}
	for _, c := range cases {
		if got := rows[c.row][c.col]; got != c.want {
			t.Errorf("%s %s = %q, want %q", c.row, c.col, got, c.want)
		}
	}
}

// TestContohReportPDF checks the report with poppler: the title, and the
// long kendala of SP3.2 that starts on page 1 and ends on a later page.
func TestContohReportPDF(t *testing.T) {
	_, pdf := contohCSV(t)
	text := toolOutput(t, "pdftotext", "-layout", pdf, "-")
	if !strings.Contains(text, "LAPORAN CAPAIAN KINERJA TRIWULAN II TAHUN 2024") {
		t.Error("report title missing")
	}
	pages := strings.Split(text, "\f")
	first, last := pageOf(pages, "Hasil uji"), pageOf(pages, "diperbaiki.")
	if first < 0 || last <= first {
		t.Errorf("SP3.2's kendala on pages %d..%d; want it to start and end on different pages", first+1, last+1)
	}
}

// pageOf returns the index of the first page containing s, or -1.
func pageOf(pages []string, s string) int {
	for i, p := range pages {
		if strings.Contains(p, s) {
			return i
		}
	}
	return -1
}
