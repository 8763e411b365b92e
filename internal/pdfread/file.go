package pdfread

import "kinerja/internal/infile"

// ReadFile reads the PDF at path into memory: a regular file of at most
// MaxSize bytes (a device such as /dev/zero or a huge file is refused
// before anything is read).
func ReadFile(path string) ([]byte, error) {
	return infile.ReadFile(path, MaxSize)
}
