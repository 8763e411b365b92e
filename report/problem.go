package report

import (
	"fmt"
	"sort"
	"strings"

	"kinerja/data"
)

// Problem is one thing wrong in a realisasi file, with its position. It is
// data.Problem, so a command prints and tests problems of agreements and of
// realisasi files alike.
type Problem = data.Problem

// Errors is every problem found in one file, sorted by position.
type Errors = data.Errors

// sortProblems orders problems by line, column, then field and message.
func sortProblems(ps Errors) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		return a.Msg < b.Msg
	})
}

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
	return fmt.Sprintf(" (did you mean `%s`?)", best)
}
