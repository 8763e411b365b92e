package archive

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// Names below DIR/.chain, the files that let Add work in constant time.
const (
	chainDir   = ".chain"
	headName   = "head.json"
	markerName = "sha256"
)

// maxRecord is the longest index record Add reads back; records are a few
// hundred bytes.
const maxRecord = 1 << 20

// ErrHeadMismatch is returned by Add when the chain head or a content
// marker in DIR/.chain disagrees with the index (the index was edited or
// cut short). Verify says how; when the index is the right one, removing
// DIR/.chain makes the next Add rebuild it from the index.
var ErrHeadMismatch = errors.New("the chain head does not match the index (see archive verify)")

// head is the end of the record chain: what Add needs to append the next
// record without reading the index. It lives in DIR/.chain/head.json.
type head struct {
	Seq    int    `json:"seq"`    // records in the index
	Offset int64  `json:"offset"` // where the last record starts
	Size   int64  `json:"size"`   // length of the index in bytes
	Hash   string `json:"hash"`   // lineHash of the last record, zeroHash when empty
}

// emptyHead is the head of an empty index.
var emptyHead = head{Hash: zeroHash}

// next is the head after appending the record line raw.
func (h head) next(raw []byte) head {
	return head{Seq: h.Seq + 1, Offset: h.Size, Size: h.Size + int64(len(raw)) + 1, Hash: lineHash(raw)}
}

// chain is the head of an archive's index, checked against the index,
// held under the exclusive lock while an Add appends.
type chain struct {
	dir string
	h   head
}

// headMismatch wraps ErrHeadMismatch with what disagrees.
func headMismatch(format string, args ...any) error {
	return fmt.Errorf("%s: %s: %w", IndexName, fmt.Sprintf(format, args...), ErrHeadMismatch)
}

// openChain reads the head and checks it against the index in constant
// time: the bytes of the last record it names must hash to its hash, and
// the index may hold at most one more record (an Add that died after its
// append), which is then taken into the head. An archive without a head
// (empty, or written by an older kinerja) gets one built from the index.
func openChain(dir string) (*chain, error) {
	size, err := fileSize(filepath.Join(dir, IndexName))
	if err != nil {
		return nil, err
	}
	h, found, err := readHead(dir)
	if err != nil {
		return nil, err
	}
	if !found {
		return rebuildChain(dir, size)
	}
	c := &chain{dir: dir, h: h}
	if err := c.checkLast(); err != nil {
		return nil, err
	}
	switch {
	case size < h.Size:
		return nil, headMismatch("%d bytes, the head says %d (records removed)", size, h.Size)
	case size > h.Size:
		if err := c.takeTail(size); err != nil {
			return nil, err
		}
	}
	return c, c.addIdentities()
}

// addIdentities writes the identity markers of an archive whose head
// was written before they existed (no DIR/.chain/identity): once, from
// the index up to the head, which was just checked.
func (c *chain) addIdentities() error {
	root := filepath.Join(c.dir, chainDir, identityName)
	if _, err := os.Stat(root); err == nil || !os.IsNotExist(err) {
		return err
	}
	b, err := readAll(filepath.Join(c.dir, IndexName), c.h.Size)
	if err != nil {
		return err
	}
	n := emptyHead
	for _, l := range parseIndex(b).lines {
		n = n.next(l.raw)
		if id := identityOf(l.entry); id != "" {
			if err := writeMarker(c.dir, identityName, id, n.Seq, n.Offset, false); err != nil {
				return err
			}
		}
	}
	syscall.Sync()
	return mkdirAllSync(c.dir, root)
}

// readAll reads the first size bytes of path.
func readAll(path string, size int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.NewSectionReader(f, 0, size))
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	return b, nil
}

// checkLast checks that the index bytes the head names as its last record
// hash to the head's hash.
func (c *chain) checkLast() error {
	h := c.h
	if h.Seq == 0 {
		if h != emptyHead {
			return headMismatch("the head of an empty index is not empty")
		}
		return nil
	}
	raw, err := readIndexRange(c.dir, h.Offset, h.Size)
	if err != nil {
		return err
	}
	if !bytes.HasSuffix(raw, []byte("\n")) || lineHash(raw[:len(raw)-1]) != h.Hash {
		return headMismatch("record %d is not the one the head names (records edited or removed)", h.Seq)
	}
	return nil
}

// takeTail takes the one record between the head and the index's end
// (size) into the head: its marker and the head were not written because
// the Add that appended it died.
func (c *chain) takeTail(size int64) error {
	if size-c.h.Size > maxRecord {
		return headMismatch("%d bytes after the last record the head names (records added by hand?)", size-c.h.Size)
	}
	raw, err := readIndexRange(c.dir, c.h.Size, size)
	if err != nil {
		return err
	}
	if raw, err = c.cutTorn(raw); err != nil || len(raw) == 0 {
		return err
	}
	raw = raw[:len(raw)-1]
	if bytes.IndexByte(raw, '\n') >= 0 {
		return headMismatch("several records after record %d, the head's last (records added by hand?)", c.h.Seq)
	}
	var e Entry
	if err := json.Unmarshal(raw, &e); err != nil || e.Seq != c.h.Seq+1 || e.Prev != c.h.Hash {
		return headMismatch("record %d does not continue the chain", c.h.Seq+1)
	}
	return c.advance(c.h.next(raw), &e, true)
}

// cutTorn rolls back a torn append: the bytes after the last newline of
// raw (what follows the head's last record) are a record an Add began to
// write and never finished (a crash or a full disk), and nothing refers
// to them, so they are cut from the index. The PDF that record was for
// is already stored; archive verify lists it as not indexed until it is
// added again. It returns the complete part of raw.
func (c *chain) cutTorn(raw []byte) ([]byte, error) {
	if bytes.HasSuffix(raw, []byte("\n")) {
		return raw, nil
	}
	keep := bytes.LastIndexByte(raw, '\n') + 1
	if err := os.Truncate(filepath.Join(c.dir, IndexName), c.h.Size+int64(keep)); err != nil {
		return nil, fmt.Errorf("%s line %d: %w; cutting it failed: %v", IndexName, c.h.Seq+1, ErrTornIndex, err)
	}
	return raw[:keep], nil
}

// advance records that the record ending at n.Size is e: its markers
// first, then the head, so that a crash in between leaves a head that
// lags by one record.
func (c *chain) advance(n head, e *Entry, durable bool) error {
	if err := writeMarkers(c.dir, e, n, durable); err != nil {
		return err
	}
	if err := writeHead(c.dir, n); err != nil {
		return err
	}
	c.h = n
	return nil
}

// append fills e's seq, prev and hash, appends it to the index and moves
// the head past it.
func (c *chain) append(e *Entry) error {
	e.Seq, e.Prev = c.h.Seq+1, c.h.Hash
	raw, err := encodeRecord(e)
	if err != nil {
		return err
	}
	if err := appendRecord(filepath.Join(c.dir, IndexName), raw); err != nil {
		return err
	}
	crashHook("after-append")
	return c.advance(c.h.next(raw), e, true)
}

// rebuildChain builds the head and the markers from the whole index: once
// for an archive written before they existed, or after someone removed
// DIR/.chain. Markers are synced once at the end, before the head. The
// content marker names the first record of a file, the identity marker
// the last signed copy of an agreement.
func rebuildChain(dir string, size int64) (*chain, error) {
	c := &chain{dir: dir, h: emptyHead}
	if size == 0 {
		return c, mkdirAllSync(dir, filepath.Join(dir, chainDir, identityName))
	}
	ix, err := readIndex(filepath.Join(dir, IndexName))
	if err != nil {
		return nil, err
	}
	if ix.torn {
		return nil, fmt.Errorf("%s line %d: %w", IndexName, len(ix.lines), ErrTornIndex)
	}
	seen := map[string]bool{}
	for _, l := range ix.lines {
		n := c.h.next(l.raw)
		if l.entry != nil && !seen[l.entry.SHA256] && isSum(l.entry.SHA256) {
			seen[l.entry.SHA256] = true
			if err := writeMarker(dir, markerName, l.entry.SHA256, n.Seq, n.Offset, false); err != nil {
				return nil, err
			}
		}
		if id := identityOf(l.entry); id != "" {
			if err := writeMarker(dir, identityName, id, n.Seq, n.Offset, false); err != nil {
				return nil, err
			}
		}
		c.h = n
	}
	if err := mkdirAllSync(dir, filepath.Join(dir, chainDir, identityName)); err != nil {
		return nil, err
	}
	syscall.Sync()
	return c, writeHead(dir, c.h)
}

// findSHA returns the indexed entry with content hash sum, if any, through
// its marker: constant time, and safe without the lock because the index
// only grows and a marker is written after its record. The record the
// marker points to must carry sum, or the marker is not believed.
func findSHA(dir, sum string) (*Entry, error) {
	return findMarked(dir, markerName, sum, func(e *Entry) bool { return e.SHA256 == sum })
}

// findMarked returns the entry the marker of key in the marker directory
// kind names, if any; the entry must belong to key, or the marker is not
// believed.
func findMarked(dir, kind, key string, belongs func(*Entry) bool) (*Entry, error) {
	seq, off, found, err := readMarker(dir, kind, key)
	if err != nil || !found {
		return nil, err
	}
	raw, err := readLineAt(dir, off)
	if err != nil {
		return nil, err
	}
	var e Entry
	if err := json.Unmarshal(raw, &e); err != nil || !belongs(&e) || e.Seq != seq {
		return nil, headMismatch("the %s marker %s names record %d, which is another record", kind, short(key), seq)
	}
	return &e, nil
}

// identityOf is Identity of e, "" for an unreadable record (nil).
func identityOf(e *Entry) string {
	if e == nil {
		return ""
	}
	return Identity(e)
}

// isSum reports whether s is a lowercase hex SHA-256, safe as a file name.
func isSum(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}

// markerPath is DIR/.chain/<kind>/<first two digits>/<sum>, kind being
// sha256 (content markers) or identity (identity markers).
func markerPath(dir, kind, sum string) string {
	return filepath.Join(dir, chainDir, kind, sum[:2], sum)
}

// readMarker returns the seq and index offset the marker of sum names.
func readMarker(dir, kind, sum string) (seq int, off int64, found bool, err error) {
	if !isSum(sum) {
		return 0, 0, false, nil
	}
	b, err := os.ReadFile(markerPath(dir, kind, sum))
	if os.IsNotExist(err) {
		return 0, 0, false, nil
	}
	if err != nil {
		return 0, 0, false, fmt.Errorf("read marker: %w", err)
	}
	seq, off, ok := parseMarker(b)
	if !ok {
		return 0, 0, false, headMismatch("unreadable marker %s", short(sum))
	}
	return seq, off, true, nil
}

// parseMarker parses "SEQ OFFSET\n".
func parseMarker(b []byte) (int, int64, bool) {
	s, o, ok := strings.Cut(strings.TrimSuffix(string(b), "\n"), " ")
	seq, err1 := strconv.Atoi(s)
	off, err2 := strconv.ParseInt(o, 10, 64)
	return seq, off, ok && err1 == nil && err2 == nil && seq > 0 && off >= 0
}

// writeMarker writes the marker of sum (temporary file and rename; synced
// with its directory when durable).
func writeMarker(dir, kind, sum string, seq int, off int64, durable bool) error {
	p := markerPath(dir, kind, sum)
	if err := mkdirAllSync(dir, filepath.Dir(p)); err != nil {
		return err
	}
	return replaceFile(p, fmt.Appendf(nil, "%d %d\n", seq, off), durable)
}

// readHead reads DIR/.chain/head.json; found is false when there is none.
func readHead(dir string) (h head, found bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, chainDir, headName))
	if os.IsNotExist(err) {
		return head{}, false, nil
	}
	if err != nil {
		return head{}, false, fmt.Errorf("read chain head: %w", err)
	}
	if err := json.Unmarshal(b, &h); err != nil || h.Seq < 0 || h.Offset < 0 || h.Size < h.Offset {
		return head{}, false, headMismatch("unreadable chain head")
	}
	return h, true, nil
}

// writeHead replaces DIR/.chain/head.json, durably.
func writeHead(dir string, h head) error {
	if err := mkdirAllSync(dir, filepath.Join(dir, chainDir)); err != nil {
		return err
	}
	b, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("encode chain head: %w", err)
	}
	return replaceFile(filepath.Join(dir, chainDir, headName), append(b, '\n'), true)
}

// replaceFile replaces path with b through a temporary file in its
// directory; when durable, the file and the directory are synced.
func replaceFile(path string, b []byte, durable bool) error {
	f, err := os.CreateTemp(filepath.Dir(path), tempPrefix+"*")
	if err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	_, err = f.Write(b)
	if err == nil && durable {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if durable {
		return syncDir(filepath.Dir(path))
	}
	return nil
}

// readLineAt reads the index line that starts at off, without its newline:
// a few KiB, unless the line is longer.
func readLineAt(dir string, off int64) ([]byte, error) {
	for _, n := range []int64{4 << 10, maxRecord} {
		raw, err := readIndexRange(dir, off, off+n)
		if err != nil {
			return nil, err
		}
		if i := bytes.IndexByte(raw, '\n'); i >= 0 {
			return raw[:i], nil
		}
		if int64(len(raw)) < n {
			return raw, nil
		}
	}
	return nil, headMismatch("record at byte %d is longer than %d bytes", off, maxRecord)
}

// fileSize is the size of path, 0 when it does not exist.
func fileSize(path string) (int64, error) {
	fi, err := os.Stat(path)
	if os.IsNotExist(err) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read index: %w", err)
	}
	return fi.Size(), nil
}

// readIndexRange reads the index bytes [from, to), stopping early at its
// end; to-from is at most maxRecord+1.
func readIndexRange(dir string, from, to int64) ([]byte, error) {
	if to-from > maxRecord+1 {
		to = from + maxRecord + 1
	}
	f, err := os.Open(filepath.Join(dir, IndexName))
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.NewSectionReader(f, from, to-from))
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	return b, nil
}
