package archive

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// addFixtures adds the signed fixtures with the given indexes and returns
// their entries.
func addFixtures(t *testing.T, a *Archive, idx ...int) []Entry {
	t.Helper()
	f := getFixtures(t)
	var es []Entry
	for _, i := range idx {
		e, added, err := a.Add(writeFile(t, t.TempDir(), "pk.pdf", f.signed[i]))
		if err != nil || !added {
			t.Fatalf("Add fixture %d: added %v, %v", i, added, err)
		}
		es = append(es, e)
	}
	return es
}

// TestSupersede checks the rule: a later signed copy of the same
// agreement (fixtures 0 and 2, 1 and 5: same year, unit, kind, title)
// supersedes the current one; List shows the current copies, All the
// history; Verify still verifies every copy; the same file again is no
// new record.
func TestSupersede(t *testing.T) {
	dir := t.TempDir()
	a := openArchive(t, dir, false)
	es := addFixtures(t, a, 0, 1, 2, 5, 3)
	want := []int{0, 0, 1, 2, 0}
	for i, e := range es {
		if e.Supersedes != want[i] {
			t.Errorf("record %d supersedes %d, want %d", e.Seq, e.Supersedes, want[i])
		}
	}
	if _, added, err := a.Add(writeFile(t, t.TempDir(), "again.pdf", getFixtures(t).signed[0])); added || err != nil {
		t.Errorf("the identical file again: added %v, %v; want already archived", added, err)
	}
	if got := seqs(t, a, Filter{}); got != "3 4 5" {
		t.Errorf("List = records %s, want 3 4 5", got)
	}
	if got := seqs(t, a, Filter{All: true}); got != "1 2 3 4 5" {
		t.Errorf("List all = records %s, want 1 2 3 4 5", got)
	}
	rep, err := a.Verify()
	if err != nil || !rep.OK() || rep.Verified != 5 {
		t.Fatalf("Verify = %+v, %v; want OK with 5 files verified", rep, err)
	}
}

// seqs lists the seq of every entry List returns for f.
func seqs(t *testing.T, a *Archive, f Filter) string {
	t.Helper()
	es, err := a.List(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, strconv.Itoa(e.Seq))
	}
	return strings.Join(out, " ")
}

// TestSupersedeAfterRebuild checks that the identity markers are rebuilt
// with the chain head: an archive whose DIR/.chain was removed still
// finds the copy a new one supersedes.
func TestSupersedeAfterRebuild(t *testing.T) {
	dir := t.TempDir()
	a := openArchive(t, dir, false)
	addFixtures(t, a, 0, 1)
	if err := os.RemoveAll(filepath.Join(dir, chainDir)); err != nil {
		t.Fatal(err)
	}
	es := addFixtures(t, a, 2)
	if es[0].Supersedes != 1 {
		t.Errorf("after rebuild: supersedes %d, want 1", es[0].Supersedes)
	}
	if rep, err := a.Verify(); err != nil || !rep.OK() {
		t.Errorf("Verify = %+v, %v", rep, err)
	}
}

// TestVerifyForgedSupersedes checks that a record claiming to supersede
// a copy of another agreement is a problem, even with its hash recomputed.
func TestVerifyForgedSupersedes(t *testing.T) {
	dir := t.TempDir()
	a := openArchive(t, dir, false)
	es := addFixtures(t, a, 0, 1, 3)
	lines := indexLines(t, dir)
	e := es[2]
	e.Supersedes = 1 // record 1 is another unit's agreement
	raw, err := encodeRecord(&e)
	if err != nil {
		t.Fatal(err)
	}
	lines[2] = string(raw)
	writeIndex(t, dir, lines)
	rep, err := a.Verify()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(findings(rep.Problems), "|")
	if !strings.Contains(got, "record 3 ") {
		t.Errorf("problems %q lack the record 3 finding", got)
	}
	for _, p := range rep.Problems {
		if p.Kind == BadRecord && !strings.Contains(p.Detail, "supersedes record 1, which is not an earlier signed copy of the same agreement") {
			t.Errorf("record problem %q", p.Detail)
		}
	}
}

// TestSupersedeInOlderArchive checks an archive whose head was written
// before identity markers existed: Verify accepts it, and the next Add
// writes the markers and finds the copy it supersedes.
func TestSupersedeInOlderArchive(t *testing.T) {
	dir := t.TempDir()
	a := openArchive(t, dir, false)
	addFixtures(t, a, 0, 1)
	if err := os.RemoveAll(filepath.Join(dir, chainDir, identityName)); err != nil {
		t.Fatal(err)
	}
	if rep, err := a.Verify(); err != nil || !rep.OK() {
		t.Fatalf("Verify of the older archive = %+v, %v", rep, err)
	}
	if es := addFixtures(t, a, 5); es[0].Supersedes != 2 {
		t.Errorf("supersedes %d, want 2", es[0].Supersedes)
	}
	if rep, err := a.Verify(); err != nil || !rep.OK() {
		t.Errorf("Verify = %+v, %v", rep, err)
	}
}
