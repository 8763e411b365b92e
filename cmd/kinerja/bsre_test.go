package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"kinerja/bsre"
	"kinerja/bsre/bsretest"
	"kinerja/internal/pdfread"
)

// bsreCLI is a stand-in, its profile file and a document for it.
type bsreCLI struct {
	fx       *bsretest.Fixture
	dir, cfg string
	pdf      string
}

// newBSrECLI renders the sample for BSrE (or, local, with kinerja's
// fields) and starts a stand-in with a profile "uji" for it.
func newBSrECLI(t *testing.T, forBSrE bool, extra string, moreRoots ...[]byte) *bsreCLI {
	t.Helper()
	e := &bsreCLI{dir: t.TempDir()}
	e.pdf = filepath.Join(e.dir, "pk.pdf")
	var doc []byte
	var err error
	if forBSrE {
		doc, err = bsretest.RenderBSrE(sampleTOML(t))
	} else if code, _, stderr := runCLI("render", sampleTOML(t), "-o", e.pdf); code != exitOK {
		t.Fatalf("render: %s", stderr)
	}
	if err != nil {
		t.Fatal(err)
	}
	if doc != nil {
		if err := os.WriteFile(e.pdf, doc, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, _ := os.ReadFile(e.pdf)
	info, err := pdfread.Info(data)
	if err != nil {
		t.Fatal(err)
	}
	e.fx = bsretest.NewFixture(t, info.Signers)
	e.cfg = e.fx.ProfileFile(t, e.dir, 2, bsre.PlaceCoordinates, bsre.OriginBottomLeft, extra, moreRoots...)
	t.Setenv("KINERJA_BSRE_PASSPHRASE", "")
	os.Unsetenv("KINERJA_BSRE_PASSPHRASE")
	noPrompt(t)
	return e
}

// secrets fails when a test passphrase shows in the outputs or in any
// file of dir but the passphrase files.
func secrets(t *testing.T, dir string, outs ...string) {
	t.Helper()
	for _, nik := range []string{bsretest.NIKPertama, bsretest.NIKKedua, bsretest.NIKExpired} {
		p := bsretest.Passphrase(nik)
		for i, o := range outs {
			if strings.Contains(o, p) {
				t.Errorf("output %d shows the passphrase of %s", i, nik)
			}
		}
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(path, ".pass") {
				return nil
			}
			if b, _ := os.ReadFile(path); bytes.Contains(b, []byte(p)) {
				t.Errorf("%s holds the passphrase of %s", path, nik)
			}
			return nil
		})
	}
}

// Both parties through BSrE, then verify --bsre prints both verdicts.
func TestSignBSrECLIBoth(t *testing.T) {
	e := newBSrECLI(t, true, "")
	out := filepath.Join(e.dir, "signed.pdf")
	code, stdout, stderr := runCLI("sign", e.pdf, "-o", out, "--bsre-config", e.cfg,
		"--pertama-bsre", "uji", "--pertama-passphrase-file", filepath.Join(e.dir, "pertama.pass"),
		"--kedua-bsre", "uji", "--kedua-passphrase-file", filepath.Join(e.dir, "kedua.pass"))
	if code != exitOK || strings.TrimSpace(stdout) != out {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, vout, verr := runCLI("verify", out, "--bsre", "uji", "--bsre-config", e.cfg)
	if code != exitOK || !regexpMatch(`verdict\s+VALID\s+VALID`, vout) || !regexpMatch(`signatures\s+2\s+2`, vout) {
		t.Errorf("verify: exit %d\n%s\n%s", code, vout, verr)
	}
	secrets(t, e.dir, stdout, stderr, vout, verr)
}

// PIHAK PERTAMA with a local key, PIHAK KEDUA through BSrE, one command.
func TestSignBSrECLIMixed(t *testing.T) {
	keys := t.TempDir()
	if _, err := makeDevKeys(keys, sampleTOML(t), "p256", timeNow()); err != nil {
		t.Fatal(err)
	}
	devCA, err := os.ReadFile(filepath.Join(keys, "ca.pem"))
	if err != nil {
		t.Fatal(err)
	}
	e := newBSrECLI(t, false, "", devCA)
	out := filepath.Join(e.dir, "signed.pdf")
	code, stdout, stderr := runCLI("sign", e.pdf, "-o", out, "--bsre-config", e.cfg,
		"--pertama", filepath.Join(keys, "pertama.p12"), "--pertama-password-file", filepath.Join(keys, "pertama.p12.pass"),
		"--kedua-bsre", "uji", "--kedua-passphrase-file", filepath.Join(e.dir, "kedua.pass"))
	if code != exitOK {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, vout, verr := runCLI("verify", out, "--trust", filepath.Join(e.dir, "ca.pem"))
	if code != exitOK {
		t.Errorf("verify: exit %d\n%s\n%s", code, vout, verr)
	}
}

// Each failure: exit 1, its own words on stderr, no output file, no
// passphrase anywhere.
func TestSignBSrECLIErrors(t *testing.T) {
	cases := []struct {
		name  string
		extra string
		cue   []bsretest.Cue
		args  []string
		pass  string // passphrase file content ("" = the party's)
		words string
	}{
		{"wrong passphrase", "", nil, nil, "salah-sekali", "wrong passphrase"},
		{"unknown NIK", "", nil, []string{"--nik", "3171999999999999"}, "", "the NIK is not registered with BSrE"},
		{"expired", "", nil, []string{"--nik", bsretest.NIKExpired}, bsretest.Passphrase(bsretest.NIKExpired), "has expired"},
		{"timeout", "batas_waktu = \"200ms\"\nulang = 0", []bsretest.Cue{bsretest.CueSlow}, nil, "", "is down or not answering"},
		{"5xx", "ulang = 0", []bsretest.Cue{bsretest.CueServerError}, nil, "", "HTTP 503"},
		{"not a PDF", "", []bsretest.Cue{bsretest.CueNotPDF}, nil, "", "not a PDF"},
		{"wrong prefix", "", []bsretest.Cue{bsretest.CueWrongPrefix}, nil, "", "does not begin with the document sent"},
		{"wrong person", "", []bsretest.Cue{bsretest.CueWrongPerson}, nil, "", "certificate of another person"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newBSrECLI(t, true, tc.extra)
			e.fx.Queue(tc.cue...)
			passFile := filepath.Join(e.dir, "pertama.pass")
			if tc.pass != "" {
				passFile = filepath.Join(e.dir, "this.pass")
				if err := os.WriteFile(passFile, []byte(tc.pass), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(e.dir, "out", "signed.pdf")
			args := append([]string{"sign", e.pdf, "-o", out, "--party", "pertama", "--bsre", "uji",
				"--bsre-config", e.cfg, "--passphrase-file", passFile}, tc.args...)
			code, stdout, stderr := runCLI(args...)
			if code != exitBadInput || !strings.Contains(stderr, tc.words) {
				t.Errorf("exit %d, stderr %q, want %q", code, stderr, tc.words)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s written", out)
			}
			secrets(t, e.dir, stdout, stderr)
		})
	}
}

// A batch keeps going and lists the failures at the end.
func TestSignBSrECLIBatch(t *testing.T) {
	e := newBSrECLI(t, true, "")
	in := filepath.Join(e.dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	doc, _ := os.ReadFile(e.pdf)
	for _, name := range []string{"a.pdf", "c.pdf"} {
		if err := os.WriteFile(filepath.Join(in, name), doc, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(in, "b.pdf"), []byte("%PDF-1.4\nbroken"), 0o644); err != nil {
		t.Fatal(err)
	}
	outDir := filepath.Join(e.dir, "signed")
	code, stdout, stderr := runCLI("sign", in, "--out-dir", outDir, "--party", "pertama", "--bsre", "uji",
		"--bsre-config", e.cfg, "--passphrase-file", filepath.Join(e.dir, "pertama.pass"))
	if code != exitBadInput || !strings.Contains(stderr, "1 of 3 not signed") || !strings.Contains(stderr, "b.pdf") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	for name, want := range map[string]bool{"a.pdf": true, "b.pdf": false, "c.pdf": true} {
		if _, err := os.Stat(filepath.Join(outDir, name)); (err == nil) != want {
			t.Errorf("%s written: %v, want %v", name, err == nil, want)
		}
	}
	secrets(t, e.dir, stdout, stderr)
}

// regexpMatch reports whether pattern matches s.
func regexpMatch(pattern, s string) bool { return regexp.MustCompile(pattern).MatchString(s) }

// timeNow is the time of the development keys.
func timeNow() time.Time { return time.Now() }
