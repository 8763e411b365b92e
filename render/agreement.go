package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/layout"
)

// Agreement lays out a and writes it as a PDF to w. Nothing is written to w
// when an error is returned.
func Agreement(w io.Writer, a *data.Agreement) error {
	doc, err := layout.Agreement(a, Measurer{})
	if err != nil {
		return fmt.Errorf("render %s: %w", a.File, err)
	}
	if err := Write(w, doc, AgreementMeta(a)); err != nil {
		return fmt.Errorf("render %s: %w", a.File, err)
	}
	return nil
}

// AgreementMeta returns the metadata of an agreement's PDF, with the TOML
// source and the logo as embedded files (when a was decoded from TOML).
// The creation date is a.Dibuat, else the signing date, else 1 January of
// the year, so that the same file always gives the same bytes.
func AgreementMeta(a *data.Agreement) Meta {
	year := strconv.Itoa(a.Tahun)
	unit := a.Pertama.UnitKerja
	title := "Perjanjian Kinerja Tahun " + year
	if unit != "" {
		title += " — " + unit
	}
	files := agreementFiles(a)
	return Meta{
		Title:    title,
		Author:   unit,
		Subject:  "Perjanjian Kinerja " + a.Pertama.Jabatan + " Tahun " + year,
		Keywords: strings.Join(nonEmpty("Perjanjian Kinerja", "SAKIP", year, unit, a.Nomor), ", "),
		Created:  agreementDate(a),
		Info: docinfo.Info{
			Kind: docinfo.Agreement, Title: title, Year: a.Tahun, Unit: unit, VerifyURL: a.VerifikasiURL,
			Signers: []docinfo.Signer{signer(docinfo.Pertama, a.Pertama), signer(docinfo.Kedua, a.Kedua)},
			Sources: files.sources,
		},
		Files:             files.files,
		NoSignatureFields: a.TandaTangan == data.SigningBSrE,
	}
}

// agreementDate picks the fixed creation date of an agreement.
func agreementDate(a *data.Agreement) time.Time {
	switch {
	case !a.Dibuat.IsZero():
		return a.Dibuat
	case !a.Tanggal.IsZero():
		return a.Tanggal
	}
	return time.Date(max(a.Tahun, 1970), 1, 1, 0, 0, 0, 0, time.UTC)
}

// signer describes one party; Write adds the page and rectangle.
func signer(party docinfo.Party, p data.Party) docinfo.Signer {
	return docinfo.Signer{Party: party, Name: p.Nama, NIP: p.NIP, Jabatan: p.Jabatan}
}

// nonEmpty returns the non-empty strings of ss.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
