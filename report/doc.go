// Package report computes the quarterly achievement (capaian) of a
// Perjanjian Kinerja from a realisasi file, and exports it as CSV or JSON.
// It is the computation half of the quarterly report: it draws nothing.
// A report PDF takes a *Report (one Row per indicator in document order,
// each with every figure of the report's quarter, the year to date and the
// annual comparison, plus summaries per group) and formats its numbers
// with FormatPercent, FormatNumber and FormatRupiah.
//
// Pipeline: DecodeFile (realisasi TOML, checked against a *data.Agreement)
// → Compute (rules in RULES.md) → WriteCSV / WriteJSON or a layout.
//
// Trade-offs and decisions:
//   - Every capaian is kept twice: Raw, and Capped by the indicator's Batas
//     (equal to Raw without one). Categories and summaries use Capped.
//   - Values that are not numbers (target N/A, target 0, annual figure not
//     yet released, not reported) carry a Status, never a 0%.
//   - Figures are computed from the values as written and rounded to two
//     decimals (Precision) only for display, categories and export, so a
//     printed 91% is categorised as 91.
//   - Before triwulan IV the annual category grades the year to date
//     against the target to date (Quarter.Dinilai); the share of the
//     annual target is progress without a category.
//   - Negative-polarity formulas are a setting (data.Agreement.Formula);
//     target 0 gives a verdict (tercapai, terlampaui, tidak tercapai)
//     without a percentage.
//   - Predicates are scored by the indicator's scale: label scales by the
//     labels' declared percentages (WDP 75% against WTP 100% gives 75%),
//     band scales by number, or by the band's midpoint when a value is a
//     bare label. Predicates ignore polarity.
//   - Realisasi values use the agreement's target notation
//     (data.ParseTarget): a decimal comma, a dot groups thousands.
//
// Known limits:
//   - Positions in messages come from data.Positions, the scanner the
//     agreement decoder uses (BurntSushi/toml v1.6.0 keeps one position
//     per key name): keys inside an inline array of tables get the
//     position of the array. Files nested deeper than data.MaxDepth are
//     refused before parsing.
//   - The PermenPANRB 6/2022 conversion of more than 110% to 120 is not
//     implemented; Batas is a plain cap, min(raw, batas).
//   - The kumulatif rule sums the realisasi of every reported quarter but
//     the targets only of quarters with a target and a realisasi.
//   - Budget figures (pagu, realisasi_anggaran) are per entry; the report
//     does not check that realisasi_anggaran grows from quarter to quarter.
package report
