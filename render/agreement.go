package render

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
		Files: files.files,
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

// AgreementFile decodes the agreement in, renders it and writes the PDF to
// out through a temporary file in the same directory that is synced and
// renamed: out is either the complete new PDF or left as it was.
func AgreementFile(in, out string) error {
	a, err := data.DecodeFile(in)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := Agreement(&buf, a); err != nil {
		return err
	}
	return WriteFileAtomic(out, buf.Bytes())
}

// WriteFileAtomic writes b to path via a synced temporary file in the same
// directory and a rename, so that path never holds a partial file and an
// existing file survives any failure.
func WriteFileAtomic(path string, b []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(b); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
