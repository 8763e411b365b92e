package verify

import (
	"github.com/digitorus/pdf"

	"kinerja/docinfo"
	"kinerja/internal/pdfedit"
)

// The legacy rule: what pdfsign (github.com/digitorus/pdfsign, the
// signer before kinerja's own) writes at every signature, allowed only
// where it changes nothing that is shown:
//   - a new signature field that is its own widget, signed in the same
//     revision (/V a /Type /Sig added with it), inside a party's reserved
//     signature box (docinfo) or invisible (no area), not after a
//     certification with DocMDP /P 1 nor after a /Lock /All;
//   - the page that lists it, rewritten with /Resources inlined: equal by
//     meaning (references resolved) except /Annots;
//   - a new catalog object, equal by meaning except /AcroForm, /Version
//     and an empty /Names /EmbeddedFiles it adds.
//
// TODO(pades): remove this file (and its entries in newFieldRules, catalog
// and pages) when the branch "pades" replaces pdfsign with kinerja's own
// signer, which fills the fields render makes and rewrites neither pages
// nor the catalog. Nothing else in the policy depends on it.

// reservedSlack is how far (in points) a legacy widget may stick out of
// the reserved box (pdfsign writes six decimals).
const reservedSlack = 0.01

// legacyPdfsignField allows pdfsign's signature field (see above).
func legacyPdfsignField(j *judge, num uint32, f *pdfedit.Dict) bool {
	v := j.o.dict(j.n, get(f, "V"))
	if nameOf(get(f, "FT")) != "Sig" || nameOf(get(f, "Subtype")) != "Widget" || get(f, "Kids") != nil ||
		nameOf(get(v, "Type")) != "Sig" || !j.added[refOf(get(f, "V"))] {
		return false
	}
	if j.locks.docMDP == 1 || j.locks.lockAll || !zeroArea(get(f, "Rect")) && !j.inReservedBox(get(f, "Rect")) {
		return false
	}
	for _, r := range refsIn(get(f, "AP"), nil) {
		if !j.added[r] {
			return false
		}
	}
	j.explain(num)
	j.filled[refOf(get(f, "V"))] = true
	j.widgets[num] = true
	return true
}

// inReservedBox reports whether a /Rect lies inside a signer's reserved
// box (any page: pdfsign's /P is checked by the page that lists it), as
// the revision before says (a revision may replace the metadata too).
func (j *judge) inReservedBox(v pdfedit.Value) bool {
	r, ok := rect(v)
	var info *docinfo.Info
	if rd := j.d.open(j.d.revs[j.n-1]); rd != nil {
		info, _ = docinfo.InfoFrom(rd)
	}
	if !ok || info == nil {
		return false
	}
	for _, s := range info.Signers {
		if inBox(r, s.Rect) {
			return true
		}
	}
	return false
}

// inBox reports whether rectangle r lies inside box b (both normalised).
func inBox(r, b [4]float64) bool {
	return r[0] >= b[0]-reservedSlack && r[1] >= b[1]-reservedSlack && r[2] <= b[2]+reservedSlack && r[3] <= b[3]+reservedSlack
}

// legacyPage reports whether page num means the same before and after
// pdfsign's rewrite, /Annots aside.
func (j *judge) legacyPage(num uint32) bool {
	before, after := j.readerValue(j.n-1, num), j.readerValue(j.n, num)
	if before.Kind() != pdf.Dict || after.Kind() != pdf.Dict {
		return false
	}
	c := newCanonizer(j.d)
	same := c.canon(before, "Annots") == c.canon(after, "Annots")
	return same && !c.over
}

// legacyCatalog explains pdfsign's new catalog object rootN.
func (j *judge) legacyCatalog(rootB, rootN uint32) bool {
	if !j.added[rootN] {
		return false
	}
	before, after := j.readerValue(j.n-1, rootB), j.readerValue(j.n, rootN)
	if before.Kind() != pdf.Dict || after.Kind() != pdf.Dict {
		return false
	}
	c := newCanonizer(j.d)
	skip := []string{"AcroForm", "Version", "Names"}
	if c.canon(before, skip...) != c.canon(after, skip...) || c.over {
		return false
	}
	nb, na := before.Key("Names"), after.Key("Names")
	emptyNames := nb.IsNull() && len(na.Keys()) == 1 && na.Key("EmbeddedFiles").Key("Names").Kind() == pdf.Array &&
		na.Key("EmbeddedFiles").Key("Names").Len() == 0
	if c.canon(nb) != c.canon(na) && !emptyNames {
		return false
	}
	j.explained[rootN] = true
	return true
}

// readerValue reads object num of revision rev (0-based) through the PDF
// reader, references resolved on access (a null value when it is not
// there).
func (j *judge) readerValue(rev int, num uint32) (v pdf.Value) {
	defer func() {
		if recover() != nil {
			v = pdf.Value{}
		}
	}()
	r := j.d.open(j.d.revs[rev])
	if r == nil {
		return pdf.Value{}
	}
	xr := r.Xref()
	if int(num) >= len(xr) {
		return pdf.Value{}
	}
	p := xr[num].Ptr()
	if p.GetID() != num {
		return pdf.Value{}
	}
	return r.Resolve(p, p)
}
