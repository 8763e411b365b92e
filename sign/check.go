package sign

import (
	"bytes"
	"fmt"
	"strings"

	"kinerja/internal/pdfread"
	"kinerja/sign/verify"
)

// checkSigned checks a freshly signed document in memory before it may
// replace anything: the input is a byte prefix, there is exactly one %PDF-
// header, it reopens, it has want signatures, each /ByteRange leaves out
// exactly its /Contents, the last one ends at the end of the file, and
// every signature is cryptographically valid.
func checkSigned(in, out []byte, want int) (err error) {
	defer pdfread.Catch(&err, "check signed pdf")
	if !bytes.HasPrefix(out, in) {
		return fmt.Errorf("check signed pdf: the original bytes were changed (not an incremental update)")
	}
	if n := bytes.Count(out, []byte("%PDF-")); n != 1 {
		return fmt.Errorf("check signed pdf: %d %%PDF- headers (pdfsign wrote the file more than once)", n)
	}
	ranges, err := byteRanges(out)
	if err != nil {
		return err
	}
	if len(ranges) != want {
		return fmt.Errorf("check signed pdf: %d signatures, want %d", len(ranges), want)
	}
	for i, br := range ranges {
		if err := checkByteRange(out, br, i == len(ranges)-1); err != nil {
			return fmt.Errorf("check signed pdf: signature %d: %w", i+1, err)
		}
	}
	return verifySignatures(out, want)
}

// byteRanges reopens the PDF and returns the /ByteRange of each signature
// field, in field order.
func byteRanges(out []byte) ([][]int64, error) {
	d, err := pdfread.Open(out)
	if err != nil {
		return nil, fmt.Errorf("check signed pdf: does not reopen: %w", err)
	}
	fields := d.Reader.Trailer().Key("Root").Key("AcroForm").Key("Fields")
	var out2 [][]int64
	for i := 0; i < fields.Len(); i++ {
		f := fields.Index(i)
		if f.Key("FT").Name() != "Sig" {
			continue
		}
		br := f.Key("V").Key("ByteRange")
		var r []int64
		for j := 0; j < br.Len(); j++ {
			r = append(r, br.Index(j).Int64())
		}
		out2 = append(out2, r)
	}
	return out2, nil
}

// checkByteRange checks one /ByteRange [0 a b c]: the gap is the
// <hex> /Contents string, and for the last signature b+c is the file size.
func checkByteRange(out []byte, br []int64, last bool) error {
	if len(br) != 4 || br[0] != 0 || br[1] <= 0 || br[2] <= br[1] || br[3] < 0 {
		return fmt.Errorf("malformed /ByteRange %v", br)
	}
	end := br[2] + br[3]
	if end > int64(len(out)) {
		return fmt.Errorf("/ByteRange %v runs past the end of the file (%d bytes)", br, len(out))
	}
	if out[br[1]] != '<' || out[br[2]-1] != '>' {
		return fmt.Errorf("/ByteRange %v does not leave out exactly the /Contents string", br)
	}
	if last && end != int64(len(out)) {
		return fmt.Errorf("/ByteRange %v ends at %d, not at the end of the file (%d)", br, end, len(out))
	}
	return nil
}

// verifySignatures checks with the project's verifier that every
// signature is intact (digest and CMS signature), that nothing but later
// signatures changed after each one, and that the document has no
// structural problem. Trust in the issuer is the reader's business, not the
// signer's: a missing root does not fail signing.
func verifySignatures(out []byte, want int) error {
	rep, err := verify.Verify(bytes.NewReader(out), int64(len(out)), verify.Options{})
	if err != nil {
		return fmt.Errorf("check signed pdf: %w", err)
	}
	if len(rep.Problems) > 0 {
		return fmt.Errorf("check signed pdf: %s", strings.Join(rep.Problems, "; "))
	}
	if len(rep.Signatures) != want {
		return fmt.Errorf("check signed pdf: verifier found %d signatures, want %d", len(rep.Signatures), want)
	}
	for _, s := range rep.Signatures {
		switch {
		case !s.Integrity:
			return fmt.Errorf("check signed pdf: signature %d (%s) does not verify: %s", s.Index, s.Name, strings.Join(s.Errors, "; "))
		case s.ModifiedAfter:
			return fmt.Errorf("check signed pdf: signature %d: %s changed after it", s.Index, strings.Join(s.Modifications, ", "))
		case len(s.Errors) > 0:
			return fmt.Errorf("check signed pdf: signature %d: %s", s.Index, strings.Join(s.Errors, "; "))
		}
	}
	return nil
}
