// Package layout turns an agreement (data.Agreement) into pages of
// positioned boxes: text runs, lines, rectangles and images at fixed
// places. It is pure geometry. It imports no PDF package and no fonts;
// widths come only from a Measurer, so the same code serves the PDF
// renderer, tests with a fake monospace measurer, and any future output.
//
// # Units and coordinates
//
// Every length is in PDF points (1/72 inch, 1 mm = 72/25.4 pt). The
// origin is the top-left corner of the page and y grows downwards. A Text
// box's Y is its baseline, its W the measured width and H the font size.
// Page.Width and Page.Height are the page as seen: landscape pages are wider
// than tall.
//
// # The document
//
// Page 1 is the portrait statement page: optional logo (20 mm tall, aspect
// kept), letterhead lines with a double rule, the title, the optional
// number, the opening paragraph, both parties' Nama/Jabatan blocks with
// aligned colons, the two fixed paragraphs (justified by placing each word
// as its own box, because fpdf's word spacing does not work with UTF-8
// fonts; last lines are left aligned), the place and date line, and two
// signature blocks: PIHAK KEDUA on the left, PIHAK PERTAMA on the right.
// Body text is 12 pt on 15 pt leading; margins are 25 mm left and right and
// 20 mm top and bottom. Party labels inside paragraphs are set bold.
//
// The attachment follows on landscape pages: title, identity block, the
// indicator table (9 pt on 10.8 pt leading, 3 pt cell padding), the optional
// Program | Anggaran (Rp) | Keterangan table with a JUMLAH row, and the
// signature blocks again. Every page ends with the optional footer text
// (8 pt, centred, wrapped) above "Halaman N dari M" (right aligned).
//
// Document.SigRects lists four rectangles in this order: the statement
// page's PIHAK PERTAMA and PIHAK KEDUA, then the attachment's PIHAK
// PERTAMA and PIHAK KEDUA, each with its 1-based page number.
//
// # Tables and pagination
//
// Narrow columns (NO, targets, Sumber Data, Keterangan) are sized to their
// widest content up to a cap; Sasaran, Indikator Kinerja and Pengukuran
// Kinerja share the rest 1:1:2. No column is made narrower than its
// longest word (in its font and size, headers included) when the table
// can afford it: a column whose share is below that minimum is pinned at
// it and the others share what is left; narrow columns give up their air
// first. Only when the minimums together exceed the text width are the
// widest columns cut to a common width, and a word wider than a third of
// the table (or a narrow column's cap) never claims its full width. A
// sasaran is one band: its NO and text are cells spanning all its
// indicator rows. The rules:
//
//   - A row of at most six lines (keepRow) that does not fit in the space
//     left moves to the next page whole, so short rows are never cut.
//   - A taller row than the space left is split after a whole line; all
//     its cells split after the same line and continue on the next page,
//     however many pages that takes. Span cells continue beside the rows
//     placed on each page, drawn as one frame per page.
//   - A word wider than its column is broken between characters (no
//     hyphen), so text never overflows a cell.
//   - A fragment that continues a row or a sasaran on a new page shows,
//     in its NO / Kode cells that have no text left, a continuation cue in
//     7 pt grey: "3 (lanjutan)" for the sasaran (the word moves
//     to the empty Sasaran cell when the NO column is too narrow for it),
//     the indicator's NO or kode for the row.
//   - The header (two rows in the indicator table, where Triwulan spans
//     the four quarter columns) is repeated at the top of every page the
//     table continues on.
//   - A group row (SASARAN STRATEGIS, ...) is kept with at least the first
//     lines of the row after it.
//   - No single line of a row is left alone before or after a break when
//     that can be avoided (a row starts on a new page instead).
//   - The attachment signature section is kept together and with the last
//     row of the table before it: when both do not fit, that row moves to
//     a new page (under the repeated header) with the signatures, so the
//     signatures are never alone on a page. A program table that fits on
//     one page is never cut.
//
// # The quarterly report
//
// Report lays out a computed report.Report with the same table engine,
// fonts and pagination rules on landscape pages: the indicator table
// (target, realisasi, capaian and category of the quarter and against the
// annual target, kendala, tindak lanjut), the summary per group, a budget
// table when pagu figures exist, the chart pages (one horizontal bar per
// indicator drawn with Rect and Line boxes coloured by category through
// Box.Color, the value printed at the bar's end, a 100% reference line),
// and PIHAK PERTAMA's signature block, whose SigRect is on the last page.
// Report tables are set in 8 pt (fifteen columns leave the free-text
// columns too narrow at 9 pt on A4); Kendala and Tindak Lanjut get the
// largest shares, the number columns their content width, the summary's
// Kelompok column the width of its names on at most two lines. A capaian
// limited by the indicator's batas shows the raw value under the printed
// one, small and grey ("120%" over "(140%)"), and CapNote explains it
// above the table.
//
// # Text identity
//
// Each Text box carries in Box.Cell the source of its text, e.g.
// "k0.s2.i1.pengukuran" (group 0, sasaran 2, indicator 1, Pengukuran
// Kinerja), "k1.nama" (a group row), "p3.program", "pembuka",
// "ttd.pertama.nama", "lampiran.kedua.jabatan"; texts the layout adds
// itself are "label", "label.lanjutan" (continuation cues), "head",
// "footer" and "halaman". Tests use it to check that no text is lost or
// duplicated across page breaks. In the report, a capped capaian's raw
// value is "r<row>.capaian_tw.mentah" or "r<row>.capaian_tahunan.mentah"
// and the note above the table "laporan.catatan".
//
// # Known limits
//
//   - Greedy line breaking, no hyphenation; a justified line with few long
//     words can look loose.
//   - Every table cell uses one size and leading, which is what lets rows
//     split at one common y. Cells are top aligned.
//   - A newline in a cell is a line break; blank lines add no extra space.
//   - The vertical metrics are approximated (ascent 0.8 em), the Measurer
//     gives widths only.
//   - Statement page blocks (paragraphs, party blocks, the signature
//     section) are never split; if the statement text is too long for one
//     page the next block starts a new portrait page, and the statement
//     signatures are then not on page 1.
//   - A group row or table header taller than a page, or a signature
//     section taller than a page, is an error (ErrNoSpace).
//   - Layout is deterministic: no map is ranged over to emit boxes, and
//     floats are left unrounded for the renderer to format.
package layout
