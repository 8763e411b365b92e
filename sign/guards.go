package sign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/digitorus/pdfsign/revocation"
	"github.com/digitorus/pkcs7"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"kinerja/docinfo"
)

// Sentinel errors of the signing order.
var (
	ErrOrder         = errors.New("out of signing order")
	ErrAlreadySigned = errors.New("already signed by this party")
)

// checkOrder refuses a signature out of the order of info.Signers or a
// second signature by the same party.
func checkOrder(doc *document, party docinfo.Party) error {
	signed := map[docinfo.Party]bool{}
	for _, s := range doc.Sigs {
		signed[s.Party] = true
	}
	if signed[party] {
		return ErrAlreadySigned
	}
	for _, s := range doc.Info.Signers {
		if s.Party == party {
			return nil
		}
		if !signed[s.Party] {
			return fmt.Errorf("%w: %s signs first and has not signed yet", ErrOrder, s.Party.Title())
		}
	}
	return fmt.Errorf("the document has no signature box for %s", party.Title())
}

// checkAnnots refuses a signature page with link annotations or direct
// annotation dictionaries: pdfsign rewrites the page and corrupts them.
func checkAnnots(doc *document, page int) error {
	for _, a := range doc.PageAnnots {
		if a.Page != page {
			continue
		}
		if a.Subtype == "Link" {
			return fmt.Errorf("page %d has link annotations; pdfsign corrupts them when it adds the signature widget (render without links)", page)
		}
		if a.Direct {
			return fmt.Errorf("page %d has a direct %s annotation that pdfsign would corrupt", page, a.Subtype)
		}
	}
	return nil
}

// checkTimestamps refuses to add a signature without a timestamp after a
// timestamped one: the earlier signature's long zero padding would receive
// the new signature (pdfsign defect (c)).
func checkTimestamps(doc *document, tsa bool) error {
	for i, s := range doc.Sigs {
		if s.Timestamp && !tsa {
			return fmt.Errorf("signature %d carries an RFC 3161 timestamp; sign with a timestamp authority too (--tsa)", i+1)
		}
	}
	return nil
}

// placeholderGuard refuses input that pdfsign would mistake for its own
// placeholders: a run of '0' as long as the /Contents placeholder, or the
// literal /ByteRange placeholder.
func placeholderGuard(in []byte, placeholder int) error {
	if bytes.Contains(in, []byte("/ByteRange[0 ********** ********** **********]")) {
		return errors.New("the PDF contains an unfinished pdfsign /ByteRange placeholder")
	}
	if run := longestRun(in, '0'); run >= placeholder {
		return fmt.Errorf("the PDF holds a run of %d '0' characters (an earlier signature's padding?); pdfsign would write the new signature into it", run)
	}
	return nil
}

// longestRun returns the length of the longest run of c in b.
func longestRun(b []byte, c byte) int {
	best := 0
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], c)
		if j < 0 {
			break
		}
		k := i + j
		e := k
		for e < len(b) && b[e] == c {
			e++
		}
		best = max(best, e-k)
		i = e
	}
	return best
}

// tsaAllowance is the space pdfsign adds for a timestamp token (bytes).
const tsaAllowance = 9000

// pdfsignPlaceholder returns the length in hex digits of the /Contents
// placeholder pdfsign reserves, reproducing sign.go SignPDF of the pinned
// version (the switch there adds space only for the DSA-* and ECDSA-SHA384/
// SHA512 certificate signature algorithms: Go cases do not fall through).
func pdfsignPlaceholder(cert *x509.Certificate, chain []*x509.Certificate, h crypto.Hash, tsa bool) (int, error) {
	n := hex.EncodedLen(512)
	switch cert.SignatureAlgorithm.String() {
	case "DSA-SHA1":
		n += hex.EncodedLen(128)
	case "DSA-SHA256":
		n += hex.EncodedLen(256)
	case "ECDSA-SHA384":
		n += hex.EncodedLen(384)
	case "ECDSA-SHA512":
		n += hex.EncodedLen(512)
	}
	n += hex.EncodedLen(h.Size() * 2)
	for i, c := range append([]*x509.Certificate{cert}, chain...) {
		d, err := pkcs7.DegenerateCertificate(c.Raw)
		if err != nil {
			return 0, fmt.Errorf("certificate %d: %w", i, err)
		}
		n += hex.EncodedLen(len(d))
	}
	n += hex.EncodedLen(len(cert.RawIssuer))
	if tsa {
		n += hex.EncodedLen(tsaAllowance)
	}
	return n, nil
}

// maxSigner is a crypto.Signer that returns a dummy signature of the
// largest size the real key can produce; it measures the CMS without a key
// operation (no token PIN prompt, no HSM call).
type maxSigner struct{ pub crypto.PublicKey }

func (m maxSigner) Public() crypto.PublicKey { return m.pub }

func (m maxSigner) Sign(io.Reader, []byte, crypto.SignerOpts) ([]byte, error) {
	switch k := m.pub.(type) {
	case *rsa.PublicKey:
		return bytes.Repeat([]byte{0xff}, k.Size()), nil
	case *ecdsa.PublicKey:
		n := (k.Curve.Params().BitSize + 7) / 8
		big := append([]byte{0x80}, bytes.Repeat([]byte{0xff}, n)...)
		return asn1.Marshal(struct{ R, S asn1.RawValue }{
			asn1.RawValue{Tag: 2, Bytes: big}, asn1.RawValue{Tag: 2, Bytes: big}})
	}
	return nil, fmt.Errorf("unsupported key type %T", m.pub)
}

// cmsSize returns the size in bytes of the CMS pdfsign will produce for
// cred (without a timestamp token), built the same way as pdfsign's
// createSignature.
func cmsSize(cred *Credential, h crypto.Hash) (int, error) {
	sd, err := pkcs7.NewSignedData([]byte("measure"))
	if err != nil {
		return 0, err
	}
	sd.SetDigestAlgorithm(hashOID(h))
	cfg := pkcs7.SignerInfoConfig{ExtraSignedAttributes: []pkcs7.Attribute{
		{Type: asn1.ObjectIdentifier{1, 2, 840, 113583, 1, 1, 8}, Value: revocation.InfoArchival{}},
		signingCertificateAttr(cred.Cert, h),
	}}
	if err := sd.AddSignerChain(cred.Cert, maxSigner{cred.Cert.PublicKey}, cred.Chain, cfg); err != nil {
		return 0, err
	}
	sd.Detach()
	der, err := sd.Finish()
	return len(der), err
}

// hashOID returns the OID of SHA-256/384/512.
func hashOID(h crypto.Hash) asn1.ObjectIdentifier {
	switch h {
	case crypto.SHA384:
		return asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}
	case crypto.SHA512:
		return asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}
	}
	return asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
}

// signingCertificateAttr is pdfsign's SigningCertificateV2 attribute.
func signingCertificateAttr(cert *x509.Certificate, h crypto.Hash) pkcs7.Attribute {
	d := h.New()
	d.Write(cert.Raw)
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				if h != crypto.SHA256 {
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(hashOID(h)) })
				}
				b.AddASN1OctetString(d.Sum(nil))
			})
		})
	})
	return pkcs7.Attribute{Type: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47},
		Value: asn1.RawValue{FullBytes: b.BytesOrPanic()}}
}

// checkSize refuses a credential whose CMS would not fit pdfsign's
// placeholder (pdfsign defect (d)): its retry path writes the PDF twice.
func checkSize(cred *Credential, h crypto.Hash, tsa bool) (placeholder int, err error) {
	placeholder, err = pdfsignPlaceholder(cred.Cert, cred.Chain, h, tsa)
	if err != nil {
		return 0, fmt.Errorf("size estimate: %w", err)
	}
	size, err := cmsSize(cred, h)
	if err != nil {
		return 0, fmt.Errorf("size estimate: %w", err)
	}
	need := hex.EncodedLen(size)
	if tsa {
		need += hex.EncodedLen(tsaAllowance) / 2 // keep at least 4500 bytes for the token
	}
	if need > placeholder {
		return 0, fmt.Errorf("the signature of this %s key (%d bytes) does not fit the space pdfsign reserves (%d bytes); "+
			"pdfsign would write a damaged PDF: use an RSA-2048 or ECDSA key, or a timestamp authority (--tsa)",
			keyName(cred.Cert.PublicKey), size, placeholder/2)
	}
	return placeholder, nil
}

// keyName describes a public key, e.g. "RSA-4096" or "ECDSA P-256".
func keyName(pub crypto.PublicKey) string {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		return fmt.Sprintf("RSA-%d", k.N.BitLen())
	case *ecdsa.PublicKey:
		return "ECDSA " + k.Curve.Params().Name
	}
	return fmt.Sprintf("%T", pub)
}
