package verify

import (
	"bytes"
	"fmt"
	"reflect"

	"kinerja/docinfo"
)

// DiscoveryAgrees (tests only) compares what the strict reading's layout
// finds (the signature fields' values, the kinerja info) with what the
// PDF reader finds, for a file the strict reading accepts.
func DiscoveryAgrees(data []byte) error {
	d, err := openDocument(data)
	if err != nil || d.layout == nil {
		return nil
	}
	raw, rawOK := d.rawSigsFromFields()
	old, oldOK := d.sigsFromFields()
	if rawOK != oldOK || len(raw) != len(old) {
		return fmt.Errorf("the layout found %d signatures (%v), the reader %d (%v)", len(raw), rawOK, len(old), oldOK)
	}
	for i := range raw {
		a, b := *raw[i], *old[i]
		if (a.brErr == "") != (b.brErr == "") {
			return fmt.Errorf("signature %d: /ByteRange: the layout %q, the reader %q", i+1, a.brErr, b.brErr)
		}
		a.brErr, b.brErr = "", "" // the value is printed differently
		if !bytes.Equal(a.contents, b.contents) {
			return fmt.Errorf("signature %d: /Contents differ", i+1)
		}
		a.contents, b.contents = nil, nil
		if !reflect.DeepEqual(a, b) {
			return fmt.Errorf("signature %d: the layout read %+v, the reader %+v", i+1, a, b)
		}
	}
	info, _ := d.rawInfo()
	want, _ := docinfo.InfoFrom(d.reader())
	if !reflect.DeepEqual(info, want) {
		return fmt.Errorf("info: the layout read %+v, the reader %+v", info, want)
	}
	return nil
}
