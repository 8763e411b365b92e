// Package proof decides whether a kinerja PDF is what it claims to be, in
// one place: Check verifies every signature (package sign/verify), renders
// the document again from the sources embedded in it and compares the
// bytes (Reproduce, the re-render proof), and checks that every party the
// document needs has signed. The result is one Verdict, which `kinerja
// verify` prints, and on which `archive add` and `archive verify` act;
// none of them decides on its own. Extract reads the embedded sources back.
//
// The package sits above render (Reproduce renders) and sign/verify; the
// verifier itself stays free of the renderer, the layout and the TOML
// decoder.
//
// # Verdict
//
// Status is "valid" (every signature intact, trusted and unmodified, no
// document-level problem, the source reproduced or not comparable, and
// every needed party signed), "incomplete" (all that, except that a party
// has not signed: an agreement needs PIHAK PERTAMA and PIHAK KEDUA, a
// report PIHAK PERTAMA) or "invalid" (anything else, an unsigned document
// included). Valid is Status == "valid"; Reasons says why not.
//
// # JSON schema "kinerja-verify/2"
//
// Fields appear in this order, lists are [] when empty (never null), times
// are RFC 3339 UTC or "":
//
//	{"schema": "kinerja-verify/2", "file": string,
//	 "status": "valid"|"incomplete"|"invalid", "valid": bool,
//	 "kind": "perjanjian"|"laporan"|"", "revisions": int,
//	 "reasons": [string], "problems": [string],
//	 "parties": [{"party": "pertama"|"kedua", "name": string, "signed": bool, "signature": int}],
//	 "missing": ["pertama"|"kedua"],
//	 "signatures": [{"index": int, "party": "pertama"|"kedua"|"",
//	   "valid": bool, "name", "reason", "location", "signer_subject",
//	   "signer_issuer": string, "signing_time": string, "timestamp": string,
//	   "digest_algorithm": string, "byte_range": [4 ints], "revision": int,
//	   "covers_whole_file", "integrity", "trusted": bool, "chain_error": string,
//	   "modified_after": bool, "modifications", "errors", "warnings": [string],
//	   "document_timestamp": bool}],
//	 "source": {"status": "identical"|"different"|"other-format"|"none"|"error",
//	   "message": string, "kind": string, "sources": [string], "size": int,
//	   "first_diff": int}}
//
// A document timestamp (PAdES B-LTA, kinerja timestamp) is a signature
// with "document_timestamp": true and party "": its name and signer are the
// timestamp authority's, "timestamp" and "signing_time" its time,
// "integrity" the token's signature and imprint over its byte range,
// "trusted" the authority's chain.
//
// Version 1 (kinerja verify --json before this package) had no status,
// kind, parties and missing, and called a document signed by only some of
// its parties valid. "source" is the re-render proof: "identical" when the
// bytes before the first signature (pdfread.Rendered) are exactly what the
// embedded sources render to (size is their length); "different"
// (first_diff is the first differing byte, -1 when the sources did not
// render at all) and "error" make the document invalid; "none" (no
// embedded source) and "other-format" (written by a renderer whose bytes
// differ from this one's, see docinfo.Format) are notes.
//
// # Limits
//
//   - A signature's party is the document signer whose name matches the
//     signature's /Name or certificate common name (sign/verify); the
//     certificate is not otherwise tied to the party.
//   - Reproduce is exact only with the same renderer: another kinerja
//     version, Go release (compress/flate output), font or layout rule
//     renders other bytes; documents of another docinfo.Format are not
//     compared, which cannot be told from tampering by the bytes alone.
//   - Extract and Reproduce read the whole PDF into memory (pdfread.MaxSize)
//     and at most MaxExtractSize of embedded data.
package proof
