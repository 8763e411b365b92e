package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkFixture writes a good and a bad agreement into a temporary
// directory and returns their paths.
func checkFixture(t *testing.T) (good, bad, broken string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "data", "testdata", "minimal.toml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good, bad, broken = filepath.Join(dir, "good.toml"), filepath.Join(dir, "bad.toml"), filepath.Join(dir, "broken.toml")
	badSrc := strings.NewReplacer(`tahunan = "100%"`, `tahunan = "9l%"`, `tempat = "Jakarta"`, `tempatt = "Jakarta"`).Replace(string(src))
	for name, s := range map[string]string{good: string(src), bad: badSrc, broken: "tahun = 2021\ntempat = \"Jakarta\n"} {
		if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return good, bad, broken
}

func TestCheckCLI(t *testing.T) {
	good, bad, broken := checkFixture(t)
	sample := filepath.Join("..", "..", "data", "pk-2021-bppbj.toml")
	missing := filepath.Join(t.TempDir(), "missing.toml")
	badErr := bad + ":1:1: tempat: missing; expected the place printed before the date, e.g. tempat = \"Jakarta\"\n" +
		bad + ":2:1: tempatt: unknown key; did you mean `tempat`?\n" +
		bad + ":28:11: kelompok[0].sasaran[0].indikator[0].tahunan: \"9l%\" is not a target; expected N/A, a percentage like 91%, a number like 4 or 3,5, or a predicate like WTP, (3) WTP or A (81)\n"
	tests := []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string // stderr: exact, or a prefix when it ends in "..."
	}{
		{"sample", []string{"check", sample}, 0, sample + ": ok (19 sasaran, 22 indikator)\n", ""},
		{"two good", []string{"check", good, sample}, 0, good + ": ok (1 sasaran, 1 indikator)\n" + sample + ": ok (19 sasaran, 22 indikator)\n", ""},
		{"bad", []string{"check", bad}, 1, "", badErr},
		{"good and bad", []string{"check", bad, good}, 1, good + ": ok (1 sasaran, 1 indikator)\n", badErr},
		{"syntax", []string{"check", broken}, 1, "", broken + ":2:18: tempat: syntax error: strings cannot contain newlines\nAt line 2, column 18:\n\n" +
			"      1 | tahun = 2021\n      2 | tempat = \"Jakarta\n                           ^\n"},
		{"missing file", []string{"check", missing}, 1, "", "kinerja check: decode " + missing + ": open " + missing + ": no such file or directory\n"},
		{"no file", []string{"check"}, 2, "", "kinerja check: no input file\nusage: kinerja check FILE.toml..."},
		{"unknown flag", []string{"check", good, "-x"}, 2, "", "kinerja check: unknown flag -x (kinerja check --help lists the flags)\n"},
		{"help", []string{"check", "-h"}, 0, "", "usage: kinerja check FILE.toml..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tt.args, &out, &errb)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if out.String() != tt.stdout {
				t.Errorf("stdout\n%q\nwant\n%q", out.String(), tt.stdout)
			}
			want, prefix := strings.CutSuffix(tt.stderr, "...")
			if got := errb.String(); prefix && !strings.HasPrefix(got, want) || !prefix && got != want {
				t.Errorf("stderr\n%q\nwant\n%q", got, tt.stderr)
			}
		})
	}
}

// TestCheckRealisasi checks that a realisasi file is validated against
// the agreement its perjanjian key names, not as an agreement.
func TestCheckRealisasi(t *testing.T) {
	sample := filepath.Join("..", "..", "data", "realisasi-2021-bppbj.toml")
	agr := filepath.Join("..", "..", "data", "pk-2021-bppbj.toml")
	dir := t.TempDir()
	src, err := os.ReadFile(agr)
	if err != nil {
		t.Fatal(err)
	}
	bad, orphan := filepath.Join(dir, "r.toml"), filepath.Join(dir, "orphan.toml")
	files := map[string]string{
		filepath.Join(dir, "pk-2021-bppbj.toml"): string(src),
		bad:                                      "tahun = 2021\nperjanjian = \"pk-2021-bppbj.toml\"\n[[realisasi]]\nkode = \"SO19.x\"\ntriwulan = 1\nnilai = \"5%\"\n",
		orphan:                                   "tahun = 2021\n[[realisasi]]\nkode = \"SO19.1\"\ntriwulan = 1\n",
	}
	for name, s := range files {
		if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		args           []string
		code           int
		stdout, stderr string
	}{
		{[]string{"check", sample}, 0, sample + ": ok (realisasi, 32 entri, " + agr + ")\n", ""},
		{[]string{"check", bad}, 1, "", bad + ":4:8: realisasi[0].kode: unknown indicator kode \"SO19.x\" (did you mean `SO19.1`?); expected a kode from " +
			filepath.Join(dir, "pk-2021-bppbj.toml") + "\n"},
		{[]string{"check", orphan}, 1, "", "kinerja check: " + orphan + ": no perjanjian key naming its agreement; add perjanjian = \"AGREEMENT.toml\" or run kinerja report AGREEMENT.toml " + orphan + "\n"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		if code := run(tt.args, &out, &errb); code != tt.code || out.String() != tt.stdout || errb.String() != tt.stderr {
			t.Errorf("%v: exit %d\nstdout %q\nstderr %q\nwant %d %q %q", tt.args, code, out.String(), errb.String(), tt.code, tt.stdout, tt.stderr)
		}
	}
}
