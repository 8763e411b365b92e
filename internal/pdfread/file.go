package pdfread

import (
	"fmt"
	"os"
)

// ReadFile reads the PDF at path into memory: a regular file of at most
// MaxSize bytes (a device such as /dev/zero or a huge file is refused
// before anything is read).
func ReadFile(path string) ([]byte, error) {
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
		return nil, fmt.Errorf("%s: %w: not a regular file", path, ErrNotPDF)
	}
	data, err := Read(f, st.Size())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}
