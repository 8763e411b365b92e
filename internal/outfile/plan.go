package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrClash is behind Plan's errors for an output that is an input or
// another output of the same run.
var ErrClash = errors.New("output is an input or another output")

// Plan collects the files of one run, so that no output replaces an input
// or another output. Inputs and outputs that exist are compared by file
// identity; outputs that do not exist yet by their absolute path with
// the directory's symbolic links resolved. The zero value is ready to use.
type Plan struct {
	files []planned
}

// planned is one file of a Plan.
type planned struct {
	path  string      // as the user gave it
	role  string      // "input" or "output"
	info  fs.FileInfo // nil when it does not exist
	canon string      // absolute, directory links resolved
}

// Input records path as read by the run.
func (p *Plan) Input(path string) error {
	return p.add(path, "input")
}

// Output records path as written by the run; an error when it is one of
// the files recorded before.
func (p *Plan) Output(path string) error {
	return p.add(path, "output")
}

// add records path in role after comparing it with every earlier file.
func (p *Plan) add(path, role string) error {
	f := planned{path: path, role: role, canon: canonical(path)}
	if fi, err := os.Stat(path); err == nil {
		f.info = fi
	}
	for _, q := range p.files {
		if (role == "output" || q.role == "output") && same(f, q) {
			return clash(f, q)
		}
	}
	p.files = append(p.files, f)
	return nil
}

// clash describes two entries of a plan that are one file.
func clash(f, q planned) error {
	if f.role == "input" {
		f, q = q, f
	}
	switch {
	case q.role == "output":
		return &Error{fmt.Sprintf("output %s is also the output %s of the same run; choose another output name", f.path, q.path), ErrClash}
	case f.path == q.path:
		return &Error{fmt.Sprintf("output %s is the input itself; choose another output name", f.path), ErrClash}
	}
	return &Error{fmt.Sprintf("output %s is the same file as the input %s; choose another output name", f.path, q.path), ErrClash}
}

// same reports whether two planned entries are one file.
func same(a, b planned) bool {
	if a.info != nil && b.info != nil {
		return os.SameFile(a.info, b.info)
	}
	return a.canon == b.canon
}

// canonical is path made absolute with the symbolic links of its
// directory (and of itself, when it is one) resolved.
func canonical(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if t, err := filepath.EvalSymlinks(abs); err == nil {
		return t
	}
	dir, base := filepath.Split(abs)
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(d, base)
	}
	return abs
}
