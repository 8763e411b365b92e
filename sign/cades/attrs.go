package cades

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/asn1"
	"slices"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// signedAttributes returns the DER contents of the signed attributes SET:
// content-type, message-digest and signing-certificate-v2, sorted by
// their encodings as DER requires of a SET OF.
func signedAttributes(digest []byte, h crypto.Hash, cert *x509.Certificate) ([]byte, error) {
	attrs := make([][]byte, 0, 3)
	for _, add := range []func(*cryptobyte.Builder){
		attribute(oidContentType, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidData) }),
		attribute(oidMessageDigest, func(b *cryptobyte.Builder) { b.AddASN1OctetString(digest) }),
		attribute(oidSigningCertificateV2, signingCertificateV2(h, cert)),
	} {
		var b cryptobyte.Builder
		add(&b)
		der, err := b.Bytes()
		if err != nil {
			return nil, err
		}
		attrs = append(attrs, der)
	}
	slices.SortFunc(attrs, bytes.Compare)
	return bytes.Join(attrs, nil), nil
}

// attribute returns a builder of Attribute ::= SEQUENCE { attrType,
// attrValues SET OF } with the one value value writes.
func attribute(oid asn1.ObjectIdentifier, value cryptobyte.BuilderContinuation) func(*cryptobyte.Builder) {
	return func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier(oid)
			b.AddASN1(cbasn1.SET, value)
		})
	}
}

// signingCertificateV2 writes SigningCertificateV2 (RFC 5035) with one
// ESSCertIDv2: the hash of cert by h (the identifier is left out for
// SHA-256, its DEFAULT) and issuerSerial, the issuer as a directoryName
// and the serial number.
func signingCertificateV2(h crypto.Hash, cert *x509.Certificate) cryptobyte.BuilderContinuation {
	sum := h.New()
	sum.Write(cert.Raw)
	return func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // SigningCertificateV2
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // certs
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // ESSCertIDv2
					if h != crypto.SHA256 {
						addDigestAlgorithm(b, h)
					}
					b.AddASN1OctetString(sum.Sum(nil))
					addIssuerSerial(b, cert)
				})
			})
		})
	}
}

// addIssuerSerial writes IssuerSerial ::= SEQUENCE { GeneralNames,
// serialNumber } naming the issuer as a directoryName ([4], explicit
// because Name is a CHOICE).
func addIssuerSerial(b *cryptobyte.Builder, cert *x509.Certificate) {
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.Tag(4).ContextSpecific().Constructed(), func(b *cryptobyte.Builder) {
				b.AddBytes(cert.RawIssuer)
			})
		})
		b.AddASN1BigInt(cert.SerialNumber)
	})
}

// addDigestAlgorithm writes the AlgorithmIdentifier of h; h must be one
// digestAlgorithm accepts.
func addDigestAlgorithm(b *cryptobyte.Builder, h crypto.Hash) {
	alg, err := digestAlgorithm(h)
	if err != nil {
		b.SetError(err)
		return
	}
	addAlgorithm(b, alg)
}

// addAlgorithm writes an AlgorithmIdentifier.
func addAlgorithm(b *cryptobyte.Builder, alg algorithm) {
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(alg.oid)
		if alg.null {
			b.AddASN1NULL()
		}
	})
}
