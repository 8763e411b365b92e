package layout

import (
	"strconv"
	"strings"

	"kinerja/data"
)

// att and attBold are the styles of the attachment's title block and
// signature blocks.
var (
	att     = style{size: attSize, lead: attLead}
	attBold = style{size: attSize, lead: attLead, bold: true}
)

// Indicator table columns.
const (
	colNo = iota
	colSasaran
	colNoInd
	colIndikator
	colSumber
	colPengukuran
	colTW1     // colTW1..colTW1+3: quarters I..IV
	colTahunan = colTW1 + 4
	colKet     = colTahunan + 1
	numCols    = colKet + 1
)

// attachment lays out the landscape pages: title, identity block, the
// indicator table, the optional program table and the signature blocks.
func (c *ctx) attachment() error {
	c.newPage(true)
	a, tw := c.a, c.right-c.left
	if err := c.block(a.JudulLampiran, attBold, c.left, tw, alCenter, "judul.lampiran"); err != nil {
		return err
	}
	c.gap(gapPara)
	if err := c.kvBlock(c.identity(), att, c.left, tw); err != nil {
		return err
	}
	c.gap(gapPara)
	k, p := c.attachmentSigCols()
	tail := gapSection + c.sigHeight(k, p, att, c.attachmentDate(), true)
	it := c.indicatorTable()
	if len(a.Program) == 0 {
		it.tail = tail
	}
	if err := c.place(it); err != nil {
		return err
	}
	if len(a.Program) > 0 {
		c.gap(gapSection)
		pt := c.programTable()
		pt.tail = tail
		if err := c.placeWhole(pt); err != nil {
			return err
		}
	}
	c.gap(gapSection)
	return c.signatures(k, p, att, c.attachmentDate(), true)
}

// placeWhole places t, first moving to a new page when the whole table
// (with its tail, when that fits too) would fit on an empty page but not in
// the space left, so that a short table (the program table) is not cut
// before its last rows and total.
func (c *ctx) placeWhole(t *table) error {
	keep := t.headH + t.height()
	if keep+t.tail <= c.bottom-c.top {
		keep += t.tail
	}
	if keep <= c.bottom-c.top {
		if err := c.ensure(keep); err != nil {
			return err
		}
	}
	return c.place(t)
}

// identity returns the rows of PIHAK PERTAMA's identity block.
func (c *ctx) identity() []kv {
	p := c.a.Pertama
	rows := []kv{{"Nama", p.NamaLampiran, "lampiran.nama"}}
	if !isBlank(p.NIP) {
		rows = append(rows, kv{"NIP", p.NIP, "lampiran.nip"})
	}
	rows = append(rows, kv{"Jabatan", p.JabatanSingkat, "lampiran.jabatan"})
	if !isBlank(p.UnitKerja) {
		rows = append(rows, kv{"Unit Kerja", p.UnitKerja, "lampiran.unit"})
	}
	return rows
}

// indicatorTable builds the indicator table with its two-row header.
func (c *ctx) indicatorTable() *table {
	t := newTable(c.left, c.indicatorWidths(c.right-c.left), cellStyle)
	c.setHeader(t, indicatorHeader(), 2)
	for gi := range c.a.Kelompok {
		g := &c.a.Kelompok[gi]
		gid := "k" + strconv.Itoa(gi)
		if !isBlank(g.Nama) {
			cl := c.newCell(t, 0, numCols, g.Nama, cellBold, alLeft, gid+".nama")
			cl.fill = groupFill
			t.bands = append(t.bands, band{rows: []row{{cells: []cell{cl}}}, keepNext: true})
		}
		for si := range g.Sasaran {
			t.bands = append(t.bands, c.sasaranBand(t, &g.Sasaran[si], gid+".s"+strconv.Itoa(si)))
		}
	}
	return t
}

// indicatorHeader is the two-row header: Triwulan spans the four quarter
// columns, every other cell spans both rows.
func indicatorHeader() []hcell {
	h := []hcell{{0, 2, colNo, 1, "NO"}, {0, 2, colSasaran, 1, "Sasaran"}, {0, 2, colNoInd, 1, "NO"},
		{0, 2, colIndikator, 1, "Indikator Kinerja"}, {0, 2, colSumber, 1, "Sumber Data"},
		{0, 2, colPengukuran, 1, "Pengukuran Kinerja"}, {0, 1, colTW1, 4, "Triwulan"},
		{0, 2, colTahunan, 1, "Tahunan"}, {0, 2, colKet, 1, "Keterangan"}}
	for i, q := range []string{"I", "II", "III", "IV"} {
		h = append(h, hcell{1, 1, colTW1 + i, 1, q})
	}
	return h
}

// sasaranBand returns the band of one sasaran: NO and text as span cells,
// one row per indicator.
func (c *ctx) sasaranBand(t *table, s *data.Sasaran, id string) band {
	b := band{span: []cell{
		c.newCell(t, colNo, 1, strconv.Itoa(s.No), cellStyle, alCenter, id+".no"),
		c.newCell(t, colSasaran, 1, s.Uraian, cellStyle, alLeft, id+".uraian"),
	}}
	b.span[0].cue = strconv.Itoa(s.No) + " " + cueWord
	for ii := range s.Indikator {
		b.rows = append(b.rows, c.indicatorRow(t, &s.Indikator[ii], ii, id+".i"+strconv.Itoa(ii)))
	}
	if len(b.rows) == 0 {
		b.rows = []row{{}}
	}
	return b
}

// indicatorRow returns the cells of one indicator.
func (c *ctx) indicatorRow(t *table, ind *data.Indicator, i int, id string) row {
	no := ind.No
	cells := []cell{
		c.newCell(t, colNoInd, 1, strconv.Itoa(no), cellStyle, alCenter, id+".no"),
		c.newCell(t, colIndikator, 1, ind.Indikator, cellStyle, alLeft, id+".indikator"),
		c.newCell(t, colSumber, 1, ind.SumberData, cellStyle, alLeft, id+".sumber"),
		c.newCell(t, colPengukuran, 1, ind.Pengukuran, cellStyle, alLeft, id+".pengukuran"),
	}
	for q := range ind.Triwulan {
		cells = append(cells, c.newCell(t, colTW1+q, 1, ind.Triwulan[q].Text, cellStyle, alCenter,
			id+".tw"+strconv.Itoa(q+1)))
	}
	cells = append(cells,
		c.newCell(t, colTahunan, 1, ind.Tahunan.Text, cellStyle, alCenter, id+".tahunan"),
		c.newCell(t, colKet, 1, ind.Keterangan, cellStyle, alCenter, id+".keterangan"))
	cells[0].cue = strconv.Itoa(no)
	return row{cells: cells}
}

// Program table columns.
const (
	colProgram = iota
	colAnggaran
	colProgKet
)

// programTable builds the Program | Anggaran (Rp) | Keterangan table with
// a JUMLAH row.
func (c *ctx) programTable() *table {
	t := newTable(c.left, c.programWidths(c.right-c.left), cellStyle)
	c.setHeader(t, []hcell{{0, 1, colProgram, 1, "Program"}, {0, 1, colAnggaran, 1, "Anggaran (Rp)"},
		{0, 1, colProgKet, 1, "Keterangan"}}, 1)
	var total int64
	for i, p := range c.a.Program {
		id := "p" + strconv.Itoa(i)
		total += p.Anggaran
		t.bands = append(t.bands, band{rows: []row{{cells: []cell{
			c.newCell(t, colProgram, 1, p.Program, cellStyle, alLeft, id+".program"),
			c.newCell(t, colAnggaran, 1, rupiah(p.Anggaran), cellStyle, alRight, id+".anggaran"),
			c.newCell(t, colProgKet, 1, p.Keterangan, cellStyle, alLeft, id+".keterangan"),
		}}}})
	}
	t.bands = append(t.bands, band{rows: []row{{cells: []cell{
		c.newCell(t, colProgram, 1, "JUMLAH", cellBold, alCenter, "jumlah"),
		c.newCell(t, colAnggaran, 1, rupiah(total), cellBold, alRight, "jumlah.anggaran"),
		c.newCell(t, colProgKet, 1, "", cellStyle, alLeft, "jumlah.keterangan"),
	}}}})
	return t
}

// rupiah formats n with the Indonesian thousands separator: 1.234.567.
func rupiah(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// attachmentSigCols returns the attachment's signature blocks: PIHAK KEDUA
// (left) and PIHAK PERTAMA (right), with the attachment's names and
// positions. They are kept together, and with the table's last row.
func (c *ctx) attachmentSigCols() (k, p sigCol) {
	a := c.a
	k = sigCol{party: "kedua", p: a.Kedua, key: "lampiran.kedua",
		jab: a.Kedua.JabatanTTDLampiran, name: a.Kedua.NamaLampiran}
	p = sigCol{party: "pertama", p: a.Pertama, key: "lampiran.pertama",
		jab: a.Pertama.JabatanTTDLampiran, name: a.Pertama.NamaLampiran}
	return k, p
}

// attachmentDate is the place and date line of the attachment signatures.
func (c *ctx) attachmentDate() piece {
	return piece{placeDate(c.a), "lampiran.tanggal", false}
}
