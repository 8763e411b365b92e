// Package archive keeps the signed copies of agreements (Perjanjian Kinerja)
// and quarterly reports so that, years later, an auditor can be shown that a
// copy is exactly the one that was signed.
//
// # Layout of the archive directory
//
//	DIR/index.jsonl                               append-only index, one JSON record a line
//	DIR/.lock                                     flock(2) lock file serialising writers
//	DIR/<year>/<unit-slug>/<name>-<sha12>.pdf     the stored copies, never overwritten
//	DIR/<year>/<unit-slug>/.tmp-*                 temporary files of an add in progress
//
// Year and unit come from the kinerja info in the PDF's XMP metadata
// (docinfo.Info); a PDF without it is stored under "unknown". <sha12> is the
// first 12 hex digits of the file's SHA-256, so two different files with the
// same name never collide.
//
// # Index records
//
// Each line of index.jsonl is one Entry encoded as JSON with a fixed field
// order: seq (1-based position = line number), path (slash-separated,
// relative to DIR), sha256, size, year, unit, kind, title, parties (the
// parties named in the document), signers (party, name, certificate
// subject and signing time of every signature), draft, added (time of
// archiving, from the injected clock), prev (SHA-256 of the previous line's
// bytes without its newline; 64 zeros for the first record) and hash
// (SHA-256 of the record encoded with an empty hash). The head hash is the
// SHA-256 of the last line. Editing a record breaks its own hash and the
// next record's prev; removing, inserting or reordering records breaks seq
// and prev. Verify reports each broken link with its line number.
//
// # Guarantees
//
// Add verifies every signature before storing (unsigned drafts only when
// Options.AllowUnsigned is set; they are recorded with draft=true and later
// only re-hashed). Under an exclusive flock on DIR/.lock it reads the index,
// writes the copy to a ".tmp-" file in the target directory, fsyncs it,
// renames it into place (refusing to replace an existing file), fsyncs the
// directory, and appends the record with one O_APPEND write followed by
// fsync. Adding a file whose SHA-256 is already indexed is a no-op. A crash
// before the rename leaves only a ".tmp-" file, which Verify reports as a
// warning and Add removes once it is older than an hour; a crash after the
// rename leaves an unindexed copy, which Verify reports as a problem and
// which the next Add of the same file indexes (repair).
//
// Verify re-verifies signatures at the time each record was added, so
// that certificates which expired after archiving do not turn old entries
// invalid; the SHA-256 then proves that the copy has not changed since.
// It also renders every document again from the sources embedded in it
// and reports a "source" problem when they do not render to the
// document's bytes before its first signature: the data the copy claims
// to be made from is then not the data it was made from. Documents
// without embedded sources, or written by another docinfo.Format, are not
// compared. Add and Verify decide with proof.Check, the same verdict
// `kinerja verify` prints: Add refuses what verify calls invalid, and a
// document not yet signed by every party it needs (incomplete) unless
// Options.AllowIncomplete is set.
//
// # Known limits
//
// Unix only (flock(2)). The lock is on a local file system: concurrent writers on one
// machine are safe, writers on several machines sharing a network file
// system are not. The record chain detects edits, but someone who rewrites
// the whole index from scratch is only caught by comparing the head hash
// that Verify prints with a copy recorded elsewhere (on paper, in a mail).
// The index is read in full on every Add, which is fine for tens of
// thousands of records. A torn last line (power loss in the middle of the
// append) makes Add refuse to write until someone repairs the index by hand.
package archive
