package render

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/layout"
	"kinerja/report"
)

// Report lays out the quarterly report rep and writes it as a PDF to w:
// landscape pages in the agreement's typography, a vector chart and one
// signature block for PIHAK PERTAMA, recorded in the XMP Info (Kind
// "laporan") so that `kinerja sign --party pertama` can sign it. Nothing is
// written to w when an error is returned.
func Report(w io.Writer, rep *report.Report) error {
	if rep == nil || rep.Agreement == nil {
		return fmt.Errorf("render report: no report")
	}
	name := rep.Agreement.File
	doc, err := layout.Report(rep, Measurer{})
	if err != nil {
		return fmt.Errorf("render report %s: %w", name, err)
	}
	if !hasSigRect(doc, docinfo.Pertama) {
		return fmt.Errorf("render report %s: layout reserved no signature space for pertama", name)
	}
	var buf bytes.Buffer
	if err := Write(&buf, doc, ReportMeta(rep)); err != nil {
		return fmt.Errorf("render report %s: %w", name, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("render report %s: %w", name, err)
	}
	return nil
}

// hasSigRect reports whether doc reserves a signature rectangle for party.
func hasSigRect(doc *layout.Document, party docinfo.Party) bool {
	for _, r := range doc.SigRects {
		if r.Party == party.String() {
			return true
		}
	}
	return false
}

// ReportMeta returns the metadata of a report's PDF: Info Kind "laporan"
// with one signer, PIHAK PERTAMA (Write adds the page and rectangle of the
// signature block). The creation date is the first day after the quarter
// (1 July for triwulan II), so the same input always gives the same bytes.
// The agreement and realisasi TOML and the logo are embedded, the quarter
// and the sources recorded in the Info, so that Reproduce can render the
// report again.
func ReportMeta(rep *report.Report) Meta {
	a := rep.Agreement
	year, unit := strconv.Itoa(a.Tahun), a.Pertama.UnitKerja
	files := reportFiles(rep)
	title := "Laporan Capaian Kinerja Triwulan " + layout.Roman(rep.Triwulan) + " Tahun " + year
	if unit != "" {
		title += " — " + unit
	}
	return Meta{
		Title:    title,
		Author:   unit,
		Subject:  layout.ReportTitle(rep),
		Keywords: strings.Join(nonEmpty("Laporan Capaian Kinerja", "SAKIP", "Triwulan "+layout.Roman(rep.Triwulan), year, unit), ", "),
		Created:  time.Date(max(a.Tahun, 1970), time.Month(rep.Triwulan*3+1), 1, 0, 0, 0, 0, time.UTC),
		Info: docinfo.Info{
			Kind: docinfo.Report, Title: title, Year: a.Tahun, Unit: unit, VerifyURL: a.VerifikasiURL,
			Signers:  []docinfo.Signer{signer(docinfo.Pertama, a.Pertama)},
			Triwulan: rep.Triwulan, Sources: files.sources,
		},
		Files:             files.files,
		NoSignatureFields: a.TandaTangan == data.SigningBSrE,
	}
}
