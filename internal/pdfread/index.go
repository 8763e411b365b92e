package pdfread

import "bytes"

// Index is bytes.Index(data, key), faster for a key that starts with a
// slash: a PDF names everything with one, so bytes.Index stops at every
// slash of the file to compare the rest; Index looks for the rest, whose
// first byte is rarer, and checks the slash before it.
func Index(data []byte, key string) int {
	if len(key) < 2 || key[0] != '/' {
		return bytes.Index(data, []byte(key))
	}
	rest := []byte(key[1:])
	for i := 1; i <= len(data); {
		k := bytes.Index(data[i:], rest)
		if k < 0 {
			return -1
		}
		if at := i + k; data[at-1] == '/' {
			return at - 1
		}
		i += k + 1
	}
	return -1
}

// Count is bytes.Count(data, key) for a non-empty key, by Index.
func Count(data []byte, key string) int {
	n := 0
	for i := 0; ; {
		k := Index(data[i:], key)
		if k < 0 {
			return n
		}
		n++
		i += k + len(key)
	}
}
