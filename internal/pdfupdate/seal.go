package pdfupdate

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// byteRangeWidth is the room for each /ByteRange number: ten digits hold
// any offset below 10 GB, far above the largest file kinerja reads.
const byteRangeWidth = 10

// byteRangeHole is the placeholder array: four numbers of spaces-padded
// zeros that Seal overwrites in place.
var byteRangeHole = "/ByteRange [" + strings.TrimSuffix(strings.Repeat(strings.Repeat(" ", byteRangeWidth-1)+"0 ", 4), " ") + "]"

// Placeholder returns the /ByteRange and /Contents entries of a signature
// dictionary, with room for a DER signature of up to size bytes.
func Placeholder(size int) string {
	return byteRangeHole + "\n/Contents <" + strings.Repeat("0", 2*size) + ">"
}

// ErrTooSmall means the signature does not fit the reserved /Contents.
var ErrTooSmall = errors.New("signature larger than the reserved /Contents")

// Ranges locates the placeholder of the signature object that starts at
// off in doc, writes the byte ranges (everything except the /Contents
// string, its angle brackets included) into it, and returns them.
func Ranges(doc []byte, off int64) ([4]int64, error) {
	var br [4]int64
	obj := doc[off:]
	end := bytes.Index(obj, []byte("endobj"))
	if end < 0 {
		return br, fmt.Errorf("pdfupdate: no signature object at offset %d", off)
	}
	obj = obj[:end]
	h := bytes.Index(obj, []byte(byteRangeHole))
	c := bytes.Index(obj, []byte("/Contents <"))
	if h < 0 || c < 0 {
		return br, fmt.Errorf("pdfupdate: no signature placeholder at offset %d", off)
	}
	start := off + int64(c) + int64(len("/Contents "))
	stop := off + int64(c) + int64(bytes.IndexByte(obj[c:], '>')) + 1
	br = [4]int64{0, start, stop, int64(len(doc)) - stop}
	arr := "/ByteRange ["
	for i, v := range br {
		if i > 0 {
			arr += " "
		}
		arr += fmt.Sprintf("%*d", byteRangeWidth, v)
	}
	copy(doc[off+int64(h):], arr+"]")
	return br, nil
}

// Signed returns the bytes a signature over br covers, in order.
func Signed(doc []byte, br [4]int64) [][]byte {
	return [][]byte{doc[br[0] : br[0]+br[1]], doc[br[2] : br[2]+br[3]]}
}

// Seal writes der, hex-encoded, into the /Contents hole that br leaves
// out; the rest of the hole stays zeros (the DER length is in its header).
func Seal(doc []byte, br [4]int64, der []byte) error {
	hole := doc[br[1]+1 : br[2]-1]
	if 2*len(der) > len(hole) {
		return fmt.Errorf("pdfupdate: %w (%d bytes, room for %d)", ErrTooSmall, len(der), len(hole)/2)
	}
	hex.Encode(hole, der)
	for i := range hole[2*len(der):] {
		hole[2*len(der)+i] = '0'
	}
	return nil
}
