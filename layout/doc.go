// Package layout holds the two document templates: the agreement
// (Perjanjian Kinerja, Agreement) and the quarterly report (laporan
// capaian kinerja, Report). Each turns its model into blocks and grids for
// the layout engine (kinerja/layout/engine), which breaks text, places
// grids and paginates into pages of positioned boxes. Like the engine it
// is pure geometry: no PDF package and no fonts; widths come from a
// Measurer, so the same code serves the PDF renderer, tests with a fake
// monospace measurer, and any future output.
//
// # Why the templates live here
//
// Both templates share the typography (sizes, margins, the page frame with
// "Halaman N dari M"), the identity block and the signature blocks, and
// both come from the same agreement. In subpackages (layout/perjanjian,
// layout/laporan) these shared parts would need a third package, and
// every caller two imports; here a caller writes layout.Agreement or
// layout.Report and gets a Document, and the engine's box types are
// re-exported under their old names (Box, Document, ...), so render never
// imports the engine. The files say which template they belong to:
// perjanjian_*.go, laporan*.go, and blocks.go for the shared blocks.
//
// # Defaults
//
// Templates apply no defaults: the model must have them
// (data.Agreement.ApplyDefaults, which data.Decode calls). The paper and
// font are checked; a model without them is an error.
//
// # Glossary
//
// Names in the code follow the documents, which are Indonesian:
//
//	perjanjian kinerja   performance agreement (PK)
//	laporan              report; laporan capaian kinerja: achievement report
//	pernyataan           statement (page 1 of the agreement)
//	lampiran             attachment (the indicator table and program table)
//	pihak pertama/kedua  first/second party: the official who promises and
//	                     the superior (atasan) who supervises
//	kop                  letterhead; judul: title; nomor: document number
//	pembuka, janji,      the opening sentence, the promise and the
//	supervisi            supervision paragraphs of the statement page
//	sebutan              "hereinafter called ..." after a party's name
//	nama, jabatan        name, position; jabatan TTD: position in a
//	                     signature block (TTD = tanda tangan, signature)
//	pangkat, NIP         rank/grade, civil servant number
//	unit kerja           the official's organisational unit
//	tempat, tanggal      place, date
//	kelompok             group of sasaran (SASARAN STRATEGIS, ...)
//	sasaran              target/objective; uraian: its text
//	indikator (kinerja)  (performance) indicator; kode: its stable code
//	pengukuran           how the indicator is measured
//	sumber data          data source; keterangan: remarks; satuan: unit
//	target, tahunan      target, annual
//	triwulan (TW)        quarter
//	realisasi            actual result (s.d. = up to and including)
//	capaian              achievement: realisasi against target, in percent
//	kategori             achievement category (Sangat Tinggi, ...)
//	batas                cap on a printed capaian; mentah: the raw value
//	kendala              obstacles; tindak lanjut: follow-up
//	program, anggaran    program, budget (Rp); pagu: budget ceiling;
//	                     serapan: share of the budget spent; jumlah: total
//	ringkasan            summary; grafik: chart; lanjutan: continued
//
// # The agreement
//
// Page 1 is the portrait statement page: optional logo (20 mm tall, aspect
// kept), letterhead lines with a double rule, the title, the optional
// number, the opening paragraph, both parties' Nama/Jabatan blocks with
// aligned colons, the two fixed paragraphs (justified; last lines left
// aligned), the place and date line, and two signature blocks: PIHAK
// KEDUA on the left, PIHAK PERTAMA on the right. Body text is 12 pt on
// 15 pt leading; margins are 25 mm left and right and 20 mm top and
// bottom. Party labels inside paragraphs are set bold.
//
// The attachment follows on landscape pages: title, identity block, the
// indicator table (9 pt on 10.8 pt leading, 3 pt cell padding), the optional
// Program | Anggaran (Rp) | Keterangan table with a JUMLAH row, and the
// signature blocks again. Every page ends with the optional footer text
// (8 pt, centred, wrapped) above "Halaman N dari M" (right aligned).
//
// Document.SigRects lists four rectangles in this order: the statement
// page's PIHAK PERTAMA and PIHAK KEDUA, then the attachment's PIHAK
// PERTAMA and PIHAK KEDUA, each with its 1-based page number. Unless
// tanda_tangan is "bsre", the attachment's rectangles are not empty: the
// electronic signatures stand only on the statement page (package sign),
// so each holds, centred in 9 pt, "Ditandatangani secara elektronik" and
// "(lihat tanda tangan pada halaman 1)" (ElectronicNotice; cell
// lampiran.<party>.ttd_elektronik).
//
// The indicator table is one engine grid. Narrow columns (NO, targets,
// Sumber Data, Keterangan) are sized to their widest content up to a cap;
// Sasaran, Indikator Kinerja and Pengukuran Kinerja share the rest 1:1:2.
// A sasaran is one band: its NO and text are span cells beside all its
// indicator rows. The header has two rows, Triwulan spanning the four
// quarter columns. A group row (SASARAN STRATEGIS, ...) is kept with the
// first lines of the row after it. The attachment signature section is
// the grid's tail, so the signatures are never alone on a page. A program
// table that fits on one page is never cut. Continuation cues show the
// sasaran's "3 (lanjutan)" and its text, the indicator's NO and its name
// (see the engine's pagination rules).
//
// The columns are those of data.Table (the agreement's [tabel] or the
// default derived from its content): any of NO, Sasaran, NO, Indikator
// Kinerja, Sumber Data, Pengukuran Kinerja, Satuan, Triwulan I..IV,
// Tahunan (headed Target without quarters) and Keterangan, in the order
// listed, with the headings as printed. The header has two rows only when
// there are quarter columns. A group with a title starts a new table
// under that title. The program table has the columns of
// data.ProgramTable (an optional No with 1, 1.1, 1.1.1 for programs,
// kegiatan and sub-kegiatan), amounts with "Rp" and ",00" when asked, and
// a total row that counts every rupiah once.
//
// # The quarterly report
//
// Report lays out a computed report.Report with the same engine, fonts and
// page frame on landscape pages: the indicator table (target, realisasi,
// capaian and category of the quarter and against the annual target,
// kendala, tindak lanjut), the summary per group, a budget table when pagu
// figures exist, the chart pages (one horizontal bar per indicator drawn
// with Rect and Line boxes coloured by category through Box.Color, the
// value printed at the bar's end, a 100% reference line), and PIHAK
// PERTAMA's signature block, whose SigRect is on the last page. Report
// tables are set in 8 pt (fifteen columns leave the free-text columns too
// narrow at 9 pt on A4); Kendala and Tindak Lanjut get the largest shares,
// the number columns their content width, the summary's Kelompok column
// the width of its names on at most two lines. A capaian limited by the
// indicator's batas shows the raw value under the printed one, small and
// grey ("120%" over "(140%)"), and CapNote explains it above the table.
//
// # Text identity
//
// Each Text box carries in Box.Cell the source of its text, e.g.
// "k0.s2.i1.pengukuran" (group 0, sasaran 2, indicator 1, Pengukuran
// Kinerja), "k1.nama" (a group row), "p3.program", "pembuka",
// "ttd.pertama.nama", "lampiran.kedua.jabatan"; texts the templates and
// the engine add themselves are "label", "label.lanjutan" (continuation
// cues), "head", "footer" and "halaman". Tests use it to check that no
// text is lost or duplicated across page breaks. In the report, a capped
// capaian's raw value is "r<row>.capaian_tw.mentah" or
// "r<row>.capaian_tahunan.mentah" and the note above the table
// "laporan.catatan".
//
// # Known limits
//
//   - Those of the engine (greedy breaking, one size per grid, approximate
//     vertical metrics).
//   - Statement page blocks (paragraphs, party blocks, the signature
//     section) are never split; if the statement text is too long for one
//     page the next block starts a new portrait page, and the statement
//     signatures are then not on page 1.
//   - A signature section taller than a page is an error (ErrNoSpace).
package layout
