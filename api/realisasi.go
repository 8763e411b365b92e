package api

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"kinerja/data"
	"kinerja/internal/infile"
	"kinerja/internal/outfile"
	"kinerja/report"
	"kinerja/workbook"
)

// decodeRealisasi decodes a realisasi TOML or a filled realisasi form
// (an .xlsx, told by its zip signature) against a.
func decodeRealisasi(in Input, a *data.Agreement) (*report.Realisasi, error) {
	br := bufio.NewReader(in.R)
	head, _ := br.Peek(4)
	if workbook.IsWorkbook(head) {
		return workbook.ReadForm(br, in.Name, a)
	}
	return report.Decode(br, in.Name, a)
}

// decodeRealisasiFile reads the realisasi file at path (TOML or form).
func decodeRealisasiFile(path string, a *data.Agreement) (*report.Realisasi, error) {
	src, err := infile.ReadFile(path, max(data.MaxFileSize, workbook.MaxFormSize))
	if err != nil {
		return nil, fmt.Errorf("realisasi: %w", err)
	}
	if !workbook.IsWorkbook(src) && len(src) > data.MaxFileSize {
		return nil, fmt.Errorf("realisasi %s: larger than %d bytes", path, data.MaxFileSize)
	}
	return decodeRealisasi(Input{Name: path, R: bytes.NewReader(src)}, a)
}

// Formulir writes the realisasi form of the agreement for quarter
// triwulan to w; realisasi, when its R is not nil, fills in what is
// already reported (earlier quarters, and the quarter's own cells).
func Formulir(agreement, realisasi Input, triwulan int, w io.Writer) error {
	a, err := data.Decode(agreement.R, agreement.Name)
	if err != nil {
		return err
	}
	var r *report.Realisasi
	if realisasi.R != nil {
		if r, err = decodeRealisasi(realisasi, a); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := workbook.Formulir(&buf, a, r, triwulan); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// FormulirFile writes the realisasi form of the agreement file to out;
// realisasi may be "".
func FormulirFile(agreement, realisasi string, triwulan int, out string) error {
	ins := []string{agreement}
	if realisasi != "" {
		ins = append(ins, realisasi)
	}
	r, err := readInputs(ins, out)
	if err != nil {
		return err
	}
	in := Input{Name: realisasi}
	if len(r) > 1 {
		in.R = r[1]
	}
	var buf bytes.Buffer
	if err := Formulir(Input{Name: agreement, R: r[0]}, in, triwulan, &buf); err != nil {
		return err
	}
	return outfile.WriteFile(out, buf.Bytes(), 0o644)
}

// ImportForm reads a filled realisasi form, checks it against the
// agreement as a realisasi TOML is checked, and writes the realisasi TOML
// it stands for to w.
func ImportForm(form, agreement Input, w io.Writer) error {
	a, err := data.Decode(agreement.R, agreement.Name)
	if err != nil {
		return err
	}
	src, err := workbook.FormTOML(form.R, form.Name, a)
	if err != nil {
		return err
	}
	_, err = w.Write(src)
	return err
}

// ImportFormFile is ImportForm from and to files; out may be neither input.
func ImportFormFile(form, agreement, out string) error {
	r, err := readInputs([]string{form, agreement}, out)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := ImportForm(Input{Name: form, R: r[0]}, Input{Name: agreement, R: r[1]}, &buf); err != nil {
		return err
	}
	return outfile.WriteFile(out, buf.Bytes(), 0o644)
}

// readInputs reads the input files (each within the larger of the TOML
// and the workbook caps) after checking that out is none of them.
func readInputs(ins []string, out string) ([]io.Reader, error) {
	var plan outfile.Plan
	for _, in := range ins {
		if err := plan.Input(in); err != nil {
			return nil, err
		}
	}
	if err := plan.Output(out); err != nil {
		return nil, fmt.Errorf("%s: %w", ins[0], err)
	}
	rs := make([]io.Reader, len(ins))
	for i, in := range ins {
		src, err := infile.ReadFile(in, max(data.MaxFileSize, workbook.MaxFormSize))
		if err != nil {
			return nil, err
		}
		rs[i] = bytes.NewReader(src)
	}
	return rs, nil
}
