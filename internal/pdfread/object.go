package pdfread

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
)

// MaxObject bounds the body Object returns (a catalog, a form field or a
// widget is a few hundred bytes).
const MaxObject = 1 << 20

// Object returns the body of object num in the latest revision as
// written in the file, between "num gen obj" and "endobj", for a writer
// that redefines it in an incremental update (internal/pdfedit edits the
// body). Objects in object streams and stream objects are refused. The
// offset comes from the parser's cross-reference table, read by
// reflection (the parser does not export it); should its internals
// change, Object fails rather than guess.
func (d *Doc) Object(num int) ([]byte, error) {
	off, err := d.offset(num)
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", num, err)
	}
	body, err := bodyAt(d.Data, off, num)
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", num, err)
	}
	return body, nil
}

// offset returns where object num starts, from the latest cross-reference
// table.
func (d *Doc) offset(num int) (int64, error) {
	xs := d.Reader.Xref()
	if num <= 0 || num >= len(xs) {
		return 0, fmt.Errorf("%w: not in the cross-reference table", ErrMalformed)
	}
	x := reflect.ValueOf(&xs[num]).Elem()
	f, in := x.FieldByName("offset"), x.FieldByName("inStream")
	if !f.IsValid() || f.Kind() != reflect.Int64 || !in.IsValid() || in.Kind() != reflect.Bool {
		return 0, fmt.Errorf("the PDF reader's cross-reference entries changed shape")
	}
	if in.Bool() {
		return 0, fmt.Errorf("%w: in an object stream", ErrMalformed)
	}
	if ptr := xs[num].Ptr(); int(ptr.GetID()) != num {
		return 0, fmt.Errorf("%w: not in use", ErrMalformed)
	}
	return f.Int(), nil
}

// bodyAt returns the body of the object num that starts at off.
func bodyAt(data []byte, off int64, num int) ([]byte, error) {
	if off < 0 || off >= int64(len(data)) {
		return nil, fmt.Errorf("%w: offset %d outside the file", ErrMalformed, off)
	}
	rest := data[off:]
	head := strconv.Itoa(num) + " "
	if !bytes.HasPrefix(rest, []byte(head)) {
		return nil, fmt.Errorf("%w: offset %d does not start object %d", ErrMalformed, off, num)
	}
	i := bytes.Index(rest[:min(len(rest), 64)], []byte("obj"))
	end := bytes.Index(rest[:min(len(rest), MaxObject)], []byte("endobj"))
	if i < 0 || end < i {
		return nil, fmt.Errorf("%w: no obj ... endobj within %d bytes", ErrMalformed, MaxObject)
	}
	body := bytes.TrimSpace(rest[i+len("obj") : end])
	if bytes.Contains(body, []byte("stream")) {
		return nil, fmt.Errorf("%w: a stream, not a dictionary", ErrMalformed)
	}
	return body, nil
}
