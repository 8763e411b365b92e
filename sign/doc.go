// Package sign adds the electronic signatures of a Perjanjian Kinerja: PIHAK
// PERTAMA first, then PIHAK KEDUA, each as one approval signature appended as
// an incremental update by github.com/digitorus/pdfsign, with a visible
// appearance placed exactly in the rectangle the renderer reserved for that
// party (docinfo.Info in the XMP metadata). It also loads signing keys
// (PKCS#12 files, PKCS#11 tokens) and creates a throwaway development PKI.
//
// The core works on byte slices and writers ([Sign], [SignAll]); [SignFile]
// only wraps them with a temporary file in the output directory and a rename,
// so a failure never leaves a partial file and never replaces a good one.
//
// # Guards around pdfsign v0.0.0-20250819064552-5f74f69dda1d
//
// Each known defect of that build has a guard and a test that fails without it:
//
//   - (a) The zero CertType means a certification signature with /P 1 and no
//     /Perms: we always pass ApprovalSignature.
//   - (b) Non-ASCII Name/Reason/Location/ContactInfo is written as raw UTF-16
//     inside a literal string, which breaks the dictionary: those fields are
//     transliterated to ASCII ([ASCII]); the full Unicode name is drawn in
//     the appearance image.
//   - (c) pdfsign finds its /Contents placeholder by searching the whole file
//     for the first run of '0' characters of the placeholder's length, so a
//     long run of zeros already in the file (the padding of an earlier
//     timestamped signature, or anything else) receives the new signature.
//     We compute pdfsign's placeholder length and refuse input holding such a
//     run; adding a signature without a timestamp to a document whose earlier
//     signature has one is refused with a clear message (the reverse order is
//     harmless and allowed).
//   - (d) When the CMS outgrows pdfsign's size estimate (RSA-3072/4096 without
//     a TSA), its retry path writes the whole PDF twice with a broken xref. We
//     compute the estimate and the exact CMS size (a dry run with a dummy
//     signer, no key operation) and refuse before signing; the output writer
//     also rejects a second write, and the post-check counts %PDF- headers.
//   - (e) pdfsign rewrites the signed page dictionary and corrupts direct
//     (fpdf-style) annotations: a page with /Link or direct annotations is
//     refused.
//   - (f) pdfsign and the PDF reader panic on malformed input: every call is
//     wrapped and a panic becomes an error.
//   - pdfsign's TSA client has no timeout: it talks to an in-process relay on
//     127.0.0.1 that forwards the request with our timeout (see tsa.go).
//   - pdfsign compares only the header version with 1.5, so the second
//     signature of a PDF-1.3/1.4 file (fpdf) got a duplicated /Version key in
//     the catalog (qpdf warns): the reader handed to pdfsign carries the
//     effective version (header or catalog /Version, whichever is later).
//
// After every signature the result is checked in memory before anything is
// written: one %PDF- header, it reopens, the expected number of signatures,
// every one cryptographically valid, the last /ByteRange ending at the end of
// the file, and the input a byte prefix of the output.
//
// # Known limits
//
//   - The appearance is a raster image: pdfsign offers no way to supply a
//     vector appearance stream or a font, only an image stretched to the box
//     or an ASCII Times-Roman text. We hand it an opaque 8-bit paletted PNG
//     (white, a white-to-ink ramp for antialiased text, black QR modules) at
//     about 200 dpi, the resolution chosen per box so that a QR module is a
//     whole number of pixels (the QR code's quiet zone is the white
//     background, so the box is painted white). Whatever we give it,
//     pdfsign decodes the image, copies it pixel by pixel through
//     image.Image.At into 8-bit RGB and deflates that at the default level:
//     about 10 ms per signature for a 200 x 80 pt box, half of the signing
//     time and the floor of this design. Cost grows with the square of the
//     resolution; a JPEG avoids the pixel copy but is no faster once
//     encoded and decoded, and blurs the text and the QR code.
//   - The party of an existing signature is the one whose reserved box its
//     widget occupies (within 0.5 pt).
//   - The CMS signingTime is time.Now() inside pkcs7; the injected clock sets
//     /M, the appearance date and certificate-validity checks only.
//   - RSA keys larger than 2048 bits only fit with a TSA (pdfsign reserves
//     9000 extra bytes for the token); otherwise they are refused.
//   - pdfsign re-serialises the signed page dictionary (inlining /Resources).
//   - With a TSA, the relay answers pdfsign on a loopback port; a machine
//     that forbids listening on 127.0.0.1 cannot use --tsa.
package sign
