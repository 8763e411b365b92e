package layout

import (
	"strings"

	"kinerja/data"
	"kinerja/layout/engine"
)

// piece is one short text of a signature block.
type piece struct {
	text, id string
	bold     bool
}

// sigCol describes one party's signature block.
type sigCol struct {
	party string     // "pertama" or "kedua"
	pre   []piece    // lines above the position (role line, date line)
	jab   string     // position, printed with a trailing comma
	p     data.Party // for pangkat and NIP
	name  string     // printed bold and underlined under the signature space
	key   string     // Box.Cell prefix, e.g. "ttd.pertama"
	// notice is printed small in the signature space, where a wet
	// signature would go ("" for none; "\n" starts a line): the
	// attachment's pointer to the electronic signature on the statement
	// page.
	notice string
}

// chunk is a wrapped piece.
type chunk struct {
	lines []engine.TextLine
	id    string
}

// sigInset is the horizontal space kept free on each side of a column.
const sigInset = 6.0

// signatures sets two signature blocks side by side, each centred in half
// of the text width: left (PIHAK KEDUA) and right (PIHAK PERTAMA). The date
// line goes either on its own row above the right block or, with dateInCol,
// as the first line of the right block. The whole section stays on one
// page; the signature spaces of both blocks share one row, so the names
// line up. The SigRects are appended right (pertama) first.
func signatures(f *engine.Flow, left, right sigCol, st engine.Style, date piece, dateInCol bool) error {
	colW := (f.Right - f.Left) / 2
	inner := colW - 2*sigInset
	dateLines, lp, lq, rp, rq := sigPlan(f, &left, &right, st, date, dateInCol)
	preN, postN := max(countLines(lp), countLines(rp)), max(countLines(lq), countLines(rq))
	h := float64(len(dateLines)+preN+postN)*st.Lead + sigSpace
	if err := f.Ensure(h); err != nil {
		return err
	}
	f.Paragraph(dateLines, f.Left+colW+sigInset, inner, st, engine.AlignCenter, date.id)
	top := f.Y
	sigTop := top + float64(preN)*st.Lead
	rr := sigBlock(f, rp, rq, right, f.Left+colW, colW, top, sigTop, st)
	rl := sigBlock(f, lp, lq, left, f.Left, colW, top, sigTop, st)
	f.AddSigRect(rr, rl)
	f.Y = sigTop + sigSpace + float64(postN)*st.Lead
	return nil
}

// sigPlan wraps the date line (or puts it at the top of the right block)
// and both blocks' parts above and under the signature space.
func sigPlan(f *engine.Flow, left, right *sigCol, st engine.Style, date piece, dateInCol bool) (dateLines []engine.TextLine, lp, lq, rp, rq []chunk) {
	inner := (f.Right-f.Left)/2 - 2*sigInset
	if dateInCol {
		right.pre = append([]piece{date}, right.pre...)
	} else {
		dateLines = f.Wrap(date.text, st, inner)
	}
	lp, lq = sigChunks(f, *left, st, inner)
	rp, rq = sigChunks(f, *right, st, inner)
	return dateLines, lp, lq, rp, rq
}

// sigHeight returns the height signatures would take for these blocks.
func sigHeight(f *engine.Flow, left, right sigCol, st engine.Style, date piece, dateInCol bool) float64 {
	dateLines, lp, lq, rp, rq := sigPlan(f, &left, &right, st, date, dateInCol)
	preN, postN := max(countLines(lp), countLines(rp)), max(countLines(lq), countLines(rq))
	return float64(len(dateLines)+preN+postN)*st.Lead + sigSpace
}

// sigChunks wraps the parts of a block above the signature space (pre) and
// under the name (post, which starts with the name itself).
func sigChunks(f *engine.Flow, s sigCol, st engine.Style, width float64) (pre, post []chunk) {
	for _, p := range s.pre {
		pre = append(pre, chunk{f.Wrap(p.text, engine.Style{Size: st.Size, Lead: st.Lead, Bold: p.bold}, width), p.id})
	}
	if !isBlank(s.jab) {
		pre = append(pre, chunk{wrapNoLone(f.Typesetter, withComma(s.jab), st, width), s.key + ".jabatan"})
	}
	post = append(post, chunk{wrapNoLone(f.Typesetter, s.name, engine.Style{Size: st.Size, Lead: st.Lead, Bold: true}, width), s.key + ".nama"})
	if !isBlank(s.p.Pangkat) {
		post = append(post, chunk{f.Wrap(s.p.Pangkat, st, width), s.key + ".pangkat"})
	}
	if !isBlank(s.p.NIP) {
		post = append(post, chunk{f.Wrap(s.p.NIPCetak, st, width), s.key + ".nip"})
	}
	return pre, post
}

// sigBlock draws one block in the column [x, x+colW] and returns its SigRect.
func sigBlock(f *engine.Flow, pre, post []chunk, s sigCol, x, colW, top, sigTop float64, st engine.Style) SigRect {
	inner := colW - 2*sigInset
	f.Y = top
	for _, ch := range pre {
		f.Paragraph(ch.lines, x+sigInset, inner, st, engine.AlignCenter, ch.id)
	}
	f.Y = sigTop + sigSpace
	for i, ch := range post {
		n := len(f.Page().Boxes)
		f.Paragraph(ch.lines, x+sigInset, inner, st, engine.AlignCenter, ch.id)
		for j := n; i == 0 && j < len(f.Page().Boxes); j++ {
			f.Page().Boxes[j].Underline = true
		}
	}
	w := min(sigWidth, inner)
	if s.notice != "" { // inside the rectangle, centred
		var lines []engine.TextLine
		for _, part := range strings.Split(s.notice, "\n") {
			lines = append(lines, f.Wrap(part, sigNoteStyle, w)...)
		}
		f.Y = sigTop + (sigSpace-float64(len(lines))*sigNoteStyle.Lead)/2
		f.Paragraph(lines, x+(colW-w)/2, w, sigNoteStyle, engine.AlignCenter, s.key+".ttd_elektronik")
	}
	return SigRect{Party: s.party, Page: f.PageNo(), X: x + (colW-w)/2, Y: sigTop, W: w, H: sigSpace}
}

// countLines returns the number of lines of all chunks.
func countLines(cs []chunk) int {
	n := 0
	for _, ch := range cs {
		n += len(ch.lines)
	}
	return n
}

// withComma returns s trimmed and ending with a comma.
func withComma(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ",") {
		return s
	}
	return s + ","
}

// wrapNoLone wraps text into width like Wrap, except that when the last
// line would hold one word alone under longer lines it narrows the
// measure to the least width that keeps the number of lines, which
// spreads the words evenly ("Kepala Dinas Komunikasi dan Informatika /
// Kabupaten Contoh Jaya," rather than a lone "Jaya,").
func wrapNoLone(ts *engine.Typesetter, text string, st engine.Style, width float64) []engine.TextLine {
	lines := ts.Wrap(text, st, width)
	if n := len(lines); n < 2 || lines[n-1].Words() > 1 {
		return lines
	}
	lo, hi := width/2, width
	for range 24 {
		mid := (lo + hi) / 2
		if len(ts.Wrap(text, st, mid)) == len(lines) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return ts.Wrap(text, st, hi)
}

// blockNoLone sets text like Flow.Block, wrapped by wrapNoLone.
func blockNoLone(f *engine.Flow, text string, st engine.Style, x, width float64, al engine.Align, id string) error {
	lines := wrapNoLone(f.Typesetter, text, st, width)
	if err := f.Ensure(float64(len(lines)) * st.Lead); err != nil {
		return err
	}
	f.Paragraph(lines, x, width, st, al, id)
	return nil
}
