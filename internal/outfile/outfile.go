// Package outfile is the one way kinerja writes an output file: through a
// synced temporary file in the target's directory and a rename, so that a
// path holds either its old content or all of the new one, never a part,
// and an existing good file survives any failure.
//
// It also refuses outputs that would destroy something: a target that is
// not a regular file (a device such as /dev/null, a FIFO, a socket, a
// directory), and, through Plan, an output that is one of the run's inputs
// or another output of the same run. Files are compared by identity
// (device and inode, os.SameFile), not by name, so `-o ./pk.toml` and a
// hard link to pk.toml are both caught.
//
// A symbolic link as the target is written through: the link's final
// target is replaced and the link stays. Directories that a write had to
// create are removed again when it fails.
//
// Limits: the rename is atomic only within one file system (the temporary
// file is made beside the target for that reason); a Group renames its
// files one after the other, so a failure of a later rename (rare: the
// data is already on disk) can leave earlier outputs replaced.
package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotRegular is wrapped by errors for a target that exists and is not
// a regular file.
var ErrNotRegular = errors.New("not a regular file")

// Error is a refusal of this package: its message reads on its own, and
// errors.Is finds the sentinel (ErrNotRegular, ErrClash) behind it.
type Error struct {
	Msg  string
	Kind error
}

// Error returns the message.
func (e *Error) Error() string { return e.Msg }

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Kind }

// WriteFile writes data to path with permissions perm (see the package
// doc for what it guarantees and refuses).
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write writes what fill writes to path with permissions perm, through a
// temporary file and a rename. When fill fails nothing changes at path.
func Write(path string, perm fs.FileMode, fill func(io.Writer) error) error {
	var g Group
	if err := g.Add(path, perm, fill); err != nil {
		g.Abort()
		return err
	}
	return g.Commit()
}

// ErrExists is wrapped by WriteNew's error for a path that exists.
var ErrExists = errors.New("exists")

// WriteNew is WriteFile for a path that must not exist: the synced
// temporary file is hard-linked to path, which fails when path exists,
// even one created by another process a moment before (checking first and
// renaming after would replace it). On a file system without hard links
// it falls back to that check and rename.
func WriteNew(path string, data []byte, perm fs.FileMode) error {
	return writeNew(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeNew is WriteNew of what fill writes.
func writeNew(path string, perm fs.FileMode, fill func(io.Writer) error) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("write %s: %w", path, ErrExists)
	}
	var g Group
	if err := g.Add(path, perm, fill); err != nil {
		g.Abort()
		return err
	}
	f := g.files[0]
	switch err := os.Link(f.tmp, f.path); {
	case err == nil:
		os.Remove(f.tmp)
		syncDir(filepath.Dir(f.path))
		g.files, g.created = nil, nil
		return nil
	case errors.Is(err, fs.ErrExist):
		g.Abort()
		return fmt.Errorf("write %s: %w", path, ErrExists)
	}
	return g.Commit() // no hard links here
}

// staged is one file of a Group, written and waiting for its rename.
type staged struct {
	path string // final path (a symbolic link resolved)
	tmp  string
}

// Group writes several files that belong together (a report's PDF, CSV and
// JSON): each Add stages one file beside its target, Commit renames them
// all, Abort removes what was staged. The zero value is ready to use.
type Group struct {
	files   []staged
	created []string // directories made by Add, deepest last
}

// Add stages one file: it checks the target, creates missing parent
// directories, and writes what fill writes to a synced temporary file.
func (g *Group) Add(path string, perm fs.FileMode, fill func(io.Writer) error) error {
	target, err := resolve(path)
	if err != nil {
		return err
	}
	if err := g.mkdirs(filepath.Dir(target)); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp, err := stage(target, perm, fill)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	g.files = append(g.files, staged{target, tmp})
	return nil
}

// Commit renames every staged file over its target and syncs the
// directories. After an error the files not yet renamed are removed.
func (g *Group) Commit() error {
	for i, f := range g.files {
		if err := os.Rename(f.tmp, f.path); err != nil {
			g.files = g.files[i:]
			g.Abort()
			return fmt.Errorf("write %s: %w", f.path, err)
		}
		syncDir(filepath.Dir(f.path))
	}
	g.files, g.created = nil, nil
	return nil
}

// Abort removes every staged temporary file and the directories Add
// created; the targets are left as they were.
func (g *Group) Abort() {
	for _, f := range g.files {
		os.Remove(f.tmp)
	}
	for i := len(g.created) - 1; i >= 0; i-- {
		os.Remove(g.created[i]) // only empty directories go
	}
	g.files, g.created = nil, nil
}

// resolve follows a symbolic link at path to its final target and refuses
// a target that exists and is not a regular file.
func resolve(path string) (string, error) {
	target := path
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		t, err := filepath.EvalSymlinks(path)
		if err != nil {
			return "", fmt.Errorf("write %s: dangling symbolic link: %w", path, err)
		}
		target = t
	}
	fi, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return target, nil
	case err != nil:
		return "", fmt.Errorf("write %s: %w", path, err)
	case fi.IsDir():
		return "", &Error{fmt.Sprintf("write %s: it is a directory; give a file name", path), ErrNotRegular}
	case !fi.Mode().IsRegular():
		return "", &Error{fmt.Sprintf("write %s: it is a %s, not a regular file; kinerja writes regular files only",
			path, kindOf(fi.Mode())), ErrNotRegular}
	}
	return target, nil
}

// kindOf names the type of a file that is not regular.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	}
	return "special file"
}

// mkdirs creates dir and its missing parents, recording those it made.
func (g *Group) mkdirs(dir string) error {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || d == filepath.Dir(d) {
			break
		}
		missing = append(missing, d)
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
		g.created = append(g.created, missing[i])
	}
	return nil
}

// stage writes fill's output to a synced temporary file next to target
// and returns its name; on failure nothing is left behind.
func stage(target string, perm fs.FileMode, fill func(io.Writer) error) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return "", err
	}
	err = fill(f)
	err = errors.Join(err, f.Chmod(perm), f.Sync(), f.Close())
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// syncDir makes a rename in dir durable; file systems that cannot sync a
// directory are not an error (the data itself is synced already).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
