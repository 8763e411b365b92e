// Package docinfo is the typed contract between the renderer, which writes
// it into every PDF, and every reader (sign, sign/verify, proof, archive):
// what kind of document it is, who signs it in which order, the rectangle
// reserved for each signature, the embedded sources and the Format
// that wrote the bytes. It travels in the document's XMP metadata as JSON
// inside <kinerja:info> (namespace urn:kinerja:info:1).
//
// The package is a leaf: it imports only the standard library and the PDF
// reader (for InfoFrom on an already parsed file), so that a verifier can
// read these ten fields without pulling in the TOML decoder, the layout,
// the PDF writer and its fonts. Opening a PDF is package internal/pdfread's
// business.
//
// The vocabulary is typed: Party and Kind are values with a fixed text
// form; the words "pertama", "kedua", "perjanjian" and "laporan" are
// spelled here and nowhere else.
//
// Glossary (the Indonesian words of the paper form):
//   - perjanjian kinerja (PK): performance agreement (Kind Agreement);
//   - laporan: the quarterly report of achievement (Kind Report);
//   - pihak pertama: the first party, the official who commits to the
//     targets and signs first (Pertama);
//   - pihak kedua: the second party, the superior who approves and signs
//     second (Kedua);
//   - triwulan: quarter of the year (1..4);
//   - NIP: civil servant number; jabatan: position held.
package docinfo
