package layout

import (
	"strconv"
	"strings"

	"kinerja/data"
	"kinerja/layout/engine"
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
func (d *agreementDoc) attachment() error {
	d.NewPage(true)
	a, tw := d.a, d.Right-d.Left
	if err := d.Block(a.JudulLampiran, attBold, d.Left, tw, engine.AlignCenter, "judul.lampiran"); err != nil {
		return err
	}
	d.Gap(gapPara)
	if err := d.kvBlock(d.identity(), att, d.Left, tw); err != nil {
		return err
	}
	d.Gap(gapPara)
	k, p := d.attachmentSigCols()
	tail := gapSection + sigHeight(d.Flow, k, p, att, d.attachmentDate(), true)
	it := d.indicatorTable()
	if len(a.Program) == 0 {
		it.Tail = tail
	}
	if err := d.PlaceGrid(it); err != nil {
		return err
	}
	if len(a.Program) > 0 {
		d.Gap(gapSection)
		pt := d.programTable()
		pt.Tail = tail
		if err := d.PlaceGridWhole(pt); err != nil {
			return err
		}
	}
	d.Gap(gapSection)
	return signatures(d.Flow, k, p, att, d.attachmentDate(), true)
}

// identity returns the rows of PIHAK PERTAMA's identity block.
func (d *agreementDoc) identity() []kv {
	p := d.a.Pertama
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
func (d *agreementDoc) indicatorTable() *engine.Grid {
	t := engine.NewGrid(d.Typesetter, d.Left, d.indicatorWidths(d.Right-d.Left), cellStyle)
	t.SetHeader(indicatorHeader(), 2)
	for gi := range d.a.Kelompok {
		g := &d.a.Kelompok[gi]
		gid := "k" + strconv.Itoa(gi)
		if !isBlank(g.Nama) {
			cl := t.Cell(0, numCols, g.Nama, cellBold, engine.AlignLeft, gid+".nama")
			cl.Fill = groupFill
			t.Bands = append(t.Bands, engine.Band{Rows: []engine.Row{{Cells: []engine.Cell{cl}}}, KeepNext: true})
		}
		for si := range g.Sasaran {
			t.Bands = append(t.Bands, d.sasaranBand(t, &g.Sasaran[si], gid+".s"+strconv.Itoa(si)))
		}
	}
	return t
}

// indicatorHeader is the two-row header: Triwulan spans the four quarter
// columns, every other cell spans both rows.
func indicatorHeader() []engine.HeaderCell {
	h := []engine.HeaderCell{hc(0, 2, colNo, 1, "NO"), hc(0, 2, colSasaran, 1, "Sasaran"), hc(0, 2, colNoInd, 1, "NO"),
		hc(0, 2, colIndikator, 1, "Indikator Kinerja"), hc(0, 2, colSumber, 1, "Sumber Data"),
		hc(0, 2, colPengukuran, 1, "Pengukuran Kinerja"), hc(0, 1, colTW1, 4, "Triwulan"),
		hc(0, 2, colTahunan, 1, "Tahunan"), hc(0, 2, colKet, 1, "Keterangan")}
	for i, q := range []string{"I", "II", "III", "IV"} {
		h = append(h, hc(1, 1, colTW1+i, 1, q))
	}
	return h
}

// sasaranBand returns the band of one sasaran: NO and text as span cells,
// one row per indicator.
func (d *agreementDoc) sasaranBand(t *engine.Grid, s *data.Sasaran, id string) engine.Band {
	b := engine.Band{Span: []engine.Cell{
		t.Cell(colNo, 1, strconv.Itoa(s.No), cellStyle, engine.AlignCenter, id+".no"),
		t.Cell(colSasaran, 1, s.Uraian, cellStyle, engine.AlignLeft, id+".uraian"),
	}}
	b.Span[0].Cue = strconv.Itoa(s.No) + " " + engine.CueWord
	for ii := range s.Indikator {
		b.Rows = append(b.Rows, d.indicatorRow(t, &s.Indikator[ii], ii, id+".i"+strconv.Itoa(ii)))
	}
	if len(b.Rows) == 0 {
		b.Rows = []engine.Row{{}}
	}
	return b
}

// indicatorRow returns the cells of one indicator.
func (d *agreementDoc) indicatorRow(t *engine.Grid, ind *data.Indicator, i int, id string) engine.Row {
	no := ind.No
	cells := []engine.Cell{
		t.Cell(colNoInd, 1, strconv.Itoa(no), cellStyle, engine.AlignCenter, id+".no"),
		t.Cell(colIndikator, 1, ind.Indikator, cellStyle, engine.AlignLeft, id+".indikator"),
		t.Cell(colSumber, 1, ind.SumberData, cellStyle, engine.AlignLeft, id+".sumber"),
		t.Cell(colPengukuran, 1, ind.Pengukuran, cellStyle, engine.AlignLeft, id+".pengukuran"),
	}
	for q := range ind.Triwulan {
		cells = append(cells, t.Cell(colTW1+q, 1, ind.Triwulan[q].Text, cellStyle, engine.AlignCenter,
			id+".tw"+strconv.Itoa(q+1)))
	}
	cells = append(cells,
		t.Cell(colTahunan, 1, ind.Tahunan.Text, cellStyle, engine.AlignCenter, id+".tahunan"),
		t.Cell(colKet, 1, ind.Keterangan, cellStyle, engine.AlignCenter, id+".keterangan"))
	cells[0].Cue = strconv.Itoa(no)
	return engine.Row{Cells: cells}
}

// Program table columns.
const (
	colProgram = iota
	colAnggaran
	colProgKet
)

// programTable builds the Program | Anggaran (Rp) | Keterangan table with
// a JUMLAH row.
func (d *agreementDoc) programTable() *engine.Grid {
	t := engine.NewGrid(d.Typesetter, d.Left, d.programWidths(d.Right-d.Left), cellStyle)
	t.SetHeader([]engine.HeaderCell{hc(0, 1, colProgram, 1, "Program"), hc(0, 1, colAnggaran, 1, "Anggaran (Rp)"),
		hc(0, 1, colProgKet, 1, "Keterangan")}, 1)
	var total int64
	for i, p := range d.a.Program {
		id := "p" + strconv.Itoa(i)
		total += p.Anggaran
		t.Bands = append(t.Bands, engine.Band{Rows: []engine.Row{{Cells: []engine.Cell{
			t.Cell(colProgram, 1, p.Program, cellStyle, engine.AlignLeft, id+".program"),
			t.Cell(colAnggaran, 1, rupiah(p.Anggaran), cellStyle, engine.AlignRight, id+".anggaran"),
			t.Cell(colProgKet, 1, p.Keterangan, cellStyle, engine.AlignLeft, id+".keterangan"),
		}}}})
	}
	t.Bands = append(t.Bands, engine.Band{Rows: []engine.Row{{Cells: []engine.Cell{
		t.Cell(colProgram, 1, "JUMLAH", cellBold, engine.AlignCenter, "jumlah"),
		t.Cell(colAnggaran, 1, rupiah(total), cellBold, engine.AlignRight, "jumlah.anggaran"),
		t.Cell(colProgKet, 1, "", cellStyle, engine.AlignLeft, "jumlah.keterangan"),
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
func (d *agreementDoc) attachmentSigCols() (k, p sigCol) {
	a := d.a
	k = sigCol{party: "kedua", p: a.Kedua, key: "lampiran.kedua",
		jab: a.Kedua.JabatanTTDLampiran, name: a.Kedua.NamaLampiran}
	p = sigCol{party: "pertama", p: a.Pertama, key: "lampiran.pertama",
		jab: a.Pertama.JabatanTTDLampiran, name: a.Pertama.NamaLampiran}
	return k, p
}

// attachmentDate is the place and date line of the attachment signatures.
func (d *agreementDoc) attachmentDate() piece {
	return piece{placeDate(d.a), "lampiran.tanggal", false}
}
