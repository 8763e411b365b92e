package archive

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
)

// zeroHash is the prev value of the first record.
var zeroHash = hex.EncodeToString(make([]byte, sha256.Size))

// line is one line of the index as read: its bytes (without newline) and
// the record parsed from it (nil when it does not parse).
type line struct {
	no    int
	raw   []byte
	entry *Entry
	err   error
}

// index is the parsed content of index.jsonl.
type index struct {
	lines []line
	torn  bool // the file does not end with a newline
}

// readIndex reads path; a missing file is an empty index.
func readIndex(path string) (*index, error) {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return &index{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	return parseIndex(b), nil
}

// parseIndex splits b into lines and decodes each record.
func parseIndex(b []byte) *index {
	ix := &index{torn: len(b) > 0 && b[len(b)-1] != '\n'}
	for i, raw := range bytes.SplitAfter(b, []byte("\n")) {
		if len(raw) == 0 {
			continue
		}
		raw = bytes.TrimSuffix(raw, []byte("\n"))
		l := line{no: i + 1, raw: raw}
		var e Entry
		if err := json.Unmarshal(raw, &e); err != nil {
			l.err = err
		} else {
			l.entry = &e
		}
		ix.lines = append(ix.lines, l)
	}
	return ix
}

// head returns the hash of the last line (zeroHash for an empty index).
func (ix *index) head() string {
	if len(ix.lines) == 0 {
		return zeroHash
	}
	return lineHash(ix.lines[len(ix.lines)-1].raw)
}

// lineHash is the SHA-256 of a line's bytes, hex encoded.
func lineHash(raw []byte) string {
	s := sha256.Sum256(raw)
	return hex.EncodeToString(s[:])
}

// recordHash is the SHA-256 of e encoded with an empty Hash field.
func recordHash(e Entry) (string, error) {
	e.Hash = ""
	b, err := json.Marshal(e)
	if err != nil {
		return "", fmt.Errorf("encode record: %w", err)
	}
	return lineHash(b), nil
}

// encodeRecord fills e.Hash and returns the line bytes without newline.
func encodeRecord(e *Entry) ([]byte, error) {
	h, err := recordHash(*e)
	if err != nil {
		return nil, err
	}
	e.Hash = h
	b, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	return b, nil
}

// appendRecord appends one line to the index with a single O_APPEND write
// and fsyncs it; it fsyncs the directory when it created the file.
func appendRecord(path string, raw []byte) error {
	before, statErr := os.Stat(path)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("append index: %w", err)
	}
	buf := append(append(make([]byte, 0, len(raw)+1), raw...), '\n')
	if _, err := f.Write(buf); err != nil {
		rollBack(f, before)
		return fmt.Errorf("append index: %w", err)
	}
	if err := f.Sync(); err != nil {
		rollBack(f, before)
		return fmt.Errorf("append index: sync: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("append index: %w", err)
	}
	if os.IsNotExist(statErr) {
		return syncDir(dirOf(path))
	}
	return nil
}

// rollBack cuts a failed append (disk full half-way through the record)
// back to the index's size before it and closes f. Should that fail too,
// the next Add finds the torn tail and cuts it (see takeTail).
func rollBack(f *os.File, before os.FileInfo) {
	size := int64(0)
	if before != nil {
		size = before.Size()
	}
	if f.Truncate(size) == nil {
		f.Sync()
	}
	f.Close()
}
