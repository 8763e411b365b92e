package verify

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"

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
	over    bool   // limits were hit: the comparison may miss changes
	err     string // the revision could not be read
}

// boxKeys are the page geometry entries; the first three are inheritable.
var boxKeys = []string{"MediaBox", "CropBox", "Rotate", "BleedBox", "TrimBox", "ArtBox", "UserUnit"}

// pageSkip are page keys compared separately (or not at all).
var pageSkip = append([]string{"Type", "Contents", "Resources", "Annots"}, boxKeys...)

// catalogSkip are catalog keys compared separately or that signing may
// legitimately add or change.
var catalogSkip = []string{"Pages", "AcroForm", "DSS", "Version"}

// snapshotOf returns the snapshot of r, computing it once.
func (d *document) snapshotOf(r *revision) *snapshot {
	if r.snap == nil {
		r.snap = d.takeSnapshot(r)
	}
	return r.snap
}

// takeSnapshot reads the meaning of one revision.
func (d *document) takeSnapshot(r *revision) (s *snapshot) {
	if r.reader == nil {
		return &snapshot{err: r.err.Error()}
	}
	defer func() {
		if p := recover(); p != nil {
			s = &snapshot{err: fmt.Sprintf("malformed PDF: %v", p)}
		}
	}()
	c := newCanonizer(d)
	root := r.reader.Trailer().Key("Root")
	s = &snapshot{}
	c.numberPages(root.Key("Pages"))
	c.walkPages(root.Key("Pages"), map[string]pdf.Value{}, 0, map[ptrKey]bool{}, &s.pages)
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
func (c *canonizer) numberPages(pages pdf.Value) {
	n := 0
	c.walk(pages, 0, map[ptrKey]bool{}, func(p pdf.Value) {
		n++
		if _, dup := c.pages[keyOf(p)]; !dup {
			c.pages[keyOf(p)] = n
		}
	})
}

// walk calls fn for each leaf of the page tree in order.
func (c *canonizer) walk(n pdf.Value, depth int, seen map[ptrKey]bool, fn func(pdf.Value)) {
	k := keyOf(n)
	if depth > 64 || seen[k] || len(seen) > maxPages || n.Kind() != pdf.Dict {
		c.over = true
		return
	}
	seen[k] = true
	if kids := n.Key("Kids"); n.Key("Type").Name() != "Page" && kids.Kind() == pdf.Array {
		for i := 0; i < kids.Len(); i++ {
			c.walk(kids.Index(i), depth+1, seen, fn)
		}
		return
	}
	fn(n)
}

// walkPages appends a snapshot of each page under n to out; inh carries
// inherited attributes down the tree.
func (c *canonizer) walkPages(n pdf.Value, inh map[string]pdf.Value, depth int, seen map[ptrKey]bool, out *[]pageSnap) {
	k := keyOf(n)
	if depth > 64 || seen[k] || len(seen) > maxPages || n.Kind() != pdf.Dict {
		c.over = true
		return
	}
	seen[k] = true
	inh = inherit(n, inh)
	if kids := n.Key("Kids"); n.Key("Type").Name() != "Page" && kids.Kind() == pdf.Array {
		for i := 0; i < kids.Len(); i++ {
			c.walkPages(kids.Index(i), inh, depth+1, seen, out)
		}
		return
	}
	*out = append(*out, c.page(n, inh))
}

// inherit returns inh updated with the inheritable entries of n.
func inherit(n pdf.Value, inh map[string]pdf.Value) map[string]pdf.Value {
	out := make(map[string]pdf.Value, 4)
	for k, v := range inh {
		out[k] = v
	}
	for _, k := range []string{"MediaBox", "CropBox", "Rotate", "Resources"} {
		if v := n.Key(k); !v.IsNull() {
			out[k] = v
		}
	}
	return out
}

// page returns the snapshot of one page.
func (c *canonizer) page(n pdf.Value, inh map[string]pdf.Value) pageSnap {
	var p pageSnap
	p.content = c.contentHash(n.Key("Contents"))
	for _, k := range boxKeys {
		v := n.Key(k)
		if iv, ok := inh[k]; ok && v.IsNull() {
			v = iv
		}
		p.boxes += "/" + k + " " + c.canon(v) + " "
	}
	p.res = c.canon(inh["Resources"])
	annots := n.Key("Annots")
	for i := 0; i < annots.Len(); i++ {
		a := annots.Index(i)
		if !isSigWidget(a) {
			p.annots = append(p.annots, c.canon(a, "P"))
		}
	}
	p.other = c.canon(n, pageSkip...)
	return p
}

// contentHash hashes the decoded content streams of a page.
func (c *canonizer) contentHash(v pdf.Value) string {
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
func isSigWidget(a pdf.Value) bool {
	if a.Key("Subtype").Name() != "Widget" {
		return false
	}
	return a.Key("FT").Name() == "Sig" || a.Key("Parent").Key("FT").Name() == "Sig"
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
	f := field{name: name, sig: ft == "Sig", value: c.canon(n.Key("V"))}
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
