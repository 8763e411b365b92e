package pesan

import (
	"regexp"
	"slices"
	"strings"
	"sync"
)

// pattern matches the English text one catalogue format produces.
type pattern struct {
	english string
	re      *regexp.Regexp
	args    []int // the argument of each capture group
	weight  int   // literal bytes: the more, the more specific
}

// patterns are the catalogue's formats with at least one directive and
// some literal text, most specific first; built on first use.
var patterns = sync.OnceValue(func() []pattern {
	var out []pattern
	for en := range indonesian {
		if p, ok := compile(en); ok {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b pattern) int {
		if a.weight != b.weight {
			return b.weight - a.weight
		}
		return strings.Compare(a.english, b.english)
	})
	return out
})

// compile turns an English format into a pattern of its output.
func compile(format string) (pattern, bool) {
	vs := verbs(format)
	if len(vs) == 0 {
		return pattern{}, false
	}
	p := pattern{english: format}
	var re strings.Builder
	re.WriteString(`(?s)^`)
	at := 0
	for _, v := range vs {
		lit := strings.ReplaceAll(format[at:v.start], "%%", "%")
		p.weight += len(lit)
		re.WriteString(regexp.QuoteMeta(lit) + capture(v.letter))
		p.args = append(p.args, v.arg)
		at = v.end
	}
	lit := strings.ReplaceAll(format[at:], "%%", "%")
	p.weight += len(lit)
	re.WriteString(regexp.QuoteMeta(lit) + `$`)
	if p.weight < 4 {
		return pattern{}, false // "%s: %s" would match anything
	}
	p.re = regexp.MustCompile(re.String())
	return p, true
}

// capture is the regular expression of what a verb prints.
func capture(letter byte) string {
	switch letter {
	case 'd':
		return `(-?[0-9]+)`
	case 'f', 'g', 'e':
		return `(-?[0-9.e+\-]+)`
	case 't':
		return `(true|false)`
	}
	return `(.+?)`
}

// Translate returns s, a text in English from the catalogue (made with
// En, or with Sprintf while English was active), in the active language.
// s may be a catalogue text, the output of a catalogue format (its %s and
// %v arguments translated again, %q arguments kept), a list of such texts
// joined by ", " or two joined by ": " (a label and its finding). Of the
// readings of s, Translate takes the one that covers the most English
// text with catalogue entries, so that a short format ("%s or %s") does
// not win over the finding it happens to match. s is returned unchanged
// when English is active or nothing matches.
func Translate(s string) string {
	if Active() != Indonesian || s == "" {
		return s
	}
	t := &translator{memo: map[string]reading{}}
	return t.read(s).text
}

// reading is one way to translate an English text: the Indonesian text
// and how many bytes of the English the catalogue covered.
type reading struct {
	text    string
	covered int
}

// translator finds the best reading of texts and of their parts.
type translator struct {
	memo map[string]reading
}

// read returns the best reading of s (s itself, covering 0, when none).
func (t *translator) read(s string) reading {
	if r, ok := t.memo[s]; ok {
		return r
	}
	best := reading{text: s}
	t.memo[s] = best // a text inside itself is not read again
	if id, ok := indonesian[s]; ok {
		best = reading{id, len(s)}
	} else {
		for _, r := range t.candidates(s) {
			if r.covered > best.covered {
				best = r
			}
		}
	}
	t.memo[s] = best
	return best
}

// candidates are the readings of s by a pattern, as a list and as a
// label with its finding.
func (t *translator) candidates(s string) []reading {
	var out []reading
	for _, p := range patterns() {
		if m := p.re.FindStringSubmatch(s); m != nil {
			out = append(out, t.fill(indonesian[p.english], p, m[1:]))
		}
	}
	if parts := strings.Split(s, ", "); len(parts) > 1 {
		out = append(out, t.joined(parts, ", "))
	}
	for i := strings.Index(s, ": "); i > 0; {
		out = append(out, t.joined([]string{s[:i], s[i+2:]}, ": "))
		j := strings.Index(s[i+2:], ": ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return out
}

// joined reads each part and joins them with sep; it covers something
// only when every part is covered.
func (t *translator) joined(parts []string, sep string) reading {
	r := reading{}
	texts := make([]string, len(parts))
	for i, p := range parts {
		pr := t.read(p)
		if pr.covered == 0 {
			return reading{}
		}
		texts[i], r.covered = pr.text, r.covered+pr.covered
	}
	r.text = strings.Join(texts, sep)
	return r
}

// fill writes the Indonesian format id with the captured English
// arguments got by pattern p.
func (t *translator) fill(id string, p pattern, got []string) reading {
	args := map[int]string{}
	for i, a := range p.args {
		args[a] = got[i]
	}
	r := reading{covered: p.weight}
	var b strings.Builder
	at := 0
	for _, v := range verbs(id) {
		b.WriteString(strings.ReplaceAll(id[at:v.start], "%%", "%"))
		a := args[v.arg]
		if v.letter == 's' || v.letter == 'v' || v.letter == 'w' {
			ar := t.read(a)
			a, r.covered = ar.text, r.covered+ar.covered
		}
		b.WriteString(a)
		at = v.end
	}
	b.WriteString(strings.ReplaceAll(id[at:], "%%", "%"))
	r.text = b.String()
	return r
}
