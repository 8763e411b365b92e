package report

import (
	"strings"

	"kinerja/data"
	"kinerja/pesan"
)

// ParseValue reads one realisasi value in the agreement's target notation
// (data.ParseTarget): N/A, 95%, 12,5%, -1,41%, 4, 3,5, -3, 1.250, WTP,
// (3) WTP, A (81). Percentages and numbers may be negative (economic
// growth, a fall in an index).
// "N/A" gives Kind data.NA (not reported). A comma is the decimal
// separator and a dot groups thousands, so "95.5%" is refused with a hint.
func ParseValue(s string) (data.Target, error) {
	v := strings.TrimSpace(s)
	switch {
	case v == "":
		return data.Target{}, pesan.Errorf("empty value; write N/A or leave the key out when nothing is reported")
	}
	t, err := data.ParseTarget(v)
	if err != nil && strings.Contains(v, ".") {
		return t, pesan.Errorf("%w (use a comma for decimals: 95,5%% or 3,5)", err)
	}
	return t, err
}
