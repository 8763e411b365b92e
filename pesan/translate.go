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
// En, or with Sprintf while English was active), in the active language:
// the Indonesian entry of the first format whose output s is, with the
// same arguments, each translated again when it is a catalogue text
// itself (%q arguments stay as they are). s is returned unchanged when
// English is active or no format matches.
func Translate(s string) string {
	if Active() != Indonesian || s == "" {
		return s
	}
	if t, ok := indonesian[s]; ok {
		return t
	}
	for _, p := range patterns() {
		if m := p.re.FindStringSubmatch(s); m != nil {
			return fill(indonesian[p.english], p, m[1:])
		}
	}
	return s
}

// fill writes the Indonesian format id with the captured English
// arguments got by pattern p.
func fill(id string, p pattern, got []string) string {
	args := map[int]string{}
	for i, a := range p.args {
		args[a] = got[i]
	}
	var b strings.Builder
	at := 0
	for _, v := range verbs(id) {
		b.WriteString(strings.ReplaceAll(id[at:v.start], "%%", "%"))
		a := args[v.arg]
		if v.letter == 's' || v.letter == 'v' || v.letter == 'w' {
			a = Translate(a)
		}
		b.WriteString(a)
		at = v.end
	}
	b.WriteString(strings.ReplaceAll(id[at:], "%%", "%"))
	return b.String()
}
