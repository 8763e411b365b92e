package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"kinerja/sign"
)

// brokenTOML has a wrong type on line 2 (tahun) and a syntax error on
// line 4; the decoder reports FILE:LINE:COL.
const brokenTOML = "# broken on purpose\ntahun = \"dua ribu\"\ntempat = \"Jakarta\"\n[pihak_pertama\n"

// batchDir writes three copies of the sample (good), one broken agreement
// and the sample realisasi file into a new directory.
func batchDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	sample, err := os.ReadFile(sampleTOML(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"pk-a.toml", "pk-b.toml", "pk-c.toml"} {
		writeTestFile(t, filepath.Join(dir, n), sample)
	}
	writeTestFile(t, filepath.Join(dir, "pk-broken.toml"), []byte(brokenTOML))
	real, err := os.ReadFile(filepath.Join(filepath.Dir(sampleTOML(t)), "realisasi-2021-bppbj.toml"))
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(dir, "realisasi-2021.toml"), real)
	writeTestFile(t, filepath.Join(dir, "notes.txt"), []byte("not toml"))
	return dir
}

// writeTestFile writes b to path.
func writeTestFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRenderBatchDirectoryWithBrokenFile(t *testing.T) {
	dir := batchDir(t)
	out := filepath.Join(t.TempDir(), "pdf")
	code, stdout, stderr := runCLI("render", dir, "--out-dir", out, "-j", "2")
	if code != exitBadInput {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	broken := filepath.Join(dir, "pk-broken.toml")
	if !regexp.MustCompile(`(?m)^FAIL ` + regexp.QuoteMeta(broken) + `:\d+:\d+: `).MatchString(stderr) {
		t.Errorf("the broken file is not reported as FAIL FILE:LINE:COL:\n%s", stderr)
	}
	skip := "skip 1 file (a realisasi file (it has realisasi/perjanjian keys), not an agreement: not rendered): " + filepath.Join(dir, "realisasi-2021.toml") + "\n5 files:"
	if !strings.Contains(stderr, skip) {
		t.Errorf("the realisasi file is not counted in one skip line before the summary:\n%s", stderr)
	}
	if !regexp.MustCompile(`(?m)^5 files: 3 ok, 1 skipped, 1 failed \(\d+\.\d s, \d+ files/s\)\nfailed:\n  ` + regexp.QuoteMeta(broken) + "\n").MatchString(stderr) {
		t.Errorf("no summary line:\n%s", stderr)
	}
	wantOut := ""
	for _, n := range []string{"pk-a", "pk-b", "pk-c"} {
		pdf := filepath.Join(out, n+".pdf")
		assertPDF(t, pdf)
		wantOut += "ok  " + filepath.Join(dir, n+".toml") + " -> " + pdf + "\n"
	}
	if stdout != wantOut {
		t.Errorf("stdout (in input order):\n%s\nwant:\n%s", stdout, wantOut)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 3 {
		t.Errorf("output directory holds %d entries, want the 3 PDFs: %v", len(entries), entries)
	}
	if strings.Contains(stdout+stderr, "\r") {
		t.Error("progress bar drawn although the output is not a terminal")
	}
}

// TestRenderBatchPDFsReadByPoppler checks the outputs of a batch run with
// a tool we did not write.
func TestRenderBatchPDFsReadByPoppler(t *testing.T) {
	requireTool(t, "pdftotext")
	dir := t.TempDir()
	sample, _ := os.ReadFile(sampleTOML(t))
	writeTestFile(t, filepath.Join(dir, "one.toml"), sample)
	writeTestFile(t, filepath.Join(dir, "two.toml"), sample)
	out := filepath.Join(dir, "out")
	// Flags after the inputs, files named one by one.
	code, _, stderr := runCLI("render", filepath.Join(dir, "one.toml"), filepath.Join(dir, "two.toml"), "--out-dir", out)
	if code != exitOK || !strings.Contains(stderr, "2 files: 2 ok, 0 failed") {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	for _, n := range []string{"one.pdf", "two.pdf"} {
		txt, err := exec.Command("pdftotext", filepath.Join(out, n), "-").Output()
		if err != nil || !strings.Contains(string(txt), "BLESSMIYANDA") {
			t.Errorf("pdftotext %s: %v, text has no signer name", n, err)
		}
	}
}

func TestRenderBatchSameOutputTwice(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	sample, _ := os.ReadFile(sampleTOML(t))
	writeTestFile(t, filepath.Join(a, "pk.toml"), sample)
	writeTestFile(t, filepath.Join(b, "pk.toml"), sample)
	out := t.TempDir()
	code, _, stderr := runCLI("render", filepath.Join(a, "pk.toml"), filepath.Join(b, "pk.toml"), "--out-dir", out)
	if code != exitBadInput || !strings.Contains(stderr, "FAIL "+filepath.Join(b, "pk.toml")+": output "+filepath.Join(out, "pk.pdf")+" is also the output of "+filepath.Join(a, "pk.toml")) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	assertPDF(t, filepath.Join(out, "pk.pdf"))
}

func TestRenderBatchUsage(t *testing.T) {
	dir := batchDir(t)
	empty := t.TempDir()
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"render", dir, "-o", "x.pdf"}, exitUsage, "-o names a single output: use --out-dir DIR"},
		{[]string{"render", dir, "-j", "0"}, exitUsage, "-j 0: want at least 1"},
		{[]string{"render", dir, "-j", "1000000"}, exitUsage, "-j 1000000: at most 256 files at a time"},
		{[]string{"render", empty, "--out-dir", empty}, exitBadInput, "no *.toml file in this directory"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
}

// TestRenderBatchDefaultOutDir: without --out-dir the outputs go to out/
// as for a single file.
func TestRenderBatchDefaultOutDir(t *testing.T) {
	dir := t.TempDir()
	sample, _ := os.ReadFile(sampleTOML(t))
	if err := os.Mkdir(filepath.Join(dir, "in"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(dir, "in", "x.toml"), sample)
	t.Chdir(dir)
	if code, _, stderr := runCLI("render", "in", "-j", "1"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	assertPDF(t, filepath.Join(dir, "out", "x.pdf"))
}

// signBatchFixture is a directory of three rendered PDFs and a broken one,
// and development keys.
func signBatchFixture(t *testing.T) (f signFixture, in string) {
	t.Helper()
	f = newSignFixture(t)
	in = filepath.Join(f.dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	pdf, err := os.ReadFile(f.pdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"a.pdf", "b.pdf", "c.pdf"} {
		writeTestFile(t, filepath.Join(in, n), pdf)
	}
	writeTestFile(t, filepath.Join(in, "broken.pdf"), pdf[:len(pdf)/2])
	return f, in
}

func TestSignBatchDirectory(t *testing.T) {
	f, in := signBatchFixture(t)
	prompts := 0
	old := promptSecret
	promptSecret = func(prompt string, _ io.Writer) ([]byte, error) {
		prompts++
		if strings.Contains(prompt, "pertama") {
			return []byte(readPass(t, f.pass1)), nil
		}
		return []byte(readPass(t, f.pass2)), nil
	}
	t.Cleanup(func() { promptSecret = old })
	out := filepath.Join(f.dir, "signed")
	code, stdout, stderr := runCLI("sign", in, "--pertama", f.p1, "--kedua", f.p2, "--out-dir", out)
	if code != exitBadInput {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if prompts != 2 {
		t.Errorf("%d password prompts for 4 files, want 2 (one per key)", prompts)
	}
	if !strings.Contains(stderr, "FAIL "+filepath.Join(in, "broken.pdf")+": ") || !strings.Contains(stderr, "4 files: 3 ok, 1 failed") {
		t.Errorf("stderr:\n%s", stderr)
	}
	for _, n := range []string{"a.pdf", "b.pdf", "c.pdf"} {
		signed, err := os.ReadFile(filepath.Join(out, n))
		if err != nil {
			t.Fatal(err)
		}
		if c := bytes.Count(signed, []byte("/Type /Sig /Filter")); c != 2 {
			t.Errorf("%s has %d signatures, want 2", n, c)
		}
		if code, vout, verr := runCLI("verify", filepath.Join(out, n), "--trust", filepath.Join(f.dir, "ca.pem")); code != exitOK {
			t.Errorf("verify %s: exit %d\n%s%s", n, code, vout, verr)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "broken.pdf")); err == nil {
		t.Error("an output was written for the broken input")
	}
}

// TestSignBatchChecksKeysFirst: an expired key stops the run before any
// file is touched.
func TestSignBatchChecksKeysFirst(t *testing.T) {
	f, in := signBatchFixture(t)
	noPrompt(t)
	pass := filepath.Join(f.dir, "expired.pass")
	writeTestFile(t, pass, []byte("not-the-password\n"))
	expired := expiredKey(t, f.dir)
	out := filepath.Join(f.dir, "signed")
	code, stdout, stderr := runCLI("sign", in, "--party", "pertama", "--key", expired, "--password-file", pass, "--out-dir", out)
	if code != exitBadInput || !strings.Contains(stderr, "expired on") || strings.Contains(stdout+stderr, "files:") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("outputs written with an expired key: %v", entries)
	}
}

func TestSignBatchUsage(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"sign", "a.pdf", "b.pdf", "--pertama", "k1", "--kedua", "k2"}, "give --out-dir DIR"},
		{[]string{"sign", "a.pdf", "b.pdf", "-o", "x.pdf", "--out-dir", "d"}, "-o names a single output"},
		{[]string{"sign", "--out-dir", "d", "--pertama", "k1", "--kedua", "k2"}, "want at least one input PDF"},
		{[]string{"sign", "a.pdf", "b.pdf", "--out-dir", "d", "--pertama", "k1"}, "--pertama and --kedua go together"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

// TestReportBatchDirectory: a directory with two agreements and their
// realisasi files, a realisasi file without perjanjian and a broken one.
func TestReportBatchDirectory(t *testing.T) {
	dir := t.TempDir()
	sample, _ := os.ReadFile(sampleTOML(t))
	real, _ := os.ReadFile(sampleRealisasi(t))
	writeTestFile(t, filepath.Join(dir, "pk-2021-bppbj.toml"), sample)
	writeTestFile(t, filepath.Join(dir, "pk-copy.toml"), sample)
	writeTestFile(t, filepath.Join(dir, "pk-third.toml"), sample)
	writeTestFile(t, filepath.Join(dir, "realisasi-a.toml"), real)
	other := strings.Replace(string(real), `perjanjian = "pk-2021-bppbj.toml"`, `perjanjian = "pk-copy.toml"`, 1)
	if other == string(real) {
		t.Fatal("the sample realisasi has no perjanjian line")
	}
	writeTestFile(t, filepath.Join(dir, "realisasi-b.toml"), []byte(other))
	writeTestFile(t, filepath.Join(dir, "realisasi-nameless.toml"), []byte(badRealisasi))
	writeTestFile(t, filepath.Join(dir, "realisasi-bad.toml"),
		[]byte("tahun = 2021\nperjanjian = \"pk-third.toml\"\n\n[[realisasi]]\nkode = \"SS9.3\"\ntriwulan = 2\nnilai = \"95%\"\n"))
	out := filepath.Join(dir, "laporan")
	code, stdout, stderr := runCLI("report", dir, "--triwulan", "2", "--out-dir", out)
	if code != exitBadInput {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"ok  " + filepath.Join(dir, "realisasi-a.toml") + " -> " + filepath.Join(out, "pk-2021-bppbj-tw2.pdf") + "\n",
		"ok  " + filepath.Join(dir, "realisasi-b.toml") + " -> " + filepath.Join(out, "pk-copy-tw2.pdf") + "\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	for _, want := range []string{
		"FAIL " + filepath.Join(dir, "realisasi-nameless.toml") + ": no perjanjian key",
		"FAIL " + filepath.Join(dir, "realisasi-bad.toml") + ":",
		"4 files: 2 ok, 2 failed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !regexp.MustCompile(`FAIL \S*realisasi-bad.toml:\d+:\d+: .*SS9\.3`).MatchString(stderr) {
		t.Errorf("the bad realisasi file is not reported with FILE:LINE:COL and the unknown kode:\n%s", stderr)
	}
	assertPDF(t, filepath.Join(out, "pk-2021-bppbj-tw2.pdf"))
	assertPDF(t, filepath.Join(out, "pk-copy-tw2.pdf"))
	if entries, _ := os.ReadDir(out); len(entries) != 2 {
		t.Errorf("%d files in the output directory, want 2", len(entries))
	}
}

func TestReportBatchUsage(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report", dir}, exitUsage, "kinerja report: --triwulan is required: give the quarter, e.g. --triwulan 2 (also II or TW2)\n"},
		{[]string{"report", dir, "--triwulan", "2", "--csv", "x.csv"}, exitUsage, "--csv, --json and --xlsx name one file"},
		{[]string{"report", dir, "--triwulan", "2", "-o", "x.pdf"}, exitUsage, "-o names a single output"},
		{[]string{"report", dir, "--triwulan", "2"}, exitBadInput, "no *.toml file in this directory"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
}

// TestSignBatchPKCS11 signs several PDFs with one token key shared by
// parallel workers (one PIN, one login).
func TestSignBatchPKCS11(t *testing.T) {
	f, in := signBatchFixture(t)
	if err := os.Remove(filepath.Join(in, "broken.pdf")); err != nil {
		t.Fatal(err)
	}
	ca, err := sign.NewDevCA(time.Now(), "p256")
	if err != nil {
		t.Fatal(err)
	}
	softHSMToken(t, ca)
	pin := filepath.Join(f.dir, "pin")
	writeTestFile(t, pin, []byte("1234\n"))
	out := filepath.Join(f.dir, "signed")
	code, stdout, stderr := runCLI("sign", in, "--out-dir", out, "-j", "3", "--party", "pertama", "--pkcs11-module", softHSMModule,
		"--token", "kinerja", "--key-label", "pertama", "--pin-file", pin)
	if code != exitOK || !strings.Contains(stderr, "3 files: 3 ok, 0 failed") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, n := range []string{"a.pdf", "b.pdf", "c.pdf"} {
		signed, err := os.ReadFile(filepath.Join(out, n))
		if err != nil {
			t.Fatal(err)
		}
		if c := bytes.Count(signed, []byte("/Type /Sig /Filter")); c != 1 {
			t.Errorf("%s has %d signatures, want 1", n, c)
		}
	}
}
