package api

import (
	"bytes"
	"io"
	"path/filepath"

	"kinerja/data"
	"kinerja/workbook"
)

// ExportAgreement writes the agreement in as a workbook for review and
// editing by the unit (workbook.WriteAgreement).
func ExportAgreement(in Input, w io.Writer) error {
	a, err := data.Decode(in.R, in.Name)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := workbook.WriteAgreement(&buf, a); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// ExportAgreementFile is ExportAgreement from and to files.
func ExportAgreementFile(in, out string) error {
	r, err := readInputs([]string{in}, out)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := ExportAgreement(Input{Name: in, R: r[0]}, &buf); err != nil {
		return err
	}
	return writeNew(out, buf.Bytes(), true)
}

// ImportAgreement reads an agreement workbook, checks it as an agreement
// TOML is checked (problems at their cells) and writes the TOML to w; a
// logo is looked up beside in.Name.
func ImportAgreement(in Input, w io.Writer) error {
	src, err := workbook.AgreementTOML(in.R, in.Name, data.Options{Dir: filepath.Dir(in.Name)})
	if err != nil {
		return err
	}
	_, err = w.Write(src)
	return err
}

// ImportAgreementFile is ImportAgreement from and to files; out must not
// exist unless force.
func ImportAgreementFile(in, out string, force bool) error {
	r, err := readInputs([]string{in}, out)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := ImportAgreement(Input{Name: in, R: r[0]}, &buf); err != nil {
		return err
	}
	return writeNew(out, buf.Bytes(), force)
}
