package layout

import (
	"slices"
	"strconv"
	"strings"

	"kinerja/data"
	"kinerja/layout/engine"
)

// attachment lays out the landscape pages: title, identity block, the
// indicator tables, the optional program table and the signature blocks.
func (d *agreementDoc) attachment() error {
	statementPage := d.PageNo()
	d.NewPage(true)
	a, tw := d.a, d.Right-d.Left
	for i, line := range a.JudulLampiranBaris {
		if err := blockNoLone(d.Flow, line, attBold, d.Left, tw, engine.AlignCenter, "judul.lampiran"+lineSuffix(i)); err != nil {
			return err
		}
	}
	d.Gap(gapPara)
	if err := d.kvBlock(d.identity(), att, d.Left, tw); err != nil {
		return err
	}
	d.Gap(gapPara)
	k, p := d.attachmentSigCols(statementPage)
	tail := gapSection + sigHeight(d.Flow, k, p, att, d.attachmentDate(), false)
	if err := d.indicatorTables(tail); err != nil {
		return err
	}
	if len(a.Program) > 0 {
		if err := d.placeProgramTable(tail); err != nil {
			return err
		}
	}
	d.Gap(gapSection)
	return signatures(d.Flow, k, p, att, d.attachmentDate(), false)
}

// lineSuffix names the second and later lines of a multi-line text: ""
// for the first (the name the one-line text has always had), ".2" on.
func lineSuffix(i int) string {
	if i == 0 {
		return ""
	}
	return "." + strconv.Itoa(i+1)
}

// identity returns the rows of PIHAK PERTAMA's identity block, with the
// agreement's labels and its extra rows.
func (d *agreementDoc) identity() []kv {
	p, l := d.a.Pertama, d.a.Label
	rows := []kv{{l.Nama, p.NamaLampiran, "lampiran.nama"}}
	if !isBlank(p.NIP) {
		rows = append(rows, kv{l.NIP, nipDigits(p.NIPCetak), "lampiran.nip"})
	}
	rows = append(rows, kv{l.Jabatan, p.JabatanSingkat, "lampiran.jabatan"})
	if !isBlank(p.UnitKerja) {
		rows = append(rows, kv{l.UnitKerja, p.UnitKerja, "lampiran.unit"})
	}
	for i, r := range d.a.Identitas {
		rows = append(rows, kv{r.Label, r.Isi, "lampiran.identitas." + strconv.Itoa(i)})
	}
	return rows
}

// nipDigits returns the NIP as written without its "NIP" label, for the
// identity block, whose row label says NIP already.
func nipDigits(printed string) string {
	return strings.TrimLeft(strings.TrimPrefix(printed, "NIP"), ".: ")
}

// indicatorTables places the indicator tables: one, or a new one at
// every group with a title (a second table "Sasaran Kegiatan"). The last
// one carries the signature tail unless a program table follows.
func (d *agreementDoc) indicatorTables(tail float64) error {
	spans := tableSpans(d.a.Kelompok)
	for i, sp := range spans {
		g := &d.a.Kelompok[sp[0]]
		if i > 0 {
			d.Gap(gapSection)
		}
		t := d.indicatorTable(sp[0], sp[1])
		if i == len(spans)-1 && len(d.a.Program) == 0 {
			t.Tail = tail
		}
		if err := d.tableTitle(g.Judul, "k"+strconv.Itoa(sp[0])+".judul", t); err != nil {
			return err
		}
		if err := d.PlaceGrid(t); err != nil {
			return err
		}
	}
	return nil
}

// tableSpans splits the groups into tables: [first, end) index pairs,
// a new table at every group with a Judul after the first.
func tableSpans(gs []data.Group) [][2]int {
	var out [][2]int
	start := 0
	for i := 1; i <= len(gs); i++ {
		if i == len(gs) || !isBlank(gs[i].Judul) {
			out = append(out, [2]int{start, i})
			start = i
		}
	}
	return out
}

// tableTitle sets a table's title (bold, left) kept with the table's
// header and first lines.
func (d *agreementDoc) tableTitle(title, id string, t *engine.Grid) error {
	if isBlank(title) {
		return nil
	}
	lines := d.Wrap(title, attBold, d.Right-d.Left)
	if err := d.Ensure(float64(len(lines))*attLead + gapSmall + t.HeaderHeight() + t.LeadIn(0)); err != nil {
		return err
	}
	d.Paragraph(lines, d.Left, d.Right-d.Left, attBold, engine.AlignLeft, id)
	d.Y += gapSmall
	return nil
}

// indicatorTable builds the indicator table of groups [from, to) with
// its header.
func (d *agreementDoc) indicatorTable(from, to int) *engine.Grid {
	cols := d.columns(d.a.Kelompok[from:to])
	t := engine.NewGrid(d.Typesetter, d.Left, d.indicatorWidths(cols, d.Right-d.Left), cellStyle)
	t.SetHeader(cols.header(), cols.headRows())
	for gi := from; gi < to; gi++ {
		g := &d.a.Kelompok[gi]
		gid := "k" + strconv.Itoa(gi)
		if !isBlank(g.Nama) {
			cl := t.Cell(0, cols.n, g.Nama, cellBold, engine.AlignLeft, gid+".nama")
			cl.Fill = groupFill
			t.Bands = append(t.Bands, engine.Band{Rows: []engine.Row{{Cells: []engine.Cell{cl}}}, KeepNext: true})
		}
		for si := range g.Sasaran {
			t.Bands = append(t.Bands, d.sasaranBand(t, cols, &g.Sasaran[si], gid+".s"+strconv.Itoa(si)))
		}
	}
	return t
}

// sasaranBand returns the band of one sasaran: its NO and text as span
// cells (when the table has those columns), one row per indicator. A
// fragment that continues the band repeats the sasaran's text as its cue.
func (d *agreementDoc) sasaranBand(t *engine.Grid, cols colPlan, s *data.Sasaran, id string) engine.Band {
	var b engine.Band
	if c, ok := cols.at[data.KolomNo]; ok {
		cl := t.Cell(c, 1, strconv.Itoa(s.No), cellStyle, engine.AlignCenter, id+".no")
		cl.Cue = strconv.Itoa(s.No) + " " + engine.CueWord
		b.Span = append(b.Span, cl)
	}
	if c, ok := cols.at[data.KolomSasaran]; ok {
		cl := t.Cell(c, 1, s.Uraian, cellStyle, engine.AlignLeft, id+".uraian")
		cl.Cue = s.Uraian
		b.Span = append(b.Span, cl)
	}
	for ii := range s.Indikator {
		b.Rows = append(b.Rows, d.indicatorRow(t, cols, &s.Indikator[ii], id+".i"+strconv.Itoa(ii)))
	}
	if len(b.Rows) == 0 {
		b.Rows = []engine.Row{{}}
	}
	return b
}

// indicatorRow returns the cells of one indicator in the table's columns.
func (d *agreementDoc) indicatorRow(t *engine.Grid, cols colPlan, ind *data.Indicator, id string) engine.Row {
	var cells []engine.Cell
	add := func(key, text string, al engine.Align, suffix string) {
		if c, ok := cols.at[key]; ok {
			cells = append(cells, t.Cell(c, 1, text, cellStyle, al, id+suffix))
		}
	}
	add(data.KolomNoIndikator, strconv.Itoa(ind.No), engine.AlignCenter, ".no")
	add(data.KolomIndikator, ind.Indikator, engine.AlignLeft, ".indikator")
	add(data.KolomSumberData, ind.SumberData, engine.AlignLeft, ".sumber")
	add(data.KolomPengukuran, ind.Pengukuran, engine.AlignLeft, ".pengukuran")
	add(data.KolomSatuan, ind.SatuanTulis, engine.AlignCenter, ".satuan")
	if c, ok := cols.at[data.KolomTriwulan]; ok {
		for q := range ind.Triwulan {
			cells = append(cells, t.Cell(c+q, 1, ind.Triwulan[q].Text, cellStyle, engine.AlignCenter, id+".tw"+strconv.Itoa(q+1)))
		}
	}
	add(data.KolomTahunan, ind.Tahunan.Text, engine.AlignCenter, ".tahunan")
	add(data.KolomKeterangan, ind.Keterangan, engine.AlignCenter, ".keterangan")
	for i := range cells {
		switch {
		case strings.HasSuffix(cells[i].ID, ".no"):
			cells[i].Cue = strconv.Itoa(ind.No)
		case strings.HasSuffix(cells[i].ID, ".indikator"):
			cells[i].Cue = ind.Indikator
		}
	}
	slices.SortFunc(cells, func(x, y engine.Cell) int { return x.Col - y.Col })
	return engine.Row{Cells: cells}
}

// placeProgramTable places the program table after a gap, under its
// title when it has one; it carries the signature tail.
func (d *agreementDoc) placeProgramTable(tail float64) error {
	d.Gap(gapSection)
	pt := d.programTable()
	pt.Tail = tail
	title := d.Wrap(d.a.TabelProgram.Judul, attBold, d.Right-d.Left)
	if len(title) > 0 {
		d.KeepWhole(d.WholeHeight(pt, float64(len(title))*attLead+gapSmall))
	}
	if err := d.tableTitle(d.a.TabelProgram.Judul, "program.judul", pt); err != nil {
		return err
	}
	return d.PlaceGridWhole(pt)
}

// progPlan maps the program table's columns to grid columns.
func (d *agreementDoc) progPlan() colPlan {
	p := colPlan{at: map[string]int{}}
	for _, c := range d.a.TabelProgram.Kolom {
		p.cols = append(p.cols, c)
		p.at[c.Key] = p.n
		p.n++
	}
	return p
}

// programTable builds the program table (No, Program, Anggaran,
// Keterangan as the agreement lists them) with its total row. Kegiatan
// and sub-kegiatan rows follow their program, numbered 1.1 and 1.1.1;
// the total counts the top-level rows only.
func (d *agreementDoc) programTable() *engine.Grid {
	p := d.progPlan()
	t := engine.NewGrid(d.Typesetter, d.Left, d.programWidths(p, d.Right-d.Left), cellStyle)
	t.SetHeader(p.header(), 1)
	nums := programNumbers(d.a.Program)
	for i, pr := range d.a.Program {
		id := "p" + strconv.Itoa(i)
		st := cellStyle
		if pr.Tingkat == 0 && i+1 < len(d.a.Program) && d.a.Program[i+1].Tingkat > 0 {
			st = cellBold
		}
		t.Bands = append(t.Bands, engine.Band{Rows: []engine.Row{{Cells: p.cells(t, []progSpec{
			{data.KolomNo, nums[i], st, engine.AlignCenter, id + ".no"},
			{data.KolomProgram, pr.Program, st, engine.AlignLeft, id + ".program"},
			{data.KolomAnggaran, d.amount(pr.Anggaran), st, engine.AlignRight, id + ".anggaran"},
			{data.KolomKeterangan, pr.Keterangan, cellStyle, engine.AlignLeft, id + ".keterangan"},
		})}}})
	}
	t.Bands = append(t.Bands, engine.Band{Rows: []engine.Row{{Cells: d.totalCells(t, p)}}})
	return t
}

// progSpec is one program table cell before it is placed.
type progSpec struct {
	key, text string
	st        engine.Style
	al        engine.Align
	id        string
}

// cells returns the cells of the columns the table has.
func (p colPlan) cells(t *engine.Grid, in []progSpec) []engine.Cell {
	var out []engine.Cell
	for _, c := range in {
		if at, ok := p.at[c.key]; ok {
			out = append(out, t.Cell(at, 1, c.text, c.st, c.al, c.id))
		}
	}
	return out
}

// totalCells returns the total row: the label across the columns before
// Anggaran, the total, and the columns after it empty.
func (d *agreementDoc) totalCells(t *engine.Grid, p colPlan) []engine.Cell {
	at, ok := p.at[data.KolomAnggaran]
	if !ok {
		return []engine.Cell{t.Cell(0, p.n, d.a.TabelProgram.Jumlah, cellBold, engine.AlignCenter, "jumlah")}
	}
	var out []engine.Cell
	if at > 0 {
		out = append(out, t.Cell(0, at, d.a.TabelProgram.Jumlah, cellBold, engine.AlignCenter, "jumlah"))
	}
	out = append(out, t.Cell(at, 1, d.amount(d.a.TotalAnggaran()), cellBold, engine.AlignRight, "jumlah.anggaran"))
	if at+1 < p.n {
		out = append(out, t.Cell(at+1, p.n-at-1, "", cellStyle, engine.AlignLeft, "jumlah.keterangan"))
	}
	return out
}

// programNumbers numbers the program rows: 1, 2 for programs, 1.1 for a
// kegiatan, 1.1.1 for a sub-kegiatan.
func programNumbers(ps []data.Program) []string {
	out := make([]string, len(ps))
	var n [3]int
	for i, p := range ps {
		lv := min(max(p.Tingkat, 0), 2)
		n[lv]++
		for j := lv + 1; j < 3; j++ {
			n[j] = 0
		}
		parts := make([]string, lv+1)
		for j := range parts {
			parts[j] = strconv.Itoa(n[j])
		}
		out[i] = strings.Join(parts, ".")
	}
	return out
}

// amount formats rupiah as the agreement prints them: 1.250.000, with
// "Rp " before and ",00" after when it says so.
func (d *agreementDoc) amount(n int64) string {
	s := data.GroupThousands(strconv.FormatInt(n, 10))
	if d.a.TabelProgram.Sen {
		s += ",00"
	}
	if d.a.TabelProgram.Rp {
		s = "Rp " + s
	}
	return s
}

// attachmentSigCols returns the attachment's signature blocks: PIHAK KEDUA
// (left) and PIHAK PERTAMA (right), with the attachment's names and
// positions. They are kept together, and with the table's last row.
// When kinerja signs (tanda_tangan is not "bsre"), each block's signature
// space says where the electronic signatures are: the statement's
// signature page, whose fields kinerja sign fills (a second widget of the
// same field there is what pdfsig and MuPDF do not accept, package sign).
func (d *agreementDoc) attachmentSigCols(statementPage int) (k, p sigCol) {
	a := d.a
	k = sigCol{party: "kedua", p: a.Kedua, key: "lampiran.kedua",
		jab: a.Kedua.JabatanTTDLampiran, name: a.Kedua.NamaLampiran}
	p = sigCol{party: "pertama", p: a.Pertama, key: "lampiran.pertama",
		jab: a.Pertama.JabatanTTDLampiran, name: a.Pertama.NamaLampiran}
	if a.TandaTangan != data.SigningBSrE {
		k.notice = ElectronicNotice(statementPage)
		p.notice = k.notice
	}
	return k, p
}

// ElectronicNotice is the text printed in the attachment's signature
// spaces of a document kinerja signs: the signatures are electronic and
// stand on page statementPage.
func ElectronicNotice(statementPage int) string {
	return "Ditandatangani secara elektronik\n(lihat tanda tangan pada halaman " + strconv.Itoa(statementPage) + ")"
}

// attachmentDate is the place and date line of the attachment signatures.
func (d *agreementDoc) attachmentDate() piece {
	return piece{placeDate(d.a), "lampiran.tanggal", false}
}
