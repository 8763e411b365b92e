package layout

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"kinerja/data"
	"kinerja/layout/engine"
	"kinerja/report"
)

// Report table columns.
const (
	rcNo = iota
	rcSasaran
	rcKode
	rcIndikator
	rcSatuan
	rcTargetTW // rcTargetTW..rcKategoriTW: the quarter
	rcRealTW
	rcCapTW
	rcKatTW
	rcTargetTh // rcTargetTh..rcKatTh: against the annual target
	rcRealSD
	rcCapTh
	rcKatTh
	rcKendala
	rcTindak
	rcCols
)

// Report tables are set a point smaller than the agreement's: fifteen
// columns on A4 leave the free-text columns too narrow at 9 pt.
const (
	repSize = 8.0
	repLead = 9.6
)

// repCell and repBold are the report tables' text styles.
var (
	repCell = engine.Style{Size: repSize, Lead: repLead}
	repBold = engine.Style{Size: repSize, Lead: repLead, Bold: true}
)

// roman holds the quarter numerals I..IV.
var roman = [...]string{"I", "II", "III", "IV"}

// Report lays out the quarterly achievement report of rep on landscape
// pages of the agreement's paper: title and unit, the indicator table, the
// summary table, the budget table when budget figures were reported, the
// chart pages and the signature block of PIHAK PERTAMA. SigRects holds one
// rectangle, party "pertama", on the page of the signature block.
//
// Its tables are engine grids placed as the agreement's are (row
// splitting, repeated headers, sasaran bands, group rows kept with the
// next row), with the same fonts, sizes, footer and page numbers. Cells are named "r<row>.<column>" (row = index in
// rep.Rows), "g<n>.nama", "ringkasan.*", "anggaran.*", "grafik.*" and
// "laporan.*".
//
// Trade-offs and limits:
//   - Budget figures go in a separate table: 15 indicator columns leave
//     no room for three more on A4 or F4.
//   - The Kategori columns and the chart use the category of the value
//     beside them: the quarter's (KategoriTW) and the year to date's
//     (Kategori). Before triwulan IV the annual columns are "s.d.
//     Triwulan N" (target to date, realisasi to date, capaian graded
//     against the target to date) with the progress towards the annual
//     target and any reference targets in small type under the capaian.
//   - The chart shows the quarter's capaian after the cap (the printed
//     value), or "s.d." and the year to date where the quarter has none;
//     its scale ends at 120% or at the largest value rounded up to a
//     step, so one very large value shrinks the other bars. A negative
//     capaian has no bar, only its value.
//   - Chart labels (kode and name) are wrapped whole in 30% of the text
//     width; a long name makes its row taller. The chart starts under the
//     tables when 40% of that page is free and at least six bars (or all)
//     fit there. Five category colours; a scale with more categories
//     reuses them.
//   - The date line is the place and the realisasi file's tanggal, or the
//     place alone: an electronically signed report gets its date from
//     the signature.
//   - Summary and budget tables are kept on one page when they fit.
//   - Tables are set in 8 pt, a point smaller than the agreement's.
//   - A capped capaian shows its raw value in parentheses under it, and
//     CapNote stands above the table (not under it, where it could be
//     left alone on the next page).
func Report(rep *report.Report, m Measurer) (*Document, error) {
	if rep == nil || rep.Agreement == nil || m == nil {
		return nil, errors.New("layout: nil report, agreement or measurer")
	}
	if rep.Triwulan < 1 || rep.Triwulan > 4 {
		return nil, fmt.Errorf("layout report: triwulan %d out of range 1..4", rep.Triwulan)
	}
	f, err := newFlow(rep.Agreement, m)
	if err != nil {
		return nil, err
	}
	d := &reportDoc{Flow: f, a: rep.Agreement}
	if err := d.reportBody(rep); err != nil {
		return nil, fmt.Errorf("layout report: %w", err)
	}
	return d.Finish(), nil
}

// reportDoc is the report template at work: the engine's flow (pages,
// cursor, typesetter) and the agreement the report is about.
type reportDoc struct {
	*engine.Flow
	a *data.Agreement
}

// reportBody lays out everything but the footers.
func (d *reportDoc) reportBody(rep *report.Report) error {
	d.NewPage(true)
	if err := d.reportTitle(rep); err != nil {
		return err
	}
	if err := d.capNote(rep); err != nil {
		return err
	}
	if err := d.PlaceGrid(d.reportTable(rep)); err != nil {
		return err
	}
	if err := d.headedTable("RINGKASAN CAPAIAN KINERJA", "ringkasan.judul", d.summaryTable(rep)); err != nil {
		return err
	}
	if hasBudget(rep) {
		if err := d.headedTable("PENYERAPAN ANGGARAN", "anggaran.judul", d.budgetTable(rep)); err != nil {
			return err
		}
	}
	sig := d.newReportSig(rep)
	if err := d.chart(rep, gapSection+sig.height()); err != nil {
		return err
	}
	return d.reportSignature(sig)
}

// CapNote is the note set above the indicator table when a printed
// capaian was capped: the raw value is printed under it in parentheses.
const CapNote = "(…) = capaian sebelum batas"

// capNote sets CapNote, small and grey, above the indicator table when
// any printed capaian was capped. Above, not under: a note under a long
// table can end up alone on the page after it.
func (d *reportDoc) capNote(rep *report.Report) error {
	if !anyCapped(rep) {
		return nil
	}
	st := engine.Style{Size: noteSize, Lead: noteLead}
	lines := d.Wrap(CapNote, st, d.Right-d.Left)
	if err := d.Ensure(float64(len(lines)) * st.Lead); err != nil {
		return err
	}
	top := len(d.Page().Boxes)
	d.Paragraph(lines, d.Left, d.Right-d.Left, st, engine.AlignLeft, "laporan.catatan")
	engine.Greyed(d.Page().Boxes[top:])
	d.Y += gapSmall
	return nil
}

// ReportTitle returns the report's title, e.g. "LAPORAN CAPAIAN KINERJA
// TRIWULAN II TAHUN 2021".
func ReportTitle(rep *report.Report) string {
	return "LAPORAN CAPAIAN KINERJA TRIWULAN " + roman[rep.Triwulan-1] + " TAHUN " + strconv.Itoa(rep.Agreement.Tahun)
}

// reportTitle sets the title and the unit, centred.
func (d *reportDoc) reportTitle(rep *report.Report) error {
	tw := d.Right - d.Left
	if err := d.Block(ReportTitle(rep), attBold, d.Left, tw, engine.AlignCenter, "laporan.judul"); err != nil {
		return err
	}
	if u := d.a.Pertama.UnitKerja; !isBlank(u) {
		if err := d.Block(u, attBold, d.Left, tw, engine.AlignCenter, "laporan.unit"); err != nil {
			return err
		}
	}
	d.Gap(gapPara)
	return nil
}

// headedTable sets a bold heading kept with the table's header and first
// lines, then the table.
func (d *reportDoc) headedTable(heading, id string, t *engine.Grid) error {
	d.Gap(gapSection)
	lines := d.Wrap(heading, attBold, d.Right-d.Left)
	keep := t.HeaderHeight() + t.Height()
	if keep > d.Bottom-d.Top-float64(len(lines))*attLead-gapSmall {
		keep = t.HeaderHeight() + t.LeadIn(0)
	}
	if err := d.Ensure(float64(len(lines))*attLead + gapSmall + keep); err != nil {
		return err
	}
	d.Paragraph(lines, d.Left, d.Right-d.Left, attBold, engine.AlignLeft, id)
	d.Y += gapSmall
	return d.PlaceGrid(t)
}

// ReportDate returns the place and date line of the report's signature
// block: the agreement's place and the realisasi file's tanggal ("Jakarta,
// 15 Juli 2021"), or the place alone when no date is given: a report that
// is signed electronically gets its date from the signature, never a
// blank to fill in by hand.
func ReportDate(rep *report.Report) string {
	place := strings.TrimSpace(rep.Agreement.Tempat)
	if rep.Realisasi == nil || rep.Realisasi.Tanggal.IsZero() {
		return place
	}
	d := data.FormatTanggal(rep.Realisasi.Tanggal)
	if place == "" {
		return d
	}
	return place + ", " + d
}

// Roman returns the Roman numeral of quarter q (1..4), or q in digits
// outside that range.
func Roman(q int) string {
	if q < 1 || q > 4 {
		return strconv.Itoa(q)
	}
	return roman[q-1]
}

// reportSig is PIHAK PERTAMA's signature block of the report, wrapped.
type reportSig struct {
	col       sigCol
	pre, post []chunk
	colW      float64
}

// newReportSig wraps the signature block: place and date, position,
// signature space, name, NIP, in the right half of the text width.
func (d *reportDoc) newReportSig(rep *report.Report) reportSig {
	a := d.a
	s := reportSig{colW: (d.Right - d.Left) / 2, col: sigCol{party: "pertama", p: a.Pertama, key: "laporan.pertama",
		pre: []piece{{ReportDate(rep), "laporan.tanggal", false}},
		jab: a.Pertama.JabatanTTDLampiran, name: a.Pertama.NamaLampiran}}
	s.pre, s.post = sigChunks(d.Flow, s.col, att, s.colW-2*sigInset)
	return s
}

// height returns the block's height without the gap above it.
func (s reportSig) height() float64 {
	return float64(countLines(s.pre)+countLines(s.post))*attLead + sigSpace
}

// reportSignature sets the signature block in the right half of the page
// under everything else, kept together (on a new page when it does not
// fit), and records its SigRect.
func (d *reportDoc) reportSignature(s reportSig) error {
	d.Gap(gapSection)
	if err := d.Ensure(s.height()); err != nil {
		return err
	}
	top := d.Y
	sigTop := top + float64(countLines(s.pre))*attLead
	d.AddSigRect(sigBlock(d.Flow, s.pre, s.post, s.col, d.Left+s.colW, s.colW, top, sigTop, att))
	d.Y = sigTop + sigSpace + float64(countLines(s.post))*attLead
	return nil
}
