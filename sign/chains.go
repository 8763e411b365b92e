package sign

import (
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/digitorus/pkcs7"

	"kinerja/internal/pdfread"
	"kinerja/sign/verify"
)

// oidTimeStampToken is id-aa-timeStampToken (RFC 3161 Appendix A).
var oidTimeStampToken = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14}

// signatureChains returns the certificates of every signature of data
// (every /ByteRange the file holds): for a signature, the CMS's
// certificates and, when it carries a timestamp token, the token's; for
// a document timestamp, the token's. Callers verify the document first:
// a /ByteRange that is no signature's is refused.
func signatureChains(data []byte) ([][]*x509.Certificate, error) {
	var chains [][]*x509.Certificate
	for _, m := range pdfread.ScanByteRanges(data) {
		contents, err := gapContents(data, m)
		if err != nil {
			return nil, err
		}
		p7, err := verify.ParseCMS(contents)
		if err != nil {
			return nil, fmt.Errorf("signature at offset %d: %w", m[0], err)
		}
		chains = append(chains, p7.Certificates)
		token, err := tokenOf(p7)
		if err != nil {
			return nil, fmt.Errorf("signature at offset %d: timestamp token: %w", m[0], err)
		}
		if token != nil {
			chains = append(chains, token.Certificates)
		}
	}
	return chains, nil
}

// gapContents decodes the /Contents hex string between a /ByteRange's
// two ranges (submatch indexes m, as pdfread.ScanByteRanges gives them).
func gapContents(data []byte, m []int) ([]byte, error) {
	var br [4]int
	for i := range br {
		n, err := strconv.Atoi(string(data[m[2+2*i]:m[3+2*i]]))
		if err != nil {
			return nil, fmt.Errorf("/ByteRange at offset %d: %w", m[0], err)
		}
		br[i] = n
	}
	if br[1] <= 0 || br[2] > len(data) || br[2]-br[1] < 2 || data[br[1]] != '<' || data[br[2]-1] != '>' {
		return nil, fmt.Errorf("/ByteRange %v at offset %d: its gap is no hex string", br, m[0])
	}
	raw, err := hex.DecodeString(string(data[br[1]+1 : br[2]-1]))
	if err != nil {
		return nil, fmt.Errorf("/ByteRange %v at offset %d: /Contents: %w", br, m[0], err)
	}
	return raw, nil
}

// tokenOf returns the timestamp token among the unsigned attributes of
// p7's signer, or nil.
func tokenOf(p7 *pkcs7.PKCS7) (*pkcs7.PKCS7, error) {
	for _, s := range p7.Signers {
		for _, a := range s.UnauthenticatedAttributes {
			if a.Type.Equal(oidTimeStampToken) {
				return verify.ParseCMS(a.Value.Bytes)
			}
		}
	}
	return nil, nil
}
