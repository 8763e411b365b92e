package verify

import (
	"fmt"

	"kinerja/docinfo"
	"kinerja/internal/pdfedit"
)

// The BSrE rule. BSrE's signer (its Esign Client Service, package bsre)
// does not fill a field of ours: each signature adds a new signature
// field merged with its widget, appended to /AcroForm /Fields (an
// /AcroForm is created when there is none: in the revision of the first
// signature, which no rule judges) and to the page's /Annots. bsreField
// allows exactly that and nothing more:
//   - the field is new, its own widget (no /Kids), /FT /Sig, signed in the
//     same revision (/V a /Type /Sig added with it);
//   - its /Rect lies inside the block docinfo reserves for a party (any of
//     the party's blocks, as the revision before says), and its /P is the
//     page of that block;
//   - its /AP is made of objects added with it;
//   - no certification with DocMDP /P 1 came before, and no signed
//     field's /Lock locks new fields (/All, /Exclude).
// The page may only gain the widget at the end of /Annots (pages), the
// catalog only /AcroForm, /DSS and /Perms (catalog), the /AcroForm only
// the field (acroForm). Whose signature it is follows from the block and
// the certificate (fieldParty, bindParty).

// reservedSlack is how far (points) a widget may stick out of a reserved
// block: rounding of the coordinates a signing service is given.
const reservedSlack = 1.0

// bsreField allows BSrE's signature field (see above).
func bsreField(j *judge, num uint32, f *pdfedit.Dict) bool {
	v := j.o.dict(j.n, get(f, "V"))
	if nameOf(get(f, "FT")) != "Sig" || nameOf(get(f, "Subtype")) != "Widget" || get(f, "Kids") != nil ||
		nameOf(get(v, "Type")) != "Sig" || !j.added[refOf(get(f, "V"))] {
		return false
	}
	switch {
	case j.locks.docMDP == 1:
		j.problem("new signature field %q (object %d) after a certification signature with DocMDP /P 1", pdfedit.Text(get(f, "T")), num)
		return false
	case j.locks.newLockedBy != "":
		j.problem("new signature field %q (object %d), but the /Lock of the signed field %q locks new fields", pdfedit.Text(get(f, "T")), num, j.locks.newLockedBy)
		return false
	}
	r, ok := rect(get(f, "Rect"))
	if !ok || !j.inReservedBlock(r, refOf(get(f, "P"))) {
		return false
	}
	if !j.appearance(sigField{num: num, name: pdfedit.Text(get(f, "T"))}, f) {
		return false
	}
	j.explain(num)
	j.filled[refOf(get(f, "V"))] = true
	j.widgets[num] = true
	return true
}

// inReservedBlock reports whether rectangle r on the page object page
// lies inside a block docinfo reserves for a signer, as the revision
// before says.
func (j *judge) inReservedBlock(r [4]float64, page uint32) bool {
	info := j.infoBefore()
	if info == nil || page == 0 {
		return false
	}
	for _, s := range info.Signers {
		for _, w := range signerBlocks(s) {
			if inBlock(r, w.Rect) && j.pageName(page) == fmt.Sprintf("page %d", w.Page) {
				return true
			}
		}
	}
	return false
}

// infoBefore is the kinerja info of the revision before this one.
func (j *judge) infoBefore() *docinfo.Info {
	rd := j.d.open(j.d.revs[j.n-1])
	if rd == nil {
		return nil
	}
	info, _ := docinfo.InfoFrom(rd)
	return info
}

// signerBlocks are every block reserved for s (Widgets, else Page and
// Rect for documents older than Format 6).
func signerBlocks(s docinfo.Signer) []docinfo.Widget {
	if len(s.Widgets) > 0 {
		return s.Widgets
	}
	return []docinfo.Widget{{Page: s.Page, Rect: s.Rect}}
}

// inBlock reports whether rectangle r lies inside block b (both
// normalised), give or take reservedSlack.
func inBlock(r, b [4]float64) bool {
	return (r[2]-r[0])*(r[3]-r[1]) > 0 && r[0] >= b[0]-reservedSlack && r[1] >= b[1]-reservedSlack &&
		r[2] <= b[2]+reservedSlack && r[3] <= b[3]+reservedSlack
}

// blockParty is the party whose reserved block holds a signature
// widget's rectangle r (any page), NoParty when none or several do.
func blockParty(info *docinfo.Info, r [4]float64) docinfo.Party {
	found := docinfo.NoParty
	for _, s := range info.Signers {
		for _, w := range signerBlocks(s) {
			if inBlock(r, w.Rect) {
				if found != docinfo.NoParty && found != s.Party {
					return docinfo.NoParty
				}
				found = s.Party
			}
		}
	}
	return found
}
