package archive

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// dirOf is filepath.Dir.
func dirOf(path string) string { return filepath.Dir(path) }

// lock takes an exclusive flock on DIR/.lock and returns its release.
// flock locks belong to the open file description, so two goroutines of one
// process exclude each other as well as two processes do.
func lock(dir string) (func(), error) { return flock(dir, syscall.LOCK_EX) }

// rlock takes a shared flock on DIR/.lock: writers wait, readers do not.
func rlock(dir string) (func(), error) { return flock(dir, syscall.LOCK_SH) }

// flock opens DIR/.lock and locks it with how (LOCK_EX or LOCK_SH). A
// shared lock on an archive whose lock file cannot be created (a read-only
// copy handed to an auditor) proceeds without a lock: nobody can write there.
func flock(dir string, how int) (func(), error) {
	f, err := openLockFile(filepath.Join(dir, lockName), how == syscall.LOCK_SH)
	if errors.Is(err, errReadOnly) {
		return func() {}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("lock archive: %w", err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), how)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock archive: %w", err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// errReadOnly marks a lock file that a reader cannot create.
var errReadOnly = errors.New("read-only archive")

// openLockFile opens (or creates) the lock file; a reader opens it
// read-only and gets errReadOnly when it is missing and cannot be created.
func openLockFile(path string, reader bool) (*os.File, error) {
	if reader {
		if f, err := os.Open(path); err == nil {
			return f, nil
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if reader && (errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)) {
		return nil, errReadOnly
	}
	return f, err
}

// syncDir fsyncs a directory so that a rename or create in it is durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync dir %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync dir %s: %w", dir, err)
	}
	return nil
}

// mkdirAllSync creates dir and its missing parents below root, fsyncing the
// parent of every directory it creates.
func mkdirAllSync(root, dir string) error {
	rel, err := filepath.Rel(root, dir)
	if err != nil {
		return fmt.Errorf("mkdir %s: %w", dir, err)
	}
	cur := root
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		next := filepath.Join(cur, part)
		err := os.Mkdir(next, 0o755)
		if err == nil {
			if err := syncDir(cur); err != nil {
				return err
			}
		} else if !os.IsExist(err) {
			return fmt.Errorf("mkdir %s: %w", next, err)
		}
		cur = next
	}
	return nil
}

// removeStaleTemps removes temporary files in dir older than maxAge at now;
// they are left by an add that crashed before its rename.
func removeStaleTemps(dir string, now time.Time, maxAge time.Duration) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, de := range des {
		if !strings.HasPrefix(de.Name(), tempPrefix) || de.IsDir() {
			continue
		}
		fi, err := de.Info()
		if err == nil && now.Sub(fi.ModTime()) > maxAge {
			_ = os.Remove(filepath.Join(dir, de.Name()))
		}
	}
}

// maxSlug is the longest slug Slug returns.
const maxSlug = 64

// Slug turns s into a lowercase ASCII file name part: letters and digits are
// kept (accents removed), every other run becomes one '-'. An empty result
// is "unknown".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(unicode.ToLower(r))
			dash = false
		case unicode.Is(unicode.Mn, r): // combining accent: drop
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > maxSlug {
		out = strings.TrimRight(out[:maxSlug], "-")
	}
	if out == "" {
		return "unknown"
	}
	return out
}
