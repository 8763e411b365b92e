package layout

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // register JPEG for image.DecodeConfig
	_ "image/png"  // register PNG for image.DecodeConfig
	"strconv"

	"kinerja/data"
	"kinerja/layout/engine"
)

// Spaces between the parts of the statement page, in points.
const (
	logoHeight = 20 * mm
	gapSmall   = 4.0
	gapPara    = 8.0
	gapSection = 16.0
)

// statement lays out the statement page (and, if its text is too long, the
// portrait pages it flows onto).
func (d *agreementDoc) statement() error {
	d.NewPage(false)
	if err := d.logo(); err != nil {
		return err
	}
	steps := []func() error{d.letterhead, d.title, d.parties, d.promises, d.statementSignatures}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// logo places the letterhead logo centred at the top, logoHeight tall with
// its aspect ratio kept (narrower than the text width).
func (d *agreementDoc) logo() error {
	k := d.a.Kop
	if len(k.LogoData) == 0 {
		return nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(k.LogoData))
	if err != nil {
		return fmt.Errorf("logo %s: %w", k.Logo, err)
	}
	typ := map[string]string{"png": "PNG", "jpeg": "JPEG"}[format]
	if typ == "" || cfg.Width <= 0 || cfg.Height <= 0 {
		return fmt.Errorf("logo %s: unsupported %s image (want PNG or JPEG)", k.Logo, format)
	}
	h := logoHeight
	w := h * float64(cfg.Width) / float64(cfg.Height)
	if tw := d.Right - d.Left; w > tw {
		w, h = tw, tw*float64(cfg.Height)/float64(cfg.Width)
	}
	d.Add(Box{Kind: Image, X: (d.Left + d.Right - w) / 2, Y: d.Y, W: w, H: h, Name: "logo"})
	d.AddImage("logo", ImageData{Type: typ, Data: k.LogoData})
	d.Y += h + gapPara
	return nil
}

// letterhead sets the letterhead lines and a double rule under them.
func (d *agreementDoc) letterhead() error {
	if len(d.a.Kop.Baris) == 0 {
		return nil
	}
	for i, s := range d.a.Kop.Baris {
		if err := blockNoLone(d.Flow, s, bodyBold, d.Left, d.Right-d.Left, engine.AlignCenter, "kop."+strconv.Itoa(i)); err != nil {
			return err
		}
	}
	w := d.Right - d.Left
	d.Add(Box{Kind: Line, X: d.Left, Y: d.Y + 3, W: w, Stroke: 1.5},
		Box{Kind: Line, X: d.Left, Y: d.Y + 5.5, W: w, Stroke: 0.5})
	d.Y += 5.5 + gapSection
	return nil
}

// title sets the title lines and the optional number line.
func (d *agreementDoc) title() error {
	for i, s := range d.a.JudulBaris {
		if err := blockNoLone(d.Flow, s, bodyBold, d.Left, d.Right-d.Left, engine.AlignCenter, "judul."+strconv.Itoa(i)); err != nil {
			return err
		}
	}
	if !isBlank(d.a.Nomor) {
		if err := d.Block("NOMOR : "+d.a.Nomor, body, d.Left, d.Right-d.Left, engine.AlignCenter, "nomor"); err != nil {
			return err
		}
	}
	d.Gap(gapSection)
	return nil
}

// parties sets the opening paragraph and both parties' Nama/Jabatan blocks.
func (d *agreementDoc) parties() error {
	t, tw := d.a.Teks, d.Right-d.Left
	emph := []string{d.a.LabelPertama, d.a.LabelKedua}
	if err := d.Block(t.Pembuka, body, d.Left, tw, engine.AlignJustify, "pembuka", emph...); err != nil {
		return err
	}
	sebutan := []string{t.SebutanPertama, t.SebutanKedua}
	for i, p := range []data.Party{d.a.Pertama, d.a.Kedua} {
		who := partyKey[i]
		d.Gap(gapPara)
		rows := []kv{{"Nama", p.Nama, who + ".nama"}, {"Jabatan", p.Jabatan, who + ".jabatan"}}
		if err := d.kvBlock(rows, body, d.Left, tw); err != nil {
			return err
		}
		d.Gap(gapSmall)
		if err := d.Block(sebutan[i], body, d.Left, tw, engine.AlignLeft, who+".sebutan", emph...); err != nil {
			return err
		}
	}
	return nil
}

// partyKey names the parties in Box.Cell and SigRect.Party.
var partyKey = [2]string{"pertama", "kedua"}

// promises sets the two fixed paragraphs.
func (d *agreementDoc) promises() error {
	t, tw := d.a.Teks, d.Right-d.Left
	emph := []string{d.a.LabelPertama, d.a.LabelKedua}
	d.Gap(gapSection)
	if err := d.Block(t.Janji, body, d.Left, tw, engine.AlignJustify, "janji", emph...); err != nil {
		return err
	}
	d.Gap(gapPara)
	return d.Block(t.Supervisi, body, d.Left, tw, engine.AlignJustify, "supervisi", emph...)
}

// kv is one label : value row of an identity block.
type kv struct{ label, value, id string }

// kvBlock sets label : value rows with the colons aligned and the values
// wrapped with a hanging indent. It is kept on one page.
func (d *agreementDoc) kvBlock(rows []kv, st engine.Style, x, width float64) error {
	reg := d.Font(false)
	lw := 0.0
	for _, r := range rows {
		lw = max(lw, d.Width(reg, st.Size, r.label))
	}
	colon := x + lw + 2*d.Space(st.Size)
	vx := colon + d.Width(reg, st.Size, ":") + d.Space(st.Size)
	vals, h := make([][]engine.TextLine, len(rows)), 0.0
	for i, r := range rows {
		vals[i] = d.Wrap(r.value, st, x+width-vx)
		h += float64(max(1, len(vals[i]))) * st.Lead
	}
	if err := d.Ensure(h); err != nil {
		return err
	}
	off := engine.Baseline(st.Size, st.Lead)
	for i, r := range rows {
		d.Add(d.TextBox(r.label, d.Width(reg, st.Size, r.label), x, d.Y+off, st.Size, false, "label"),
			d.TextBox(":", d.Width(reg, st.Size, ":"), colon, d.Y+off, st.Size, false, "label"))
		d.Paragraph(vals[i], vx, x+width-vx, st, engine.AlignLeft, r.id)
		if len(vals[i]) == 0 {
			d.Y += st.Lead
		}
	}
	return nil
}

// placeDate returns the place and date line, "Jakarta, 2 Januari 2021" or
// "Jakarta, 2021" without a date (data.Agreement.TempatTanggal), or only
// the date when no place is set.
func placeDate(a *data.Agreement) string {
	if !isBlank(a.Tempat) {
		return a.TempatTanggal()
	}
	if a.Tanggal.IsZero() {
		return strconv.Itoa(a.Tahun)
	}
	return data.FormatTanggal(a.Tanggal)
}

// statementSignatures sets the date line in the right column and the two
// signature blocks: PIHAK KEDUA on the left, PIHAK PERTAMA on the right.
func (d *agreementDoc) statementSignatures() error {
	a := d.a
	k := sigCol{party: "kedua", pre: []piece{{a.LabelKedua + ",", "ttd.kedua.label", true}},
		jab: a.Kedua.JabatanTTD, p: a.Kedua, name: a.Kedua.Nama, key: "ttd.kedua"}
	p := sigCol{party: "pertama", pre: []piece{{a.LabelPertama + ",", "ttd.pertama.label", true}},
		jab: a.Pertama.JabatanTTD, p: a.Pertama, name: a.Pertama.Nama, key: "ttd.pertama"}
	d.Gap(gapSection + gapPara)
	return signatures(d.Flow, k, p, body, piece{placeDate(a), "tanggal", false}, false)
}
