package cades

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"encoding/asn1"
	"fmt"
)

// Object identifiers of RFC 5652, RFC 5035, RFC 3161, RFC 5754 and RFC 5758.
var (
	oidData                 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidContentType          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidMessageDigest        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidSigningCertificateV2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidTimeStampToken       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14}
)

// algorithm is an AlgorithmIdentifier: an OID with absent or NULL
// parameters.
type algorithm struct {
	oid  asn1.ObjectIdentifier
	null bool
}

// digestAlgorithm returns the identifier of h; RFC 5754 says to generate
// SHA-2 identifiers with absent parameters.
func digestAlgorithm(h crypto.Hash) (algorithm, error) {
	switch h {
	case crypto.SHA256:
		return algorithm{oid: asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}}, nil
	case crypto.SHA384:
		return algorithm{oid: asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}}, nil
	case crypto.SHA512:
		return algorithm{oid: asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}}, nil
	}
	return algorithm{}, fmt.Errorf("digest %v not supported (want SHA-256, SHA-384 or SHA-512)", h)
}

// signatureAlgorithm returns the identifier of a signature by pub over h:
// sha*WithRSAEncryption with NULL parameters (RFC 4055) or
// ecdsa-with-SHA* with absent parameters (RFC 5758).
func signatureAlgorithm(pub crypto.PublicKey, h crypto.Hash) (algorithm, error) {
	i := map[crypto.Hash]int{crypto.SHA256: 0, crypto.SHA384: 1, crypto.SHA512: 2}[h]
	switch pub.(type) {
	case *rsa.PublicKey:
		return algorithm{oid: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 11 + i}, null: true}, nil
	case *ecdsa.PublicKey:
		return algorithm{oid: asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2 + i}}, nil
	}
	return algorithm{}, fmt.Errorf("key type %T not supported (want RSA or ECDSA)", pub)
}
