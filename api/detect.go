package api

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"

	"github.com/BurntSushi/toml"

	"kinerja/data"
	"kinerja/internal/infile"
	"kinerja/workbook"
)

// FileKind says what a kinerja TOML file is.
type FileKind int

// The kinds of TOML file kinerja reads.
const (
	Unknown   FileKind = iota
	Agreement          // a perjanjian: it has [pihak_pertama]
	Realisasi          // a realisasi file: perjanjian = "..." or [[realisasi]] tables
)

// realisasiKey matches the lines that mark a realisasi file.
var realisasiKey = regexp.MustCompile(`(?m)^[ \t]*(perjanjian[ \t]*=|\[\[[ \t]*realisasi[ \t]*\]\])`)

// agreementKey matches the line that marks an agreement.
var agreementKey = regexp.MustCompile(`(?m)^[ \t]*(\[[ \t]*pihak_pertama[ \t]*\]|pihak_pertama[ \t]*[.=])`)

// Detect tells an agreement from a realisasi file by its top-level keys,
// read line by line (a file with TOML errors is still told apart, so
// that its errors can be reported against the right format).
func Detect(src []byte) FileKind {
	switch {
	case agreementKey.Match(src):
		return Agreement
	case realisasiKey.Match(src):
		return Realisasi
	}
	return Unknown
}

// AgreementOf returns the agreement a realisasi file names with its
// perjanjian key (or a filled realisasi form in its meta sheet), relative
// to the realisasi file's directory.
func AgreementOf(realisasi string) (string, error) {
	src, err := infile.ReadFile(realisasi, max(data.MaxFileSize, workbook.MaxFormSize))
	if err != nil {
		return "", err
	}
	if workbook.IsWorkbook(src) {
		name, err := workbook.FormAgreement(bytes.NewReader(src), realisasi)
		if err != nil {
			return "", err
		}
		return filepath.Join(filepath.Dir(realisasi), name), nil
	}
	if len(src) > data.MaxFileSize {
		return "", fmt.Errorf("%s: larger than %d bytes", realisasi, data.MaxFileSize)
	}
	var top struct {
		Perjanjian string `toml:"perjanjian"`
	}
	if _, err := toml.Decode(string(src), &top); err != nil {
		if pe, ok := err.(toml.ParseError); ok {
			return "", data.ParseErrorProblem(realisasi, pe)
		}
		return "", fmt.Errorf("%s: %w", realisasi, err)
	}
	if top.Perjanjian == "" {
		return "", fmt.Errorf("%s: no perjanjian key naming its agreement; add perjanjian = \"AGREEMENT.toml\" or run kinerja report AGREEMENT.toml %s", realisasi, realisasi)
	}
	return filepath.Join(filepath.Dir(realisasi), top.Perjanjian), nil
}
