package pesan

import (
	"strconv"
	"strings"
)

// verb is one formatting directive of a format, such as %-14s or %[2]d.
type verb struct {
	start, end int    // its bytes in the format
	arg        int    // the 0-based argument it formats
	spec       string // flags and width between % and the letter
	letter     byte   // s, d, q, v, w, ...
}

// verbs lists the directives of format in order; %% is no directive.
// Explicit argument indexes (%[2]s) are followed as fmt follows them.
func verbs(format string) []verb {
	var out []verb
	next := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		v, ok := parseVerb(format, i, next)
		if !ok {
			i++ // %% or a malformed directive: skip the character after %
			continue
		}
		out = append(out, v)
		next = v.arg + 1
		i = v.end - 1
	}
	return out
}

// parseVerb reads the directive that starts at format[i] == '%'; next is
// the argument it formats without an explicit index.
func parseVerb(format string, i, next int) (verb, bool) {
	v := verb{start: i, arg: next}
	j := i + 1
	if j < len(format) && format[j] == '[' {
		k := strings.IndexByte(format[j:], ']')
		if k < 0 {
			return v, false
		}
		n, err := strconv.Atoi(format[j+1 : j+k])
		if err != nil || n < 1 {
			return v, false
		}
		v.arg, j = n-1, j+k+1
	}
	s := j
	for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
		j++
	}
	if j >= len(format) || format[j] == '%' {
		return v, false
	}
	v.spec, v.letter, v.end = format[s:j], format[j], j+1
	return v, true
}

// signature is the argument-by-argument verb letters of format ("%w"
// counts as "%v"), to compare an English format with its translation.
func signature(format string) map[int]byte {
	out := map[int]byte{}
	for _, v := range verbs(format) {
		l := v.letter
		if l == 'w' {
			l = 'v'
		}
		out[v.arg] = l
	}
	return out
}
