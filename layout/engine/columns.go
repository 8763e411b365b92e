package engine

// ColAir is the extra width given to a narrow column beyond its content.
const ColAir = 4.0

// ColSpec is what one grid column asks for. Lo is the width of its
// longest unbreakable word (headers included) plus padding: below it a
// word is broken between characters. Hi bounds Lo: a word wider than Hi
// is broken anyway (0 means a third of the table width). A narrow column
// (Weight 0) asks for Want; a sharing column (Weight > 0) gets a share of
// what the narrow columns leave.
type ColSpec struct {
	Lo, Hi, Want, Weight float64
}

// Allot sizes columns to the total width tw. Narrow columns get want, never
// less than lo; sharing columns split the rest by weight, and a column
// whose share would be below its lo is pinned at lo while the others share
// what is left. When the narrow columns and the lo widths of the sharing
// columns do not fit, the narrow columns give up width above their lo
// first; when even the lo widths do not fit, the widest columns are cut
// down to a common width (capLo) and their long words are broken between
// characters.
func Allot(tw float64, cs []ColSpec) []float64 {
	cs = boundLo(tw, cs)
	w := make([]float64, len(cs))
	var sumLo, need, flexW float64
	for i, s := range cs {
		sumLo += s.Lo
		w[i] = s.Lo
		if s.Weight == 0 {
			w[i] = max(s.Lo, s.Want)
		}
		need += w[i]
		flexW += s.Weight
	}
	switch {
	case sumLo > tw-eps:
		return capLo(los(cs), tw)
	case need > tw-eps:
		return shrinkNarrow(w, cs, tw-sumLo, need-sumLo)
	case flexW == 0:
		return scale(w, tw/need)
	}
	return shareRest(w, cs, tw)
}

// boundLo returns a copy of cs with every lo at most its hi.
func boundLo(tw float64, cs []ColSpec) []ColSpec {
	out := append([]ColSpec(nil), cs...)
	for i := range out {
		hi := out[i].Hi
		if hi <= 0 {
			hi = tw / 3
		}
		out[i].Lo = min(out[i].Lo, hi)
	}
	return out
}

// los returns the lo of every column.
func los(cs []ColSpec) []float64 {
	out := make([]float64, len(cs))
	for i, s := range cs {
		out[i] = s.Lo
	}
	return out
}

// capLo limits the widths w, whose sum exceeds tw, to a common cap chosen
// so that they sum to tw: narrow columns keep their width, the widest give
// up what is needed.
func capLo(w []float64, tw float64) []float64 {
	lo, hi := 0.0, 0.0
	for _, x := range w {
		hi = max(hi, x)
	}
	sum := func(c float64) float64 {
		s := 0.0
		for _, x := range w {
			s += min(x, c)
		}
		return s
	}
	for range 60 {
		if mid := (lo + hi) / 2; sum(mid) > tw {
			hi = mid
		} else {
			lo = mid
		}
	}
	for i := range w {
		w[i] = min(w[i], lo)
	}
	return w
}

// scale multiplies every width by k.
func scale(w []float64, k float64) []float64 {
	for i := range w {
		w[i] *= k
	}
	return w
}

// shrinkNarrow gives every column its lo plus, for narrow columns, a part
// of avail in proportion to what they asked for above lo (excess in all).
func shrinkNarrow(w []float64, cs []ColSpec, avail, excess float64) []float64 {
	for i, s := range cs {
		w[i] = s.Lo + (w[i]-s.Lo)*avail/excess
	}
	return w
}

// shareRest splits what the narrow columns in w leave of tw among the
// sharing columns by weight, pinning at lo every column whose share would
// be smaller.
func shareRest(w []float64, cs []ColSpec, tw float64) []float64 {
	pinned := make([]bool, len(cs))
	for {
		rest, weight := tw, 0.0
		for i, s := range cs {
			if s.Weight == 0 || pinned[i] {
				rest -= w[i]
			} else {
				weight += s.Weight
			}
		}
		done := true
		for i, s := range cs {
			if s.Weight > 0 && !pinned[i] {
				w[i] = rest * s.Weight / weight
				if w[i] < s.Lo-eps {
					w[i], pinned[i], done = s.Lo, true, false
				}
			}
		}
		if done {
			return w
		}
	}
}

// FitLo raises cs[col].Lo to the widest word of s in st plus padding.
func (t *Typesetter) FitLo(cs []ColSpec, col int, st Style, s string) {
	cs[col].Lo = max(cs[col].Lo, t.Widest(st, s)+2*CellPad)
}

// HeaderLo raises the Lo of every column to the widest word of its
// one-column header cells set in st.
func (t *Typesetter) HeaderLo(cs []ColSpec, head []HeaderCell, st Style) {
	for _, h := range head {
		if h.Span == 1 {
			t.FitLo(cs, h.Col, st, h.Text)
		}
	}
}
