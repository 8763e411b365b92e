package sign

import (
	"bytes"
	"fmt"
	"strings"

	"kinerja/internal/pdfread"
	"kinerja/sign/verify"
)

// checkSigned checks a freshly signed document in memory before it may
// replace anything: the input is a byte prefix, there is one %PDF-
// header, and the project's verifier finds every signature of the file
// (one per /ByteRange) intact (digest and CMS signature), the last one
// covering the whole file, nothing but the contract's changes after each,
// and no structural problem. Trust in the issuer is the reader's business,
// not the signer's: a missing root does not fail signing. With dssAfter
// the last update is a /DSS, which the policy judged, so the last
// signature covers all but that update.
func checkSigned(in, out []byte, dssAfter bool) (err error) {
	defer pdfread.Catch(&err, "check signed pdf")
	if !bytes.HasPrefix(out, in) {
		return fmt.Errorf("check signed pdf: the original bytes were changed (not an incremental update)")
	}
	if n := bytes.Count(out, []byte("%PDF-")); n != 1 {
		return fmt.Errorf("check signed pdf: %d %%PDF- headers", n)
	}
	want := len(pdfread.ScanByteRanges(out))
	rep, err := verify.VerifyBytes(out, verify.Options{NoChains: true})
	if err != nil {
		return fmt.Errorf("check signed pdf: %w", err)
	}
	if len(rep.Problems) > 0 {
		return fmt.Errorf("check signed pdf: %s", strings.Join(rep.Problems, "; "))
	}
	if len(rep.Signatures) != want {
		return fmt.Errorf("check signed pdf: verifier found %d signatures, the file has %d", len(rep.Signatures), want)
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
	if last := rep.Signatures[len(rep.Signatures)-1]; !last.CoversWholeFile && !dssAfter {
		return fmt.Errorf("check signed pdf: the last signature's /ByteRange %v does not cover the whole file", last.ByteRange)
	}
	return nil
}
