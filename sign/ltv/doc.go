// Package ltv adds what long-term validation of a PAdES signature needs
// (ETSI EN 319 142-1 B-LT and B-LTA): revocation data for every
// certificate of every chain, stored in the document security store
// (/DSS), and document timestamps.
//
// # What it owns
//
//   - Collect (collect.go, fetch.go): for each certificate of the signers'
//     and timestamp authorities' chains, except self-signed roots, a
//     fresh OCSP response from its AIA OCSP URL (RFC 6960, POST, SHA-1
//     CertID as the RFC 5019 profile that most responders serve), or when
//     there is none or it fails, the CRL from its distribution point
//     (RFC 5280). Every answer is checked against the certificate's issuer
//     found in the chains: its signature (a delegated OCSP responder must
//     carry id-kp-OCSPSigning), its freshness (thisUpdate not in the
//     future beyond MaxSkew, nextUpdate not passed, or when absent not
//     older than MaxStale) and the status. Requests have a timeout and
//     responses a size cap; errors name the certificate and every URL
//     tried with its reason. A revoked certificate is ErrRevoked.
//   - AddDSS and CatalogWithDSS (dss.go): the /DSS dictionary
//     (ISO 32000-2 §12.8.4.3, EN 319 142-1 §5.4) with /Certs, /OCSPs and
//     /CRLs arrays of Flate-compressed streams and an optional /VRI, added
//     to an internal/pdfupdate update; the catalog's new body with /DSS.
//   - AddDocTimeStamp (timestamp.go): a document timestamp (SubFilter
//     ETSI.RFC3161) in an invisible signature field.
//
// Object bodies that must change (catalog, AcroForm, page) are given by
// the caller as bytes, read through the reading core; this package edits
// them with internal/pdfedit and never reads the file's structure itself.
//
// # Choices
//
// No /Extensions << /ESIC ... >> entry is written. ETSI EN 319 142-1 does
// not require it, pdfsig, mutool and EU DSS do not look at it, and pyHanko
// (which writes /ESIC with ExtensionLevel 1, not 5) does so only when the
// file is below PDF 2.0. Adding it would mean another catalog key to merge
// and another change for the verifier's allow-list to accept, for no
// reader we know of that needs it.
//
// What outside tools make of a document timestamp (checked in the
// tests): qpdf --check is clean; pdfsig 22.12 lists the field, the TSA as
// signer, SHA-256 and "Total document signed" but cannot validate
// ETSI.RFC3161 ("Signature Type: unknown"); mutool 1.21 says "Signature
// is not signed" because it takes /V as a signature only with /Type /Sig,
// although ISO 32000-2 Table 255 requires /Type /DocTimeStamp here. The
// tests therefore verify the token with openssl ts -verify over the
// /ByteRange bytes. pdfsig behaves the same with the widget on a page and
// on none.
//
// # Limits
//
// Material is fetched sequentially, one certificate after another. OCSP
// nonces are not sent (most responders ignore them and cached answers are
// the norm). Revocation data of the OCSP responder's own certificate
// (id-pkix-ocsp-nocheck) and indirect CRLs, delta CRLs and CRL
// distribution points other than full http(s) URLs are not handled.
// Collect does not build or verify the chains: it trusts the order and
// completeness the signer checked.
package ltv
