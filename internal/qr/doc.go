// Package qr encodes QR codes (Model 2, ISO/IEC 18004:2015) for the
// signature stamps: content bytes in, a square of dark and light modules
// out, in 30 to 45 µs for a stamp's code (versions 4 to 8).
//
// The content is one byte-mode segment, no ECI: readers get the bytes as
// they are (UTF-8 text in practice). The version is the smallest of 1 to
// 40 that holds it at the level asked for (L, M, Q or H); content too
// long for version 40 is an error wrapping ErrTooLong. The error
// correction is Reed–Solomon over GF(2^8) with log and antilog tables
// and generator polynomials made once at start-up; the mask is the one
// of the lowest penalty by the standard's four rules, scored on rows and
// columns packed 64 modules a word (see penalty.go).
//
// Compared with github.com/skip2/go-qrcode, which the stamps used before
// (and the tests still use as a reference):
//   - For the same mask the symbols are the same, module for module, in
//     every version at every level (TestMatchesGoQRCode).
//   - The mask often differs (about a quarter of contents): go-qrcode
//     scores rule 1 from runs of 6, not 5 (its comment reads the rule as
//     "0-5: score = 0"), and its rule 3 window, after a find, reads the 8
//     modules before as dark. TestMaskChoice reproduces its choice from
//     these two readings. Either mask is valid: readers take the mask
//     from the format information.
//   - go-qrcode switches to numeric or alphanumeric segments where that
//     is shorter (a run of digits in a hash, about one stamp content in
//     eight); this package writes one byte segment, so such a symbol
//     can be one version larger. The text read back is the same.
//   - Empty content is a valid version 1 symbol here, an error there.
//
// Limits: no numeric, alphanumeric or kanji mode, no ECI, no structured
// append, no Micro QR. Rule 3 counts a 1:1:3:1:1 pattern once whether
// one or both sides are light, and only at one module a unit (as zxing
// does), not at larger scales.
package qr
