// Package fonts ships the TrueType fonts every kinerja document embeds:
// Liberation Serif (metric-compatible with Times New Roman) and Liberation
// Sans (metric-compatible with Arial), each in four styles, under the SIL Open
// Font License 1.1 (LICENSE-Liberation.txt).
package fonts

import (
	"embed"
	"fmt"
)

//go:embed *.ttf
var files embed.FS

// Families are the font families kinerja knows.
var Families = []string{"serif", "sans"}

// FileName returns the TTF file name of family ("serif" or "sans") in the
// given style.
func FileName(family string, bold, italic bool) (string, error) {
	base := map[string]string{"serif": "LiberationSerif", "sans": "LiberationSans"}[family]
	if base == "" {
		return "", fmt.Errorf("fonts: unknown family %q (want serif or sans)", family)
	}
	style := "Regular"
	switch {
	case bold && italic:
		style = "BoldItalic"
	case bold:
		style = "Bold"
	case italic:
		style = "Italic"
	}
	return base + "-" + style + ".ttf", nil
}

// Bytes returns the TTF data of family in the given style.
func Bytes(family string, bold, italic bool) ([]byte, error) {
	name, err := FileName(family, bold, italic)
	if err != nil {
		return nil, err
	}
	return files.ReadFile(name)
}
