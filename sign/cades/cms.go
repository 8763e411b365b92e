package cades

import (
	"crypto"
	"crypto/x509"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

var (
	tag0 = cbasn1.Tag(0).ContextSpecific().Constructed()
	tag1 = cbasn1.Tag(1).ContextSpecific().Constructed()
)

// parts are the pieces of one SignedData.
type parts struct {
	chain  []*x509.Certificate // signer first
	hash   crypto.Hash
	sigAlg algorithm
	attrs  []byte // contents of the signed attributes SET
	sig    []byte // signature value
	token  []byte // RFC 3161 TimeStampToken, or nil
}

// encode writes ContentInfo { id-signedData, [0] SignedData }.
func (p *parts) encode() ([]byte, error) {
	b := cryptobyte.NewBuilder(make([]byte, 0, p.sizeHint()))
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(oidSignedData)
		b.AddASN1(tag0, p.signedData)
	})
	return b.Bytes()
}

// sizeHint is a little more than the encoded size, so the builder
// allocates once.
func (p *parts) sizeHint() int {
	n := 256 + len(p.attrs) + len(p.sig) + len(p.token)
	for _, c := range p.chain {
		n += len(c.Raw)
	}
	return n
}

// signedData writes SignedData (RFC 5652 §5.1): version 1, the digest
// algorithm, an encapsulated id-data without content (detached), the
// chain and one SignerInfo.
func (p *parts) signedData(b *cryptobyte.Builder) {
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1Int64(1)
		b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) { addDigestAlgorithm(b, p.hash) })
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidData) })
		b.AddASN1(tag0, func(b *cryptobyte.Builder) {
			for _, c := range p.chain {
				b.AddBytes(c.Raw)
			}
		})
		b.AddASN1(cbasn1.SET, p.signerInfo)
	})
}

// signerInfo writes SignerInfo (RFC 5652 §5.3), version 1 with
// issuerAndSerialNumber, and the timestamp token as unsigned attribute.
func (p *parts) signerInfo(b *cryptobyte.Builder) {
	cert := p.chain[0]
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1Int64(1)
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddBytes(cert.RawIssuer)
			b.AddASN1BigInt(cert.SerialNumber)
		})
		addDigestAlgorithm(b, p.hash)
		b.AddASN1(tag0, func(b *cryptobyte.Builder) { b.AddBytes(p.attrs) })
		addAlgorithm(b, p.sigAlg)
		b.AddASN1OctetString(p.sig)
		if p.token != nil {
			b.AddASN1(tag1, attribute(oidTimeStampToken, func(b *cryptobyte.Builder) { b.AddBytes(p.token) }))
		}
	})
}

// attributesToSign returns the DER the signature covers: the signed
// attributes with the SET OF tag, not the [0] of SignerInfo.
func attributesToSign(attrs []byte) ([]byte, error) {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) { b.AddBytes(attrs) })
	return b.Bytes()
}
