// Package verify checks the digital signatures of a signed kinerja PDF
// offline: it finds every signature dictionary, checks that its /ByteRange
// is well formed, that the digest of the signed bytes matches the CMS
// (PKCS #7) messageDigest and that the CMS signature verifies, chains the
// signer certificate to trusted roots (intermediates taken from the CMS),
// checks key usage, validity at signing time (the CMS signingTime, else
// the /M of the signature dictionary) and an RFC 3161 timestamp token if
// present (its message imprint must match the signature value; its
// authority must chain to the same roots for its time to be used).
//
// Unlike pdfsign's verify and poppler's pdfsig, it also tells which
// revision each signature covers and whether anything other than what
// signing needs changed after it. The file is first read strictly
// (pdfread.Strict: every byte in one revision, one classic cross-reference
// section per revision chained by /Prev, one startxref, no /XRefStm,
// nothing defined twice or freed while referenced); a refusal is a
// document-level problem naming the revision and the reason. Then every
// revision after a signature is judged by an allow-list policy
// (policy.go, rules.go), the way pyHanko's difference analysis does:
// every object its cross-reference section lists must be explained by a
// rule — filling a signature field made at render time (the contract of
// package docinfo: the field merged with its widget gets /V, a signature
// dictionary added with it, and a new /AP made only of new objects; /Rect,
// /F, /P, /T, /Parent and /Lock stay), a /DSS, a document timestamp (a
// new invisible field, /AcroForm /Fields and a page's /Annots grown by
// it), BSrE's signature (a new signed field merged with its widget inside
// a party's reserved block, on that block's page, /Fields and the page's
// /Annots grown by it: bsre.go; the party is named from the block and its
// certificate checked) — or, if added, be referenced by nothing. Anything else (a page,
// content stream, resource, font, XObject, annotation, widget /Rect or
// /F, field, catalog entry, /Perms, /Metadata, /Names, /OpenAction, /AA,
// /OCProperties) makes every earlier signature "modified after signing",
// with the object and what changed; a changed /Info is a warning. Objects
// are compared as written, not by meaning, so pointing a reference at
// another object that looks the same is a change. DocMDP /P 1 forbids
// signing after the certification. A signed field's /Lock is honoured as
// ISO 32000-1 12.7.4.5 says: /All locks every field, /Include the fields
// it names, /Exclude all others; a locked field may not be signed.
// kinerja's fields lock only themselves (/Include [(kinerja.<party>)]), so
// PIHAK KEDUA may sign after PIHAK PERTAMA; documents of Format 7, whose
// fields lock /All, are INVALID once PIHAK KEDUA signs. Document-level
// problems besides: /ByteRange arrays of signatures that are no longer
// part of the document, a second %PDF- header.
//
// The party of a signature in kinerja's field (kinerja.<party>) is that
// party, and its certificate must be the party's signer (SignerMismatch,
// package identity's comparison): another person's certificate makes the
// signature INVALID, naming both.
//
// Speed: the policy parses only the objects a later revision lists, and
// the signed bytes are hashed once; signatures are found through the form
// fields (every object of the table is read when that may miss one), and
// the CMS signature value is checked against the digest directly (RSA and
// ECDSA; other algorithms through pkcs7).
//
// Trade-offs and known limits:
//   - Offline only: no OCSP or CRL is fetched, and the revocation data of
//     a /DSS (kinerja sign --ltv, kinerja timestamp) is allowed by the
//     policy but not evaluated: chains are checked at the signing or
//     timestamp time without revocation, so there is no LTV validation.
//   - The signing time (the CMS signingTime, else the signature's /M) is
//     claimed by the signer; it is used as the time for chain validation
//     only when no trusted timestamp exists.
//   - DocMDP is read from a signature's /Reference (P 1 forbids signing
//     after it); the policy allows less than P 2 and P 3 would, so they
//     need no more.
//   - An added object that nothing refers to (an orphan) is ignored, as no
//     reader can reach it; references are found by scanning bytes, so
//     object streams (which no kinerja writer produces) would hide them.
//   - Document timestamps (/Type /DocTimeStamp, /SubFilter /ETSI.RFC3161,
//     PAdES B-LTA) are checked as signatures of their own
//     (doctimestamp.go, Signature.DocTimeStamp): the /ByteRange as for any
//     signature, the token's signature with the certificate it carries,
//     its message imprint against the digest of the signed bytes, and the
//     authority's chain to the roots at the token's time (Trusted). Every
//     revision after one is judged by the same policy. The /DSS's OCSP
//     responses and CRLs are stored, not evaluated (see the first limit).
//   - The whole file is read into memory (limit MaxSize). Linearized files
//     whose first-page section ends with its own %%EOF are seen as having
//     an extra revision, which may not parse.
//   - A file the strict reading accepts has its signatures and its kinerja
//     info read from that reading's layout (rawsigs.go), the objects the
//     policy judges; the PDF parser (github.com/digitorus/pdf) opens it
//     only for page names, an earlier revision's info, or objects the
//     fields do not account for. A refused file is opened by the parser at
//     once, to describe its signatures. The parser panics on some
//     malformed input; Verify recovers and reports an error instead. It
//     also loops or allocates in proportion to object numbers written in
//     the file, so files whose xref numbers exceed the file size are
//     rejected before it parses anything; and it prints to stdout on an
//     invalid xref stream entry type.
//   - Each field tree walk stops after 2,000 nodes (maxFieldNodes): kids
//     shared between nodes make the paths grow exponentially with depth.
//   - Cross-reference streams are refused by the strict reading; object
//     streams whose /Extends chain loops would hang the parser.
//   - A signature dictionary that no form field refers to is still found
//     (by reading every object) when its bytes show it: an unaccounted
//     "/ByteRange" or "/Type /Sig", or a "/DocTimeStamp"; one that spells
//     these names with #-escapes is not, and no viewer shows it either.
//     The signatures found through fields keep their field's name then, so
//     a party's signature stays bound to its field.
package verify
