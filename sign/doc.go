// Package sign adds the electronic signatures of a Perjanjian Kinerja and
// of its quarterly report: PIHAK PERTAMA first, then PIHAK KEDUA (a report:
// PIHAK PERTAMA only), each as one PAdES baseline signature appended as an
// incremental update into the signature field the renderer made for that
// party. It also loads signing keys (PKCS#12 files, PKCS#11 tokens) and
// creates a throwaway development PKI.
//
// # What a signature writes (the contract of package docinfo)
//
// The update is written by package pades: a signature dictionary with
// /SubFilter /ETSI.CAdES.detached, /M from the injected clock, /Name from
// the certificate, /Reason and optional /Location as PDF text strings; the
// party's field filled (/V) and its widget given a vector stamp (package
// stamp: QR code as rectangles, the certificate's name, NIP and date in an
// embedded font) as /AP; for PIHAK PERTAMA a certification signature
// (DocMDP /P 2) with /Perms in the catalog. Nothing else: never a page,
// never the AcroForm. The CMS is package cades' (content-type,
// message-digest, signing-certificate-v2 with issuerSerial, no
// signing-time, the whole chain; with --tsa an RFC 3161 token: B-T). The
// /Contents room is sized from the chain, the key's largest signature and
// the authority's token, so RSA-2048/3072/4096 and P-256/P-384 fit with or
// without a timestamp.
//
// # Long-term validation (longterm.go, timestamp.go, chains.go)
//
// Options.LTV (kinerja sign --ltv) appends, after the last signature, one
// update with a /DSS: every certificate of every chain in the file (the
// CMS certificates of each signature and of its timestamp token, and of
// earlier document timestamps) and a fresh OCSP response or CRL for each
// from sign/ltv.Collect, after the streams of the /DSS the document
// already has (a second party's run keeps the first's; certificates both
// name are then stored twice, which readers accept). No /VRI is written
// (optional in EN 319 142-1). LTV needs a TSA (ErrLTVNeedsTSA): PAdES
// B-LT builds on B-T, and revocation data fetched now proves nothing
// about a signature without a trusted time of signing; EU DSS classifies
// such a signature as B-B whatever the /DSS holds. A revoked certificate,
// or one for which no responder answers in time, fails the whole call and
// nothing is returned.
//
// Timestamp (kinerja timestamp, B-LTA) renews a signed document: it
// refuses an unsigned document and one the verifier does not find valid
// against the given roots, then appends a /DSS update (always fetched
// anew: a renewal must not rely on the answers of the last one) and a
// document timestamp in a new invisible field on no page
// ("DocTimeStamp", "DocTimeStamp2", ...), and verifies the result.
//
// # Who may sign
//
// Before anything is written, Sign refuses: a party the document has no
// field for (tanda_tangan = "bsre" documents have none), a field already
// signed (ErrAlreadySigned), a party whose predecessors have not signed
// (ErrOrder), a certificate that is expired, not yet valid, not for
// signing, or does not match its key, and a certificate whose holder is
// not the party (ErrWrongSigner): the subject CN is compared with the
// party's name after package identity's normalisation (case, spacing,
// punctuation, academic titles), the NIP exactly when both have one. No
// option turns that check off. The stamp prints the certificate's name
// (and its NIP, else the document's).
//
// After signing, the result is verified in memory with sign/verify (every
// signature intact, nothing but the contract's changes after each, the
// last covering the whole file or followed only by the /DSS update, the
// input a byte prefix) before anything is returned; SignAll verifies
// once, after its last signature.
//
// # Keys
//
// PKCS#12 files keep the chain they carry. PKCS#11 keys never leave the
// token; the signer's certificate comes from the token (or --cert), its
// issuers from the token's certificates and --chain, and a chain that does
// not reach a self-signed root is refused (ErrIncompleteChain).
//
// The core works on byte slices and writers (Sign, SignAll, SignTo);
// SignFile only wraps them with a temporary file in the output directory
// and a rename, so a failure never leaves a partial file and never
// replaces a good one.
//
// # Known limits
//
//   - Only PDFs rendered by kinerja (Format 6 and later: with signature
//     fields) can be signed.
//   - The attachment's signature blocks show no stamp: a second widget of
//     the same field is what the contract first asked for, but poppler
//     22.12's pdfsig and MuPDF 1.21 then report the field as unsigned or
//     its digest as broken (they read /V and /ByteRange from the widget's
//     own dictionary), so the field is merged with its one widget on the
//     statement page. Instead, render prints "Ditandatangani secara
//     elektronik (lihat tanda tangan pada halaman 1)" in the attachment's
//     signature spaces of every document with kinerja's fields (Format 9).
//   - Each field's /Lock locks only that field (/Include [(kinerja.<party>)],
//     Format 8). Documents of Format 7 lock /All: once PIHAK PERTAMA has
//     signed one, sign/verify finds PIHAK KEDUA's field locked, so Sign's
//     check of its result refuses the second signature (render it again).
//   - With a TSA, the token size is learned by asking the authority for one
//     token first (two requests per signature).
package sign
