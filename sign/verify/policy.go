package verify

import (
	"fmt"
	"sort"
	"strings"

	"github.com/digitorus/pdf"

	"kinerja/internal/pdfedit"
	"kinerja/internal/pdfread"
)

// The allow-list policy.
//
// After a signature, a revision may only do what signing, a /DSS or a
// document timestamp needs (the rules below, in the order judge runs
// them). Every object a revision's cross-reference section lists is
// judged: one that it redefines must be explained by a rule; one that it
// adds must be explained, or be referenced by nothing (an orphan, which no
// reader can reach); one that it frees while it was in use is a change.
// Objects are compared as written (internal/pdfedit), not by meaning, so
// a reference pointed elsewhere is a change even when the new target
// looks the same. Whatever is not explained makes every earlier signature
// "modified after signing", naming the object and what changed.
//
// To allow one more kind of change, add a newFieldRule (as bsre.go does
// for BSrE's own signature field in a party's reserved block) or another
// step to judge; nothing else needs to change.

// maxPages bounds the pages, fields and array elements walked.
const maxPages = 100000

// judge is the policy's view of revision n (0-based), n ≥ 1.
type judge struct {
	d         *document
	o         *rawObjects
	n         int
	added     map[uint32]bool // objects the revision defines that were not in use
	redef     map[uint32]bool // objects it redefines (with other bytes)
	explained map[uint32]bool
	widgets   map[uint32]bool // widgets of new fields that a page may list
	filled    map[uint32]bool // signature dictionaries that filled a field
	locks     locks           // what the signatures before forbid
	problems  []string
	warnings  []string
	pageNums  map[uint32]string // object → "page K" or "content stream of page K", on demand
}

// checkModifications sets Modifications and ModifiedAfter of each
// signature from the policy's judgement of every later revision.
func (d *document) checkModifications(rep *Report) {
	first := len(d.revs)
	for _, s := range rep.Signatures {
		if s.Revision > 0 && s.Revision < first {
			first = s.Revision
		}
	}
	problems := make([][]string, len(d.revs)) // by 0-based revision
	warnings := make([][]string, len(d.revs))
	for n := first; n < len(d.revs); n++ {
		problems[n], warnings[n] = d.judgeRevision(n)
	}
	for i := range rep.Signatures {
		s := &rep.Signatures[i]
		if s.Revision == 0 {
			continue
		}
		for n := s.Revision; n < len(d.revs); n++ {
			s.Modifications = append(s.Modifications, problems[n]...)
			s.Warnings = append(s.Warnings, warnings[n]...)
		}
		s.ModifiedAfter = len(s.Modifications) > 0
	}
}

// judgeRevision judges revision n (0-based, n ≥ 1) against the one before.
func (d *document) judgeRevision(n int) (problems, warnings []string) {
	if d.layout == nil {
		return []string{fmt.Sprintf("revision %d cannot be judged: the strict reading refused the file", n+1)}, nil
	}
	j := &judge{d: d, o: &rawObjects{data: d.data, l: d.layout}, n: n,
		added: map[uint32]bool{}, redef: map[uint32]bool{}, explained: map[uint32]bool{},
		widgets: map[uint32]bool{}, filled: map[uint32]bool{}}
	j.locks = j.lockState()
	j.classify()
	j.trailer()
	j.fill()
	j.catalog()
	j.acroForm()
	j.pages()
	j.unexplained()
	in := fmt.Sprintf(" in revision %d", n+1)
	for i := range j.problems {
		j.problems[i] += in
	}
	for i := range j.warnings {
		j.warnings[i] += in
	}
	return j.problems, j.warnings
}

// problem records a change the policy does not allow.
func (j *judge) problem(format string, args ...any) {
	j.problems = append(j.problems, fmt.Sprintf(format, args...))
}

// classify sorts the entries of the revision's cross-reference section
// into added, redefined (rewritten with the same bytes is no change) and
// freed objects; freeing an object in use is a change.
func (j *judge) classify() {
	for _, e := range j.d.layout.Revs[j.n].Entries {
		switch before := j.o.defined(j.n-1, e.Num); {
		case e.Num == 0:
		case e.Free && before:
			j.problem("%s freed", j.describe(e.Num))
		case e.Free:
		case !before:
			j.added[e.Num] = true
		case !j.o.sameBytes(j.n-1, j.n, e.Num):
			j.redef[e.Num] = true
		}
	}
}

// trailer checks the trailer: no encryption; a new /Info is only noted (viewers
// do not show it as the document).
func (j *judge) trailer() {
	before, now := j.d.layout.Revs[j.n-1].Trailer, j.d.layout.Revs[j.n].Trailer
	if get(now, "Encrypt") != nil {
		j.problem("the trailer adds /Encrypt")
	}
	info := refOf(get(now, "Info"))
	if encoded(get(before, "Info")) != encoded(get(now, "Info")) || j.redef[info] {
		j.warnings = append(j.warnings, "the document information dictionary (/Info) changed")
		j.explainNew(info)
		j.explained[info] = true
	}
}

// explain marks num as explained, with every object added in this
// revision that it refers to (the new objects a rule's object brings).
func (j *judge) explain(num uint32) {
	j.explained[num] = true
	if v := j.o.value(j.n, num); v != nil {
		for _, r := range refsIn(v, nil) {
			j.explainNew(r)
		}
	}
}

// explainNew explains num and what it refers to when num was added in
// this revision; an existing object referred to is not changed by being
// referred to.
func (j *judge) explainNew(num uint32) {
	if !j.added[num] || j.explained[num] {
		return
	}
	j.explain(num)
}

// unexplained reports every redefined object no rule explained, and
// every added one that something refers to.
func (j *judge) unexplained() {
	var redef, added []uint32
	for num := range j.redef {
		if !j.explained[num] {
			redef = append(redef, num)
		}
	}
	for num := range j.added {
		if !j.explained[num] && j.reachable(num) {
			added = append(added, num)
		}
	}
	sort.Slice(redef, func(a, b int) bool { return redef[a] < redef[b] })
	sort.Slice(added, func(a, b int) bool { return added[a] < added[b] })
	for _, num := range redef {
		j.problem("%s redefined: %s", j.describe(num), j.whatChanged(num))
	}
	for _, num := range added {
		j.problem("%s added", j.describe(num))
	}
}

// reachable reports whether an added object can be reached: something
// this revision writes refers to it, or an earlier revision already held
// a reference to the then missing object (which a reader resolved to null).
func (j *judge) reachable(num uint32) bool {
	for _, m := range []map[uint32]bool{j.added, j.redef} {
		for other := range m {
			if v := j.o.value(j.n, other); other != num && v != nil && contains32(refsIn(v, nil), num) {
				return true
			}
		}
	}
	if contains32(refsIn(j.d.layout.Revs[j.n].Trailer, nil), num) {
		return true
	}
	return pdfread.Referenced(j.d.data[:j.d.layout.Revs[j.n-1].End], num, 0)
}

// contains32 reports whether list holds n.
func contains32(list []uint32, n uint32) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// arrayItems lists the elements of an array value.
func arrayItems(v pdf.Value) []pdf.Value {
	var out []pdf.Value
	for i := 0; i < v.Len() && i < maxPages; i++ {
		out = append(out, v.Index(i))
	}
	return out
}

// whatChanged says how a redefined object differs from before.
func (j *judge) whatChanged(num uint32) string {
	before, _ := j.o.value(j.n-1, num).(*pdfedit.Dict)
	now, _ := j.o.value(j.n, num).(*pdfedit.Dict)
	if before == nil || now == nil {
		return "its value changed"
	}
	if ch := changedKeys(before, now); len(ch) > 0 {
		return strings.Join(ch, ", ")
	}
	return "its stream data changed"
}

// describe names an object for messages: what it was (or is).
func (j *judge) describe(num uint32) string {
	if p := j.pageName(num); p != "" {
		return objName(num, p)
	}
	v := j.o.value(j.n-1, num)
	if v == nil {
		v = j.o.value(j.n, num)
	}
	d, _ := v.(*pdfedit.Dict)
	if num == refOf(get(j.d.layout.Revs[j.n-1].Trailer, "Root")) {
		return objName(num, "the catalog")
	}
	if k := kindOf(d); k != "" {
		return objName(num, k)
	}
	return objName(num, j.contentOf(num))
}

// contentOf is "new content stream of page K" when a page this revision
// redefines lists num in its /Contents ("" otherwise).
func (j *judge) contentOf(num uint32) string {
	for p := range j.redef {
		pd := j.o.dict(j.n, pdfedit.Ref{Num: int(p)})
		if nameOf(get(pd, "Type")) == "Page" && contains32(refsIn(get(pd, "Contents"), nil), num) {
			return "new content stream of " + j.pageName(p)
		}
	}
	return ""
}

// kindOf says what a dictionary is, from its type entries.
func kindOf(d *pdfedit.Dict) string {
	typ, sub := nameOf(get(d, "Type")), nameOf(get(d, "Subtype"))
	switch {
	case d == nil:
		return ""
	case sub == "Widget" || nameOf(get(d, "FT")) != "":
		if t := pdfedit.Text(get(d, "T")); t != "" {
			return fmt.Sprintf("form field %q", t)
		}
		return "widget annotation"
	case typ == "Annot" || sub != "" && get(d, "Rect") != nil:
		return "annotation /" + sub
	case typ == "XObject" || sub == "Form" || sub == "Image":
		return "XObject /" + sub
	case typ == "Sig" || typ == "DocTimeStamp":
		return "signature dictionary"
	case typ == "OCG" || typ == "OCMD":
		return "optional content group"
	case get(d, "OCGs") != nil:
		return "optional content properties"
	case typ != "":
		return "/" + typ
	}
	return ""
}

// pageName is "page K" or "content stream of page K" for the objects of
// the pages before this revision ("" for others).
func (j *judge) pageName(num uint32) string {
	if j.pageNums == nil {
		j.pageNums = map[uint32]string{}
		r := j.d.open(j.d.revs[j.n-1])
		if r == nil {
			return ""
		}
		defer func() { _ = recover() }() // a page tree the reader cannot walk: no page names
		for i := 1; i <= r.NumPage() && i <= maxPages; i++ {
			pg := r.Page(i).V
			id := keyOf(pg).id
			c := pg.Key("Contents")
			for _, s := range append([]pdf.Value{c}, arrayItems(c)...) {
				if k := keyOf(s).id; k != id {
					j.pageNums[k] = fmt.Sprintf("content stream of page %d", i)
				}
			}
			j.pageNums[id] = fmt.Sprintf("page %d", i)
		}
		delete(j.pageNums, 0)
	}
	return j.pageNums[num]
}
