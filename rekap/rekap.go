// Package rekap summarises the quarterly reports of many units for one
// recap (Bappeda, the regional head): per unit, the indicators evaluated,
// the average capaian, the count per category and the budget absorption.
// It computes only; package workbook writes the recap workbook and
// package layout the recap PDF, both from a *Rekap.
//
// Figures come from each unit's report.Report as it stands (Overall
// summary of the quarter and of the year to date; budget from the rows of
// the quarter), so the recap can never disagree with a unit's own report.
// Units using different category scales are shown with the union of the
// category names, in the order first met.
package rekap

import (
	"errors"
	"fmt"
	"slices"

	"kinerja/report"
)

// Rekap is the recap of one quarter across units.
type Rekap struct {
	Tahun, Triwulan int
	Units           []Unit   // in the order given
	Kategori        []string // every category name of the units' scales
}

// Unit is one unit's line of the recap.
type Unit struct {
	Nama   string // the unit (PIHAK PERTAMA's unit kerja)
	Report *report.Report
	// Triwulan summarises the quarter's capaian, SD the year to date's.
	Triwulan, SD report.Summary
	// Pagu and Realisasi are the budget reported for the quarter, summed
	// over indicators; HasPagu tells whether any pagu was reported.
	Pagu, Realisasi int64
	HasPagu         bool
	Serapan         report.Value // Realisasi / Pagu × 100
}

// ErrNoUnits is returned for a recap without reports.
var ErrNoUnits = errors.New("rekap: no reports")

// New summarises reps, which must be of one year and quarter.
func New(reps []*report.Report) (*Rekap, error) {
	if len(reps) == 0 {
		return nil, ErrNoUnits
	}
	rk := &Rekap{Tahun: reps[0].Agreement.Tahun, Triwulan: reps[0].Triwulan}
	for _, rep := range reps {
		if rep.Agreement.Tahun != rk.Tahun || rep.Triwulan != rk.Triwulan {
			return nil, fmt.Errorf("rekap: %s is triwulan %d of %d; expected triwulan %d of %d",
				rep.Agreement.File, rep.Triwulan, rep.Agreement.Tahun, rk.Triwulan, rk.Tahun)
		}
		u := Summarise(rep)
		rk.Units = append(rk.Units, u)
		for _, k := range u.Triwulan.PerKategori {
			if !slices.Contains(rk.Kategori, k.Nama) {
				rk.Kategori = append(rk.Kategori, k.Nama)
			}
		}
	}
	return rk, nil
}

// Summarise is one unit's line.
func Summarise(rep *report.Report) Unit {
	u := Unit{Nama: rep.Agreement.Pertama.UnitKerja, Report: rep,
		Triwulan: rep.Overall.Triwulan, SD: rep.Overall.Tahunan, Serapan: report.Value{Status: report.StatusNotReported}}
	if u.Nama == "" {
		u.Nama = rep.Agreement.File
	}
	for i := range rep.Rows {
		b := rep.Rows[i].Anggaran
		if b.Given {
			u.Pagu += b.Pagu
			u.HasPagu = true
		}
		if b.HasRealisasi {
			u.Realisasi += b.Realisasi
		}
	}
	if u.HasPagu && u.Pagu > 0 {
		s := float64(u.Realisasi) / float64(u.Pagu) * 100
		u.Serapan = report.Value{Status: report.StatusOK, Raw: s, Capped: s}
	}
	return u
}

// Count returns how many of the unit's indicators fall in category name
// in the quarter (0 when its scale has no such category).
func (u Unit) Count(name string) int {
	for _, k := range u.Triwulan.PerKategori {
		if k.Nama == name {
			return k.Jumlah
		}
	}
	return 0
}
