package archive

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCrashAfterAppend(t *testing.T) {
	f := getFixtures(t)
	dir := t.TempDir()
	src := writeFile(t, t.TempDir(), "pk.pdf", f.signed[0])
	crash(t, dir, src, "after-append")
	a := openArchive(t, dir, false)
	rep, err := a.Verify()
	if err != nil || !rep.OK() || len(rep.Warnings) != 1 || rep.Warnings[0].Kind != HeadKind {
		t.Fatalf("after crash: %+v, %v", rep, err)
	}
	if _, added, err := a.Add(src); err != nil || added {
		t.Fatalf("Add of the file whose add died = %v, %v; want present", added, err)
	}
	if _, added, err := a.Add(writeFile(t, t.TempDir(), "pk2.pdf", f.signed[1])); err != nil || !added {
		t.Fatalf("Add after crash = %v, %v", added, err)
	}
	if rep, _ := a.Verify(); !rep.OK() || len(rep.Warnings) != 0 || rep.Records != 2 {
		t.Errorf("after recovery: %+v", rep)
	}
}

func TestAddRefusesHeadMismatch(t *testing.T) {
	f := getFixtures(t)
	tests := []struct {
		name   string
		tamper func(t *testing.T, dir string, es []Entry)
	}{
		{"removed last record", func(t *testing.T, dir string, es []Entry) {
			writeIndex(t, dir, indexLines(t, dir)[:2])
		}},
		{"edited last record", func(t *testing.T, dir string, es []Entry) {
			lines := indexLines(t, dir)
			lines[2] = strings.Replace(lines[2], `"draft":false`, `"draft":true `, 1)
			writeIndex(t, dir, lines)
		}},
		{"two records appended by hand", func(t *testing.T, dir string, es []Entry) {
			lines := indexLines(t, dir)
			writeIndex(t, dir, append(lines, lines[2], lines[2]))
		}},
		{"marker naming another record", func(t *testing.T, dir string, es []Entry) {
			b, _ := os.ReadFile(markerPath(dir, markerName, es[0].SHA256))
			os.MkdirAll(filepath.Dir(markerPath(dir, markerName, f0(t))), 0o755)
			writeFile(t, filepath.Dir(markerPath(dir, markerName, f0(t))), f0(t), b)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, dir, es := archiveOf3(t)
			tt.tamper(t, dir, es)
			before, _ := os.ReadFile(filepath.Join(dir, IndexName))
			if _, _, err := a.Add(writeFile(t, t.TempDir(), "new.pdf", f.signed[3])); !errors.Is(err, ErrHeadMismatch) {
				t.Errorf("Add = %v, want ErrHeadMismatch", err)
			}
			if after, _ := os.ReadFile(filepath.Join(dir, IndexName)); string(after) != string(before) {
				t.Error("Add changed the index")
			}
			rep, err := a.Verify()
			if err != nil || rep.OK() || !hasKind(rep.Problems, HeadKind) {
				t.Errorf("Verify = %+v, %v; want a head problem", rep, err)
			}
		})
	}
}

// f0 is the content hash of fixture 3, not yet in archiveOf3's archive.
func f0(t *testing.T) string { return sum(getFixtures(t).signed[3]) }

// hasKind reports whether ps holds a problem of kind k.
func hasKind(ps []Problem, k ProblemKind) bool {
	for _, p := range ps {
		if p.Kind == k {
			return true
		}
	}
	return false
}

func TestRebuildChain(t *testing.T) {
	f := getFixtures(t)
	a, dir, es := archiveOf3(t)
	if err := os.RemoveAll(filepath.Join(dir, chainDir)); err != nil {
		t.Fatal(err)
	}
	rep, err := a.Verify()
	if err != nil || !rep.OK() || len(rep.Warnings) != 1 || rep.Warnings[0].Kind != HeadKind {
		t.Fatalf("without a head: %+v, %v", rep, err)
	}
	e, added, err := a.Add(writeFile(t, t.TempDir(), "again.pdf", f.signed[1]))
	if err != nil || added || e.Path != es[1].Path {
		t.Fatalf("Add of an archived file = %+v, %v, %v; want it present", e, added, err)
	}
	if e, added, err = a.Add(writeFile(t, t.TempDir(), "new.pdf", f.signed[3])); err != nil || !added || e.Seq != 4 {
		t.Fatalf("Add after rebuild = %+v, %v, %v", e, added, err)
	}
	if rep, _ := a.Verify(); !rep.OK() || len(rep.Warnings) != 0 || rep.Records != 4 {
		t.Errorf("after rebuild: %+v", rep)
	}
}

func TestVerifyReportsStrayMarker(t *testing.T) {
	_, dir, es := archiveOf3(t)
	if err := os.Rename(markerPath(dir, markerName, es[1].SHA256), markerPath(dir, markerName, es[1].SHA256[:63]+"x")); err != nil {
		t.Fatal(err)
	}
	rep, err := openArchive(t, dir, false).Verify()
	if err != nil || len(rep.Problems) != 1 || rep.Problems[0].Kind != HeadKind {
		t.Fatalf("Verify = %+v, %v", rep, err)
	}
	for _, want := range []string{"record 2 has no marker", "names no record"} {
		if !strings.Contains(rep.Problems[0].Detail, want) {
			t.Errorf("problem %q does not say %q", rep.Problems[0].Detail, want)
		}
	}
}
