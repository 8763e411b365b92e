package layout

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // register JPEG for image.DecodeConfig
	_ "image/png"  // register PNG for image.DecodeConfig
	"strconv"

	"kinerja/data"
)

// Spaces between the parts of the statement page, in points.
const (
	logoHeight = 20 * mm
	gapSmall   = 4.0
	gapPara    = 8.0
	gapSection = 16.0
)

// body is the style of the statement page's text; bodyBold its bold form.
var (
	body     = style{size: bodySize, lead: bodyLead}
	bodyBold = style{size: bodySize, lead: bodyLead, bold: true}
)

// statement lays out the statement page (and, if its text is too long, the
// portrait pages it flows onto).
func (c *ctx) statement() error {
	c.newPage(false)
	if err := c.logo(); err != nil {
		return err
	}
	steps := []func() error{c.letterhead, c.title, c.parties, c.promises, c.statementSignatures}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// logo places the letterhead logo centred at the top, logoHeight tall with
// its aspect ratio kept (narrower than the text width).
func (c *ctx) logo() error {
	k := c.a.Kop
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
	if tw := c.right - c.left; w > tw {
		w, h = tw, tw*float64(cfg.Height)/float64(cfg.Width)
	}
	c.add(Box{Kind: Image, X: (c.left + c.right - w) / 2, Y: c.y, W: w, H: h, Name: "logo"})
	c.doc.Images["logo"] = ImageData{Type: typ, Data: k.LogoData}
	c.y += h + gapPara
	return nil
}

// letterhead sets the letterhead lines and a double rule under them.
func (c *ctx) letterhead() error {
	if len(c.a.Kop.Baris) == 0 {
		return nil
	}
	for i, s := range c.a.Kop.Baris {
		if err := c.block(s, bodyBold, c.left, c.right-c.left, alCenter, "kop."+strconv.Itoa(i)); err != nil {
			return err
		}
	}
	w := c.right - c.left
	c.add(Box{Kind: Line, X: c.left, Y: c.y + 3, W: w, Stroke: 1.5},
		Box{Kind: Line, X: c.left, Y: c.y + 5.5, W: w, Stroke: 0.5})
	c.y += 5.5 + gapSection
	return nil
}

// title sets the title lines and the optional number line.
func (c *ctx) title() error {
	for i, s := range c.a.JudulBaris {
		if err := c.block(s, bodyBold, c.left, c.right-c.left, alCenter, "judul."+strconv.Itoa(i)); err != nil {
			return err
		}
	}
	if !isBlank(c.a.Nomor) {
		if err := c.block("NOMOR : "+c.a.Nomor, body, c.left, c.right-c.left, alCenter, "nomor"); err != nil {
			return err
		}
	}
	c.gap(gapSection)
	return nil
}

// parties sets the opening paragraph and both parties' Nama/Jabatan blocks.
func (c *ctx) parties() error {
	t, tw := c.a.Teks, c.right-c.left
	emph := []string{c.a.LabelPertama, c.a.LabelKedua}
	if err := c.block(t.Pembuka, body, c.left, tw, alJustify, "pembuka", emph...); err != nil {
		return err
	}
	sebutan := []string{t.SebutanPertama, t.SebutanKedua}
	for i, p := range []data.Party{c.a.Pertama, c.a.Kedua} {
		who := partyKey[i]
		c.gap(gapPara)
		rows := []kv{{"Nama", p.Nama, who + ".nama"}, {"Jabatan", p.Jabatan, who + ".jabatan"}}
		if err := c.kvBlock(rows, body, c.left, tw); err != nil {
			return err
		}
		c.gap(gapSmall)
		if err := c.block(sebutan[i], body, c.left, tw, alLeft, who+".sebutan", emph...); err != nil {
			return err
		}
	}
	return nil
}

// partyKey names the parties in Box.Cell and SigRect.Party.
var partyKey = [2]string{"pertama", "kedua"}

// promises sets the two fixed paragraphs.
func (c *ctx) promises() error {
	t, tw := c.a.Teks, c.right-c.left
	emph := []string{c.a.LabelPertama, c.a.LabelKedua}
	c.gap(gapSection)
	if err := c.block(t.Janji, body, c.left, tw, alJustify, "janji", emph...); err != nil {
		return err
	}
	c.gap(gapPara)
	return c.block(t.Supervisi, body, c.left, tw, alJustify, "supervisi", emph...)
}

// kv is one label : value row of an identity block.
type kv struct{ label, value, id string }

// kvBlock sets label : value rows with the colons aligned and the values
// wrapped with a hanging indent. It is kept on one page.
func (c *ctx) kvBlock(rows []kv, st style, x, width float64) error {
	reg := c.font(false)
	lw := 0.0
	for _, r := range rows {
		lw = max(lw, c.width(reg, st.size, r.label))
	}
	colon := x + lw + 2*c.space(st.size)
	vx := colon + c.width(reg, st.size, ":") + c.space(st.size)
	vals, h := make([][]line, len(rows)), 0.0
	for i, r := range rows {
		vals[i] = c.wrap(r.value, st, x+width-vx)
		h += float64(max(1, len(vals[i]))) * st.lead
	}
	if err := c.ensure(h); err != nil {
		return err
	}
	off := baseline(st.size, st.lead)
	for i, r := range rows {
		c.add(c.textBox(r.label, c.width(reg, st.size, r.label), x, c.y+off, st.size, false, "label"),
			c.textBox(":", c.width(reg, st.size, ":"), colon, c.y+off, st.size, false, "label"))
		c.paragraph(vals[i], vx, x+width-vx, st, alLeft, r.id)
		if len(vals[i]) == 0 {
			c.y += st.lead
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
func (c *ctx) statementSignatures() error {
	a := c.a
	k := sigCol{party: "kedua", pre: []piece{{a.LabelKedua + ",", "ttd.kedua.label", true}},
		jab: a.Kedua.JabatanTTD, p: a.Kedua, name: a.Kedua.Nama, key: "ttd.kedua"}
	p := sigCol{party: "pertama", pre: []piece{{a.LabelPertama + ",", "ttd.pertama.label", true}},
		jab: a.Pertama.JabatanTTD, p: a.Pertama, name: a.Pertama.Nama, key: "ttd.pertama"}
	c.gap(gapSection + gapPara)
	return c.signatures(k, p, body, piece{placeDate(a), "tanggal", false}, false)
}
