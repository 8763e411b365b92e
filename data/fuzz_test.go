package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzDecode checks that no input panics, that a result is either an
// agreement or Errors with valid positions in order, and that a decoded
// agreement is numbered consistently.
func FuzzDecode(f *testing.F) {
	for _, pattern := range []string{"*.toml", "bad/*.toml"} {
		files, _ := filepath.Glob(filepath.Join("testdata", pattern))
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil {
				f.Add(string(b))
			}
		}
	}
	if b, err := os.ReadFile("pk-2021-bppbj.toml"); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, src string) {
		a, err := DecodeWith(strings.NewReader(src), "f.toml", Options{Dir: "testdata"})
		if (a == nil) == (err == nil) {
			t.Fatalf("agreement %v with error %v", a != nil, err)
		}
		var errs Errors
		if err != nil {
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("error %v is not Errors", err)
			}
			checkPositions(t, errs, strings.Count(src, "\n")+1)
			return
		}
		checkNumbering(t, a)
	})
}

// checkPositions fails on a problem outside the file or out of order.
func checkPositions(t *testing.T, errs Errors, lines int) {
	t.Helper()
	for i, p := range errs {
		if p.Line < 1 || p.Col < 1 || p.Line > lines || p.Msg == "" {
			t.Fatalf("bad problem %+v (file has %d lines)", p, lines)
		}
		if i > 0 && (errs[i-1].Line > p.Line || errs[i-1].Line == p.Line && errs[i-1].Col > p.Col) {
			t.Fatalf("problems out of order: %v", errs)
		}
	}
}

// checkNumbering fails unless sasaran run 1..n and indicators restart.
func checkNumbering(t *testing.T, a *Agreement) {
	t.Helper()
	want := 1
	for _, g := range a.Kelompok {
		for _, s := range g.Sasaran {
			if s.No != want {
				t.Fatalf("sasaran No %d, want %d", s.No, want)
			}
			want++
			for i, in := range s.Indikator {
				if in.No != i+1 {
					t.Fatalf("indicator No %d, want %d", in.No, i+1)
				}
			}
		}
	}
}
