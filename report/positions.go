package report

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// pos is where a key sits in the source: its line, the key's column and
// the value's column (all 1-based).
type pos struct{ Line, Col, ValCol int }

// reKey matches the key of a key/value line: bare, "quoted" or 'literal'.
var reKey = regexp.MustCompile(`^("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*`)

// scanPositions maps key paths ("tahun", "realisasi[2]",
// "realisasi[2].nilai") to their positions. BurntSushi/toml v1.6.0 keeps a
// position per key name only (every [[realisasi]] entry shares one), so this
// light scanner runs over the source, which the parser has already accepted.
// Known limit: keys inside inline tables are not found (they get the
// position of the enclosing key).
func scanPositions(src string) map[string]pos {
	out := map[string]pos{}
	counts := map[string]int{}
	prefix, closing := "", ""
	for i, line := range strings.Split(src, "\n") {
		if closing != "" {
			if strings.Contains(line, closing) {
				closing = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		col := len(line) - len(trimmed) + 1 // only blanks before: bytes = characters
		switch {
		case trimmed == "" || trimmed[0] == '#':
		case strings.HasPrefix(trimmed, "[["):
			name := tableName(trimmed[2:], "]]")
			prefix = fmt.Sprintf("%s[%d]", name, counts[name])
			counts[name]++
			out[prefix] = pos{i + 1, col, col}
		case trimmed[0] == '[':
			prefix = subTable(tableName(trimmed[1:], "]"), counts)
			out[prefix] = pos{i + 1, col, col}
		default:
			closing = scanKey(out, prefix, trimmed, i+1, col)
		}
	}
	return out
}

// subTable names a [a.b] table: inside the latest [[a]] it is "a[n].b".
func subTable(name string, counts map[string]int) string {
	head, rest, ok := strings.Cut(name, ".")
	if n := counts[head]; ok && n > 0 {
		return fmt.Sprintf("%s[%d].%s", head, n-1, rest)
	}
	return name
}

// tableName returns the table name before the closing brackets.
func tableName(s, end string) string {
	if j := strings.Index(s, end); j >= 0 {
		s = s[:j]
	}
	return strings.TrimSpace(s)
}

// scanKey records one key/value line and returns the closing delimiter when
// the value opens a multi-line string that does not end on this line.
func scanKey(out map[string]pos, prefix, s string, line, col int) string {
	m := reKey.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	key := strings.Trim(m[1], `"'`)
	if prefix != "" {
		key = prefix + "." + key
	}
	out[key] = pos{line, col, col + utf8.RuneCountInString(m[0])}
	val := s[len(m[0]):]
	for _, d := range []string{`"""`, `'''`} {
		if strings.HasPrefix(val, d) && !strings.Contains(val[3:], d) {
			return d
		}
	}
	return ""
}
