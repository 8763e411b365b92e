// Package pdffont turns the embedded TrueType faces (package fonts) into
// the parts of a simple PDF TrueType font: the font descriptor values, the
// subset tag of the BaseFont name, the /ToUnicode CMap of an 8-bit
// encoding, the font file compressed, and a glyph subset of a face.
//
// Both writers of fonts use it: render, which prepares each face once per
// process for fpdf's font-definition route (subset cut by fpdf, whose
// bytes the render format pins), and sign/stamp, which embeds a subset of
// exactly the runes of one signature appearance, cut by Subset here in
// tens of microseconds (fpdf.UTF8CutFont re-parses the whole face and
// takes 0.5–2 ms per call).
//
// Limits: Subset handles TrueType outlines (glyf) only, no CFF, and keeps
// the hinting programs (cvt, fpgm, prep), OS/2 and name, dropping kerning,
// layout (GPOS/GSUB) and device tables: a simple font written with it draws
// with its advance widths, no kerning. The cmap of a subset maps only the
// runes asked for.
package pdffont
