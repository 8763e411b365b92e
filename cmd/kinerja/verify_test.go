package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/proof"
	"kinerja/sign/verify/verifytest"
)

// verifyFiles are the PDFs and CA of the verify CLI tests, made once.
type verifyFiles struct {
	dir, ca, once, twice, changed, added, truncated, byteChanged string
}

// verifyFixtures writes signed and tampered PDFs to a temporary directory.
func verifyFixtures(t *testing.T) verifyFiles {
	t.Helper()
	v, err := makeVerifyFiles(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// makeVerifyFiles builds the fixtures in dir.
func makeVerifyFiles(dir string) (verifyFiles, error) {
	pki, err := verifytest.NewPKI()
	if err != nil {
		return verifyFiles{}, err
	}
	defer pki.Close()
	_, once, twice, err := pki.SignedTwice("PERJANJIAN KINERJA TAHUN 2021", 1, 5)
	if err != nil {
		return verifyFiles{}, err
	}
	changed, err := verifytest.ChangePage1(twice, "TARGET 0 PERSEN")
	if err != nil {
		return verifyFiles{}, err
	}
	added, err := verifytest.AddPage(twice, "LAMPIRAN TAMBAHAN")
	if err != nil {
		return verifyFiles{}, err
	}
	byteChanged, err := verifytest.ReplaceText(twice, "halaman 1", "halaman 7")
	if err != nil {
		return verifyFiles{}, err
	}
	files := map[string][]byte{"ca.pem": pki.RootPEM(), "once.pdf": once, "twice.pdf": twice, "changed.pdf": changed,
		"added.pdf": added, "truncated.pdf": twice[:len(twice)-100], "byte.pdf": byteChanged}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return verifyFiles{}, err
		}
	}
	p := func(n string) string { return filepath.Join(dir, n) }
	return verifyFiles{dir, p("ca.pem"), p("once.pdf"), p("twice.pdf"), p("changed.pdf"), p("added.pdf"),
		p("truncated.pdf"), p("byte.pdf")}, nil
}

// runVerifyCLI runs 'kinerja verify args...'.
func runVerifyCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(append([]string{"verify"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestVerifyCLI(t *testing.T) {
	v := verifyFixtures(t)
	tests := []struct {
		name string
		args []string
		code int
		want []string // substrings of stdout+stderr
	}{
		{"no args", nil, exitUsage, []string{"want at least one PDF file", "usage: kinerja verify"}},
		{"two files, untrusted", []string{v.once, v.twice}, exitBadInput, []string{"FAIL " + v.once + ": INVALID:", "2 files: 0 ok, 2 failed"}},
		{"two files, worst incomplete", []string{v.once, v.twice, "--trust", v.ca}, exitIncomplete,
			[]string{"FAIL " + v.once + ": INCOMPLETE: PIHAK KEDUA has not signed", "ok  " + v.twice, "2 files: 1 ok, 1 failed"}},
		{"directory, worst invalid", []string{v.dir, "--trust", v.ca}, exitBadInput, []string{"FAIL " + v.changed + ": INVALID:", "ok  " + v.twice + "\n", "6 files: 1 ok, 5 failed"}},
		{"bad flag", []string{"--nope", v.twice}, exitUsage, []string{"kinerja verify: unknown flag --nope (kinerja verify --help lists the flags)\n"}},
		{"missing file", []string{v.dir + "/none.pdf"}, exitBadInput, []string{"none.pdf", "no such file"}},
		{"not a pdf", []string{v.ca, "--trust", v.ca}, exitBadInput, []string{"not a PDF"}},
		{"bad trust file", []string{v.twice, "--trust", v.twice}, exitBadInput, []string{"no PEM certificate"}},
		{"untrusted root", []string{v.twice}, exitBadInput, []string{"NOT TRUSTED", "certificate not trusted", "INVALID:"}},
		{"trusted, flag after file", []string{v.twice, "--trust", v.ca}, exitOK,
			[]string{"Signature 1 (PIHAK PERTAMA): valid", "Signature 2 (PIHAK KEDUA): valid", "revision 3 of 3 (whole document)", "VALID: 2 signature(s)"}},
		{"trusted, flag first, one party", []string{"-trust", v.ca, v.once}, exitIncomplete,
			[]string{"Signature 1 (PIHAK PERTAMA): valid", "INCOMPLETE: PIHAK KEDUA has not signed (a performance agreement needs PIHAK PERTAMA and PIHAK KEDUA)"}},
		{"page changed", []string{v.changed, "--trust", v.ca}, exitBadInput,
			[]string{"INVALID: signature 1 (pertama): page 1 (object 3) redefined: /Contents changed in revision 4 after it was signed"}},
		{"page added", []string{v.added, "--trust", v.ca}, exitBadInput, []string{"/Page (object 32) added in revision 4"}},
		{"truncated", []string{v.truncated, "--trust", v.ca}, exitBadInput, []string{"file truncated"}},
		{"byte changed", []string{v.byteChanged, "--trust", v.ca}, exitBadInput, []string{"digest mismatch", "Integrity:     FAILED"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runVerifyCLI(tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errOut)
			}
			for _, w := range tc.want {
				if !strings.Contains(out+errOut, w) {
					t.Errorf("output lacks %q\nstdout:\n%s\nstderr:\n%s", w, out, errOut)
				}
			}
		})
	}
}

func TestVerifyCLIJSON(t *testing.T) {
	v := verifyFixtures(t)
	code, out, errOut := runVerifyCLI("--json", v.changed, "--trust", v.ca)
	if code != exitBadInput {
		t.Fatalf("exit %d, want %d: %s", code, exitBadInput, errOut)
	}
	var got proof.Verdict
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if got.Schema != "kinerja-verify/2" || got.Status != proof.Invalid || got.Valid || got.Revisions != 4 || len(got.Signatures) != 2 {
		t.Fatalf("got schema %q valid %v revisions %d signatures %d", got.Schema, got.Valid, got.Revisions, len(got.Signatures))
	}
	s := got.Signatures[0]
	if s.Party != "pertama" || !s.Integrity || !s.Trusted || !s.ModifiedAfter || len(s.Modifications) != 2 {
		t.Errorf("signature 1 = %+v", s)
	}
	for _, key := range []string{`"reasons": [`, `"problems": []`, `"errors": []`, `"timestamp": ""`} {
		if !strings.Contains(out, key) {
			t.Errorf("JSON lacks %s (empty lists must be [] and absent times \"\")", key)
		}
	}
	if strings.Index(out, `"schema"`) > strings.Index(out, `"signatures"`) {
		t.Error("field order changed")
	}
}
