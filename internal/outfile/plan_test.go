package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestPlanRefusesClashes(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "pk.toml")
	if err := os.WriteFile(in, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.toml")
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	cases := []struct {
		name    string
		outputs []string
	}{
		{"same name", []string{in}},
		{"relative name", []string{"../pk.toml"}},
		{"hard link", []string{hard}},
		{"two new outputs", []string{"x.json", "./x.json"}},
		{"new output via dir", []string{"out.csv", filepath.Join(sub, "out.csv")}},
	}
	for _, tc := range cases {
		var p Plan
		if err := p.Input(in); err != nil {
			t.Fatal(err)
		}
		var err error
		for _, o := range tc.outputs {
			if err = p.Output(o); err != nil {
				break
			}
		}
		if !errors.Is(err, ErrClash) {
			t.Errorf("%s: err = %v, want ErrClash", tc.name, err)
		}
	}
}

func TestPlanAllowsDistinctFiles(t *testing.T) {
	dir := t.TempDir()
	var p Plan
	for _, in := range []string{"a.toml", "b.toml"} {
		path := filepath.Join(dir, in)
		if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := p.Input(path); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Input(filepath.Join(dir, "a.toml")); err != nil {
		t.Fatalf("reading one input twice is fine: %v", err)
	}
	for _, out := range []string{"a.pdf", "a.csv", "a.json"} {
		if err := p.Output(filepath.Join(dir, out)); err != nil {
			t.Fatalf("%s: %v", out, err)
		}
	}
}
