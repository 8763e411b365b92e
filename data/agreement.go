package data

import (
	"fmt"
	"strings"
	"time"
)

// bulan holds the Indonesian month names (NamaBulan, FormatTanggal): the
// only copy in kinerja.
var bulan = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"}

// NamaBulan returns the Indonesian name of month m.
func NamaBulan(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return bulan[m-1]
}

// FormatTanggal writes a date the Indonesian way: "4 Januari 2021".
func FormatTanggal(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), NamaBulan(t.Month()), t.Year())
}

// GroupThousands puts a dot between groups of three digits of an integer
// written in decimal digits, an optional minus sign kept:
// GroupThousands("-1234567") = "-1.234.567". It is the one writer of the
// Indonesian thousands notation that ParseTarget reads.
func GroupThousands(digits string) string {
	sign := ""
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return sign + b.String()
}

// TempatTanggal returns the place and date line above the signatures:
// "Jakarta, 4 Januari 2021", or "Jakarta, 2021" when no date is set.
func (a *Agreement) TempatTanggal() string {
	return a.Tempat + ", " + a.TanggalTeks()
}

// TanggalTeks returns the date as printed: "4 Januari 2021", "Januari
// 2021" when only the month was written, "2021" when no date is set.
func (a *Agreement) TanggalTeks() string {
	switch {
	case a.Tanggal.IsZero():
		return fmt.Sprint(a.Tahun)
	case a.TanggalBulan:
		return NamaBulan(a.Tanggal.Month()) + " " + fmt.Sprint(a.Tanggal.Year())
	}
	return FormatTanggal(a.Tanggal)
}

// TotalAnggaran returns the sum of the program budgets in rupiah: the
// top-level rows only, since a program's budget already holds its
// kegiatan's.
func (a *Agreement) TotalAnggaran() int64 {
	var sum int64
	for _, p := range a.Program {
		if p.Tingkat == 0 {
			sum += p.Anggaran
		}
	}
	return sum
}

// IndicatorCount returns the number of sasaran and of indicators.
func (a *Agreement) IndicatorCount() (sasaran, indikator int) {
	for _, g := range a.Kelompok {
		sasaran += len(g.Sasaran)
		for _, s := range g.Sasaran {
			indikator += len(s.Indikator)
		}
	}
	return sasaran, indikator
}
