package layout

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/layout/engine"
)

// expectedTexts returns, for every Box.Cell that carries model text, the
// text the document must show for it (once, in order, across pages).
func expectedTexts(a *data.Agreement) map[string]string {
	e := map[string]string{
		"pembuka": a.Teks.Pembuka, "janji": a.Teks.Janji, "supervisi": a.Teks.Supervisi,
		"pertama.sebutan": a.Teks.SebutanPertama, "kedua.sebutan": a.Teks.SebutanKedua,
		"tanggal": a.Tempat + ", " + strconv.Itoa(a.Tahun), "lampiran.tanggal": a.Tempat + ", " + strconv.Itoa(a.Tahun),
		"judul.lampiran": a.JudulLampiran, "lampiran.nama": a.Pertama.NamaLampiran, "lampiran.nip": nipDigits(a.Pertama.NIPCetak),
		"lampiran.jabatan": a.Pertama.JabatanSingkat, "lampiran.unit": a.Pertama.UnitKerja,
		"ttd.pertama.label": a.LabelPertama + ",", "ttd.kedua.label": a.LabelKedua + ",",
	}
	if !a.Tanggal.IsZero() {
		e["tanggal"], e["lampiran.tanggal"] = placeDate(a), placeDate(a)
	}
	if a.Nomor != "" {
		e["nomor"] = "NOMOR : " + a.Nomor
	}
	for i, s := range a.Kop.Baris {
		e["kop."+strconv.Itoa(i)] = s
	}
	for i, s := range a.JudulBaris {
		e["judul."+strconv.Itoa(i)] = s
	}
	for i, p := range []data.Party{a.Pertama, a.Kedua} {
		who := partyKey[i]
		e[who+".nama"], e[who+".jabatan"] = p.Nama, p.Jabatan
		addSig(e, "ttd."+who, p.JabatanTTD, p.Nama, p)
		addSig(e, "lampiran."+who, p.JabatanTTDLampiran, p.NamaLampiran, p)
		if a.TandaTangan != data.SigningBSrE {
			e["lampiran."+who+".ttd_elektronik"] = ElectronicNotice(1)
		}
	}
	addTable(e, a)
	return e
}

// addSig adds the texts of one signature block.
func addSig(e map[string]string, key, jab, name string, p data.Party) {
	jab = strings.TrimSuffix(strings.TrimSpace(jab), ",") + ","
	e[key+".jabatan"], e[key+".nama"], e[key+".pangkat"] = jab, name, p.Pangkat
	if p.NIP != "" {
		e[key+".nip"] = p.NIPCetak
	}
}

// addTable adds the texts of the indicator and program tables.
func addTable(e map[string]string, a *data.Agreement) {
	for gi, g := range a.Kelompok {
		gid := "k" + strconv.Itoa(gi)
		e[gid+".nama"] = g.Nama
		for si, s := range g.Sasaran {
			sid := gid + ".s" + strconv.Itoa(si)
			e[sid+".no"], e[sid+".uraian"] = strconv.Itoa(s.No), s.Uraian
			for ii, ind := range s.Indikator {
				id := sid + ".i" + strconv.Itoa(ii)
				e[id+".no"], e[id+".indikator"], e[id+".sumber"] = strconv.Itoa(ind.No), ind.Indikator, ind.SumberData
				e[id+".pengukuran"], e[id+".tahunan"], e[id+".keterangan"] = ind.Pengukuran, ind.Tahunan.Text, ind.Keterangan
				for q, tq := range ind.Triwulan {
					e[id+".tw"+strconv.Itoa(q+1)] = tq.Text
				}
			}
		}
	}
	d := &agreementDoc{a: a}
	nums := programNumbers(a.Program)
	for i, p := range a.Program {
		id := "p" + strconv.Itoa(i)
		e[id+".program"], e[id+".anggaran"], e[id+".keterangan"] = p.Program, d.amount(p.Anggaran), p.Keterangan
		if a.TabelProgram.Has(data.KolomNo) {
			e[id+".no"] = nums[i]
		}
	}
	if len(a.Program) > 0 {
		e["jumlah"], e["jumlah.anggaran"] = a.TabelProgram.Jumlah, d.amount(a.TotalAnggaran())
	}
}

// layoutCells are the Box.Cell values of text the layout adds itself.
// A continuation cue ("3 (lanjutan)") is one of them: it repeats a row's
// NO or kode and must not count as that cell's text.
var layoutCells = map[string]bool{"label": true, "head": true, "footer": true, "halaman": true, engine.CellCue: true}

// squash removes all white space (line breaks and broken words leave none).
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// checkTexts asserts (a): every model text appears exactly once, whole and
// in order, and no text box comes from anywhere else.
func checkTexts(t *testing.T, a *data.Agreement, d *Document) {
	t.Helper()
	got := map[string]*strings.Builder{}
	for pi, p := range d.Pages {
		for _, b := range p.Boxes {
			if b.Kind != Text || layoutCells[b.Cell] {
				continue
			}
			if got[b.Cell] == nil {
				got[b.Cell] = &strings.Builder{}
			}
			got[b.Cell].WriteString(b.Text)
			if b.Text == "" || b.Text != strings.TrimSpace(b.Text) {
				t.Errorf("p%d: text box %q of %s has blank or padded text", pi+1, b.Text, b.Cell)
			}
		}
	}
	want := expectedTexts(a)
	for _, id := range sortedKeys(want) {
		g := ""
		if got[id] != nil {
			g = got[id].String()
		}
		if squash(g) != squash(want[id]) {
			t.Errorf("text of %s:\n got %q\nwant %q", id, g, want[id])
		}
	}
	for _, id := range sortedKeys(got) {
		if _, ok := want[id]; !ok {
			t.Errorf("text box with unknown source %q: %q", id, got[id].String())
		}
	}
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// extent returns the box's vertical extent (text: ascent 0.8, descent 0.2).
func extent(b Box) (top, bottom float64) {
	if b.Kind == Text {
		return b.Y - 0.8*b.Size, b.Y + 0.2*b.Size
	}
	return b.Y, b.Y + b.H
}

// footGap is the engine's space between the body and the footer.
const footGap = 6.0

// checkBounds asserts (b): everything inside the margins, body content
// above the bottom margin and clear of the footer, table text inside a
// cell frame.
func checkBounds(t *testing.T, d *Document) {
	t.Helper()
	for pi, p := range d.Pages {
		limit := p.Height - marginBottom
		for _, b := range p.Boxes {
			if b.Cell == "footer" || b.Cell == "halaman" {
				top, _ := extent(b)
				limit = min(limit, top-footGap)
			}
		}
		for _, b := range p.Boxes {
			top, bottom := extent(b)
			if b.X < marginSide-eps || b.X+b.W > p.Width-marginSide+1e-3 || top < marginTop-eps || bottom > p.Height {
				t.Errorf("p%d: box outside the margins: %+v", pi+1, b)
			}
			if b.Cell != "footer" && b.Cell != "halaman" && bottom > limit+1e-3 {
				t.Errorf("p%d: body box below %.2f: %+v", pi+1, limit, b)
			}
			if isTableText(b) && !insideRect(p.Boxes, b) {
				t.Errorf("p%d: table text outside its cell: %q x=%.2f w=%.2f", pi+1, b.Text, b.X, b.W)
			}
		}
	}
}

// tableCell matches Box.Cell values of table text.
var tableCell = regexp.MustCompile(`^(k\d+\.|p\d+\.|jumlah|head$|label\.lanjutan$)`)

// isTableText reports whether b is text inside a table.
func isTableText(b Box) bool { return b.Kind == Text && tableCell.MatchString(b.Cell) }

// insideRect reports whether a rectangle among bs contains text box b
// with engine.CellPad to spare horizontally.
func insideRect(bs []Box, b Box) bool {
	top, bottom := extent(b)
	for _, r := range bs {
		if r.Kind == Rect && b.X >= r.X+engine.CellPad-1e-3 && b.X+b.W <= r.X+r.W-engine.CellPad+1e-3 &&
			top >= r.Y && bottom <= r.Y+r.H {
			return true
		}
	}
	return false
}

// indCell and progCell match Box.Cell values of indicator and program
// table rows.
var (
	indCell  = regexp.MustCompile(`^k\d+\.`)
	progCell = regexp.MustCompile(`^(p\d+\.|jumlah)`)
)

// checkHeaders asserts (c): on each page with rows of a table, that
// table's header appears exactly once, above the rows.
func checkHeaders(t *testing.T, d *Document) {
	t.Helper()
	for pi, p := range d.Pages {
		var ind, prog, tri, progHead int
		headY, rowY := 1e9, 1e9
		for _, b := range p.Boxes {
			switch {
			case b.Cell == "head" && b.Text == "Triwulan":
				tri++
				headY = min(headY, b.Y)
			case b.Cell == "head" && b.Text == "Program":
				progHead++
			case indCell.MatchString(b.Cell):
				ind++
				rowY = min(rowY, b.Y)
			case progCell.MatchString(b.Cell):
				prog++
			}
		}
		if ind > 0 && tri != 1 || ind == 0 && tri != 0 {
			t.Errorf("p%d: %d indicator rows with %d headers", pi+1, ind, tri)
		}
		if prog > 0 && progHead != 1 || prog == 0 && progHead != 0 {
			t.Errorf("p%d: %d program rows with %d headers", pi+1, prog, progHead)
		}
		if ind > 0 && headY > rowY {
			t.Errorf("p%d: header under the first row", pi+1)
		}
	}
}

// groupCell matches the Box.Cell of a group row.
var groupCell = regexp.MustCompile(`^k\d+\.nama$`)

// checkGroups asserts (e): every group row has table content under it on
// its page.
func checkGroups(t *testing.T, d *Document) {
	t.Helper()
	for pi, p := range d.Pages {
		for _, g := range p.Boxes {
			if g.Kind != Text || !groupCell.MatchString(g.Cell) {
				continue
			}
			below := false
			for _, b := range p.Boxes {
				below = below || isTableText(b) && !groupCell.MatchString(b.Cell) && b.Cell != "head" && b.Y > g.Y
			}
			if !below {
				t.Errorf("p%d: group row %q is the last thing on the page", pi+1, g.Text)
			}
		}
	}
}

// checkSigs asserts (f): four SigRects in the documented order, inside the
// page and clear of text but the attachment's electronic-signature notice
// (inside its space), each section's texts on its rectangle's page.
func checkSigs(t *testing.T, d *Document) {
	t.Helper()
	parties := []string{}
	for _, s := range d.SigRects {
		parties = append(parties, s.Party)
	}
	if strings.Join(parties, ",") != "pertama,kedua,pertama,kedua" {
		t.Fatalf("SigRects parties %v", parties)
	}
	if d.SigRects[0].Page != d.SigRects[1].Page || d.SigRects[2].Page != d.SigRects[3].Page {
		t.Errorf("signature blocks split across pages: %+v", d.SigRects)
	}
	for _, s := range d.SigRects {
		if s.Page < 1 || s.Page > len(d.Pages) {
			t.Fatalf("SigRect page %d of %d", s.Page, len(d.Pages))
		}
		p := d.Pages[s.Page-1]
		if s.X < 0 || s.Y < 0 || s.X+s.W > p.Width || s.Y+s.H > p.Height-marginBottom || s.W < 100 || s.H < 70 {
			t.Errorf("SigRect outside page or too small: %+v", s)
		}
		for _, b := range p.Boxes {
			top, bottom := extent(b)
			if strings.HasSuffix(b.Cell, "."+s.Party+".ttd_elektronik") {
				if top < s.Y || bottom > s.Y+s.H || b.X < s.X || b.X+b.W > s.X+s.W {
					t.Errorf("the electronic-signature notice %q is not inside its signature space %+v", b.Text, s)
				}
				continue // it is what the space holds when kinerja signs
			}
			if b.Kind == Text && b.X < s.X+s.W && s.X < b.X+b.W && top < s.Y+s.H && s.Y < bottom {
				t.Errorf("text %q overlaps SigRect %+v", b.Text, s)
			}
		}
	}
	for pi, p := range d.Pages {
		for _, b := range p.Boxes {
			for _, pre := range []string{"ttd.", "tanggal", "lampiran.tanggal", "lampiran.pertama", "lampiran.kedua"} {
				want := d.SigRects[0].Page
				if strings.HasPrefix(pre, "lampiran") {
					want = d.SigRects[2].Page
				}
				if strings.HasPrefix(b.Cell, pre) && pi+1 != want {
					t.Errorf("signature text %s on page %d, its SigRect on page %d", b.Cell, pi+1, want)
				}
			}
		}
	}
}

// checkPages asserts (g): page 1 portrait with the paper's size, the rest
// landscape.
func checkPages(t *testing.T, a *data.Agreement, d *Document) {
	t.Helper()
	w, h := a.Kertas.Width*mm, a.Kertas.Height*mm
	for i, p := range d.Pages {
		land := i > 0
		pw, ph := w, h
		if land {
			pw, ph = h, w
		}
		if p.Landscape != land || abs(p.Width-pw) > 1e-9 || abs(p.Height-ph) > 1e-9 {
			t.Errorf("page %d: %.2fx%.2f landscape=%v, want %.2fx%.2f landscape=%v",
				i+1, p.Width, p.Height, p.Landscape, pw, ph, land)
		}
	}
}

// abs returns |x|.
func abs(x float64) float64 { return max(x, -x) }

// checkAll runs every invariant on a laid-out agreement.
func checkAll(t *testing.T, a *data.Agreement, d *Document) {
	t.Helper()
	checkPages(t, a, d)
	checkTexts(t, a, d)
	checkBounds(t, d)
	checkHeaders(t, d)
	checkGroups(t, d)
	checkSigs(t, d)
	checkSigsNotAlone(t, d)
}

// bodyCell matches the Cell ids of table body text (not headers or labels).
var bodyCell = regexp.MustCompile(`^(k\d+\.|p\d+\.|jumlah)`)

// checkSigsNotAlone checks that the attachment's signature blocks share
// their page with the end of the table (or the program table): they are
// never alone on a page.
func checkSigsNotAlone(t *testing.T, d *Document) {
	t.Helper()
	for _, r := range d.SigRects[min(2, len(d.SigRects)):] {
		found := false
		for _, b := range d.Pages[r.Page-1].Boxes {
			if b.Kind == Text && bodyCell.MatchString(b.Cell) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("the attachment signature of %s is alone on page %d", r.Party, r.Page)
		}
	}
}
