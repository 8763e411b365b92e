// Package cades builds the CMS signatures of PAdES baseline signatures:
// detached SignedData over a digest the caller computed (the PDF
// /ByteRange hash), and RFC 3161 timestamp tokens for signature and
// document timestamps.
//
// # What it owns
//
//   - Signer.Sign (sign.go, cms.go, attrs.go): a SignedData (RFC 5652) with
//     no encapsulated content, version 1, one SignerInfo identified by
//     issuer and serial number, and the whole chain in certificates. The
//     signed attributes are exactly those of ETSI EN 319 122-1 baseline
//     that EN 319 142-1 keeps for PAdES: content-type (id-data),
//     message-digest and signing-certificate-v2 (RFC 5035, ESSCertIDv2
//     with the certificate hash and issuerSerial). There is no
//     signing-time: PAdES puts the claimed time in the signature
//     dictionary's /M. The key is a crypto.Signer (a PKCS#12 key or a
//     PKCS#11 token): RSA PKCS#1 v1.5 or ECDSA, with SHA-256, SHA-384 or
//     SHA-512.
//   - TSA (tsa.go): a small RFC 3161 client with a timeout, a bounded
//     response size and errors that name the URL. With Signer.TSA set, the
//     token over the signature value is added as the unsigned attribute
//     id-aa-signatureTimeStampToken (PAdES B-T). TSA.Timestamp over a
//     document digest returns the token that is the /Contents of a
//     document timestamp (SubFilter ETSI.RFC3161, PAdES B-LTA).
//   - Sizes (size.go): EstimateSize computes an upper bound of the
//     encoded signature from the chain and the key's largest signature, so
//     a /Contents placeholder fits RSA-2048/3072/4096 and P-256/P-384 with
//     or without a timestamp; TSA.TokenSize learns the token size by asking
//     the authority once.
//
// The encoder is written on golang.org/x/crypto/cryptobyte. The signed
// attributes are DER (their SET OF is sorted, as the signature covers
// their encoding); the rest is DER too, except that the certificates stay
// in chain order, signer first, as BER allows and verifiers expect.
//
// # Limits
//
// One signer per SignedData; no RSA-PSS, no Ed25519; no signature policy,
// commitment type or signer location attributes; no counter-signatures.
// Timestamp tokens are checked against the request (imprint, nonce) and
// their own signature, not against a trust list: that is the verifier's
// job. Revocation data (PAdES B-LT) goes in the PDF's /DSS, not here.
package cades
