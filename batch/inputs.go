package batch

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"kinerja/pesan"
)

// Inputs expands the command-line arguments: a directory stands for every
// regular, non-hidden file in it whose name ends in ext (".toml"), sorted
// by name; any other argument is kept as given (a missing file then fails
// as its own job). A directory without such files is an error.
func Inputs(args []string, ext string) ([]string, error) {
	var out []string
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil || !fi.IsDir() {
			out = append(out, a)
			continue
		}
		names, err := dirFiles(a, ext)
		if err != nil {
			return nil, err
		}
		out = append(out, names...)
	}
	return out, nil
}

// IsDir reports whether any argument is a directory.
func IsDir(args []string) bool {
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// regular reports whether the entry is a regular file or a symbolic link
// to one.
func regular(path string, e fs.DirEntry) bool {
	if e.Type()&fs.ModeSymlink != 0 {
		fi, err := os.Stat(path)
		return err == nil && fi.Mode().IsRegular()
	}
	return e.Type().IsRegular()
}

// dirFiles lists dir's regular files ending in ext, sorted.
func dirFiles(dir, ext string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, pesan.Errorf("list %s: %w", dir, err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		if strings.HasPrefix(name, ".") || !strings.HasSuffix(strings.ToLower(name), ext) || !regular(path, e) {
			continue
		}
		out = append(out, path)
	}
	if len(out) == 0 {
		return nil, pesan.Errorf("%s: no *%s file in this directory", dir, ext)
	}
	slices.Sort(out)
	return out, nil
}
