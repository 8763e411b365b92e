// Package render turns laid-out pages (layout.Document) into PDF bytes with
// codeberg.org/go-pdf/fpdf, and provides the Measurer layout uses, so that
// the widths layout measures are exactly the widths fpdf draws.
//
// Write draws only what layout placed: text runs (left edge, baseline,
// face, size, grey, underline), lines, rectangles and PNG/JPEG images, one
// PDF page per layout page with its own size and orientation. It adds the
// Info dictionary, the XMP packet with the kinerja Info (signature
// rectangles converted to PDF points, origin bottom-left), /Lang id-ID and
// a document /ID hashed from the content. Output is deterministic: the
// same input gives the same bytes (fixed dates, sorted catalogs, no map
// order reaches the file). Agreement turns a decoded agreement
// into PDF bytes on an io.Writer; reading TOML and writing files is the
// facade's (package api).
//
// Signature fields (fields.go). For every signer with signature
// rectangles in the layout, Write adds one empty signature field
// (docinfo.FieldName) with a widget on each rectangle, in the shape the
// contract in package docinfo fixes, so that signing fills a field and
// never touches a page; Meta.NoSignatureFields (tanda_tangan = "bsre")
// leaves them out. The widgets' appearance is one shared empty form
// XObject: poppler draws the page as without fields; MuPDF draws its own
// "SIGN" marker on every unsigned signature widget, whatever the
// appearance says.
//
// Sources. A rendered document carries what it was made from: Meta.Files
// are embedded as document-level attachments (the catalog's EmbeddedFiles
// name tree; never page annotations), compressed, keyed by name in byte
// order, without dates. AgreementMeta embeds the agreement TOML under its
// base name and the logo under the path the TOML gives; ReportMeta also
// the realisasi TOML; Info.Sources names the TOML sources in role order and
// Info.Triwulan a report's quarter. render only writes: reading the files
// back (proof.Extract) and rendering the document again from them to
// compare the bytes (proof.Reproduce, with Meta.ExactDate) live in
// package proof; the Info contract in package docinfo. Deterministic
// rendering makes that comparison an exact check that the visible content
// is what the embedded data says.
//
// Speed. Used plainly, fpdf costs about 5 ms per font face and document
// (it re-parses the TrueType file, JSON-encodes a 65 536-entry width table
// to name the font and compresses a fresh subset) plus about 1 MB of zlib
// tables per stream. fpdf offers no way to keep a parsed UTF-8 font, so
// each face is prepared once per process as an fpdf font definition: a
// simple TrueType font in Windows-1252 plus ≥ ≤ − ≠ (/Differences), its
// fixed subset compressed once, with a /ToUnicode CMap of its encoding
// built and compressed once too (fpdf writes none for simple fonts; the
// rewrite step appends it as a new object after fpdf's last and names it
// in the font dictionary). Page contents are compressed here with pooled
// zlib writers (fpdf's own compression is off) and the xref table
// rebuilt. The sample agreement renders in about 4 ms instead of 20 ms.
//
// Trade-offs and known limits:
//   - A face whose text stays within the 8-bit repertoire embeds that whole
//     repertoire (about 220 glyphs, ~30 KB per face) rather than only the
//     glyphs used, and its /ToUnicode map covers the whole encoding (about
//     0.4 KB compressed), not only the codes used. Any other rune sends
//     that face through fpdf's UTF-8 route (Identity-H with fpdf's identity
//     /ToUnicode, subset of the used glyphs): from a copy cut to Latin,
//     punctuation, arrows and mathematical operators, or from the full
//     face beyond that. Every font thus has /ToUnicode (pdffonts "uni
//     yes"); full PDF/A-2u would still need an output intent and other
//     checks not made here.
//   - Fonts are Liberation Serif and Sans only. A rune no face has is an
//     error naming the page, text and code point, never a silent box.
//   - fpdf writes coordinates with two decimals (1/100 pt) and no kerning;
//     the Measurer does not kern either.
//   - The font names and the /ID are patched into fpdf's output by
//     equal-length replacement and a trailer edit, and /ToUnicode is added
//     to the font dictionary fpdf writes for a simple font; this depends
//     on the shape of fpdf v0.12.0's output and fails loudly if it changes.
//   - No hyperlinks are ever written; the only annotations are the
//     signature widgets.
//   - A logo outside the TOML's directory ("../logo.png") or given as an
//     absolute path is embedded under that name (revealing the path);
//     proof.Reproduce still finds it, but `kinerja extract` refuses to
//     write it (LocalName).
package render
