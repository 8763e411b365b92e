package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"kinerja/archive"
	"kinerja/archive/archivetest"
)

// archivePDFs are the PDFs of the archive CLI tests, made once.
type archivePDFs struct {
	caPEM                          []byte
	a2021, b2022, untrusted, draft []byte
	a2021again                     []byte // the same agreement as a2021, signed again
}

var (
	archivePDFsOnce sync.Once
	archivePDFsVal  archivePDFs
	archivePDFsErr  error
)

// archiveFixtures returns the shared PDFs.
func archiveFixtures(t *testing.T) archivePDFs {
	t.Helper()
	archivePDFsOnce.Do(func() { archivePDFsVal, archivePDFsErr = makeArchivePDFs() })
	if archivePDFsErr != nil {
		t.Fatal(archivePDFsErr)
	}
	return archivePDFsVal
}

// makeArchivePDFs signs two agreements with a trusted test CA, one with an
// untrusted CA, and makes an unsigned draft.
func makeArchivePDFs() (archivePDFs, error) {
	var f archivePDFs
	pki, err := archivetest.NewPKI("archive cli", "Archive CLI Signer")
	if err != nil {
		return f, err
	}
	defer pki.Close()
	other, err := archivetest.NewPKI("rogue", "Rogue Signer")
	if err != nil {
		return f, err
	}
	defer other.Close()
	f.caPEM = pki.RootPEM()
	if f.a2021, err = archivetest.SignedPDF(pki, archivetest.Info(2021, "Badan Pelayanan Pengadaan Barang/Jasa"), "a", 3); err != nil {
		return f, err
	}
	if f.a2021again, err = archivetest.SignedPDF(pki, archivetest.Info(2021, "Badan Pelayanan Pengadaan Barang/Jasa"), "a, signed again", 3); err != nil {
		return f, err
	}
	if f.b2022, err = archivetest.SignedPDF(pki, archivetest.Info(2022, "Dinas Pendidikan"), "b", 3); err != nil {
		return f, err
	}
	if f.untrusted, err = archivetest.SignedPDF(other, archivetest.Info(2021, "Dinas Pendidikan"), "c", 3); err != nil {
		return f, err
	}
	info := archivetest.Info(2022, "Dinas Pendidikan")
	f.draft, err = archivetest.DraftPDF(&info, "draft", 3)
	return f, err
}

// archiveCLI runs the program with args and returns exit code and output.
func archiveCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestArchiveCLI runs a sequence of commands against one archive; each
// step sees the archive left by the steps before it.
func TestArchiveCLI(t *testing.T) {
	f := archiveFixtures(t)
	src, arsip := t.TempDir(), filepath.Join(t.TempDir(), "arsip")
	files := map[string][]byte{"a.pdf": f.a2021, "b.pdf": f.b2022, "rogue.pdf": f.untrusted, "draft.pdf": f.draft, "ca.pem": f.caPEM}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(src, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := func(name string) string { return filepath.Join(src, name) }
	ca := p("ca.pem")
	steps := []archiveStep{
		{[]string{"archive"}, exitUsage, "", `usage:`},
		{[]string{"archive", "bogus"}, exitUsage, "", `unknown subcommand "bogus"`},
		{[]string{"archive", "add", "--dir", arsip}, exitUsage, "", `no PDF file given`},
		{[]string{"archive", "add", "--bogus", p("a.pdf")}, exitUsage, "", `^kinerja archive add: unknown flag --bogus \(kinerja archive add --help lists the flags\)\n$`},
		{[]string{"archive", "verify", "--dir", arsip}, exitBadInput, "", `verify archive: .*no such file`},
		{[]string{"archive", "list", "--dir", arsip}, exitOK, `^SEQ +YEAR +UNIT +KIND +SIGNERS +PATH\n$`, ""},
		{[]string{"archive", "add", p("a.pdf"), "--dir", arsip, "--trust", ca}, exitOK,
			`^archived .*a\.pdf as .*arsip/2021/badan-pelayanan-pengadaan-barang-jasa/a-[0-9a-f]{12}\.pdf \(pertama BLESSMIYANDA, kedua ANIES BASWEDAN\)\n$`, "^$"},
		{[]string{"archive", "add", p("a.pdf"), "--dir", arsip, "--trust", ca}, exitOK, `^already archived .*a\.pdf as `, "^$"},
		{[]string{"archive", "add", p("rogue.pdf"), "--dir", arsip, "--trust", ca}, exitBadInput, "^$",
			`^kinerja archive add .*rogue\.pdf: invalid signature: signature 1 \(pertama\): certificate not trusted`},
		{[]string{"archive", "add", p("a.pdf"), "--dir", arsip}, exitOK, `already archived`, ""}, // no-op before any check
		{[]string{"archive", "add", p("b.pdf"), "--dir", arsip}, exitBadInput, "^$", `b\.pdf: invalid signature: .*not trusted`},
		{[]string{"archive", "add", p("draft.pdf"), "--dir", arsip, "--trust", ca}, exitBadInput, "^$", `draft\.pdf: the PDF is not signed \(use --allow-unsigned`},
		{[]string{"archive", "add", "--dir", arsip, "--trust", ca, p("draft.pdf"), "--allow-unsigned", p("b.pdf"), p("missing.pdf")}, exitBadInput,
			`(?s)archived .*draft\.pdf as .*arsip/2022/dinas-pendidikan/draft-[0-9a-f]{12}\.pdf \(unsigned draft\)\narchived .*b\.pdf as `, `missing\.pdf: no such file`},
		{[]string{"archive", "list", "--dir", arsip}, exitOK,
			`(?s)^SEQ +YEAR +UNIT +KIND +SIGNERS +PATH\n1 +2021 +Badan Pelayanan Pengadaan Barang/Jasa +perjanjian +pertama BLESSMIYANDA, kedua ANIES BASWEDAN +2021/.*\n2 +2022 +Dinas Pendidikan +perjanjian +draft +2022/dinas-pendidikan/draft-.*\n3 +2022 .*dinas-pendidikan/b-[0-9a-f]+\.pdf\n$`, ""},
		{[]string{"archive", "list", "--dir", arsip, "--unit", "dinas pendidikan", "--year", "2021"}, exitOK, `^SEQ +YEAR.*\n$`, ""},
		{[]string{"archive", "list", "--year", "x"}, exitUsage, "", `^kinerja archive list: --year x: expected a whole number such as 4\n$`},
		{[]string{"archive", "verify", "--dir", arsip, "--trust", ca}, exitOK,
			`^archive .*arsip: OK: 3 records, 3 files verified \(1 drafts, hash only\), 0 problems, 0 warnings\nhead [0-9a-f]{64} `, "^$"},
		{[]string{"archive", "verify", "--dir", arsip}, exitBadInput, `PROBLEM index.jsonl:1: invalid 2021/.*not trusted(?s).*FAILED: 3 records, 1 files verified \(1 drafts`, ""},
		{[]string{"archive", "verify", "extra", "--dir", arsip}, exitUsage, "", `unexpected argument "extra"`},
	}
	runArchiveSteps(t, steps)
}

// archiveStep is one command of a sequence run against one archive.
type archiveStep struct {
	args           []string
	code           int
	stdout, stderr string // regular expressions; "" matches anything
}

// runArchiveSteps runs the steps in order; each sees the archive left by
// the steps before it.
func runArchiveSteps(t *testing.T, steps []archiveStep) {
	t.Helper()
	for i, s := range steps {
		code, out, errOut := archiveCLI(s.args...)
		name := fmt.Sprintf("step %d %v", i+1, s.args[1:])
		if code != s.code {
			t.Errorf("%s: exit %d, want %d\nstdout: %s\nstderr: %s", name, code, s.code, out, errOut)
		}
		for _, m := range []struct{ what, got, re string }{{"stdout", out, s.stdout}, {"stderr", errOut, s.stderr}} {
			if m.re != "" && !regexp.MustCompile(m.re).MatchString(m.got) {
				t.Errorf("%s: %s does not match %q:\n%s", name, m.what, m.re, m.got)
			}
		}
	}
}

func TestArchiveCLIListJSONAndTamper(t *testing.T) {
	f := archiveFixtures(t)
	src, arsip := t.TempDir(), t.TempDir()
	ca := filepath.Join(src, "ca.pem")
	os.WriteFile(ca, f.caPEM, 0o644)
	for i, b := range [][]byte{f.a2021, f.b2022} { // in order: b is record 2
		name := fmt.Sprintf("%c.pdf", 'a'+i)
		os.WriteFile(filepath.Join(src, name), b, 0o644)
		if code, _, errOut := archiveCLI("archive", "add", filepath.Join(src, name), "--dir", arsip, "--trust", ca); code != exitOK {
			t.Fatalf("add %s: %s", name, errOut)
		}
	}
	code, out, _ := archiveCLI("archive", "list", "--dir", arsip, "--year", "2022", "--json")
	var es []archive.Entry
	if err := json.Unmarshal([]byte(out), &es); code != exitOK || err != nil || len(es) != 1 || es[0].Year != 2022 {
		t.Fatalf("list --json = %d %v %+v\n%s", code, err, es, out)
	}
	if !strings.Contains(out, `"seq": 2,`) || strings.Index(out, `"seq"`) > strings.Index(out, `"path"`) {
		t.Errorf("JSON fields not in the documented order:\n%s", out)
	}
	stored := filepath.Join(arsip, filepath.FromSlash(es[0].Path))
	os.Chmod(stored, 0o644)
	b, _ := os.ReadFile(stored)
	b[100] ^= 0x20
	os.WriteFile(stored, b, 0o644)
	code, out, _ = archiveCLI("archive", "verify", "--dir", arsip, "--trust", ca)
	want := fmt.Sprintf("PROBLEM index.jsonl:2: altered %s: sha256 ", es[0].Path)
	if code != exitBadInput || !strings.HasPrefix(out, want) || !strings.Contains(out, "FAILED: 2 records, 1 files verified") {
		t.Errorf("verify after tampering: exit %d\n%s\nwant prefix %q", code, out, want)
	}
}

// TestArchiveCLISupersedeAndSummary archives the same agreement twice
// (signed again) among other files: the identical file is "already
// archived", the new copy supersedes the first, several files end with
// the batch summary line, list shows the current copies (--all every
// one) and --unit matches a part of the name in any case.
func TestArchiveCLISupersedeAndSummary(t *testing.T) {
	f := archiveFixtures(t)
	src, arsip := t.TempDir(), filepath.Join(t.TempDir(), "arsip")
	p := func(name string) string { return filepath.Join(src, name) }
	for name, b := range map[string][]byte{"a.pdf": f.a2021, "a2.pdf": f.a2021again, "b.pdf": f.b2022, "ca.pem": f.caPEM} {
		if err := os.WriteFile(p(name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	row := func(seq int, unit, note string) string {
		return fmt.Sprintf(`%d +\d{4} +%s +perjanjian +pertama BLESSMIYANDA, kedua ANIES BASWEDAN +\S+\.pdf%s\n`, seq, unit, regexp.QuoteMeta(note))
	}
	bppbj, dinas := regexp.QuoteMeta("Badan Pelayanan Pengadaan Barang/Jasa"), "Dinas Pendidikan"
	steps := []archiveStep{
		{[]string{"archive", "add", p("a.pdf"), "--dir", arsip, "--trust", p("ca.pem")}, exitOK, `^archived .*\n$`, `^$`},
		{[]string{"archive", "add", p("a.pdf"), p("a2.pdf"), p("b.pdf"), "--dir", arsip, "--trust", p("ca.pem")}, exitOK,
			`^already archived ` + regexp.QuoteMeta(p("a.pdf")) + ` as .*\.pdf\narchived ` + regexp.QuoteMeta(p("a2.pdf")) + ` as .*/a2-[0-9a-f]{12}\.pdf \(pertama BLESSMIYANDA, kedua ANIES BASWEDAN\) \(supersedes record 1\)\narchived ` + regexp.QuoteMeta(p("b.pdf")) + ` as .*\n$`,
			`^skip 1 file \(already archived\): ` + regexp.QuoteMeta(p("a.pdf")) + `\n3 files: 2 ok, 1 skipped, 0 failed \(\d+\.\d s, \d+ files/s\)\n$`},
		{[]string{"archive", "list", "--dir", arsip}, exitOK, `^SEQ.*\n` + row(2, bppbj, " (supersedes record 1)") + row(3, dinas, "") + `$`, `^$`},
		{[]string{"archive", "list", "--dir", arsip, "--all"}, exitOK, `^SEQ.*\n` + row(1, bppbj, "") + row(2, bppbj, " (supersedes record 1)") + row(3, dinas, "") + `$`, `^$`},
		{[]string{"archive", "list", "--dir", arsip, "--unit", "pengadaan BARANG"}, exitOK, `^SEQ.*\n` + row(2, bppbj, " (supersedes record 1)") + `$`, `^$`},
		{[]string{"archive", "list", "--dir", arsip, "--unit", "JASA", "--all"}, exitOK, `^SEQ.*\n` + row(1, bppbj, "") + row(2, bppbj, " (supersedes record 1)") + `$`, `^$`},
		{[]string{"archive", "list", "--dir", arsip, "--unit", "pendidikan", "--year", "2021"}, exitOK, `^SEQ.*\n$`, `^$`},
		{[]string{"archive", "verify", "--dir", arsip, "--trust", p("ca.pem")}, exitOK, `^archive .*: OK: 3 records, 3 files verified \(0 drafts, hash only\), 0 problems, 0 warnings\n`, `^$`},
	}
	runArchiveSteps(t, steps)
}
