package verify

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/asn1"
)

// checkDocTimeStamp checks a document timestamp (/SubFilter
// /ETSI.RFC3161): /Contents is an RFC 3161 token whose signature
// verifies with the certificate it carries (timestamp.Parse), whose
// message imprint is the digest of the signed bytes, and whose authority
// chains to the roots at the token's time.
func checkDocTimeStamp(s *Signature, contents []byte, signed [][]byte, opts Options) {
	var raw asn1.RawValue
	if _, err := asn1.Unmarshal(contents, &raw); err == nil {
		contents = raw.FullBytes
	}
	ts, err := parseTimestamp(contents)
	if err != nil {
		s.Errors = append(s.Errors, "the document timestamp is not a valid timestamp token: "+err.Error())
		return
	}
	t := ts.Time
	s.Timestamp, s.SigningTime = &t, t
	if tsa := tsaCert(ts.Certificates); tsa != nil {
		s.Name, s.SignerSubject, s.SignerIssuer = tsa.Subject.CommonName, tsa.Subject.String(), tsa.Issuer.String()
	}
	if !ts.HashAlgorithm.Available() {
		s.Errors = append(s.Errors, "the document timestamp uses an unsupported hash algorithm")
		return
	}
	s.DigestAlgorithm = hashName(ts.HashAlgorithm)
	h := ts.HashAlgorithm.New()
	for _, b := range signed {
		h.Write(b)
	}
	if !bytes.Equal(h.Sum(nil), ts.HashedMessage) {
		s.Errors = append(s.Errors, "digest mismatch: the time-stamped bytes were changed, or the token was made for another document (message imprint)")
		return
	}
	if len(ts.Certificates) == 0 {
		s.Errors = append(s.Errors, "the document timestamp carries no certificate: its signature cannot be checked")
		return
	}
	s.Integrity = true
	if opts.NoChains {
		return
	}
	if err := verifyTSA(ts, opts); err != nil {
		s.ChainError = err.Error()
		return
	}
	s.Trusted = true
}

// tsaCert returns the authority's certificate among a token's: the one
// for time stamping, else the first.
func tsaCert(certs []*x509.Certificate) *x509.Certificate {
	for _, c := range certs {
		for _, u := range c.ExtKeyUsage {
			if u == x509.ExtKeyUsageTimeStamping {
				return c
			}
		}
	}
	if len(certs) > 0 {
		return certs[0]
	}
	return nil
}

// hashName names h the way digests does ("SHA-256").
func hashName(h crypto.Hash) string {
	for _, d := range digests {
		if d.hash == h {
			return d.name
		}
	}
	return h.String()
}
