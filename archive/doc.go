// Package archive keeps the signed copies of agreements (Perjanjian Kinerja)
// and quarterly reports so that, years later, an auditor can be shown that a
// copy is exactly the one that was signed.
//
// # Layout of the archive directory
//
//	DIR/index.jsonl                               append-only index, one JSON record a line
//	DIR/.lock                                     flock(2) lock file serialising writers
//	DIR/.chain/head.json                          chain head: last record's seq, offset, hash; index size
//	DIR/.chain/sha256/<ab>/<sha256>               content marker: "SEQ OFFSET" of the record of that file
//	DIR/.chain/identity/<ab>/<identity>           identity marker: "SEQ OFFSET" of the current copy of an agreement
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
// subject and signing time of every signature), draft, supersedes (the
// seq of the copy this one supersedes; absent when none), added (time of
// archiving, from the injected clock), prev (SHA-256 of the previous line's
// bytes without its newline; 64 zeros for the first record) and hash
// (SHA-256 of the record encoded with an empty hash). The head hash is the
// SHA-256 of the last line. Editing a record breaks its own hash and the
// next record's prev; removing, inserting or reordering records breaks seq
// and prev. Verify reports each broken link with its line number.
//
// # Copies of the same agreement
//
// The identity of an agreement (or report) is its year, unit, kind and
// title, as its kinerja info gives them (see Identity). A signed copy
// whose identity matches an archived signed copy is a later copy of the
// same agreement (signed again: make demo run twice, a corrected
// signature) and is recorded with supersedes = the seq of the current
// copy; it becomes the current copy. List shows only current copies
// unless Filter.All; the history stays in the index and in the
// directory, and Verify verifies every copy, superseded or not. The same
// file again (same SHA-256) is no new record at all. Drafts and documents
// without year, unit, kind or title neither supersede nor are
// superseded. Add finds the current copy through its identity marker in
// constant time, checked like a content marker; Verify checks that every
// supersedes names an earlier signed copy with the same identity.
//
// # Guarantees
//
// Add verifies every signature before storing (unsigned drafts only when
// Options.AllowUnsigned is set; they are recorded with draft=true and later
// only re-hashed). Under an exclusive flock on DIR/.lock it reads the chain
// head and checks it against the index (see below), finds the copy the new one
// supersedes, writes the copy to a ".tmp-" file in the target directory, fsyncs it,
// renames it into place (refusing to replace an existing file), fsyncs the
// directory, and appends the record with one O_APPEND write followed by
// fsync, then writes the record's content and identity markers and the new head (each a
// synced temporary file renamed into place). Adding a file whose SHA-256 is
// already indexed is a no-op. A crash
// before the rename leaves only a ".tmp-" file, which Verify reports as a
// warning and Add removes once it is older than an hour; a crash after the
// rename leaves an unindexed copy, which Verify reports as a problem and
// which the next Add of the same file indexes (repair).
//
// # Constant-time adds
//
// Add never reads the whole index: it finds the end of the chain in
// DIR/.chain/head.json and an already archived file through its content
// marker. Neither is trusted blindly. The head's last record must be the
// bytes at the offset it names (their SHA-256 is the head's hash), and the
// index may be longer by at most one complete record that continues the
// chain: an Add that died after its append, which the next Add takes into
// the head. A marker must name a record carrying its SHA-256 (an identity
// marker: a record of that identity). Anything else
// (an index cut short or edited, records appended by hand, a wrong marker)
// makes Add refuse with ErrHeadMismatch and Verify report a "head" problem;
// the head then also witnesses records removed from the end of the index,
// which the chain alone cannot show. An archive without DIR/.chain (written
// by an older kinerja, or after someone removed it because the index is
// the right one) gets it rebuilt from the whole index by the next Add. The
// price is four more fsyncs per Add (five for a signed copy with an identity).
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
// List and Verify read the index in full. A torn last line (power loss in the middle of the
// append) makes Add refuse to write until someone repairs the index by hand.
package archive
