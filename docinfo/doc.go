// Package docinfo is the typed contract between the renderer, which writes
// it into every PDF, and every reader (sign, sign/verify, proof, archive):
// what kind of document it is, who signs it in which order, the rectangle
// reserved for each signature, the embedded sources and the Format
// that wrote the bytes. It travels in the document's XMP metadata as JSON
// inside <kinerja:info> (namespace urn:kinerja:info:1).
//
// The package is a leaf: it imports only the standard library and the PDF
// reader (for InfoFrom on an already parsed file), so that a verifier can
// read these ten fields without pulling in the TOML decoder, the layout,
// the PDF writer and its fonts. Opening a PDF is package internal/pdfread's
// business.
//
// The vocabulary is typed: Party and Kind are values with a fixed text
// form; the words "pertama", "kedua", "perjanjian" and "laporan" are
// spelled here and nowhere else.
//
// # Signature fields (the contract between render, sign and sign/verify)
//
// Render makes, for each Signer, one signature field whose fully qualified
// name is FieldName(party) ("kinerja.pertama", "kinerja.kedua"): a parent
// field /T (kinerja) in /AcroForm /Fields whose /Kids are the party fields.
// Each party field is merged with its one widget: /FT /Sig /T (<party>)
// /Parent /Lock << /Type /SigFieldLock /Action /Include /Fields
// [(kinerja.<party>)] >> (signing the field locks itself only: the other
// party may still sign), no /V, and /Type
// /Annot /Subtype /Widget /F 4 /Rect (Widgets[0], the statement page's
// block) /P (the page) /AP << /N E >>, E one shared empty form XObject, so
// nothing shows before signing; the page's /Annots lists it. Field and
// widget are one dictionary because the validators of poppler (pdfsig
// 22.12) and MuPDF (1.21) read /V and /ByteRange only from the widget's
// own dictionary: a signature field with widget kids is "not signed" to
// both. Signer.Widgets also records the party's other signature blocks
// (the attachment's), which carry no widget: their space says where the
// electronic signatures are (layout.ElectronicNotice). The catalog carries
// /AcroForm << /Fields [...] /SigFlags 3 >> from the start. An agreement
// rendered with tanda_tangan = "bsre" has no fields at all (BSrE adds its
// own: a new signature field merged with its widget inside the party's
// block, which sign/verify allows) and carries instead, at the top left of
// each of the party's blocks, the text Tag(party) ("#ttd_pertama#") in
// white 2-point type, for a service that places by tag.
//
// Signing party P appends one incremental update with exactly: a new
// signature dictionary S (/Type /Sig /Filter /Adobe.PPKLite /SubFilter
// /ETSI.CAdES.detached /ByteRange /Contents /M /Name, optional /Reason and
// /Location); for PIHAK PERTAMA, S also has /Reference with a DocMDP
// transform (/P 2, /V /1.2) and the catalog is redefined adding only
// /Perms << /DocMDP S >>; the field-widget kinerja.P redefined adding /V S
// and replacing only /AP with a new stamp form XObject (and the stamp's
// fonts); nothing else (never a page, never the AcroForm). PIHAK PERTAMA signs first; a signed field is never signed
// again; a report (Kind Report) is signed by PIHAK PERTAMA only, in the
// same shape.
//
// Glossary (the Indonesian words of the paper form):
//   - perjanjian kinerja (PK): performance agreement (Kind Agreement);
//   - laporan: the quarterly report of achievement (Kind Report);
//   - pihak pertama: the first party, the official who commits to the
//     targets and signs first (Pertama);
//   - pihak kedua: the second party, the superior who approves and signs
//     second (Kedua);
//   - triwulan: quarter of the year (1..4);
//   - NIP: civil servant number; jabatan: position held.
package docinfo
