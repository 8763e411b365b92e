// Package verify checks the digital signatures of a signed kinerja PDF
// offline: it finds every signature dictionary, checks that its /ByteRange
// is well formed, that the digest of the signed bytes matches the CMS
// (PKCS #7) messageDigest and that the CMS signature verifies, chains the
// signer certificate to trusted roots (intermediates taken from the CMS),
// checks key usage, validity at signing time, the CMS signingTime and an
// RFC 3161 timestamp token if present (its message imprint must match the
// signature value; its authority must chain to the same roots for its time
// to be used).
//
// Unlike pdfsign's verify and poppler's pdfsig, it also tells which
// revision each signature covers and whether anything other than later
// signatures changed after it. Each revision (the file prefix ending at an
// %%EOF line) is parsed on its own and consecutive revisions are compared
// by meaning, not by object number: page count; per page the decoded
// content streams, MediaBox/CropBox/BleedBox/TrimBox/ArtBox/Rotate
// (inherited values resolved), resources (resolved, so pdfsign's rewrite of
// the signed page with inlined /Resources is not a change), other page
// entries, and annotations other than signature widgets; catalog entries
// other than /Pages, /AcroForm, /DSS and /Version, plus /AcroForm /XFA;
// and form fields (a new signature field, or filling an empty one, is
// allowed; changing or removing a signature field, or any change of another
// field, is not). Document-level problems: bytes after the last complete
// revision (truncated update), /ByteRange arrays of signatures that are no
// longer part of the document, a second %PDF- header (the file written
// twice, as pdfsign does when its size estimate overflows).
//
// Speed: verification runs after every signature and again in the
// archive, so the revision comparison takes shortcuts that keep its result
// exact (incremental.go): consecutive revisions are first compared with
// streams identified by their place in the file instead of decoded, and a
// page whose objects (as recorded while reading it) keep their
// cross-reference entries in the next revision is not read again; shared
// objects (resources, fonts) are written once per revision. Only when
// these fast snapshots differ are both revisions read completely, with
// streams decoded, to decide and describe the change. Signatures are found
// through the form fields (every object of the table is read when that
// may miss one), the signed bytes are hashed once and the CMS signature
// value is checked against that digest directly (RSA and ECDSA; other
// algorithms through pkcs7). What remains is mostly fixed cost: per
// signature two ECDSA/RSA verifications (signer info, certificate chain),
// CMS and certificate parsing and one hash of the file; and the PDF
// parser, which reads an object per reference (no cache) through a fresh
// buffer each time, including the kilobytes of hex of each /Contents.
//
// Trade-offs and known limits:
//   - Offline only: no OCSP or CRL is fetched and embedded revocation data
//     is not evaluated; there is no LTV (long-term validation).
//   - The signer's CMS signingTime is claimed by the signer; it is used as
//     the time for chain validation only when no trusted timestamp exists.
//   - DocMDP/FieldMDP permissions are not interpreted: every change other
//     than adding signatures (and a DSS) is reported, whatever the
//     permission level.
//   - The trailer /Info dictionary is not compared (document properties
//     may change without being reported); neither are objects that are not
//     reachable from pages, catalog or form fields.
//   - Document timestamps (/Type /DocTimeStamp) are reported as a problem
//     (not checked).
//   - The whole file is read into memory (limit MaxSize). Linearized files
//     whose first-page section ends with its own %%EOF are seen as having
//     an extra revision, which may not parse.
//   - The PDF parser (github.com/digitorus/pdf) panics on some malformed
//     input; Verify recovers and reports an error instead. It also loops or
//     allocates in proportion to object numbers written in the file, so
//     files whose xref numbers exceed the file size are rejected up front;
//     and it prints to stdout on an invalid xref stream entry type.
//   - Object streams whose /Extends chain loops would hang the parser (not
//     guarded; fpdf and pdfsign write no object streams). Files with
//     object streams get no page reuse (an unchanged entry may point into
//     a changed stream) and their signatures are found by reading every
//     object.
//   - The fast path reads the raw entries of a dictionary of the PDF
//     reader by reflection (sigvalue.go) to see a reference without
//     reading its object; should the reader's internals change, that
//     returns nothing and the object is simply read.
//   - A signature dictionary that no form field refers to is still found
//     (by reading every object) when its bytes show it: an unaccounted
//     "/ByteRange" or "/Type /Sig", or a "/DocTimeStamp"; one that spells
//     these names with #-escapes is not, and no viewer shows it either.
package verify
