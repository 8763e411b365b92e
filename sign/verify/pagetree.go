package verify

import "github.com/digitorus/pdf"

// leaf is a page found in the page tree.
type leaf struct {
	node pdf.Value   // the page dictionary
	ptr  ptrKey      // its object
	anc  []pdf.Value // its ancestors, root first (for inherited entries)
}

// pageTree is the result of walking the page tree of a revision.
type pageTree struct {
	leaves []leaf
	root   ptrKey          // the /Pages object
	ids    map[uint32]bool // objects the walk depends on, besides the leaves
	ok     bool            // complete (within limits): reusable by the next revision
}

// pageTree finds the pages under pages, in order. In fast mode, the tree of
// the base revision is reused when the objects it was built from are
// unchanged and every changed page object is still a page.
func (c *canonizer) pageTree(pages pdf.Value) pageTree {
	if t, ok := c.reuseTree(pages); ok {
		c.reused = true // its values are the base revision's: read pages again
		return t
	}
	c.reused = false
	t := pageTree{root: keyOf(pages), ids: map[uint32]bool{keyOf(pages).id: true}, ok: true}
	over := c.over
	c.over = false
	c.collect(pages, nil, 0, map[ptrKey]bool{}, &t)
	t.ok = t.ok && !c.over
	c.over = c.over || over
	return t
}

// collect appends the leaves under n to t; anc holds n's ancestors.
func (c *canonizer) collect(n pdf.Value, anc []pdf.Value, depth int, seen map[ptrKey]bool, t *pageTree) {
	k := keyOf(n)
	if depth > 64 || seen[k] || len(seen) > maxPages || n.Kind() != pdf.Dict {
		c.over = true
		return
	}
	seen[k] = true
	if len(anc) > 0 && keyOf(anc[len(anc)-1]) == k {
		t.ok = false // a direct kid cannot be read again by object number
	}
	typ, kids := n.Key("Type"), n.Key("Kids")
	for _, v := range []pdf.Value{typ, kids} {
		switch id := keyOf(v).id; {
		case id == 0:
			t.ok = false // a reference to a missing object, which a later revision may add
		case id != k.id:
			t.ids[id] = true // an indirect /Type or /Kids
		}
	}
	if typ.Name() != "Page" && kids.Kind() == pdf.Array {
		t.ids[k.id] = true
		anc = append(anc[:len(anc):len(anc)], n)
		for i := 0; i < kids.Len(); i++ {
			c.collect(kids.Index(i), anc, depth+1, seen, t)
		}
		return
	}
	t.leaves = append(t.leaves, leaf{node: n, ptr: k, anc: anc})
}

// reuseTree returns the base revision's page tree when this revision has
// the same one: same /Pages object, no changed intermediate node, and each
// changed page object still a page dictionary.
func (c *canonizer) reuseTree(pages pdf.Value) (pageTree, bool) {
	if c.base == nil || !c.base.tree.ok || keyOf(pages) != c.base.tree.root {
		return pageTree{}, false
	}
	t := c.base.tree
	for id := range t.ids {
		if c.changed[id] {
			return pageTree{}, false
		}
	}
	for _, lf := range t.leaves {
		if !c.changed[lf.ptr.id] {
			continue
		}
		c.reused = true // for fresh
		n := c.fresh(lf.node)
		typ, kids := n.Key("Type"), n.Key("Kids")
		if n.Kind() != pdf.Dict || keyOf(n) != lf.ptr || keyOf(typ) != lf.ptr || keyOf(kids) != lf.ptr ||
			(typ.Name() != "Page" && kids.Kind() == pdf.Array) {
			return pageTree{}, false
		}
	}
	return t, true
}

// fresh returns the object v was read from, read again through this
// revision's reader (v may come from an earlier revision).
func (c *canonizer) fresh(v pdf.Value) pdf.Value {
	if !c.reused {
		return v
	}
	p := v.GetPtr()
	if p.GetID() == 0 {
		return v
	}
	k := keyOf(v)
	if x, ok := c.freshVals[k]; ok {
		return x
	}
	x := c.r.Resolve(p, p)
	if c.freshVals == nil {
		c.freshVals = map[ptrKey]pdf.Value{}
	}
	c.freshVals[k] = x
	return x
}
