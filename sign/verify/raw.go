package verify

import (
	"reflect"

	"github.com/digitorus/pdf"
)

// The PDF reader keeps a stream's file offset private; reading it by
// reflection lets streams be cached by offset. Should the reader's
// internals change, rawStreamOffset reports ok false and streams are
// decoded again.

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
