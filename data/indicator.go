package data

import (
	"fmt"
	"kinerja/pesan"
	"math"
	"regexp"
	"slices"
	"strings"
)

var reKode = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Indicator rule values.
const (
	Positif     = "positif"
	Negatif     = "negatif"
	Kumulatif   = "kumulatif"
	PosisiAkhir = "posisi_akhir"
	RataRata    = "rata_rata"
	Tahunan     = "tahunan"
)

// groups checks [[kelompok]] and numbers sasaran (across the groups, or
// from 1 in each group with restart) and indicators.
func (c *checker) groups(raw []groupT, scales []Scale, restart bool) []Group {
	if len(raw) == 0 {
		c.addf("kelompok", `missing; expected at least one [[kelompok]] table, e.g. nama = "SASARAN STRATEGIS"`)
	}
	codes := map[string]string{}
	var out []Group
	no := 0
	for gi, g := range raw {
		path := fmt.Sprintf("kelompok[%d]", gi)
		grp := Group{Nama: c.optText(path+".nama", g.Nama, ""), Judul: c.optText(path+".judul", g.Judul, ""),
			Kepala: c.headings(path+".kepala", g.Kepala.pairs())}
		if restart {
			no = 0
		}
		if len(g.Sasaran) == 0 {
			c.addf(path, "has no sasaran; expected at least one [[kelompok.sasaran]] table")
		}
		for si, s := range g.Sasaran {
			no++
			grp.Sasaran = append(grp.Sasaran, c.sasaran(elemPath(path, "sasaran", si), s, no, scales, codes))
		}
		out = append(out, grp)
	}
	return out
}

// sasaran checks one objective and its indicators.
func (c *checker) sasaran(path string, s sasaranT, no int, scales []Scale, codes map[string]string) Sasaran {
	r := Sasaran{No: no, Uraian: c.reqText(path+".uraian", s.Uraian, `the objective, e.g. uraian = "Meningkatnya ..."`)}
	if len(s.Indikator) == 0 {
		c.addf(path, "has no indikator; expected at least one [[kelompok.sasaran.indikator]] table")
	}
	if len(s.Indikator) > 0 {
		r.Indikator = make([]Indicator, 0, len(s.Indikator))
	}
	for ii := range s.Indikator {
		ind := c.indicator(elemPath(path, "indikator", ii), &s.Indikator[ii], scales, codes)
		ind.No = ii + 1
		r.Indikator = append(r.Indikator, ind)
	}
	return r
}

// indicator checks one indicator.
func (c *checker) indicator(path string, in *indicatorT, scales []Scale, codes map[string]string) Indicator {
	r := Indicator{Line: c.pos().lookup(path).Line}
	r.Kode = c.kode(path+".kode", in.Kode, codes)
	r.Indikator = c.reqText(path+".indikator", in.Indikator, `the indicator, e.g. indikator = "Opini laporan Keuangan"`)
	r.SumberData = c.optText(path+".sumber_data", in.SumberData, "")
	r.Pengukuran = normaliseBlock(c.optText(path+".pengukuran", in.Pengukuran, ""))
	r.Keterangan = c.optText(path+".keterangan", in.Keterangan, "")
	c.targets(path, in, &r)
	r.SatuanTulis = c.optText(path+".satuan", in.Satuan, "")
	r.Satuan = orDefault(r.SatuanTulis, defaultSatuan(r))
	r.Polaritas = c.choice(path+".polaritas", in.Polaritas, defaultPolaritas(r), Positif, Negatif)
	r.Akumulasi = c.choice(path+".akumulasi", in.Akumulasi, defaultAkumulasi(r), Kumulatif, PosisiAkhir, RataRata, Tahunan)
	r.Batas = c.cap(path+".batas", in.Batas)
	r.Skala = c.optText(path+".skala", in.Skala, "")
	c.checkScale(path, r, scales)
	r.RumusNegatif = c.rumusNegatif(path+".rumus_negatif", in.RumusNegatif)
	c.checkRumus(path, r)
	r.Pembanding = c.references(path, in.Pembanding, &r)
	return r
}

// kode checks an indicator code: required, well formed, unique
// (case-insensitively, so SS1.1 and ss1.1 cannot both exist).
func (c *checker) kode(path string, v val, codes map[string]string) string {
	k := c.reqText(path, v, `a stable code, e.g. kode = "SS1.1"`)
	if k == "" {
		return ""
	}
	if !reKode.MatchString(k) {
		c.addf(path, "%q is not a code; expected letters, digits, '.', '_' or '-', starting with a letter or digit, e.g. SS1.1", k)
		return k
	}
	if first, dup := codes[strings.ToLower(k)]; dup {
		c.addf(path, "duplicate kode %q; already used at line %d", k, c.pos().lookup(first).Line)
		return k
	}
	codes[strings.ToLower(k)] = path
	return k
}

// targets checks triwulan (exactly four, or none for an annual-only
// indicator) and tahunan, and that all targets other than N/A are of one
// kind.
func (c *checker) targets(path string, in *indicatorT, r *Indicator) {
	const hint = `four quarterly targets, e.g. triwulan = ["N/A", "100%", "100%", "100%"]`
	r.Triwulanan = in.Triwulan.set
	items, isList := in.Triwulan.v.([]any)
	switch {
	case !in.Triwulan.set: // annual only: the quarters stay N/A with nothing printed
	case !isList:
		c.addf(path+".triwulan", "got %s; expected %s", describe(in.Triwulan.v), pesan.Text(hint))
	case len(items) != 4:
		c.addf(path+".triwulan", "has %d values; expected %s", len(items), pesan.Text(hint))
	default:
		for q, it := range items {
			r.Triwulan[q], _ = c.targetOf(elemPath(path, "triwulan", q), it)
		}
	}
	if !in.Tahunan.set {
		c.addf(path+".tahunan", `missing; expected the annual target, e.g. tahunan = "100%%"`)
	} else {
		r.Tahunan, _ = c.targetOf(path+".tahunan", in.Tahunan.v)
	}
	kind := r.Tahunan.Kind
	for _, t := range r.Triwulan {
		if kind == NA {
			kind = t.Kind
		}
		if t.Kind != NA && t.Kind != kind {
			c.addf(path+".triwulan", "mixes %s and %s targets; expected one kind (besides N/A) for all targets of an indicator", kindName(kind), kindName(t.Kind))
			return
		}
	}
}

// kindName names a target kind for messages.
func kindName(k TargetKind) string {
	return [...]string{"N/A", "percentage", "number", "predicate"}[k]
}

// choice checks an optional value that must be one of allowed.
func (c *checker) choice(path string, v val, def string, allowed ...string) string {
	s, ok := c.text(path, v)
	if !ok || s == "" {
		return def
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	c.addf(path, "%q is not allowed; expected one of %s", s, strings.Join(allowed, ", "))
	return def
}

// cap checks batas: 0 (no cap), 110 or 120.
func (c *checker) cap(path string, v val) float64 {
	n, ok := c.number(path, v, "0, 110 or 120")
	if ok && n != 0 && n != 110 && n != 120 {
		c.addf(path, "%s is not allowed; expected 0 (no cap), 110 or 120", formatNumber(n))
		return 0
	}
	return n
}

// checkScale checks skala: it must name a declared scale; it is required
// when the targets are predicates, whose labels must be in the scale and
// whose written numbers must match the entry's skor or lie in its band.
func (c *checker) checkScale(path string, r Indicator, scales []Scale) {
	preds := predicateTargets(path, r)
	if r.Skala == "" {
		if len(preds) > 0 {
			c.addf(path+".skala", "missing; predicate targets need a scale, e.g. skala = \"opini_bpk\" naming a [[skala]]")
		}
		return
	}
	var sc *Scale
	for i := range scales {
		if scales[i].Nama == r.Skala {
			sc = &scales[i]
		}
	}
	if sc == nil && !slices.ContainsFunc(scales, func(s Scale) bool { return s.Nama == "" }) {
		c.addf(path+".skala", "%q is not a declared [[skala]]; expected one of %s", r.Skala, scaleNames(scales))
	}
	if sc == nil { // a [[skala]] without nama (reported there) may be the one meant
		return
	}
	for _, p := range preds {
		c.checkPredicate(p.path, p.t, sc)
	}
}

// checkPredicate checks one predicate target against its scale.
func (c *checker) checkPredicate(path string, t Target, sc *Scale) {
	e := sc.Find(t.Predicate)
	switch {
	case e == nil:
		c.addf(path, "predicate %q is not in scale %q", t.Predicate, sc.Nama)
	case !t.HasValue:
	case e.HasBand && !e.Contains(t.Value):
		c.addf(path, "%q: %s is outside the band of %s in scale %q", t.Text, formatNumber(t.Value), e.Label, sc.Nama)
	case !e.HasBand && e.HasSkor && e.Skor != t.Value:
		c.addf(path, "%q: %s is not the score of %s (%s) in scale %q", t.Text, formatNumber(t.Value), e.Label, formatNumber(e.Skor), sc.Nama)
	}
}

// pathTarget is a target with its field path.
type pathTarget struct {
	path string
	t    Target
}

// predicateTargets lists the predicate targets of r.
func predicateTargets(path string, r Indicator) []pathTarget {
	var out []pathTarget
	for q, t := range r.Triwulan {
		if t.Kind == Predicate {
			out = append(out, pathTarget{elemPath(path, "triwulan", q), t})
		}
	}
	if r.Tahunan.Kind == Predicate {
		out = append(out, pathTarget{path + ".tahunan", r.Tahunan})
	}
	return out
}

// defaultAkumulasi picks how quarters add up to the year when the file does
// not say:
//   - predicate targets are released once: tahunan;
//   - two or more quarterly targets that sum to the annual target are
//     increments (25%, 25%, 25%, 25% → 100%): kumulatif;
//   - quarterly targets that all equal the annual target (100% every
//     quarter, index 4 every quarter) judge each quarter on its own and
//     the year is their average: rata_rata;
//   - anything else (15%, 30%, 45%, 100%) states progress, and the latest
//     reported quarter counts: posisi_akhir.
func defaultAkumulasi(r Indicator) string {
	if r.Tahunan.Kind == Predicate {
		return Tahunan
	}
	sum, n, same := 0.0, 0, true
	for _, t := range r.Triwulan {
		if t.HasValue && t.Kind != Predicate {
			sum += t.Value
			n++
			same = same && t.Value == r.Tahunan.Value
		}
	}
	switch {
	case !r.Tahunan.HasValue || n == 0:
		return PosisiAkhir
	case n >= 2 && math.Abs(sum-r.Tahunan.Value) < 1e-9:
		return Kumulatif
	case same:
		return RataRata
	}
	return PosisiAkhir
}

// defaultSatuan is "%" for percentage targets, the unit written with the
// annual target ("70 Indeks"), else the keterangan.
func defaultSatuan(r Indicator) string {
	switch {
	case r.Tahunan.Kind == Percent:
		return "%"
	case r.Tahunan.Unit != "":
		return r.Tahunan.Unit
	}
	return r.Keterangan
}

// defaultPolaritas is negatif when the annual target is an upper bound
// ("< 49", "≤ 2,5", "kurang dari 49", "maksimal 5%"), else positif.
func defaultPolaritas(r Indicator) string {
	if c := r.Tahunan.Comparator; c == "<" || c == "≤" {
		return Negatif
	}
	return Positif
}

// normaliseBlock tidies a multi-line text: line ends and blanks trimmed,
// runs of blank lines reduced to one (a paragraph break).
func normaliseBlock(s string) string {
	if !strings.Contains(s, "\n") {
		return strings.TrimSpace(s) // one line: nothing to join
	}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	var out []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// scaleNames lists declared scale names for messages.
func scaleNames(scales []Scale) string {
	if len(scales) == 0 {
		return "(none declared)"
	}
	names := make([]string, len(scales))
	for i, s := range scales {
		names[i] = s.Nama
	}
	return strings.Join(names, ", ")
}

// Unit is the kind of the indicator's figures: the annual target's kind,
// else that of the first quarterly target that is not N/A; NA when every
// target is N/A. Realisasi values are checked against it.
func (ind *Indicator) Unit() TargetKind {
	if ind.Tahunan.Kind != NA {
		return ind.Tahunan.Kind
	}
	for _, t := range ind.Triwulan {
		if t.Kind != NA {
			return t.Kind
		}
	}
	return NA
}
