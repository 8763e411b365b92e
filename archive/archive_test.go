package archive

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"kinerja/internal/testtool"
)

func TestAddStoresByYearAndUnit(t *testing.T) {
	f := getFixtures(t)
	dir := t.TempDir()
	a := openArchive(t, dir, false)
	src := writeFile(t, t.TempDir(), "PK 2021 BPPBJ.pdf", f.signed[0])
	e, added, err := a.Add(src)
	if err != nil || !added {
		t.Fatalf("Add = %v, %v", added, err)
	}
	want := "2021/badan-pelayanan-pengadaan-barang-jasa-provinsi-dki-jakarta/pk-2021-bppbj-" + sum(f.signed[0])[:12] + ".pdf"
	if e.Path != want {
		t.Errorf("path = %q, want %q", e.Path, want)
	}
	got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(e.Path)))
	if err != nil || string(got) != string(f.signed[0]) {
		t.Fatalf("stored copy differs from the source (err %v)", err)
	}
	if e.Seq != 1 || e.Prev != zeroHash || e.Draft || e.Kind != "perjanjian" || e.Year != 2021 || !e.Added.Equal(testNow) {
		t.Errorf("entry = %+v", e)
	}
	if len(e.Signers) != 2 || e.Signers[0].Party != "pertama" || e.Signers[1].Party != "kedua" || e.Signers[0].SigningTime.IsZero() {
		t.Errorf("signers = %+v", e.Signers)
	}
	if strings.Join(e.Parties, ",") != "pertama,kedua" {
		t.Errorf("parties = %v", e.Parties)
	}
}

func TestIndexRecordFormat(t *testing.T) {
	f := getFixtures(t)
	dir := t.TempDir()
	a := openArchive(t, dir, false)
	for i := 0; i < 3; i++ {
		if _, _, err := a.Add(writeFile(t, t.TempDir(), "pk.pdf", f.signed[i])); err != nil {
			t.Fatal(err)
		}
	}
	lines := indexLines(t, dir)
	if len(lines) != 3 {
		t.Fatalf("index has %d lines, want 3", len(lines))
	}
	order := regexp.MustCompile(`^\{"seq":\d+,"path":"[^"]+","sha256":"[0-9a-f]{64}","size":\d+,"year":\d+,"unit":"[^"]*","kind":"[^"]*","title":"[^"]*","parties":\[.*\],"signers":\[.*\],"draft":(true|false),("supersedes":\d+,)?"added":"[^"]+","prev":"[0-9a-f]{64}","hash":"[0-9a-f]{64}"\}$`)
	prev := zeroHash
	for i, l := range lines {
		if !order.MatchString(l) {
			t.Errorf("line %d not in the documented field order: %s", i+1, l)
		}
		var e Entry
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatal(err)
		}
		if e.Seq != i+1 || e.Prev != prev {
			t.Errorf("line %d: seq %d prev %s, want %d %s", i+1, e.Seq, e.Prev, i+1, prev)
		}
		prev = lineHash([]byte(l))
	}
	rep, err := a.Verify()
	if err != nil || !rep.OK() {
		t.Fatalf("Verify = %+v, %v", rep, err)
	}
	if rep.Head != prev || rep.Records != 3 || rep.Verified != 3 {
		t.Errorf("report head %s records %d verified %d, want %s 3 3", rep.Head, rep.Records, rep.Verified, prev)
	}
}

func TestAddSameFileTwiceIsNoOp(t *testing.T) {
	f := getFixtures(t)
	dir := t.TempDir()
	a := openArchive(t, dir, false)
	first, added, err := a.Add(writeFile(t, t.TempDir(), "a.pdf", f.signed[1]))
	if err != nil || !added {
		t.Fatalf("first Add = %v, %v", added, err)
	}
	for _, name := range []string{"a.pdf", "renamed copy.pdf"} {
		again, added, err := a.Add(writeFile(t, t.TempDir(), name, f.signed[1]))
		if err != nil || added || again.Path != first.Path || again.Hash != first.Hash {
			t.Errorf("Add %s again = %+v, %v, %v; want the first entry, not added", name, again, added, err)
		}
	}
	if n := len(indexLines(t, dir)); n != 1 {
		t.Errorf("index has %d lines, want 1", n)
	}
	if files := pdfFiles(t, dir); len(files) != 1 {
		t.Errorf("archive holds %v, want one file", files)
	}
}

func TestAddRefusesInvalidSignature(t *testing.T) {
	f := getFixtures(t)
	tampered := []byte(strings.Replace(string(f.signed[2]), "dokumen 2", "dokumen 9", 1))
	if string(tampered) == string(f.signed[2]) {
		t.Fatal("fixture text not found")
	}
	for name, b := range map[string][]byte{"untrusted": f.untrusted, "tampered": tampered} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			a := openArchive(t, dir, true)
			_, added, err := a.Add(writeFile(t, t.TempDir(), name+".pdf", b))
			var ie *InvalidError
			if !errors.Is(err, ErrInvalid) || !errors.As(err, &ie) || added {
				t.Fatalf("Add = %v, %v; want ErrInvalid", added, err)
			}
			if len(ie.Problems) == 0 || !strings.Contains(err.Error(), "signature") {
				t.Errorf("no reason given: %v", err)
			}
			if files := pdfFiles(t, dir); len(files) != 0 || len(indexLines(t, dir)) != 0 {
				t.Errorf("refused file left traces: %v", files)
			}
		})
	}
}

func TestDraftOnlyWithAllowUnsigned(t *testing.T) {
	f := getFixtures(t)
	dir := t.TempDir()
	src := writeFile(t, t.TempDir(), "draft.pdf", f.draft)
	if _, _, err := openArchive(t, dir, false).Add(src); !errors.Is(err, ErrUnsigned) {
		t.Fatalf("Add without AllowUnsigned = %v, want ErrUnsigned", err)
	}
	if files := pdfFiles(t, dir); len(files) != 0 {
		t.Fatalf("refused draft stored: %v", files)
	}
	a := openArchive(t, dir, true)
	e, added, err := a.Add(src)
	if err != nil || !added || !e.Draft || len(e.Signers) != 0 || !strings.HasPrefix(e.Path, "2022/dinas-sosial/draft-") {
		t.Fatalf("Add draft = %+v, %v, %v", e, added, err)
	}
	rep, err := a.Verify()
	if err != nil || !rep.OK() || rep.Drafts != 1 || rep.Verified != 1 {
		t.Errorf("Verify = %+v, %v", rep, err)
	}
}

func TestAddWithoutInfoGoesToUnknown(t *testing.T) {
	f := getFixtures(t)
	a := openArchive(t, t.TempDir(), false)
	e, _, err := a.Add(writeFile(t, t.TempDir(), "scan.pdf", f.noInfo))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Path, "unknown/unknown/scan-") || e.Year != 0 || e.Draft {
		t.Errorf("entry = %+v", e)
	}
}

func TestAddBadInput(t *testing.T) {
	dir := t.TempDir()
	a := openArchive(t, dir, true)
	if _, _, err := a.Add(filepath.Join(dir, "nope.pdf")); err == nil || !strings.Contains(err.Error(), "nope.pdf") {
		t.Errorf("missing file: %v", err)
	}
	if _, _, err := a.Add(writeFile(t, t.TempDir(), "junk.pdf", []byte("not a pdf"))); err == nil {
		t.Error("junk accepted")
	}
	if files := pdfFiles(t, dir); len(files) != 0 {
		t.Errorf("bad input stored: %v", files)
	}
}

func TestAddConflictNeverOverwrites(t *testing.T) {
	f := getFixtures(t)
	dir := t.TempDir()
	a := openArchive(t, dir, false)
	e := newEntry("x.pdf", sum(f.signed[3]), int64(len(f.signed[3])), testNow, verdictOf(t, f.signed[3]))
	target := filepath.Join(dir, filepath.FromSlash(e.Path))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Dir(target), filepath.Base(target), []byte("someone else's file"))
	_, _, err := a.Add(writeFile(t, t.TempDir(), "x.pdf", f.signed[3]))
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("Add = %v, want ErrConflict", err)
	}
	if got, _ := os.ReadFile(target); string(got) != "someone else's file" {
		t.Error("existing file overwritten")
	}
}

func TestList(t *testing.T) {
	f := getFixtures(t)
	a := openArchive(t, t.TempDir(), false)
	for i := range f.signed {
		if _, _, err := a.Add(writeFile(t, t.TempDir(), "pk.pdf", f.signed[i])); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		filter Filter
		want   int
	}{
		{Filter{All: true}, 6},
		{Filter{}, 4}, // fixtures 2 and 5 supersede 0 and 1 (same year, unit, kind, title)
		{Filter{Year: 2021, All: true}, 3},
		{Filter{Year: 2021}, 2},
		{Filter{Year: 2022}, 2},
		{Filter{Unit: "dinas pendidikan", All: true}, 2},
		{Filter{Unit: "dinas pendidikan"}, 1},
		{Filter{Unit: "Dinas-Pendidikan", Year: 2022, All: true}, 2},
		{Filter{Unit: "Dinas Pendidikan", Year: 2021}, 0},
		{Filter{Unit: "PENGADAAN barang", All: true}, 2},
		{Filter{Unit: "barang-jasa provinsi", All: true}, 2},
		{Filter{Unit: "dinas"}, 2},
		{Filter{Unit: "dinas sosial"}, 0},
		{Filter{Unit: "!!"}, 0},
		{Filter{Year: 1999}, 0},
	}
	for _, tt := range tests {
		got, err := a.List(tt.filter)
		if err != nil || len(got) != tt.want {
			t.Errorf("List(%+v) = %d entries, %v; want %d", tt.filter, len(got), err, tt.want)
		}
		for _, e := range got {
			if !tt.filter.match(&e) {
				t.Errorf("List(%+v) returned %s", tt.filter, e.Path)
			}
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Badan Pelayanan Pengadaan Barang/Jasa Provinsi DKI Jakarta": "badan-pelayanan-pengadaan-barang-jasa-provinsi-dki-jakarta",
		"Dinas Pendidikan":       "dinas-pendidikan",
		"  --Ékonomi & Keuangan": "ekonomi-keuangan",
		"":                       "unknown",
		"///":                    "unknown",
		"../../etc/passwd":       "etc-passwd",
		strings.Repeat("a", 100): strings.Repeat("a", maxSlug),
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMissingArchiveDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "none")
	a := openArchive(t, dir, false)
	if es, err := a.List(Filter{}); err != nil || len(es) != 0 {
		t.Errorf("List = %v, %v; want empty", es, err)
	}
	if _, err := a.Verify(); err == nil || !os.IsNotExist(errors.Unwrap(err)) {
		t.Errorf("Verify = %v, want a not-exist error", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("List or Verify created the archive dir")
	}
}

// TestAddRollsBackTornIndex: a record an Add began and never finished
// (killed, disk full) is cut by the next Add, which then appends its own;
// the archive verifies afterwards.
func TestAddRollsBackTornIndex(t *testing.T) {
	f := getFixtures(t)
	dir := t.TempDir()
	a := openArchive(t, dir, false)
	if _, _, err := a.Add(writeFile(t, t.TempDir(), "a.pdf", f.signed[0])); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(dir, IndexName)
	b, _ := os.ReadFile(idx)
	writeFile(t, dir, IndexName, append(b, `{"seq":2,"pa`...))
	if _, _, err := a.Add(writeFile(t, t.TempDir(), "b.pdf", f.signed[1])); err != nil {
		t.Fatalf("Add after a torn append = %v, want the torn record rolled back", err)
	}
	got, _ := os.ReadFile(idx)
	if !bytes.HasPrefix(got, b) || bytes.Count(got, []byte("\n")) != 2 || !json.Valid(got[len(b):]) {
		t.Errorf("index after the roll-back:\n%s", got)
	}
	rep, err := a.Verify()
	if err != nil || len(rep.Problems) != 0 {
		t.Errorf("Verify after the roll-back = %+v, %v", rep, err)
	}
}

// TestAppendRecordDiskFull: an append that runs out of space half-way
// through its record leaves the index as it was, not torn.
func TestAppendRecordDiskFull(t *testing.T) {
	dir := testtool.SmallDisk(t, 64<<10)
	idx := filepath.Join(dir, IndexName)
	old := append(bytes.Repeat([]byte("x"), 4000), '\n')
	if err := os.WriteFile(idx, old, 0o644); err != nil {
		t.Fatal(err)
	}
	fillDisk(t, filepath.Join(dir, "filler"))
	err := appendRecord(idx, bytes.Repeat([]byte("r"), 300))
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("append on a full disk = %v, want ENOSPC", err)
	}
	if got, _ := os.ReadFile(idx); !bytes.Equal(got, old) {
		t.Fatalf("index after the failed append has %d bytes, want the %d it had", len(got), len(old))
	}
}

// fillDisk writes path until the file system is full.
func fillDisk(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 512)
	for {
		if _, err := f.Write(chunk); err != nil {
			return
		}
	}
}

// FuzzVerifyIndex feeds arbitrary index files to Verify: it must not
// panic, and it may call an index OK only if it is empty.
func FuzzVerifyIndex(f *testing.F) {
	f.Add([]byte(`{"seq":1,"path":"2021/x/a.pdf","sha256":"00","prev":"` + zeroHash + `"}` + "\n"))
	f.Add([]byte("\n\n{}\n"))
	f.Add([]byte(`{"seq":1,"path":"../../etc/passwd.pdf"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		writeFile(t, dir, IndexName, b)
		a, err := Open(dir, Options{Now: clock}) // no roots: no fixtures needed
		if err != nil {
			t.Fatal(err)
		}
		rep, err := a.Verify()
		if err != nil {
			t.Fatal(err)
		}
		if rep.OK() && len(b) > 0 {
			t.Errorf("index %q verified OK", b)
		}
	})
}

func TestVerifyReadOnlyCopy(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions")
	}
	_, dir, _ := archiveOf3(t)
	os.Remove(filepath.Join(dir, lockName))
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	rep, err := openArchive(t, dir, false).Verify()
	if err != nil || !rep.OK() || rep.Verified != 3 {
		t.Errorf("Verify of a read-only archive = %+v, %v", rep, err)
	}
}
