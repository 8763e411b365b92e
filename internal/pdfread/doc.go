// Package pdfread is the one door through which kinerja reads a PDF: the
// only caller of the PDF parser (github.com/digitorus/pdf) outside tests.
// Every input may be hostile, and the parser is not written for that: it
// panics on some malformed files, searches for %%EOF in time quadratic in
// the length of what follows it, and grows its cross-reference table to
// the largest object number a file claims (a 92 KB file claiming object
// 99,999,990 took gigabytes). Open therefore caps the size (MaxSize),
// requires the %PDF- header, rejects cross-reference numbers and widths
// beyond what the file's size allows, hands the parser only the bytes up
// to the last %%EOF, and turns its panics into errors; Catch does the same
// for the lazy reads of values afterwards.
//
// It also owns the revisions of a file (Revisions: where each incremental
// update ends) and which bytes are "the document as rendered" (Rendered:
// the latest revision before the first signature), so that the signer's
// QR hash, the verifier's revisions and the re-render proof agree on them.
//
// Strict is the one strict reading of a signed file, which the verifier
// applies before it believes anything: every byte belongs to exactly one
// revision, each revision is objects, one classic cross-reference table,
// a trailer chained by /Prev to the previous one, one startxref and
// %%EOF; entries point at the objects they name; nothing is defined twice
// in a revision or freed while still referenced; no hybrid /XRefStm.
// Its Layout tells which objects each revision defines, redefines and
// frees, which the verifier's allow-list policy judges.
//
// Limits: the checks of Open are byte scans, not a parse; they refuse a few
// legitimate but odd files (an object number larger than the file size)
// rather than risk the parser's allocation. Object streams whose /Extends
// chain loops are not guarded (fpdf and pdfsign write none). Strict
// refuses cross-reference streams and indirect stream /Length values,
// which kinerja's writers never produce; a signer that writes them (BSrE's,
// perhaps) needs Strict extended first.
package pdfread
