// Package pades writes the PAdES baseline signatures of kinerja documents
// into the signature fields the renderer made (the contract is in package
// docinfo): it reads what an incremental update needs (Read) and appends
// one update that fills one party's field (Document.Sign).
//
// The update holds exactly: the signature dictionary (/Type /Sig /Filter
// /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached, /ByteRange, /Contents,
// /M from the caller's clock, /Name, optional /Reason and /Location as PDF
// text strings), for a certification signature also its /Reference with a
// DocMDP transform (/P 2: form filling and signing allowed) and the
// catalog redefined with only /Perms << /DocMDP S >> added; the field
// redefined with only /V added; each widget of the field redefined with
// only /AP replaced by a stamp (package stamp) of its size, one stamp per
// distinct size; the stamps' objects. Never a page, never the AcroForm.
// Objects are redefined by editing their bodies as written
// (internal/pdfedit), so every other entry keeps its bytes.
//
// The /Contents room is the CMS size bound of package cades (the key's
// largest signature, the whole chain, a timestamp token as large as the
// authority's plus a margin), so RSA-2048/3072/4096 and P-256/P-384 fit
// with or without a TSA. The byte ranges are written into the finished
// update, the signed bytes hashed once, the CMS built by cades over that
// digest (content-type, message-digest, signing-certificate-v2; no
// signing-time) and sealed into /Contents.
//
// SignDocument returns the signed file as a Document (trailer, catalog,
// fields and the objects the update redefined taken from the update), so
// that signing both parties reads the file once.
//
// Long-term validation is one more update on the result: Read the signed
// bytes again and give its Trailer and Catalog to sign/ltv (AddDSS,
// CatalogWithDSS, AddDocTimeStamp).
//
// This package writes; it checks only what it must to write correctly
// (the field exists and is empty, the catalog has no /Perms yet). Who may
// sign, in which order and whether the certificate is the party's, is
// package sign's business, and so is verifying the result.
//
// # Limits
//
// Only files with classic cross-reference tables whose catalog, fields and
// widgets are not in object streams (what render and this package write).
// A field whose widgets are not indirect objects is refused.
package pades
