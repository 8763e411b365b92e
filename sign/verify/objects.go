package verify

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/digitorus/pdf"

	"kinerja/internal/pdfedit"
	"kinerja/internal/pdfread"
)

// rawObjects reads objects as written in the file, revision by revision,
// through the strict reading's layout: the policy compares what a
// revision wrote with what was there before without resolving anything,
// so a reference swapped for another is a change even when both mean the
// same.
type rawObjects struct {
	data []byte
	l    *pdfread.Layout
}

// value returns the value of object num current in revision rev
// (0-based), or nil when it is free or unknown there.
func (o *rawObjects) value(rev int, num uint32) pdfedit.Value {
	obj, _, ok := o.l.Defined(rev, num)
	if !ok {
		return nil
	}
	return obj.Parsed
}

// defined reports whether object num is in use in revision rev.
func (o *rawObjects) defined(rev int, num uint32) bool {
	_, _, ok := o.l.Defined(rev, num)
	return ok
}

// sameBytes reports whether object num is written identically (value
// and stream data) in revisions a and b.
func (o *rawObjects) sameBytes(a, b int, num uint32) bool {
	x, _, ok1 := o.l.Defined(a, num)
	y, _, ok2 := o.l.Defined(b, num)
	if !ok1 || !ok2 {
		return false
	}
	return bytes.Equal(o.body(x), o.body(y))
}

// body returns an object's bytes from its value to its endobj.
func (o *rawObjects) body(x pdfread.Object) []byte {
	end := bytes.Index(o.data[x.ValueEnd:], []byte("endobj"))
	if end < 0 {
		return o.data[x.Value:x.ValueEnd]
	}
	return o.data[x.Value : x.ValueEnd+int64(end)]
}

// dict returns v as a dictionary: directly, or the object it refers to
// in revision rev.
func (o *rawObjects) dict(rev int, v pdfedit.Value) *pdfedit.Dict {
	if r, ok := v.(pdfedit.Ref); ok {
		v = o.value(rev, uint32(r.Num))
	}
	d, _ := v.(*pdfedit.Dict)
	return d
}

// array returns v as an array: directly, or the object it refers to.
func (o *rawObjects) array(rev int, v pdfedit.Value) pdfedit.Array {
	if r, ok := v.(pdfedit.Ref); ok {
		v = o.value(rev, uint32(r.Num))
	}
	a, _ := v.(pdfedit.Array)
	return a
}

// get returns d's value for key, nil when d is nil or has none.
func get(d *pdfedit.Dict, key string) pdfedit.Value {
	if d == nil {
		return nil
	}
	v, _ := d.Get(key)
	return v
}

// nameOf returns a name value's text ("" for anything else).
func nameOf(v pdfedit.Value) string {
	n, _ := v.(pdfedit.Name)
	return string(n)
}

// refOf returns the object number v refers to, 0 if it is no reference.
func refOf(v pdfedit.Value) uint32 {
	r, _ := v.(pdfedit.Ref)
	return uint32(r.Num)
}

// encoded is v in PDF syntax ("" for nil), for comparing values as written.
func encoded(v pdfedit.Value) string {
	if v == nil {
		return ""
	}
	return string(pdfedit.Encode(v))
}

// changedKeys lists the keys whose values differ between two
// dictionaries as written ("/K added", "/K changed", "/K removed"),
// ignoring the keys in allow.
func changedKeys(before, after *pdfedit.Dict, allow ...string) []string {
	var out []string
	for _, k := range after.Keys() {
		if contains(allow, k) {
			continue
		}
		switch old := get(before, k); {
		case old == nil:
			out = append(out, "/"+k+" added")
		case encoded(old) != encoded(get(after, k)):
			out = append(out, "/"+k+" changed")
		}
	}
	if before != nil {
		for _, k := range before.Keys() {
			if !contains(allow, k) && get(after, k) == nil {
				out = append(out, "/"+k+" removed")
			}
		}
	}
	return out
}

// refsIn appends the object numbers v refers to, at any depth.
func refsIn(v pdfedit.Value, out []uint32) []uint32 {
	switch x := v.(type) {
	case pdfedit.Ref:
		out = append(out, uint32(x.Num))
	case pdfedit.Array:
		for _, e := range x {
			out = refsIn(e, out)
		}
	case *pdfedit.Dict:
		for _, k := range x.Keys() {
			out = refsIn(get(x, k), out)
		}
	}
	return out
}

// zeroArea reports whether a /Rect value has no area (an invisible widget).
func zeroArea(v pdfedit.Value) bool {
	r, ok := rect(v)
	return ok && (r[2]-r[0])*(r[3]-r[1]) == 0
}

// rect reads a /Rect array of four numbers, normalised so that the
// first corner is the lower left.
func rect(v pdfedit.Value) ([4]float64, bool) {
	var r [4]float64
	a, ok := v.(pdfedit.Array)
	if !ok || len(a) != 4 {
		return r, false
	}
	for i, e := range a {
		f, err := strconv.ParseFloat(encoded(e), 64)
		if err != nil {
			return r, false
		}
		r[i] = f
	}
	r[0], r[2] = min(r[0], r[2]), max(r[0], r[2])
	r[1], r[3] = min(r[1], r[3]), max(r[1], r[3])
	return r, true
}

// objName is "object N" with what it is, for messages.
func objName(num uint32, what string) string {
	if what == "" {
		return fmt.Sprintf("object %d", num)
	}
	return fmt.Sprintf("%s (object %d)", what, num)
}

// ptrKey identifies an indirect object.
type ptrKey struct {
	id  uint32
	gen uint16
}

// keyOf returns the object a value was read from.
func keyOf(v pdf.Value) ptrKey {
	p := v.GetPtr()
	return ptrKey{p.GetID(), p.GetGen()}
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
