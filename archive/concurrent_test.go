package archive

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// fixtureFiles writes every signed fixture to a temp dir; names repeat so
// that equal names with different content are exercised too.
func fixtureFiles(t *testing.T) []string {
	t.Helper()
	src := t.TempDir()
	var out []string
	for i, b := range getFixtures(t).signed {
		out = append(out, writeFile(t, mkdir(t, src, fmt.Sprint(i)), fmt.Sprintf("pk-%d.pdf", i%2), b))
	}
	return out
}

// mkdir creates dir/name and returns it.
func mkdir(t *testing.T, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// rotated returns files rotated by k, so that workers start on different files.
func rotated(files []string, k int) []string {
	k %= len(files)
	return append(append([]string{}, files[k:]...), files[:k]...)
}

// checkComplete asserts that the archive holds every file exactly once.
func checkComplete(t *testing.T, dir string, files []string) {
	t.Helper()
	a := openArchive(t, dir, false)
	rep, err := a.Verify()
	if err != nil || !rep.OK() || len(rep.Warnings) != 0 {
		t.Fatalf("Verify = %+v, %v", rep, err)
	}
	es, _ := a.List(Filter{All: true})
	var got, want []string
	for _, e := range es {
		got = append(got, e.SHA256)
	}
	for _, p := range files {
		b, _ := os.ReadFile(p)
		want = append(want, sum(b))
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("indexed %d files, want each of %d exactly once", len(got), len(want))
	}
	if n := len(pdfFiles(t, dir)); n != len(files) {
		t.Errorf("archive holds %d files, want %d", n, len(files))
	}
}

func TestConcurrentAddGoroutines(t *testing.T) {
	files := fixtureFiles(t)
	dir := t.TempDir()
	const workers = 6
	var mu sync.Mutex
	added := map[string]int{}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			a, err := Open(dir, Options{Roots: getFixtures(t).pki.Roots(), Now: clock})
			if err != nil {
				t.Error(err)
				return
			}
			for _, p := range rotated(files, w) {
				e, ok, err := a.Add(p)
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				added[e.Path] += map[bool]int{true: 1}[ok]
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	for p, n := range added {
		if n != 1 {
			t.Errorf("%s reported added %d times", p, n)
		}
	}
	checkComplete(t, dir, files)
}

func TestConcurrentAddProcesses(t *testing.T) {
	files := fixtureFiles(t)
	dir := t.TempDir()
	ca := writeFile(t, t.TempDir(), "ca.pem", getFixtures(t).pki.RootPEM())
	const procs = 4
	var cmds []*exec.Cmd
	for w := 0; w < procs; w++ {
		cmd := runHelper(t, dir, ca, "", rotated(files, w))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	var out strings.Builder
	for _, cmd := range cmds {
		err := cmd.Wait()
		out.WriteString(cmd.Stdout.(*bytes.Buffer).String())
		if err != nil {
			t.Errorf("helper: %v\n%s", err, cmd.Stdout)
		}
	}
	if n := strings.Count(out.String(), "added "); n != len(files) {
		t.Errorf("helpers added %d files, want %d:\n%s", n, len(files), out.String())
	}
	if n := strings.Count(out.String(), "present "); n != (procs-1)*len(files) {
		t.Errorf("helpers found %d already archived, want %d", n, (procs-1)*len(files))
	}
	checkComplete(t, dir, files)
}
