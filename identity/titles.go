package identity

// prefixTitles are the titles written before a name, folded (lower case,
// no dots): religious, academic and professional titles.
var prefixTitles = set(
	"dr", "dra", "drs", "ir", "prof", "h", "hj", "kh", "hc", "drg", "ns", "apt",
)

// suffixDegrees are the degrees written after a name, folded (lower case,
// dots and spaces removed): Indonesian S1/S2/S3 degrees and the usual
// foreign ones.
var suffixDegrees = set(
	// bachelor (S1) and vocational
	"sh", "se", "ssos", "sip", "skom", "st", "ssi", "spd", "sag", "sak", "sfarm", "sked", "skm",
	"ssit", "sstp", "sp", "spt", "shut", "sikom", "ssn", "sstat", "sthi", "shi", "sth",
	"sa", "sds", "spsi", "skg", "sikep", "stp", "spi", "sgz", "ap", "amd", "ak",
	"lc", "bsc", "ba",
	// master (S2)
	"msi", "mm", "mkom", "mt", "mh", "mpd", "msc", "mba", "map", "mak", "mkes", "mag",
	"mhum", "mpa", "mec", "mtp", "mars", "mp", "mph", "msp", "mstat", "meng", "mikom",
	"mhi", "mfarm", "mkm", "msos", "mpsi",
	// doctorate, specialist and professional
	"phd", "dba", "spog", "spa", "sppd", "spb", "cpa", "ca", "qia", "cfrm", "apt",
)

// set returns a set of the words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
