package data

import (
	"strconv"
	"strings"
	"time"

	"kinerja/pesan"
)

// ParseNIP checks a civil servant's NIP (Nomor Induk Pegawai) for an
// agreement of year tahun and returns its 18 digits. Spaces are allowed
// ("19840819 200212 1 001"). The NIP is birth date YYYYMMDD, appointment
// (TMT CPNS) YYYYMM, gender digit (1 male, 2 female) and a 3-digit number.
// The birth year must lie in 1940..tahun-17, the appointment month must be
// a real month, not before the 18th birthday and not after tahun.
func ParseNIP(s string, tahun int) (string, error) {
	d := strings.Join(strings.Fields(s), "")
	if len(d) != 18 || strings.Trim(d, "0123456789") != "" {
		return "", pesan.Errorf("%q is not a NIP; expected 18 digits like 196910131997031004 (spaces allowed)", s)
	}
	birth, err := time.Parse("20060102", d[:8])
	if err != nil || birth.Year() < 1940 || birth.Year() > tahun-17 {
		return "", pesan.Errorf("%q has birth date %s, which is not a real date in 1940..%d; expected YYYYMMDD in the first 8 digits", s, d[:8], tahun-17)
	}
	ay, _ := strconv.Atoi(d[8:12])
	am, _ := strconv.Atoi(d[12:14])
	if am < 1 || am > 12 {
		return "", pesan.Errorf("%q has appointment month %s, which is not a month; expected YYYYMM in digits 9-14", s, d[8:14])
	}
	if ay*12+am < (birth.Year()+18)*12+int(birth.Month()) {
		return "", pesan.Errorf("%q has appointment %s before the 18th birthday (born %s)", s, d[8:14], birth.Format("2006-01-02"))
	}
	if ay > tahun {
		return "", pesan.Errorf("%q has appointment %s after the agreement year %d", s, d[8:14], tahun)
	}
	if d[14] != '1' && d[14] != '2' {
		return "", pesan.Errorf("%q has gender digit %c; expected 1 (male) or 2 (female) as digit 15", s, d[14])
	}
	return d, nil
}

// cutNIPLabel removes a leading "NIP", "NIP." or "NIP:" written with the
// number ("NIP. 19840819 200212 1 001") and reports whether there was one.
func cutNIPLabel(s string) (string, bool) {
	rest, ok := strings.CutPrefix(s, "NIP")
	if !ok {
		return s, false
	}
	rest = strings.TrimLeft(rest, ".: ")
	return rest, true
}
