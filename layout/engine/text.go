package engine

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Align is the horizontal alignment of a line of text.
type Align int

// Alignments. AlignJustify justifies every line of a paragraph but its
// last.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
	AlignJustify
)

// word is one measured word.
type word struct {
	s    string
	w    float64
	bold bool
}

// TextLine is one line of a broken paragraph.
type TextLine struct {
	words []word
	w     float64 // natural width: words plus one space between each
	last  bool    // last line of a paragraph: never justified
}

// Words returns the number of words on the line.
func (l TextLine) Words() int { return len(l.words) }

// Style is the type of a run of text: size and leading in points, weight.
type Style struct {
	Size, Lead float64
	Bold       bool
}

// Baseline returns the offset of the baseline below the top of a line of
// height lead set at size: half the extra leading plus an ascent of 0.8 em.
func Baseline(size, lead float64) float64 { return (lead-size)/2 + 0.8*size }

// Wrap breaks text into lines at most width wide. A newline in text ends a
// paragraph (blank lines add no space). Words that overlap an occurrence of
// one of emph are set bold. A word wider than width is broken between
// characters.
func (t *Typesetter) Wrap(text string, st Style, width float64, emph ...string) []TextLine {
	var out []TextLine
	for _, para := range strings.Split(text, "\n") {
		toks, bold := fieldsBold(para, emph)
		if len(toks) == 0 {
			continue
		}
		out = t.breakPara(out, toks, bold, st, width)
	}
	return out
}

// breakPara appends the lines of one paragraph to out (greedy breaking).
// The lines share one backing array of words.
func (t *Typesetter) breakPara(out []TextLine, toks []string, bold []bool, st Style, width float64) []TextLine {
	sp := t.Space(st.Size)
	ws := make([]word, 0, len(toks))
	start, lw := 0, 0.0
	flush := func() {
		out = append(out, TextLine{words: ws[start:len(ws):len(ws)], w: lw})
		start, lw = len(ws), 0
	}
	for i, tok := range toks {
		b := st.Bold || bold != nil && bold[i]
		w := word{s: tok, w: t.Width(t.Font(b), st.Size, tok), bold: b}
		if len(ws) > start && lw+sp+w.w > width+eps {
			flush()
		}
		if w.w > width+eps {
			for _, piece := range t.breakWord(w, st.Size, width) {
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
func (t *Typesetter) breakWord(w word, size, width float64) []word {
	f := t.Font(w.bold)
	var out []word
	for s := w.s; s != ""; {
		n := FitPrefix(s, func(p string) float64 { return t.Width(f, size, p) }, width)
		out = append(out, word{s: s[:n], w: t.Width(f, size, s[:n]), bold: w.bold})
		s = s[n:]
	}
	return out
}

// FitPrefix returns the byte length of the longest prefix of s (at least
// one rune) whose width is at most max.
func FitPrefix(s string, width func(string) float64, max float64) int {
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

// LineBoxes returns the Text boxes of l set in a measure width wide that
// starts at x, with the baseline at base. Justified lines place each word
// as its own box; other lines give one box per run of the same weight.
func (t *Typesetter) LineBoxes(l TextLine, x, base, width, size float64, al Align, id string) []Box {
	if len(l.words) == 0 {
		return nil
	}
	if al == AlignJustify && !l.last && len(l.words) > 1 {
		return t.justified(l, x, base, width, size, id)
	}
	switch al {
	case AlignCenter:
		x += (width - l.w) / 2
	case AlignRight:
		x += width - l.w
	}
	return t.runs(l, x, base, size, id)
}

// justified places every word of l so that the line fills width.
func (t *Typesetter) justified(l TextLine, x, base, width, size float64, id string) []Box {
	sum := 0.0
	for _, w := range l.words {
		sum += w.w
	}
	gap := (width - sum) / float64(len(l.words)-1)
	out := make([]Box, 0, len(l.words))
	for _, w := range l.words {
		out = append(out, t.TextBox(w.s, w.w, x, base, size, w.bold, id))
		x += w.w + gap
	}
	return out
}

// runs returns one box per run of words of the same weight.
func (t *Typesetter) runs(l TextLine, x, base, size float64, id string) []Box {
	sp := t.Space(size)
	var out []Box
	for i := 0; i < len(l.words); {
		j, w := i+1, l.words[i].w
		for j < len(l.words) && l.words[j].bold == l.words[i].bold {
			w += sp + l.words[j].w
			j++
		}
		out = append(out, t.TextBox(joinWords(l.words[i:j]), w, x, base, size, l.words[i].bold, id))
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
