package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"kinerja/internal/pdfread"
	"kinerja/proof"
	"kinerja/render"
)

// extractUsage is the synopsis of 'kinerja extract'.
const extractUsage = `usage: kinerja extract FILE.pdf [-d DIR] [--force]

Writes the files embedded in FILE.pdf (a rendered document carries its
agreement TOML, the realisasi TOML of a report, and the logo) into DIR,
by default ./<FILE>-files/, and prints their paths. Existing files are
left alone unless --force is given; a name that would leave DIR (an
absolute path or "..") is refused. Nothing is written when any file is
refused.
`

// runExtract implements 'kinerja extract'.
func runExtract(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("extract", stderr, extractUsage)
	dir := fs.String("d", "", "output `DIR` (default ./<FILE>-files/)")
	force := fs.Bool("force", false, "overwrite existing files")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(files) != 1 {
		fmt.Fprintf(stderr, "kinerja extract: want exactly one PDF file, got %d\n%s", len(files), extractUsage)
		return exitUsage
	}
	if *dir == "" {
		*dir = strings.TrimSuffix(filepath.Base(files[0]), filepath.Ext(files[0])) + "-files"
	}
	paths, err := extractFile(files[0], *dir, *force, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "kinerja extract: %v\n", err)
		return exitBadInput
	}
	for _, p := range paths {
		fmt.Fprintln(stdout, p)
	}
	return exitOK
}

// extractFile writes the files embedded in the latest revision of the PDF
// at in below dir and returns the paths written. It warns on stderr when
// they are not the files of the document as first written (before any
// signature), which is what `kinerja verify` re-renders.
func extractFile(in, dir string, force bool, stderr io.Writer) ([]string, error) {
	b, err := pdfread.ReadFile(in)
	if err != nil {
		return nil, err
	}
	files, err := proof.Extract(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no embedded files", in)
	}
	orig, err := pdfread.Rendered(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in, err)
	}
	if first, err := proof.Extract(bytes.NewReader(orig), int64(len(orig))); err == nil && !sameFiles(first, files) {
		fmt.Fprintf(stderr, "kinerja extract: warning: %s: the embedded files were changed after the document was first written; writing the latest ones\n", in)
	}
	return writeExtracted(files, dir, force)
}

// sameFiles reports whether a and b hold the same names and contents.
func sameFiles(a, b []render.EmbeddedFile) bool {
	return slices.EqualFunc(a, b, func(x, y render.EmbeddedFile) bool {
		return x.Name == y.Name && bytes.Equal(x.Data, y.Data)
	})
}

// writeExtracted checks every file first (safe, unique name; target absent
// unless force), then writes them all or none inside dir through os.Root,
// so that no name or symbolic link can lead outside dir: each file is
// staged as a synced temporary file, and only when all are staged are
// they renamed into place. On failure the temporary files and the
// directories made for them are removed.
func writeExtracted(files []render.EmbeddedFile, dir string, force bool) ([]string, error) {
	if err := checkNames(files); err != nil {
		return nil, err
	}
	var made []string
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		made = append(made, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	st := &rootStage{root: root}
	paths, err := st.writeAll(files, dir, force)
	if err != nil {
		st.undo()
		for _, d := range made {
			os.Remove(d)
		}
	}
	return paths, err
}

// rootStage stages files inside root and remembers what it made.
type rootStage struct {
	root *os.Root
	tmps []string // staged temporary files, in file order
	dirs []string // directories made inside root, outermost first
}

// writeAll checks the targets, stages every file, then renames them all.
func (st *rootStage) writeAll(files []render.EmbeddedFile, dir string, force bool) ([]string, error) {
	if err := checkTargets(st.root, files, force); err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := st.stage(f.Name, f.Data); err != nil {
			return nil, fmt.Errorf("nothing written: %s: %w", filepath.Join(dir, filepath.FromSlash(f.Name)), err)
		}
	}
	paths := make([]string, 0, len(files))
	for i, f := range files {
		if err := st.root.Rename(st.tmps[i], filepath.FromSlash(f.Name)); err != nil {
			return nil, fmt.Errorf("write %s: %w", filepath.Join(dir, f.Name), err)
		}
		paths = append(paths, filepath.Join(dir, filepath.FromSlash(f.Name)))
	}
	st.tmps = nil
	return paths, nil
}

// undo removes the staged files and the directories made for them.
func (st *rootStage) undo() {
	for _, t := range st.tmps {
		st.root.Remove(t)
	}
	for i := len(st.dirs) - 1; i >= 0; i-- {
		st.root.Remove(st.dirs[i])
	}
}

// checkNames refuses names that would leave the directory, repeats, and a
// name that is also the directory of another ("a" and "a/b").
func checkNames(files []render.EmbeddedFile) error {
	var problems []string
	seen := map[string]bool{}
	for _, f := range files {
		seen[f.Name] = true
	}
	done := map[string]bool{}
	for _, f := range files {
		switch err := render.LocalName(f.Name); {
		case err != nil:
			problems = append(problems, fmt.Sprintf("refusing %v", err))
		case done[f.Name]:
			problems = append(problems, fmt.Sprintf("refusing %q: embedded twice", f.Name))
		case seen[parentIn(f.Name, seen)]:
			problems = append(problems, fmt.Sprintf("refusing %q: %q is embedded as a file too", f.Name, parentIn(f.Name, seen)))
		}
		done[f.Name] = true
	}
	return nothingWritten(problems)
}

// parentIn returns the first directory of name that is itself a name in
// set, or "".
func parentIn(name string, set map[string]bool) string {
	for d := path.Dir(name); d != "." && d != "/"; d = path.Dir(d) {
		if set[d] {
			return d
		}
	}
	return ""
}

// checkTargets refuses existing targets unless force, and never replaces
// anything but a regular file.
func checkTargets(root *os.Root, files []render.EmbeddedFile, force bool) error {
	var problems []string
	for _, f := range files {
		st, err := root.Lstat(filepath.FromSlash(f.Name))
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			problems = append(problems, err.Error())
		case !st.Mode().IsRegular():
			problems = append(problems, fmt.Sprintf("%s exists and is not a regular file", f.Name))
		case !force:
			problems = append(problems, fmt.Sprintf("%s exists (use --force to overwrite)", f.Name))
		}
	}
	return nothingWritten(problems)
}

// nothingWritten joins problems into one error, nil for none.
func nothingWritten(problems []string) error {
	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("nothing written: %s", strings.Join(problems, "; "))
}

// stage writes data to a synced temporary file beside name inside the
// root, making the directories name needs.
func (st *rootStage) stage(name string, data []byte) error {
	name = filepath.FromSlash(name)
	if err := st.mkdirs(filepath.Dir(name)); err != nil {
		return err
	}
	var rnd [8]byte
	rand.Read(rnd[:])
	tmp := filepath.Join(filepath.Dir(name), "."+filepath.Base(name)+"."+hex.EncodeToString(rnd[:])+".tmp")
	f, err := st.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	st.tmps = append(st.tmps, tmp)
	_, err = f.Write(data)
	return errors.Join(err, f.Sync(), f.Close())
}

// mkdirs makes dir and its missing parents inside the root, recording them.
func (st *rootStage) mkdirs(dir string) error {
	if dir == "." {
		return nil
	}
	if _, err := st.root.Stat(dir); err == nil {
		return nil
	}
	if err := st.mkdirs(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := st.root.Mkdir(dir, 0o755); err != nil {
		return err
	}
	st.dirs = append(st.dirs, dir)
	return nil
}
