// Package workbook owns kinerja's Excel workbooks (github.com/xuri/excelize):
// the realisasi form a unit fills (Formulir), reading a filled form back
// (ReadForm, FormAgreement), the quarterly report as a workbook
// (WriteReport), the recap of many units (WriteRekap), and the agreement
// itself for review and editing (WriteAgreement, ReadAgreement). It imports data,
// report and rekap; it draws no PDF and knows nothing of the command line.
//
// A filled form is not validated here: ReadForm turns its rows into the
// realisasi TOML a unit would have written by hand (FormTOML) and decodes
// that with report.Decode, so the rules live once, in package report. The
// problems report.Decode finds are mapped back from their TOML field
// (realisasi[3].nilai) to the cell they came from, printed as
// "form.xlsx: Realisasi!J7: field: what, expected" (CellProblem).
//
// The form: the sheet Petunjuk (instructions in Indonesian) first, then
// Realisasi with one row per indicator: kode, sasaran, indikator, satuan,
// the annual and the quarter's target and the realisasi of earlier
// quarters, all locked; the quarter's realisasi, kendala, tindak lanjut,
// pagu and realisasi anggaran unlocked, with data validation on the
// number cells of numeric indicators and on the rupiah cells. The hidden
// sheet Riwayat carries the earlier quarters' entries whole and the hidden
// sheet kinerja the agreement's file name, year and quarter, so that a
// filled form is a complete realisasi on its own.
//
// The agreement workbook has the sheets Identitas (one row per key:
// the document and both parties), Indikator (one row per indicator with
// its group and sasaran, the quarters' and annual targets as written) and
// Program (budget rows with their level), and the hidden sheet perjanjian
// with the agreement's TOML whole (data.Encode). ReadAgreement starts from
// that TOML and overlays the visible sheets, encodes the result and
// decodes it with data.DecodeWith, mapping each problem's field back to
// the cell it came from, as the form does.
//
// Trade-offs and limits:
//   - What the agreement sheets do not show (scales, categories, wording,
//     table settings, renamed group headings, reference targets) comes
//     from the hidden TOML; reference targets follow their kode, renamed
//     headings their group number.
//   - Sheets are protected without a password: protection guards against
//     slips, not against a user who means to change a locked cell; what
//     such a user changes is checked again by report.Decode on reading.
//   - Number formats are stored, as the file format requires, in the
//     invariant syntax (#,##0.00) tagged Indonesian ([$-421]). LibreOffice
//     honours the tag and shows 1.234,50 whatever its own locale (its CSV
//     export writes 98,65, which the LibreOffice test reads); Excel takes
//     the separators from the system's settings. The numbers themselves
//     are numbers, never text.
//   - A percentage is typed as its number (95 for 95%); a value Excel
//     stored as a percentage (0.95 formatted 0%) is read as 95.
//   - Inputs are capped (MaxFormSize, unzip limits) and only the rows of
//     the agreement's indicators are read.
package workbook
