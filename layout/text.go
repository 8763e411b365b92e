package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// align is the horizontal alignment of a line of text.
type align int

// Alignments. alJustify justifies every line of a paragraph but its last.
const (
	alLeft align = iota
	alCenter
	alRight
	alJustify
)

// word is one measured word.
type word struct {
	s    string
	w    float64
	bold bool
}

// line is one line of a broken paragraph.
type line struct {
	words []word
	w     float64 // natural width: words plus one space between each
	last  bool    // last line of a paragraph: never justified
}

// style is the type of a run of text.
type style struct {
	size, lead float64
	bold       bool
}

// baseline returns the offset of the baseline below the top of a line of
// height lead set at size: half the extra leading plus an ascent of 0.8 em.
func baseline(size, lead float64) float64 { return (lead-size)/2 + 0.8*size }

// isBlank reports whether s has no visible characters.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// space returns the width of a space in the regular weight.
func (c *ctx) space(size float64) float64 { return c.width(c.font(false), size, " ") }

// wrap breaks text into lines at most width wide. A newline in text ends a
// paragraph (blank lines add no space). Words that overlap an occurrence of
// one of emph are set bold. A word wider than width is broken between
// characters.
func (c *ctx) wrap(text string, st style, width float64, emph ...string) []line {
	var out []line
	for _, para := range strings.Split(text, "\n") {
		toks, bold := fieldsBold(para, emph)
		if len(toks) == 0 {
			continue
		}
		out = c.breakPara(out, toks, bold, st, width)
	}
	return out
}

// breakPara appends the lines of one paragraph to out (greedy breaking).
// The lines share one backing array of words.
func (c *ctx) breakPara(out []line, toks []string, bold []bool, st style, width float64) []line {
	sp := c.space(st.size)
	ws := make([]word, 0, len(toks))
	start, lw := 0, 0.0
	flush := func() {
		out = append(out, line{words: ws[start:len(ws):len(ws)], w: lw})
		start, lw = len(ws), 0
	}
	for i, t := range toks {
		b := st.bold || bold != nil && bold[i]
		w := word{s: t, w: c.width(c.font(b), st.size, t), bold: b}
		if len(ws) > start && lw+sp+w.w > width+eps {
			flush()
		}
		if w.w > width+eps {
			for _, piece := range c.breakWord(w, st.size, width) {
				if len(ws) > start {
					flush()
				}
				ws, lw = append(ws, piece), piece.w
			}
			continue
		}
		if len(ws) > start {
			lw += sp
		}
		ws, lw = append(ws, w), lw+w.w
	}
	flush()
	out[len(out)-1].last = true
	return out
}

// breakWord cuts a word wider than width into pieces that fit.
func (c *ctx) breakWord(w word, size, width float64) []word {
	f := c.font(w.bold)
	var out []word
	for s := w.s; s != ""; {
		n := fitPrefix(s, func(p string) float64 { return c.width(f, size, p) }, width)
		out = append(out, word{s: s[:n], w: c.width(f, size, s[:n]), bold: w.bold})
		s = s[n:]
	}
	return out
}

// fitPrefix returns the byte length of the longest prefix of s (at least
// one rune) whose width is at most max.
func fitPrefix(s string, width func(string) float64, max float64) int {
	_, n := utf8.DecodeRuneInString(s)
	for n < len(s) {
		_, k := utf8.DecodeRuneInString(s[n:])
		if width(s[:n+k]) > max+eps {
			break
		}
		n += k
	}
	return n
}

// fieldsBold splits s into words and reports for each whether it overlaps
// an occurrence of one of emph (bold is nil when nothing does).
func fieldsBold(s string, emph []string) ([]string, []bool) {
	marks := emphRanges(s, emph)
	if len(marks) == 0 {
		return strings.Fields(s), nil
	}
	var toks []string
	var bold []bool
	start := -1
	for i, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && start < 0 {
			start = i
		}
		if sp && start >= 0 {
			toks, bold = append(toks, s[start:i]), append(bold, overlaps(marks, start, i))
			start = -1
		}
	}
	if start >= 0 {
		toks, bold = append(toks, s[start:]), append(bold, overlaps(marks, start, len(s)))
	}
	return toks, bold
}

// emphRanges returns the byte ranges of every occurrence of each of emph.
func emphRanges(s string, emph []string) [][2]int {
	var out [][2]int
	for _, e := range emph {
		if e == "" {
			continue
		}
		for off := 0; ; {
			i := strings.Index(s[off:], e)
			if i < 0 {
				break
			}
			out = append(out, [2]int{off + i, off + i + len(e)})
			off += i + len(e)
		}
	}
	return out
}

// overlaps reports whether [a,b) intersects one of the ranges.
func overlaps(rs [][2]int, a, b int) bool {
	for _, r := range rs {
		if a < r[1] && r[0] < b {
			return true
		}
	}
	return false
}

// lineBoxes returns the Text boxes of l set in a measure width wide that
// starts at x, with the baseline at base. Justified lines place each word
// as its own box; other lines give one box per run of the same weight.
func (c *ctx) lineBoxes(l line, x, base, width, size float64, al align, id string) []Box {
	if len(l.words) == 0 {
		return nil
	}
	if al == alJustify && !l.last && len(l.words) > 1 {
		return c.justified(l, x, base, width, size, id)
	}
	switch al {
	case alCenter:
		x += (width - l.w) / 2
	case alRight:
		x += width - l.w
	}
	return c.runs(l, x, base, size, id)
}

// justified places every word of l so that the line fills width.
func (c *ctx) justified(l line, x, base, width, size float64, id string) []Box {
	sum := 0.0
	for _, w := range l.words {
		sum += w.w
	}
	gap := (width - sum) / float64(len(l.words)-1)
	out := make([]Box, 0, len(l.words))
	for _, w := range l.words {
		out = append(out, c.textBox(w.s, w.w, x, base, size, w.bold, id))
		x += w.w + gap
	}
	return out
}

// runs returns one box per run of words of the same weight.
func (c *ctx) runs(l line, x, base, size float64, id string) []Box {
	sp := c.space(size)
	var out []Box
	for i := 0; i < len(l.words); {
		j, w := i+1, l.words[i].w
		for j < len(l.words) && l.words[j].bold == l.words[i].bold {
			w += sp + l.words[j].w
			j++
		}
		out = append(out, c.textBox(joinWords(l.words[i:j]), w, x, base, size, l.words[i].bold, id))
		x += w + sp
		i = j
	}
	return out
}

// joinWords joins the words with single spaces.
func joinWords(ws []word) string {
	if len(ws) == 1 {
		return ws[0].s
	}
	n := len(ws) - 1
	for _, w := range ws {
		n += len(w.s)
	}
	var b strings.Builder
	b.Grow(n)
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.s)
	}
	return b.String()
}

// textBox returns one Text box.
func (c *ctx) textBox(s string, w, x, base, size float64, bold bool, id string) Box {
	return Box{Kind: Text, X: x, Y: base, W: w, H: size, Font: c.font(bold), Size: size, Text: s, Cell: id}
}

// paragraph sets lines at the cursor across the measure [x, x+width] and
// moves the cursor below them.
func (c *ctx) paragraph(lines []line, x, width float64, st style, al align, id string) {
	off := baseline(st.size, st.lead)
	for _, l := range lines {
		c.add(c.lineBoxes(l, x, c.y+off, width, st.size, al, id)...)
		c.y += st.lead
	}
}

// block wraps text and sets it at the cursor, first moving to a new page
// when it does not fit.
func (c *ctx) block(text string, st style, x, width float64, al align, id string, emph ...string) error {
	lines := c.wrap(text, st, width, emph...)
	if err := c.ensure(float64(len(lines)) * st.lead); err != nil {
		return err
	}
	c.paragraph(lines, x, width, st, al, id)
	return nil
}
