package verify

import "kinerja/internal/pdfguard"

// checkXrefBounds rejects cross-reference data that would make the PDF
// reader loop or allocate in proportion to numbers written in the file (see
// package pdfguard).
func checkXrefBounds(data []byte) error { return pdfguard.CheckXref(data) }
