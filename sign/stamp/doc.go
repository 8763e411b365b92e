// Package stamp makes the visible appearance of one signature: a form
// XObject, added to an incremental update (internal/pdfupdate), that the
// signer names as the signature widget's normal appearance (/AP /N).
//
// Layout (the same as the raster image it replaces): in a wide box (at
// least 1.8:1) the QR code at the left, as tall as the box, its quiet zone
// of four modules as the margin, and the text to its right; in a narrower
// box the QR code (at most 55 % of the height) centred at the top and the
// text below. The text is "Ditandatangani secara elektronik oleh", the
// name in bold, "NIP ..." when there is one, and the date in Indonesian
// (data.FormatTanggal), word-wrapped; the name is set at the largest size
// from 8 pt down to 3 pt at which everything fits, the other lines at 80 %
// of it, the block centred vertically. Text is dark blue (#101C5A), the QR
// code black.
//
// Everything is vector: the QR code is filled rectangles, one per run of
// dark modules in a row, drawn in a space scaled to one unit a module, so
// every module has the same size at any resolution; the text is in
// Liberation Sans regular and bold, each embedded as a simple TrueType
// font subset to exactly the characters drawn (internal/pdffont), in
// WinAnsiEncoding plus /Differences (uniXXXX names) for other characters,
// with a /ToUnicode CMap so the text can be extracted and searched. The
// same input gives the same bytes.
//
// Speed: about 0.1 ms a stamp (BenchmarkStamp), a third of it the QR
// code (internal/qr), drawn as one rectangle per run of dark modules
// merged with the same run in the rows below. The font objects are kept
// by face and rune set (256 at most), so the small lines' font (heading,
// digits, month) and a name that signs again cost nothing; a new rune set
// costs about 0.1 ms more. What varies by stamp is compressed fast or not
// at all: the
// content stream at zlib.BestSpeed, the glyphs of a font subset stored
// (deflate saves a quarter of them) behind the hinting and name tables
// compressed once per process (pdffont.Face.Compressed), the /ToUnicode
// CMaps (a few hundred bytes) plain. A stamp adds about 23 KB.
//
// Limits:
//   - A character Liberation Sans lacks (e.g. CJK) is an error naming it;
//     so is a control character. At most 37 distinct characters outside
//     Windows-1252 fit one font's encoding.
//   - No kerning: widths are the fonts' advance widths (fonts.Parse), so
//     measured and drawn widths agree exactly.
//   - Text that does not fit the box at 3 pt, a box under 10 pt a side,
//     and a QR content that is empty or too long for a version 40 code at
//     level M (2331 bytes) are errors; nothing is added to the update then.
package stamp
