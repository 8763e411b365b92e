package verify

import (
	"kinerja/internal/pdfedit"
)

// locks is what the signatures made before a revision forbid.
type locks struct {
	docMDP int // /P of a certification signature's DocMDP (0: none)
	// lockedBy maps the fully qualified name of each field that a signed
	// field's /Lock locks to that signed field's name.
	lockedBy map[string]string
	// newLockedBy names a signed field whose /Lock (/All, or /Exclude,
	// which names only existing fields) also locks fields added later.
	newLockedBy string
}

// sigField is one terminal signature field.
type sigField struct {
	num  uint32
	name string
}

// sigFields lists the terminal signature fields of revision rev (0-based).
func (j *judge) sigFields(rev int) []sigField {
	root := j.o.dict(rev, get(j.d.layout.Revs[rev].Trailer, "Root"))
	acro := j.o.dict(rev, get(root, "AcroForm"))
	var out []sigField
	seen := map[uint32]bool{}
	var walk func(v pdfedit.Value, name, ft string, depth int)
	walk = func(v pdfedit.Value, name, ft string, depth int) {
		num := refOf(v)
		f := j.o.dict(rev, v)
		if f == nil || num == 0 || seen[num] || depth > 16 || len(seen) > maxPages {
			return
		}
		seen[num] = true
		if t := pdfedit.Text(get(f, "T")); t != "" && name != "" {
			name += "." + t
		} else if t != "" {
			name = t
		}
		if x := nameOf(get(f, "FT")); x != "" {
			ft = x
		}
		kids := j.o.array(rev, get(f, "Kids"))
		if len(kids) > 0 && get(j.o.dict(rev, kids[0]), "T") != nil {
			for _, k := range kids {
				walk(k, name, ft, depth+1)
			}
			return
		}
		if ft == "Sig" {
			out = append(out, sigField{num, name})
		}
	}
	for _, f := range j.o.array(rev, get(acro, "Fields")) {
		walk(f, "", "", 0)
	}
	return out
}

// lockState reads the locks of the signatures in revision n-1: a DocMDP
// transform in a signature dictionary's /Reference, the /Lock of a signed
// field (ISO 32000-1 12.7.4.5: /All locks every field, /Include the
// fields it names, /Exclude every field but those it names).
func (j *judge) lockState() locks {
	l := locks{lockedBy: map[string]string{}}
	fields := j.sigFields(j.n - 1)
	for _, f := range fields {
		fd := j.o.dict(j.n-1, pdfedit.Ref{Num: int(f.num)})
		sig := j.o.dict(j.n-1, get(fd, "V"))
		if sig == nil {
			continue
		}
		j.fieldLock(&l, f.name, j.o.dict(j.n-1, get(fd, "Lock")), fields)
		for _, ref := range j.o.array(j.n-1, get(sig, "Reference")) {
			rd := j.o.dict(j.n-1, ref)
			if nameOf(get(rd, "TransformMethod")) == "DocMDP" {
				l.docMDP = 2
				if p := encoded(get(j.o.dict(j.n-1, get(rd, "TransformParams")), "P")); p == "1" || p == "3" {
					l.docMDP = int(p[0] - '0')
				}
			}
		}
	}
	return l
}

// fieldLock records what the /Lock lock of the signed field by locks,
// among the signature fields of the revision.
func (j *judge) fieldLock(l *locks, by string, lock *pdfedit.Dict, fields []sigField) {
	if lock == nil {
		return
	}
	var named []string
	for _, v := range j.o.array(j.n-1, get(lock, "Fields")) {
		named = append(named, pdfedit.Text(v))
	}
	for _, f := range fields {
		switch action := nameOf(get(lock, "Action")); {
		case action == "All", action == "Include" && contains(named, f.name), action == "Exclude" && !contains(named, f.name):
			if _, ok := l.lockedBy[f.name]; !ok {
				l.lockedBy[f.name] = by
			}
		}
	}
	if a := nameOf(get(lock, "Action")); (a == "All" || a == "Exclude") && l.newLockedBy == "" {
		l.newLockedBy = by
	}
}

// fill is the signing rule (what a kinerja signature writes, the contract
// of package docinfo): a signature field made before, merged with its
// widget and empty until now, is redefined with /V (a signature
// dictionary added with it) and a new /AP (made of objects added with
// it), every other entry (/Rect, /F, /P, /T, /Parent, /Lock ...) as it
// was. Filling an empty signature field is signing, which DocMDP /P 2
// permits, unless a signed field's /Lock locks the field.
func (j *judge) fill() {
	for _, f := range j.sigFields(j.n) {
		if j.added[f.num] || !j.redef[f.num] {
			continue // a new field (acroForm judges it), or unchanged
		}
		before := j.o.dict(j.n-1, pdfedit.Ref{Num: int(f.num)})
		now := j.o.dict(j.n, pdfedit.Ref{Num: int(f.num)})
		if get(before, "V") != nil || get(now, "V") == nil {
			continue // not filled now; any change of it stays unexplained
		}
		j.fillField(f, before, now)
	}
}

// fillField judges the filling of one signature field.
func (j *judge) fillField(f sigField, before, now *pdfedit.Dict) {
	if nameOf(get(before, "Subtype")) != "Widget" || get(before, "Kids") != nil {
		j.problem("signature field %q (object %d) filled, but it is not merged with its widget as kinerja's fields are", f.name, f.num)
		return
	}
	if ch := changedKeys(before, now, "V", "AP"); len(ch) > 0 {
		j.problem("signature field %q (object %d) changed more than its value and appearance when signed: %s", f.name, f.num, join(ch))
		return
	}
	if by, ok := j.locks.lockedBy[f.name]; ok {
		j.problem("signature field %q (object %d) signed, but the /Lock of the signed field %q locks it", f.name, f.num, by)
		return
	}
	if j.locks.docMDP == 1 {
		j.problem("signature field %q (object %d) signed after a certification signature with DocMDP /P 1, which permits no change but /DSS and document timestamps", f.name, f.num)
		return
	}
	sig := refOf(get(now, "V"))
	if sd := j.o.dict(j.n, get(now, "V")); !j.added[sig] || sd == nil || !isSigType(sd) {
		j.problem("signature field %q (object %d): its /V is not a signature dictionary added with it", f.name, f.num)
		return
	}
	if j.appearance(f, now) {
		j.explained[f.num] = true
		j.explain(sig)
		j.filled[sig] = true
	}
}

// appearance explains the new /AP of the field-widget f: an /N form made
// of objects added with the signature (an appearance that reuses an older
// object, another party's stamp for one, is a change).
func (j *judge) appearance(f sigField, wd *pdfedit.Dict) bool {
	ap := get(wd, "AP")
	if r := refOf(ap); r != 0 && !j.added[r] {
		j.problem("signature field %q (object %d): its /AP is object %d, which existed before the signature", f.name, f.num, r)
		return false
	}
	apd := j.o.dict(j.n, ap)
	if n := refOf(get(apd, "N")); n == 0 || !j.added[n] {
		j.problem("signature field %q (object %d): its new /AP has no /N form added with the signature", f.name, f.num)
		return false
	}
	for _, r := range refsIn(apd, nil) {
		if !j.added[r] {
			j.problem("signature field %q (object %d): its appearance uses object %d, which existed before the signature", f.name, f.num, r)
			return false
		}
	}
	if r := refOf(ap); r != 0 {
		j.explain(r)
	}
	for _, r := range refsIn(ap, nil) {
		j.explainNew(r)
	}
	return true
}

// isSigType reports a /Type /Sig or /DocTimeStamp dictionary.
func isSigType(d *pdfedit.Dict) bool {
	t := nameOf(get(d, "Type"))
	return t == "Sig" || t == "DocTimeStamp"
}

// catalogAllow are the catalog keys a revision after a signature may
// change, each judged by its own rule.
var catalogAllow = []string{"AcroForm", "DSS", "Extensions", "Perms"}

// catalog judges a redefined catalog: only /Perms (added with the
// certification signature), /DSS, /Extensions and /AcroForm may differ.
func (j *judge) catalog() {
	rootB := refOf(get(j.d.layout.Revs[j.n-1].Trailer, "Root"))
	rootN := refOf(get(j.d.layout.Revs[j.n].Trailer, "Root"))
	if rootB != rootN {
		j.problem("the trailer's /Root changed from object %d to object %d", rootB, rootN)
		return
	}
	if !j.redef[rootN] {
		return
	}
	before, now := j.o.dict(j.n-1, pdfedit.Ref{Num: int(rootN)}), j.o.dict(j.n, pdfedit.Ref{Num: int(rootN)})
	ch := changedKeys(before, now, catalogAllow...)
	for _, c := range ch {
		j.problem("the catalog (object %d): %s", rootN, c)
	}
	ok := len(ch) == 0 && j.perms(before, now) && j.dss(before, now)
	if ok {
		j.explained[rootN] = true
	}
}

// perms allows no change of /Perms: the certification signature adds it
// with the document's first signature, and every revision the policy
// judges comes after a signature.
func (j *judge) perms(before, now *pdfedit.Dict) bool {
	pb, pn := get(before, "Perms"), get(now, "Perms")
	if encoded(pb) == encoded(pn) && !j.redef[refOf(pn)] {
		return true
	}
	j.problem("the catalog's /Perms changed after a signature (only the document's first signature, a certification, adds it)")
	return false
}

// dssKeys are the entries a /DSS may have.
var dssKeys = []string{"Type", "Certs", "OCSPs", "CRLs", "VRI"}

// dss allows a new or changed /DSS made of objects added in this
// revision (certificates, OCSP responses and CRLs).
func (j *judge) dss(before, now *pdfedit.Dict) bool {
	db, dn := get(before, "DSS"), get(now, "DSS")
	if encoded(db) == encoded(dn) && !j.redef[refOf(dn)] {
		return true
	}
	d := j.o.dict(j.n, dn)
	if d == nil {
		j.problem("the catalog's /DSS was removed or is not a dictionary")
		return false
	}
	for _, k := range d.Keys() {
		if !contains(dssKeys, k) {
			j.problem("the /DSS has an entry /%s, which a DSS does not have", k)
			return false
		}
	}
	if r := refOf(dn); r != 0 {
		j.explained[r] = true
	}
	for _, r := range refsIn(d, nil) {
		j.explainNew(r)
	}
	return true
}

// newFieldRule explains a signature field added in this revision, num,
// or returns false. The rules are tried in order.
type newFieldRule func(j *judge, num uint32, f *pdfedit.Dict) bool

// newFieldRules are the kinds of new fields the policy allows: document
// timestamps, and the signature field BSrE's signer adds inside a
// party's reserved block (bsreField).
var newFieldRules = []newFieldRule{timestampField, bsreField}

// acroForm judges the /AcroForm: the entries other than /Fields stay
// (/SigFlags may become 3), /Fields only grows, and each field it gains
// must be explained by a newFieldRule.
func (j *judge) acroForm() {
	catB := j.o.dict(j.n-1, get(j.d.layout.Revs[j.n-1].Trailer, "Root"))
	catN := j.o.dict(j.n, get(j.d.layout.Revs[j.n].Trailer, "Root"))
	ab, an := get(catB, "AcroForm"), get(catN, "AcroForm")
	before, now := j.o.dict(j.n-1, ab), j.o.dict(j.n, an)
	if now == nil || encoded(ab) == encoded(an) && !j.redef[refOf(an)] && !j.redef[refOf(get(now, "Fields"))] {
		return
	}
	ok := true
	for _, c := range changedKeys(before, now, "Fields", "SigFlags") {
		j.problem("the /AcroForm: %s", c)
		ok = false
	}
	if sf := encoded(get(now, "SigFlags")); sf != encoded(get(before, "SigFlags")) && sf != "3" {
		j.problem("the /AcroForm's /SigFlags changed to %s", sf)
		ok = false
	}
	fb, fn := j.o.array(j.n-1, get(before, "Fields")), j.o.array(j.n, get(now, "Fields"))
	if !grows(fb, fn) {
		j.problem("the /AcroForm's /Fields lost or reordered fields (%d → %d)", len(fb), len(fn))
		return
	}
	for _, f := range fn[len(fb):] {
		ok = j.newField(refOf(f)) && ok
	}
	if ok {
		j.explained[refOf(an)] = true
		j.explained[refOf(get(now, "Fields"))] = true
	}
}

// grows reports whether after is before with entries appended.
func grows(before, after pdfedit.Array) bool {
	if len(after) < len(before) {
		return false
	}
	for i := range before {
		if encoded(before[i]) != encoded(after[i]) {
			return false
		}
	}
	return true
}

// newField judges one field appended to /AcroForm /Fields.
func (j *judge) newField(num uint32) bool {
	f := j.o.dict(j.n, pdfedit.Ref{Num: int(num)})
	if !j.added[num] || f == nil {
		j.problem("the /AcroForm's /Fields gained %s, which is not a field added in this revision", j.describe(num))
		return false
	}
	for _, rule := range newFieldRules {
		if rule(j, num, f) {
			return true
		}
	}
	what := "form field"
	if nameOf(get(f, "FT")) == "Sig" {
		what = "signature field"
		if get(f, "V") == nil {
			what = "unsigned signature field"
		}
	}
	j.problem("new %s %q (object %d) added that is no document timestamp and no signature inside a party's reserved block", what, pdfedit.Text(get(f, "T")), num)
	return false
}

// widgetsOf lists the widgets of field num: its /Kids, or itself.
func (j *judge) widgetsOf(num uint32, f *pdfedit.Dict) []uint32 {
	kids := j.o.array(j.n, get(f, "Kids"))
	if len(kids) == 0 {
		return []uint32{num}
	}
	var out []uint32
	for _, k := range kids {
		out = append(out, refOf(k))
	}
	return out
}

// timestampField allows a document timestamp: a new signature field whose
// /V is a /DocTimeStamp added with it and whose widgets have no area.
func timestampField(j *judge, num uint32, f *pdfedit.Dict) bool {
	v := j.o.dict(j.n, get(f, "V"))
	if nameOf(get(f, "FT")) != "Sig" || nameOf(get(v, "Type")) != "DocTimeStamp" || !j.added[refOf(get(f, "V"))] {
		return false
	}
	ws := j.widgetsOf(num, f)
	for _, w := range ws {
		if !j.added[w] || !zeroArea(get(j.o.dict(j.n, pdfedit.Ref{Num: int(w)}), "Rect")) {
			return false
		}
	}
	j.explain(num)
	for _, w := range ws {
		j.explain(w)
		j.widgets[w] = true
	}
	return true
}

// pages judges redefined pages: a page may only gain, at the end of its
// /Annots, widgets of fields a newFieldRule allowed.
func (j *judge) pages() {
	for num := range j.redef {
		before := j.o.dict(j.n-1, pdfedit.Ref{Num: int(num)})
		now := j.o.dict(j.n, pdfedit.Ref{Num: int(num)})
		if nameOf(get(before, "Type")) != "Page" || nameOf(get(now, "Type")) != "Page" {
			continue
		}
		if len(changedKeys(before, now, "Annots")) > 0 {
			continue // unexplained: reported with the keys that changed
		}
		ab, an := j.o.array(j.n-1, get(before, "Annots")), j.o.array(j.n, get(now, "Annots"))
		if !grows(ab, an) || j.redef[refOf(get(before, "Annots"))] {
			continue
		}
		ok := true
		for _, a := range an[len(ab):] {
			ok = ok && j.widgets[refOf(a)]
		}
		if ok {
			j.explained[num] = true
			j.explainNew(refOf(get(now, "Annots")))
		}
	}
}

// join joins change descriptions.
func join(list []string) string {
	out := ""
	for i, s := range list {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}
