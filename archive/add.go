package archive

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"kinerja/docinfo"
	"kinerja/proof"
)

// staleTemp is the age after which Add removes a leftover temporary file.
const staleTemp = time.Hour

// crashHook is called at the points where a crash matters ("before-rename",
// "after-rename"); tests replace it to kill the process there.
var crashHook = func(stage string) {}

// InvalidError is returned by Add for a PDF whose signatures do not verify;
// it matches ErrInvalid with errors.Is.
type InvalidError struct {
	Problems []string // one reason per failed check
}

// Error lists the reasons.
func (e *InvalidError) Error() string {
	return "invalid signature: " + strings.Join(e.Problems, "; ")
}

// Unwrap returns ErrInvalid.
func (e *InvalidError) Unwrap() error { return ErrInvalid }

// Add archives the PDF at path; see AddReader.
func (a *Archive) Add(path string) (Entry, bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return Entry{}, false, fmt.Errorf("archive add: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return Entry{}, false, fmt.Errorf("archive add %s: %w", path, err)
	}
	e, added, err := a.AddReader(filepath.Base(path), f, fi.Size())
	if err != nil {
		return e, added, fmt.Errorf("archive add %s: %w", path, err)
	}
	return e, added, nil
}

// AddReader archives a PDF of the given size read from r; name is its file
// name, used for the stored name. It returns the index entry and whether
// this call added it; a file whose SHA-256 is already indexed gives the
// existing entry and false. A copy already stored but not indexed (a crash
// after the rename) is indexed and counts as added.
func (a *Archive) AddReader(name string, r io.ReaderAt, size int64) (Entry, bool, error) {
	sum, err := hashReader(r, size)
	if err != nil {
		return Entry{}, false, err
	}
	if old, err := a.lookup(sum); err != nil || old != nil {
		return deref(old), false, err
	}
	now := a.now()
	v, err := check(r, size, a.opts.Roots, now)
	if err != nil {
		return Entry{}, false, err
	}
	if err := a.addRefusal(v); err != nil {
		return Entry{}, false, err
	}
	return a.store(newEntry(name, sum, size, now, v), r)
}

// deref returns *e or the zero Entry.
func deref(e *Entry) Entry {
	if e == nil {
		return Entry{}
	}
	return *e
}

// lookup returns the indexed entry with content hash sum, if any. It reads
// without the lock: the index only grows, so a found record stays valid.
func (a *Archive) lookup(sum string) (*Entry, error) {
	return findSHA(a.dir, sum)
}

// hashReader returns the hex SHA-256 of the first size bytes of r.
func hashReader(r io.ReaderAt, size int64) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(r, 0, size)); err != nil {
		return "", fmt.Errorf("hash: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// newEntry builds the record of a checked PDF (without seq, prev and hash).
func newEntry(name, sum string, size int64, now time.Time, v *proof.Verdict) Entry {
	e := Entry{SHA256: sum, Size: size, Unit: "", Kind: "", Parties: []string{},
		Signers: []Signer{}, Draft: !v.Signed(), Added: now}
	info := v.Info
	if info != nil {
		e.Year, e.Unit, e.Kind, e.Title = info.Year, info.Unit, info.Kind.String(), info.Title
		for _, s := range info.Signers {
			e.Parties = append(e.Parties, s.Party.String())
		}
	}
	for i, s := range v.Report.Signatures {
		party := s.Party
		if party == docinfo.NoParty && info != nil && i < len(info.Signers) {
			party = info.Signers[i].Party
		}
		e.Signers = append(e.Signers, Signer{Party: party.String(), Name: s.Name,
			Subject: s.SignerSubject, SigningTime: s.SigningTime.UTC()})
	}
	e.Path = entryPath(name, sum, e.Year, e.Unit)
	return e
}

// entryPath is <year>/<unit-slug>/<name-slug>-<sha12>.pdf.
func entryPath(name, sum string, year int, unit string) string {
	y := "unknown"
	if year > 0 {
		y = strconv.Itoa(year)
	}
	base := strings.TrimSuffix(name, filepath.Ext(name))
	return path.Join(y, Slug(unit), Slug(base)+"-"+sum[:12]+".pdf")
}

// store places the copy and appends its record, all under the lock.
func (a *Archive) store(e Entry, r io.ReaderAt) (Entry, bool, error) {
	if err := os.MkdirAll(a.dir, 0o755); err != nil {
		return Entry{}, false, fmt.Errorf("create archive: %w", err)
	}
	unlock, err := lock(a.dir)
	if err != nil {
		return Entry{}, false, err
	}
	defer unlock()
	c, err := openChain(a.dir)
	if err != nil {
		return Entry{}, false, err
	}
	if old, err := findSHA(a.dir, e.SHA256); err != nil || old != nil {
		return deref(old), false, err
	}
	if err := c.supersede(&e); err != nil {
		return Entry{}, false, err
	}
	if err := a.place(e, r); err != nil {
		return Entry{}, false, err
	}
	if err := c.append(&e); err != nil {
		return Entry{}, false, err
	}
	return e, true, nil
}

// place puts the copy at e.Path: temporary file, fsync, rename, fsync of the
// directory. An existing file with the same content is kept (it was left by
// a crash before the index append); a different one is a conflict.
func (a *Archive) place(e Entry, r io.ReaderAt) error {
	target := filepath.Join(a.dir, filepath.FromSlash(e.Path))
	dir := filepath.Dir(target)
	if err := mkdirAllSync(a.dir, dir); err != nil {
		return err
	}
	removeStaleTemps(dir, a.now(), staleTemp)
	if done, err := existing(target, e.SHA256); done || err != nil {
		return err
	}
	tmp, err := writeTemp(dir, r, e.Size)
	if err != nil {
		return err
	}
	crashHook("before-rename")
	if err := os.Rename(tmp, target); err != nil { // no other writer: we hold the lock
		os.Remove(tmp)
		return fmt.Errorf("store %s: %w", e.Path, err)
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	crashHook("after-rename")
	return nil
}

// existing reports whether target exists with content hash sum; it fails
// with ErrConflict when target exists with other content.
func existing(target, sum string) (bool, error) {
	f, err := os.Open(target)
	if os.IsNotExist(err) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false, fmt.Errorf("store: %w", err)
	}
	got, err := hashReader(f, fi.Size())
	if err != nil {
		return false, err
	}
	if got != sum {
		return false, fmt.Errorf("store %s: %w", target, ErrConflict)
	}
	return true, nil
}

// writeTemp copies size bytes of r into a new fsynced temporary file in dir
// and returns its path; on failure nothing is left behind.
func writeTemp(dir string, r io.ReaderAt, size int64) (string, error) {
	f, err := os.CreateTemp(dir, tempPrefix+"*.pdf")
	if err != nil {
		return "", fmt.Errorf("store: %w", err)
	}
	_, err = io.Copy(f, io.NewSectionReader(r, 0, size))
	if err == nil {
		err = f.Chmod(0o444) // archived copies are read-only
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("store: write temporary file: %w", err)
	}
	return f.Name(), nil
}
