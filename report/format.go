package report

import (
	"strconv"
	"strings"

	"kinerja/data"
)

// Precision is the number of decimals every percentage and figure is
// rounded to, for display, categories and export alike, so that a printed
// "91%" is always categorised as 91.
const Precision = 2

// round rounds v to Precision decimals (correctly rounded from the binary
// value, as strconv does).
func round(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', Precision, 64), 64)
	return f
}

// fixed formats v with exactly Precision decimals and a dot, for CSV/JSON.
func fixed(v float64) string {
	return strconv.FormatFloat(round(v), 'f', Precision, 64)
}

// FormatNumber formats v in Indonesian style: rounded to two decimals,
// trailing zeros dropped, comma as decimal separator and dot between
// thousands: 1234.5 → "1.234,5", 3.5 → "3,5", 92 → "92".
func FormatNumber(v float64) string {
	s := strconv.FormatFloat(round(v), 'f', Precision, 64)
	if s == "-0.00" {
		s = "0.00"
	}
	intPart, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	out := data.GroupThousands(intPart)
	if frac != "" {
		out += "," + frac
	}
	return out
}

// FormatPercent formats a percentage for print: FormatPercent(91.5) = "91,5%".
func FormatPercent(v float64) string {
	return FormatNumber(v) + "%"
}

// FormatRupiah formats whole rupiah for print: FormatRupiah(1234567) =
// "Rp 1.234.567".
func FormatRupiah(n int64) string {
	s := strconv.FormatInt(n, 10)
	if n < 0 {
		return "-Rp " + data.GroupThousands(s[1:])
	}
	return "Rp " + data.GroupThousands(s)
}
