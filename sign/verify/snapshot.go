package verify

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/digitorus/pdf"
)

// maxPages bounds the page tree walk.
const maxPages = 100000

// pageSnap is what one page shows, in canonical form.
type pageSnap struct {
	content string   // hash of the decoded, concatenated content streams
	boxes   string   // MediaBox, CropBox, BleedBox, TrimBox, ArtBox, Rotate, UserUnit
	res     string   // resolved resources (inherited if absent)
	annots  []string // annotations other than signature widgets
	other   string   // the remaining page dictionary entries

	// fast snapshots only (see incremental.go)
	ptr    ptrKey          // the page object
	deps   map[uint32]bool // objects read for it, with its ancestors
	unsafe bool            // not reusable
	cost   int             // canonizer budget it used
}

// field is one terminal form field.
type field struct {
	name  string
	sig   bool
	value string // canonical /V
	canon string // the whole field dictionary (non-signature fields)
}

// entry is one catalog entry.
type entry struct{ key, canon string }

// snapshot is the meaning of one revision, for comparison with another.
type snapshot struct {
	pages   []pageSnap
	catalog []entry
	fields  []field
	over    bool     // limits were hit: the comparison may miss changes
	err     string   // the revision could not be read
	order   []ptrKey // page objects in page order
	tree    pageTree // how the pages were found
}

// boxKeys are the page geometry entries; the first three are inheritable.
var boxKeys = []string{"MediaBox", "CropBox", "Rotate", "BleedBox", "TrimBox", "ArtBox", "UserUnit"}

// pageSkip are page keys compared separately (or not at all).
var pageSkip = append([]string{"Type", "Contents", "Resources", "Annots"}, boxKeys...)

// catalogSkip are catalog keys compared separately or that signing may
// legitimately add or change.
var catalogSkip = []string{"Pages", "AcroForm", "DSS", "Version"}

// snapshotOf returns the complete snapshot of r (streams decoded),
// computing it once.
func (d *document) snapshotOf(r *revision) *snapshot {
	if r.snap == nil {
		r.snap = d.takeSnapshot(r)
	}
	return r.snap
}

// fastSnapshotOf returns the fast snapshot of r (streams by identity),
// computing it once; pages are reused from prev's fast snapshot when prev
// is the revision before r and nothing they read changed.
func (d *document) fastSnapshotOf(r, prev *revision) *snapshot {
	if r.fast != nil {
		return r.fast
	}
	c := newCanonizer(d)
	c.fast, c.end = true, r.end
	if prev != nil && prev.fast != nil && prev.fast.err == "" && !prev.fast.over && d.open(r) != nil && d.open(prev) != nil {
		if changed, ok := changedObjects(prev.reader, r.reader); ok {
			c.base, c.changed = prev.fast, changed
		}
	}
	r.fast = d.snapshotWith(r, c)
	return r.fast
}

// takeSnapshot reads the meaning of one revision completely.
func (d *document) takeSnapshot(r *revision) *snapshot {
	return d.snapshotWith(r, newCanonizer(d))
}

// snapshotWith reads the meaning of one revision with c.
func (d *document) snapshotWith(r *revision, c *canonizer) (s *snapshot) {
	if d.open(r) == nil {
		return &snapshot{err: r.err.Error()}
	}
	defer func() {
		if p := recover(); p != nil {
			s = &snapshot{err: fmt.Sprintf("malformed PDF: %v", p)}
		}
	}()
	c.r = r.reader
	root := r.reader.Trailer().Key("Root")
	s = &snapshot{}
	s.tree = c.pageTree(root.Key("Pages"))
	c.numberPages(s.tree.leaves)
	if c.base != nil && !samePageOrder(c.order, c.base.order) {
		c.base = nil // page numbers differ: read every page
	}
	s.order = c.order
	for i, lf := range s.tree.leaves {
		if p, ok := c.reusable(i, lf.ptr); ok {
			c.budget -= p.cost
			s.pages = append(s.pages, p)
			continue
		}
		s.pages = append(s.pages, c.trackedPage(lf))
	}
	for _, k := range root.Keys() {
		if !contains(catalogSkip, k) {
			s.catalog = append(s.catalog, entry{k, c.canon(root.Key(k))})
		}
	}
	acro := root.Key("AcroForm")
	s.catalog = append(s.catalog, entry{"AcroForm/XFA", c.canon(acro.Key("XFA"))})
	fields := acro.Key("Fields")
	for i := 0; i < fields.Len(); i++ {
		c.walkFields(fields.Index(i), "", "", 0, map[ptrKey]bool{}, &s.fields)
	}
	sort.SliceStable(s.fields, func(i, j int) bool { return s.fields[i].name < s.fields[j].name })
	s.over = c.over
	return s
}

// numberPages records the page number of each page object, so that
// references to pages (outlines, actions) compare by page number.
func (c *canonizer) numberPages(leaves []leaf) {
	for i, lf := range leaves {
		c.order = append(c.order, lf.ptr)
		if _, dup := c.pages[lf.ptr]; !dup {
			c.pages[lf.ptr] = i + 1
		}
	}
}

// trackedPage returns the snapshot of one page, recording in fast mode
// what it read. The page and its ancestors are read through this
// revision's reader (lf may come from an earlier revision's tree).
func (c *canonizer) trackedPage(lf leaf) pageSnap {
	if c.fast {
		c.deps, c.unsafe = map[uint32]bool{}, false
	}
	inh := map[string]inherited{}
	c.path = c.path[:0]
	for _, a := range lf.anc {
		c.touch(a)
		inh = c.inherit(c.fresh(a), inh)
		c.path = append(c.path, keyOf(a))
	}
	n := c.fresh(lf.node)
	c.path = append(c.path, keyOf(n))
	c.touch(n)
	budget := c.budget
	p := c.page(n, c.inherit(n, inh))
	if c.fast {
		p.ptr, p.deps, p.unsafe, p.cost = keyOf(n), c.deps, c.unsafe, budget-c.budget
		c.deps = nil
	}
	return p
}

// canonWhole is canon for an inherited page entry: when it is a whole
// object (read through a reference, not part of the page or an ancestor),
// written through the memo of writeChild.
func (c *canonizer) canonWhole(v pdf.Value) string {
	k := keyOf(v)
	for _, p := range c.path {
		if p == k {
			return c.canon(v)
		}
	}
	var b strings.Builder
	c.writeChild(&b, pdf.Value{}, v, 0)
	return b.String()
}

// inherited is an inheritable page entry: a value, or in fast mode a
// reference to an object already written (its text is in the memo, so it
// need not be read again).
type inherited struct {
	v    pdf.Value
	ref  ptrKey
	memo bool
}

// inherit returns inh updated with the inheritable entries of n.
func (c *canonizer) inherit(n pdf.Value, inh map[string]inherited) map[string]inherited {
	out := make(map[string]inherited, 4)
	for k, v := range inh {
		out[k] = v
	}
	var keys []string
	for _, k := range []string{"MediaBox", "CropBox", "Rotate", "Resources"} {
		if ref, ok := c.memoRef(n, k); ok {
			out[k] = inherited{ref: ref, memo: true}
		} else if v := c.keyIn(n, k, &keys); !v.IsNull() {
			out[k] = inherited{v: v}
		}
	}
	return out
}

// memoRef returns the object that entry k of n refers to when its text is
// already in the memo (fast mode), recording the read.
func (c *canonizer) memoRef(n pdf.Value, k string) (ptrKey, bool) {
	if !c.fast {
		return ptrKey{}, false
	}
	id, gen, ok := rawRef(n, k)
	ref := ptrKey{id, gen}
	if !ok || c.memo[ref] == nil {
		return ptrKey{}, false
	}
	if c.deps != nil {
		c.deps[id] = true
	}
	return ref, true
}

// inheritedText is the canonical text of an inherited entry.
func (c *canonizer) inheritedText(e inherited) string {
	if !e.memo {
		return c.canonWhole(e.v)
	}
	var b strings.Builder
	c.replay(&b, c.memo[e.ref])
	return b.String()
}

// page returns the snapshot of one page.
func (c *canonizer) page(n pdf.Value, inh map[string]inherited) pageSnap {
	var p pageSnap
	var keys []string
	p.content = c.contentHash(c.keyIn(n, "Contents", &keys))
	for _, k := range boxKeys {
		v := c.keyIn(n, k, &keys)
		text := ""
		if iv, ok := inh[k]; ok && v.IsNull() && iv.memo {
			text = c.inheritedText(iv)
		} else {
			if ok && v.IsNull() {
				v = iv.v
			}
			text = c.canon(v)
		}
		p.boxes += "/" + k + " " + text + " "
	}
	p.res = c.inheritedText(inh["Resources"])
	annots := c.keyIn(n, "Annots", &keys)
	for i := 0; i < annots.Len(); i++ {
		a := c.index(annots, i)
		if !c.isSigWidget(a) {
			p.annots = append(p.annots, c.canon(a, "P"))
		}
	}
	p.other = c.canon(n, pageSkip...)
	return p
}

// contentHash hashes the decoded content streams of a page; in fast mode
// it writes their dictionaries and identities instead.
func (c *canonizer) contentHash(v pdf.Value) string {
	if c.fast {
		return "fast:" + c.canon(v)
	}
	h := sha256.New()
	add := func(s pdf.Value) {
		if data, err := decodeStream(s); err == nil {
			h.Write(data)
		} else {
			h.Write([]byte(c.d.streamHash(s)))
		}
		h.Write([]byte("\n"))
	}
	switch v.Kind() {
	case pdf.Stream:
		add(v)
	case pdf.Array:
		for i := 0; i < v.Len(); i++ {
			add(v.Index(i))
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// isSigWidget reports whether an annotation is a signature field widget.
func (c *canonizer) isSigWidget(a pdf.Value) bool {
	if c.key(a, "Subtype").Name() != "Widget" {
		return false
	}
	return c.key(a, "FT").Name() == "Sig" || c.key(c.key(a, "Parent"), "FT").Name() == "Sig"
}

// walkFields appends the terminal form fields under n to out.
func (c *canonizer) walkFields(n pdf.Value, prefix, ft string, depth int, seen map[ptrKey]bool, out *[]field) {
	k := keyOf(n)
	if depth > 32 || seen[k] || len(*out) > maxPages || n.Kind() != pdf.Dict {
		c.over = true
		return
	}
	seen[k] = true
	name := prefix
	if t := n.Key("T").Text(); t != "" {
		name = joinName(prefix, t)
	}
	if v := n.Key("FT").Name(); v != "" {
		ft = v
	}
	kids := n.Key("Kids")
	if kids.Len() > 0 && !kids.Index(0).Key("T").IsNull() {
		for i := 0; i < kids.Len(); i++ {
			c.walkFields(kids.Index(i), name, ft, depth+1, seen, out)
		}
		return
	}
	f := field{name: name, sig: ft == "Sig"}
	if f.sig {
		f.value = c.sigValue(n)
	} else {
		f.value = c.canon(n.Key("V"))
	}
	if !f.sig {
		f.canon = c.canon(n, "Kids", "P")
	}
	*out = append(*out, f)
}

// joinName joins partial field names with dots.
func joinName(prefix, t string) string {
	if prefix == "" {
		return t
	}
	return prefix + "." + t
}
