package pdfedit

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// Value is a parsed PDF value: *Dict, Array, Name, Ref or Atom.
type Value interface {
	encode(b *bytes.Buffer)
}

// Atom is a value kept as its bytes: a number, a string (literal or
// hex, delimiters included), true, false or null.
type Atom []byte

// Name is a PDF name without its slash, #xx escapes decoded.
type Name string

// Ref is an indirect reference.
type Ref struct{ Num, Gen int }

// Array is a PDF array.
type Array []Value

// Dict is a PDF dictionary whose keys keep their order.
type Dict struct {
	keys []Name
	vals []Value
}

// ErrIndirect means a value the edit must change in place is an indirect
// reference: the caller has to pass the object it points to.
var ErrIndirect = errors.New("value is an indirect reference")

// Get returns the value of key (a name without its slash).
func (d *Dict) Get(key string) (Value, bool) {
	for i, k := range d.keys {
		if string(k) == key {
			return d.vals[i], true
		}
	}
	return nil, false
}

// Set gives key the value v, in place when the key exists, else at the end.
func (d *Dict) Set(key string, v Value) {
	for i, k := range d.keys {
		if string(k) == key {
			d.vals[i] = v
			return
		}
	}
	d.keys = append(d.keys, Name(key))
	d.vals = append(d.vals, v)
}

// Keys returns the keys in order.
func (d *Dict) Keys() []string {
	out := make([]string, len(d.keys))
	for i, k := range d.keys {
		out[i] = string(k)
	}
	return out
}

// Append appends v to the array that is the value of key, creating the
// array when the key is absent. An indirect array is ErrIndirect.
func (d *Dict) Append(key string, v Value) error {
	cur, ok := d.Get(key)
	if !ok {
		d.Set(key, Array{v})
		return nil
	}
	switch a := cur.(type) {
	case Array:
		d.Set(key, append(a, v))
		return nil
	case Ref:
		return fmt.Errorf("/%s: %w (%d %d R)", key, ErrIndirect, a.Num, a.Gen)
	}
	return fmt.Errorf("/%s is not an array", key)
}

// Encode returns v in PDF syntax.
func Encode(v Value) []byte {
	var b bytes.Buffer
	v.encode(&b)
	return b.Bytes()
}

func (a Atom) encode(b *bytes.Buffer) { b.Write(a) }

func (r Ref) encode(b *bytes.Buffer) {
	b.WriteString(strconv.Itoa(r.Num) + " " + strconv.Itoa(r.Gen) + " R")
}

func (a Array) encode(b *bytes.Buffer) {
	b.WriteByte('[')
	for i, v := range a {
		if i > 0 {
			b.WriteByte(' ')
		}
		v.encode(b)
	}
	b.WriteByte(']')
}

func (d *Dict) encode(b *bytes.Buffer) {
	b.WriteString("<<")
	for i, k := range d.keys {
		b.WriteByte(' ')
		k.encode(b)
		b.WriteByte(' ')
		d.vals[i].encode(b)
	}
	b.WriteString(" >>")
}

// encode writes the name with a slash, escaping what a regular name
// character cannot be (ISO 32000-1 §7.3.5).
func (n Name) encode(b *bytes.Buffer) {
	b.WriteByte('/')
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c < 0x21 || c > 0x7e || c == '#' || isDelimiter(c) {
			fmt.Fprintf(b, "#%02X", c)
			continue
		}
		b.WriteByte(c)
	}
}
