package archive

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// archiveOf3 makes an archive holding fixtures 0..2 and returns it with
// the entries.
func archiveOf3(t *testing.T) (*Archive, string, []Entry) {
	t.Helper()
	f := getFixtures(t)
	dir := t.TempDir()
	a := openArchive(t, dir, false)
	var es []Entry
	for i := 0; i < 3; i++ {
		e, _, err := a.Add(writeFile(t, t.TempDir(), "pk.pdf", f.signed[i]))
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, e)
	}
	return a, dir, es
}

func TestVerifyDetectsTampering(t *testing.T) {
	tests := []struct {
		name   string
		tamper func(t *testing.T, dir string, es []Entry)
		want   func(es []Entry) []string // "kind line path"
	}{
		{"one byte of a file", func(t *testing.T, dir string, es []Entry) {
			p := filepath.Join(dir, filepath.FromSlash(es[1].Path))
			b, _ := os.ReadFile(p)
			b[len(b)/2] ^= 1
			os.Chmod(p, 0o644)
			writeFile(t, dir, filepath.FromSlash(es[1].Path), b)
		}, func(es []Entry) []string { return []string{"altered 2 " + es[1].Path} }},
		{"deleted file", func(t *testing.T, dir string, es []Entry) {
			os.Remove(filepath.Join(dir, filepath.FromSlash(es[2].Path)))
		}, func(es []Entry) []string { return []string{"missing 3 " + es[2].Path} }},
		{"edited record", func(t *testing.T, dir string, es []Entry) {
			lines := indexLines(t, dir)
			lines[1] = strings.Replace(lines[1], `"year":2022`, `"year":2023`, 1)
			writeIndex(t, dir, lines)
		}, func(es []Entry) []string { return []string{"chain 2 ", "chain 3 ", "head 0 "} }}, // the identity marker names the record as it was
		{"edited record with recomputed hash", func(t *testing.T, dir string, es []Entry) {
			lines := indexLines(t, dir)
			e := es[1]
			e.Unit = "Dinas Lain"
			raw, _ := encodeRecord(&e)
			lines[1] = string(raw)
			writeIndex(t, dir, lines)
		}, func(es []Entry) []string { return []string{"chain 3 ", "head 0 "} }},
		{"reordered records", func(t *testing.T, dir string, es []Entry) {
			lines := indexLines(t, dir)
			lines[1], lines[2] = lines[2], lines[1]
			writeIndex(t, dir, lines)
		}, func(es []Entry) []string { return []string{"chain 2 ", "chain 2 ", "chain 3 ", "chain 3 ", "head 0 "} }},
		{"removed record", func(t *testing.T, dir string, es []Entry) {
			lines := indexLines(t, dir)
			writeIndex(t, dir, []string{lines[0], lines[2]})
		}, func(es []Entry) []string {
			return []string{"chain 2 ", "chain 2 ", "unindexed 0 " + es[1].Path, "head 0 "}
		}},
		{"removed last record", func(t *testing.T, dir string, es []Entry) {
			writeIndex(t, dir, indexLines(t, dir)[:2])
		}, func(es []Entry) []string { return []string{"unindexed 0 " + es[2].Path, "head 0 "} }},
		{"stray file", func(t *testing.T, dir string, es []Entry) {
			writeFile(t, filepath.Dir(filepath.Join(dir, filepath.FromSlash(es[0].Path))), "stray.pdf", []byte("%PDF-1.4"))
		}, func(es []Entry) []string {
			return []string{"unindexed 0 " + filepath.ToSlash(filepath.Join(filepath.Dir(es[0].Path), "stray.pdf"))}
		}},
		{"torn last record", func(t *testing.T, dir string, es []Entry) {
			b, _ := os.ReadFile(filepath.Join(dir, IndexName))
			writeFile(t, dir, IndexName, append(b, `{"seq":4,"pa`...))
		}, func(es []Entry) []string { return []string{"record 4 ", "chain 4 "} }},
		{"record pointing outside", func(t *testing.T, dir string, es []Entry) {
			lines := indexLines(t, dir)
			e := es[2]
			e.Path = "../../etc/passwd.pdf"
			e.Prev = lineHash([]byte(lines[1]))
			raw, _ := encodeRecord(&e)
			lines[2] = string(raw)
			writeIndex(t, dir, lines)
		}, func(es []Entry) []string {
			return []string{"record 3 ../../etc/passwd.pdf", "unindexed 0 " + es[2].Path, "head 0 "}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, dir, es := archiveOf3(t)
			tt.tamper(t, dir, es)
			rep, err := a.Verify()
			if err != nil {
				t.Fatal(err)
			}
			got, want := findings(rep.Problems), tt.want(es)
			if !slices.Equal(got, want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if rep.OK() {
				t.Error("report OK after tampering")
			}
		})
	}
}

func TestVerifyInvalidUnderOtherRoots(t *testing.T) {
	_, dir, es := archiveOf3(t)
	a, err := Open(dir, Options{Roots: getFixtures(t).other.Roots(), Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := a.Verify()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"invalid 1 " + es[0].Path, "invalid 2 " + es[1].Path, "invalid 3 " + es[2].Path}
	if got := findings(rep.Problems); !slices.Equal(got, want) {
		t.Errorf("problems = %v, want %v", got, want)
	}
}

func TestVerifyMessagesNameLines(t *testing.T) {
	a, dir, es := archiveOf3(t)
	os.Remove(filepath.Join(dir, filepath.FromSlash(es[0].Path)))
	rep, _ := a.Verify()
	if len(rep.Problems) != 1 || rep.Problems[0].String() != "index.jsonl:1: missing "+es[0].Path+": file not found" {
		t.Errorf("problems = %v", rep.Problems)
	}
}

// crash runs a helper process that adds src and dies at stage.
func crash(t *testing.T, dir, src, stage string) {
	t.Helper()
	ca := writeFile(t, t.TempDir(), "ca.pem", getFixtures(t).pki.RootPEM())
	cmd := runHelper(t, dir, ca, stage, []string{src})
	err := cmd.Run()
	if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != crashExit {
		t.Fatalf("helper did not crash at %s: %v\n%s", stage, err, cmd.Stdout)
	}
}

func TestCrashBeforeRename(t *testing.T) {
	f := getFixtures(t)
	dir := t.TempDir()
	src := writeFile(t, t.TempDir(), "pk.pdf", f.signed[0])
	crash(t, dir, src, "before-rename")
	a := openArchive(t, dir, false)
	rep, err := a.Verify()
	if err != nil || !rep.OK() || len(rep.Warnings) != 1 || rep.Warnings[0].Kind != Temp {
		t.Fatalf("after crash: %+v, %v", rep, err)
	}
	temp := filepath.Join(dir, filepath.FromSlash(rep.Warnings[0].Path))
	if err := os.Chtimes(temp, testNow, testNow); err != nil { // fresh by the test clock
		t.Fatal(err)
	}
	if _, added, err := a.Add(src); err != nil || !added {
		t.Fatalf("Add after crash = %v, %v", added, err)
	}
	if _, err := os.Stat(temp); err != nil {
		t.Errorf("fresh temp file removed: %v", err)
	}
	old := testNow.Add(-2 * time.Hour)
	if err := os.Chtimes(temp, old, old); err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.Add(writeFile(t, t.TempDir(), "pk2.pdf", f.signed[2])); err != nil { // same unit dir
		t.Fatal(err)
	}
	if _, err := os.Stat(temp); !os.IsNotExist(err) {
		t.Errorf("stale temp file kept: %v", err)
	}
	if rep, _ := a.Verify(); !rep.OK() || len(rep.Warnings) != 0 || rep.Verified != 2 {
		t.Errorf("final verify: %+v", rep)
	}
}

func TestCrashAfterRenameThenRepair(t *testing.T) {
	f := getFixtures(t)
	dir := t.TempDir()
	src := writeFile(t, t.TempDir(), "pk.pdf", f.signed[0])
	crash(t, dir, src, "after-rename")
	a := openArchive(t, dir, false)
	rep, err := a.Verify()
	if err != nil || rep.OK() || len(rep.Problems) != 1 || rep.Problems[0].Kind != Unindexed {
		t.Fatalf("after crash: %+v, %v", rep, err)
	}
	e, added, err := a.Add(src)
	if err != nil || !added || e.Path != rep.Problems[0].Path {
		t.Fatalf("repairing Add = %+v, %v, %v", e, added, err)
	}
	if rep, _ := a.Verify(); !rep.OK() || rep.Records != 1 || rep.Verified != 1 {
		t.Errorf("after repair: %+v", rep)
	}
}
