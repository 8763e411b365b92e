package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
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
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, extractUsage) }
	dir := fs.String("d", "", "output directory (default ./<FILE>-files/)")
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
	b, err := os.ReadFile(in)
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
// unless force), then writes each atomically inside dir through os.Root,
// so that no name or symbolic link can lead outside dir.
func writeExtracted(files []render.EmbeddedFile, dir string, force bool) ([]string, error) {
	if err := checkNames(files); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	if err := checkTargets(root, files, force); err != nil {
		return nil, err
	}
	paths := make([]string, 0, len(files))
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := writeInRoot(root, f.Name, f.Data); err != nil {
			return paths, fmt.Errorf("write %s: %w", p, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// checkNames refuses names that would leave the directory and repeats.
func checkNames(files []render.EmbeddedFile) error {
	var problems []string
	seen := map[string]bool{}
	for _, f := range files {
		if err := render.LocalName(f.Name); err != nil {
			problems = append(problems, fmt.Sprintf("refusing %v", err))
		} else if seen[f.Name] {
			problems = append(problems, fmt.Sprintf("refusing %q: embedded twice", f.Name))
		}
		seen[f.Name] = true
	}
	return nothingWritten(problems)
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

// writeInRoot writes data to name inside root via a synced temporary file
// in the same directory and a rename.
func writeInRoot(root *os.Root, name string, data []byte) error {
	name = filepath.FromSlash(name)
	if d := filepath.Dir(name); d != "." {
		if err := root.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	var rnd [8]byte
	rand.Read(rnd[:])
	tmp := filepath.Join(filepath.Dir(name), "."+path.Base(filepath.ToSlash(name))+"."+hex.EncodeToString(rnd[:])+".tmp")
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err = errors.Join(err, f.Sync(), f.Close()); err == nil {
		err = root.Rename(tmp, name)
	}
	if err != nil {
		root.Remove(tmp)
	}
	return err
}
