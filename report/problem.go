package report

import (
	"strings"

	"kinerja/data"
	"kinerja/pesan"
)

// Problem is one thing wrong in a realisasi file, with its position. It is
// data.Problem, so a command prints and tests problems of agreements and of
// realisasi files alike.
type Problem = data.Problem

// Errors is every problem found in one file, sorted by position.
type Errors = data.Errors

// suggest returns " (did you mean `x`?)" for the closest candidate within
// edit distance 2 (or a third of the word), or "" when none is close.
func suggest(word string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := data.EditDistance(strings.ToLower(word), strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	limit := 2
	if n := len(word) / 3; n > limit {
		limit = n
	}
	if bestD < 0 || bestD > limit {
		return ""
	}
	return pesan.Sprintf(" (did you mean `%s`?)", best)
}
