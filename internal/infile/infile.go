// Package infile reads a whole input file with a size cap checked before
// anything is read: a device such as /dev/zero, a FIFO or a 3 GB file
// named where a key, a password, a certificate or a PDF belongs is refused
// at once, instead of being read into memory.
package infile

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrTooLarge is behind the error for a file over the cap.
var ErrTooLarge = errors.New("file too large")

// ReadFile reads path, a regular file of at most max bytes.
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	if st.Size() > max {
		return nil, fmt.Errorf("%s: %w: %d bytes, at most %d expected", path, ErrTooLarge, st.Size(), max)
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max { // grew while being read
		return nil, fmt.Errorf("%s: %w: more than %d bytes", path, ErrTooLarge, max)
	}
	return b, nil
}
