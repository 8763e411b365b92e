package render

import (
	"kinerja/docinfo"
	"kinerja/layout"
)

// tagSize is the font size of the BSrE tag marker, in points.
const tagSize = 2

// withTags returns doc with the marker docinfo.Tag(party) added at the
// top left of every signature rectangle, white and tagSize points high,
// for a signing service that places its appearance by a text tag
// (tanda_tangan = "bsre"). doc itself is not modified; a document
// without text (no font to print with) is returned as it is.
func withTags(doc *layout.Document) *layout.Document {
	font, ok := firstFont(doc)
	if !ok || len(doc.SigRects) == 0 {
		return doc
	}
	out := *doc
	out.Pages = append([]layout.Page(nil), doc.Pages...)
	for _, r := range doc.SigRects {
		if r.Page < 1 || r.Page > len(out.Pages) {
			continue
		}
		p := &out.Pages[r.Page-1]
		p.Boxes = append(append([]layout.Box(nil), p.Boxes...), layout.Box{
			Kind: layout.Text, X: r.X + 1, Y: r.Y + tagSize + 1, H: tagSize, Size: tagSize,
			Font: font, Fill: 1, Color: "#ffffff", Text: docinfo.Tag(docinfo.Party(r.Party)), Cell: "bsre-tag",
		})
	}
	return &out
}

// firstFont returns the font of the first text box of doc.
func firstFont(doc *layout.Document) (layout.Font, bool) {
	for _, p := range doc.Pages {
		for _, b := range p.Boxes {
			if b.Kind == layout.Text && b.Text != "" {
				return b.Font, true
			}
		}
	}
	return layout.Font{}, false
}
