// Package engine is the layout engine under the document templates: it
// turns text, grids and blocks into pages of positioned boxes. It knows
// nothing of agreements or reports (it imports neither kinerja/data nor
// kinerja/report, which a test checks) and no PDF package: widths come
// only from a Measurer, and the result is a Document of boxes that a
// renderer draws.
//
// # What it owns
//
//   - Boxes (box.go): Font, Measurer, Box, Page, SigRect, Document, and
//     Dump, their plain-text form for golden tests.
//   - The Typesetter (typeset.go, text.go): measuring with a per-document
//     cache, greedy line breaking, words set bold inside a paragraph,
//     words wider than the measure broken between characters, and the
//     boxes of a line (justified lines place each word as its own box,
//     because fpdf's word spacing does not work with UTF-8 fonts).
//   - The Flow (flow.go, frame.go): the document being built, the cursor
//     on its last page, keep-together blocks (Ensure, Block), and the page
//     Frame: paper, margins, the footer text and the page number line.
//   - Grids (grid.go, header.go, rowspan.go, cue.go, columns.go,
//     layouter.go). Following Typst, where grid and table elements both
//     resolve into one CellGrid laid out by one GridLayouter, every table
//     of every template is a Grid placed by one gridLayouter; row-spans
//     and repeated headers have files of their own. Column widths come
//     from Allot over ColSpecs.
//
// Ownership is split by who changes what: the Typesetter holds only the
// measure cache; the Flow holds the pages and the cursor; a Grid is built
// once by a template and never changed by placing it; the gridLayouter
// holds the placement state of one grid. Templates hold their model.
//
// # Units and coordinates
//
// Every length is in PDF points (1/72 inch, MM = 72/25.4 pt). The origin
// is the top-left corner of the page and y grows downwards. A Text box's
// Y is its baseline, its W the measured width and H the font size.
// Page.Width and Page.Height are the page as seen: landscape pages are
// wider than tall.
//
// # Grids and pagination
//
// A Grid has a header (HeaderCells spanning rows and columns, laid out
// once and repeated at the top of every page the grid continues on) and
// bands. A band is a unit of rows: a plain row, a group row kept with the
// band after it (KeepNext), or rows with span cells running down beside
// all of them (a row-span). PlaceGrid applies these rules:
//
//   - A row of at most six lines (keepRow) that does not fit in the space
//     left moves to the next page whole, so short rows are never cut.
//   - A taller row is split after a whole line; all its cells split after
//     the same line and continue on the next page, however many pages that
//     takes. Span cells continue beside the rows placed on each page,
//     drawn as one frame per page.
//   - No single line of a row is left alone before or after a break when
//     that can be avoided (a row starts on a new page instead).
//   - A fragment that continues a row or band shows, in its cells that
//     have no text left, the cell's Cue in 7 pt grey ("3 (lanjutan)", the
//     sasaran's text, the indicator's name; the one cue word "(lanjutan)"
//     moves to the next span cell when the column is too narrow for it,
//     and is left out where it fits nowhere).
//   - Grid.Tail is kept with the last band: when both do not fit, that
//     band moves to a new page (under the repeated header) with it.
//     PlaceGridWhole moves a grid that fits on one page to a new page
//     rather than cut it.
//
// Column widths (Allot): narrow columns get what their content asks for up
// to a cap; sharing columns split the rest by weight. No column is made
// narrower than its longest word when the table can afford it; narrow
// columns give up their air first; only when the minimums together exceed
// the width are the widest columns cut to a common width.
//
// # Known limits
//
//   - Greedy line breaking, no hyphenation; a justified line with few long
//     words can look loose.
//   - Every cell of a grid uses one size and leading, which is what lets
//     rows split at one common y. Cells are top aligned.
//   - A newline in a cell is a line break; blank lines add no extra space.
//   - The vertical metrics are approximated (ascent 0.8 em); the Measurer
//     gives widths only.
//   - A grid header that does not fit on an empty page with one line of
//     the first row, or a Block taller than a page, is an error
//     (ErrNoSpace).
//   - Layout is deterministic: no map is ranged over to emit boxes, and
//     floats are left unrounded for the renderer to format.
package engine
