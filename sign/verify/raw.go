package verify

import (
	"reflect"

	"github.com/digitorus/pdf"
)

// The PDF reader keeps a dictionary's raw entries and a stream's file
// offset private; reading them by reflection avoids reading objects (or
// formatting a whole dictionary) just to learn where they are. Should the
// reader's internals change, these helpers report ok false and callers
// take the slow way.

// rawRef returns the object a dictionary entry refers to, without reading
// that object (the PDF reader resolves references on access; its raw data
// is reached by reflection). ok is false when the entry is no reference.
func rawRef(v pdf.Value, key string) (id uint32, gen uint16, ok bool) {
	m := reflect.ValueOf(v.RawData())
	if m.Kind() != reflect.Map || m.Type().Key().Kind() != reflect.String {
		return 0, 0, false
	}
	e := m.MapIndex(reflect.ValueOf(key).Convert(m.Type().Key()))
	if e.IsValid() && e.Kind() == reflect.Interface {
		e = e.Elem()
	}
	if !e.IsValid() || e.Kind() != reflect.Struct || e.Type().Name() != "objptr" || e.NumField() != 2 {
		return 0, 0, false
	}
	f0, f1 := e.Field(0), e.Field(1)
	if f0.Kind() != reflect.Uint32 || f1.Kind() != reflect.Uint16 {
		return 0, 0, false
	}
	return uint32(f0.Uint()), uint16(f1.Uint()), true
}

// xrefEntry returns the cross-reference entry of object id (as a
// comparable value: object, generation, place in the file), if it is in
// use with generation gen and not in an object stream.
func xrefEntry(r *pdf.Reader, id uint32, gen uint16) (any, bool) {
	if r == nil {
		return nil, false
	}
	xr := r.Xref()
	if int(id) >= len(xr) {
		return nil, false
	}
	x := xr[id]
	p, s := x.Ptr(), x.Stream()
	if p.GetID() != id || p.GetGen() != gen || s.GetID() != 0 {
		return nil, false
	}
	return x, true
}

// rawStreamOffset returns the file offset of a stream's data.
func rawStreamOffset(v pdf.Value) (int64, bool) {
	s := reflect.ValueOf(v.RawData())
	if s.Kind() != reflect.Struct || s.Type().Name() != "stream" {
		return 0, false
	}
	f := s.FieldByName("offset")
	if !f.IsValid() || f.Kind() != reflect.Int64 {
		return 0, false
	}
	return f.Int(), true
}
