package verify

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"time"

	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"

	"kinerja/internal/bytecache"
)

// OIDs used below.
var (
	oidTimeStampToken = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14}
	oidEKUDocSigning  = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}
	oidEKUAdobe       = asn1.ObjectIdentifier{1, 2, 840, 113583, 1, 1, 5}
	oidEKUMSDocSign   = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 311, 10, 3, 12}
)

// digests maps CMS digest algorithm OIDs to hashes.
var digests = []struct {
	oid  asn1.ObjectIdentifier
	hash crypto.Hash
	name string
}{
	{pkcs7.OIDDigestAlgorithmSHA1, crypto.SHA1, "SHA-1"},
	{pkcs7.OIDDigestAlgorithmSHA256, crypto.SHA256, "SHA-256"},
	{pkcs7.OIDDigestAlgorithmSHA384, crypto.SHA384, "SHA-384"},
	{pkcs7.OIDDigestAlgorithmSHA512, crypto.SHA512, "SHA-512"},
}

// clockSkew is how far in the future a signing time may lie.
const clockSkew = 5 * time.Minute

// checkSignature checks one signature dictionary.
func (d *document) checkSignature(sd *sigDict, opts Options) Signature {
	s := Signature{Name: sd.name, Reason: sd.reason, Location: sd.location, SigningTime: sd.m, DocTimeStamp: sd.docTS}
	if sd.brErr != "" {
		s.Errors = append(s.Errors, sd.brErr)
		return s
	}
	copy(s.ByteRange[:], sd.byteRange)
	s.Revision = d.revisionAt(sd.end())
	s.CoversWholeFile = d.coversWholeFile(sd.end())
	if msg := d.checkByteRange(sd); msg != "" {
		s.Errors = append(s.Errors, msg)
		return s
	}
	if s.Revision == 0 {
		s.Errors = append(s.Errors, fmt.Sprintf("ByteRange ends at %d, which is not the end of a revision (%%%%EOF)", sd.end()))
	}
	signed := [][]byte{d.data[:sd.byteRange[1]], d.data[sd.byteRange[2]:sd.end()]}
	if sd.docTS {
		checkDocTimeStamp(&s, sd.contents, signed, opts)
	} else {
		checkCMS(&s, sd.contents, signed, opts)
	}
	return s
}

// checkCMS checks the CMS signature in contents over the signed bytes.
func checkCMS(s *Signature, contents []byte, signed [][]byte, opts Options) {
	p7, err := ParseCMS(contents)
	if err != nil {
		s.Errors = append(s.Errors, "the signature value is not a valid CMS (PKCS #7) signature: "+err.Error())
		return
	}
	if len(p7.Signers) != 1 {
		s.Errors = append(s.Errors, fmt.Sprintf("the CMS has %d signers; want exactly 1", len(p7.Signers)))
		return
	}
	leaf := signerCert(p7)
	if leaf == nil {
		s.Errors = append(s.Errors, "the CMS does not contain the signer's certificate")
		return
	}
	s.SignerSubject, s.SignerIssuer = leaf.Subject.String(), leaf.Issuer.String()
	s.commonName, s.cert = leaf.Subject.CommonName, leaf
	if s.Name == "" {
		s.Name = leaf.Subject.CommonName
	}
	var st time.Time
	if p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &st) == nil {
		s.SigningTime = st
	}
	s.Integrity = checkIntegrity(s, p7, leaf, signed)
	tsTime := checkTimestamp(s, p7, opts)
	checkCert(s, p7, leaf, tsTime, opts)
}

// ParseCMS parses the value of a signature's /Contents: a DER CMS that
// may be followed by zero padding. The parser's panics become errors. The
// result is shared with other callers that parse the same bytes (see
// parsedCMS): it must not be changed.
func ParseCMS(contents []byte) (p7 *pkcs7.PKCS7, err error) {
	var raw asn1.RawValue
	if _, err := asn1.Unmarshal(contents, &raw); err == nil {
		contents = raw.FullBytes
	} else {
		contents = bytes.TrimRight(contents, "\x00")
	}
	if p7, ok := parsedCMS.Get(contents); ok {
		return p7, nil
	}
	if p7, err = parseCMS(contents); err == nil {
		parsedCMS.Put(contents, p7)
	}
	return p7, err
}

// parseCMS runs pkcs7.Parse, its panics becoming errors.
func parseCMS(der []byte) (p7 *pkcs7.PKCS7, err error) {
	defer func() {
		if p := recover(); p != nil {
			p7, err = nil, fmt.Errorf("malformed: %v", p)
		}
	}()
	return pkcs7.Parse(der)
}

// parsedCMS keeps the CMS structures parsed last, by their bytes: a
// signature is parsed again by every reading of its document in one
// process (the signer's check of its result, verify, archive add), and
// pkcs7.Parse (a BER-to-DER pass, then the certificates) costs about as
// much as the rest of checking it.
var parsedCMS = bytecache.New[*pkcs7.PKCS7](128, 64<<10)

// signerCert finds the certificate named by the (only) signer.
func signerCert(p7 *pkcs7.PKCS7) *x509.Certificate {
	ias := p7.Signers[0].IssuerAndSerialNumber
	for _, c := range p7.Certificates {
		if c.SerialNumber != nil && ias.SerialNumber != nil &&
			c.SerialNumber.Cmp(ias.SerialNumber) == 0 && bytes.Equal(c.RawIssuer, ias.IssuerName.FullBytes) {
			return c
		}
	}
	return nil
}

// digestOf hashes the signed byte ranges with the signer's algorithm.
func digestOf(p7 *pkcs7.PKCS7, signed [][]byte) ([]byte, string, error) {
	alg := p7.Signers[0].DigestAlgorithm.Algorithm
	for _, dg := range digests {
		if dg.oid.Equal(alg) && dg.hash.Available() {
			h := dg.hash.New()
			for _, b := range signed {
				h.Write(b)
			}
			return h.Sum(nil), dg.name, nil
		}
	}
	return nil, alg.String(), fmt.Errorf("unsupported digest algorithm %s", alg)
}

// checkIntegrity compares the digest of the signed bytes with the CMS
// messageDigest and verifies the CMS signature over its attributes.
func checkIntegrity(s *Signature, p7 *pkcs7.PKCS7, leaf *x509.Certificate, signed [][]byte) bool {
	sum, name, err := digestOf(p7, signed)
	s.DigestAlgorithm = name
	if err != nil {
		s.Errors = append(s.Errors, err.Error())
		return false
	}
	var md []byte
	if err := p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeMessageDigest, &md); err != nil {
		s.Errors = append(s.Errors, "the CMS has no messageDigest attribute")
		return false
	}
	if !bytes.Equal(md, sum) {
		s.Errors = append(s.Errors, "digest mismatch: the signed bytes were changed after signing, or the signature value was made for another document")
		return false
	}
	if err := verifySignerInfo(p7, leaf, signed); err != nil {
		s.Errors = append(s.Errors, "the CMS signature does not verify with the signer's certificate: "+err.Error())
		return false
	}
	return true
}

// verifySignerInfo checks the signature value over the signed attributes,
// whose messageDigest the caller has already compared with its own digest
// of the signed bytes. For RSA (PKCS #1 v1.5) and ECDSA it does so
// directly, without pkcs7 hashing the signed bytes a second time over a
// joined copy; other algorithms go through pkcs7 (verifyCMSSignature).
func verifySignerInfo(p7 *pkcs7.PKCS7, leaf *x509.Certificate, signed [][]byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("malformed: %v", p)
		}
	}()
	si := p7.Signers[0]
	alg, ok := signatureAlgorithm(si.DigestEncryptionAlgorithm.Algorithm, si.DigestAlgorithm.Algorithm)
	if !ok {
		return verifyCMSSignature(p7, leaf, bytes.Join(signed, nil))
	}
	attrs, err := signedAttributes(p7)
	if err != nil {
		return err
	}
	return leaf.CheckSignature(alg, attrs, si.EncryptedDigest)
}

// cmsAttribute mirrors pkcs7's attribute, to DER-encode signed attributes.
type cmsAttribute struct {
	Type  asn1.ObjectIdentifier
	Value asn1.RawValue `asn1:"set"`
}

// signedAttributes returns the DER SET OF the signer's authenticated
// attributes: the bytes its signature value signs (as pkcs7 encodes them).
func signedAttributes(p7 *pkcs7.PKCS7) ([]byte, error) {
	var attrs []cmsAttribute
	for _, a := range p7.Signers[0].AuthenticatedAttributes {
		attrs = append(attrs, cmsAttribute{a.Type, a.Value})
	}
	der, err := asn1.Marshal(struct {
		A []cmsAttribute `asn1:"set"`
	}{A: attrs})
	if err != nil {
		return nil, fmt.Errorf("encode signed attributes: %w", err)
	}
	var raw asn1.RawValue
	if _, err := asn1.Unmarshal(der, &raw); err != nil {
		return nil, fmt.Errorf("encode signed attributes: %w", err)
	}
	return raw.Bytes, nil
}

// Signature algorithm OIDs of the CMS signer info (digestEncryption).
var (
	oidRSAKeys = []asn1.ObjectIdentifier{pkcs7.OIDEncryptionAlgorithmRSA, pkcs7.OIDEncryptionAlgorithmRSASHA1,
		pkcs7.OIDEncryptionAlgorithmRSASHA256, pkcs7.OIDEncryptionAlgorithmRSASHA384, pkcs7.OIDEncryptionAlgorithmRSASHA512}
	oidECKeys = []asn1.ObjectIdentifier{pkcs7.OIDEncryptionAlgorithmECDSAP256,
		pkcs7.OIDEncryptionAlgorithmECDSAP384, pkcs7.OIDEncryptionAlgorithmECDSAP521}
	ecdsaWith = map[string]x509.SignatureAlgorithm{
		pkcs7.OIDDigestAlgorithmECDSASHA1.String():   x509.ECDSAWithSHA1,
		pkcs7.OIDDigestAlgorithmECDSASHA256.String(): x509.ECDSAWithSHA256,
		pkcs7.OIDDigestAlgorithmECDSASHA384.String(): x509.ECDSAWithSHA384,
		pkcs7.OIDDigestAlgorithmECDSASHA512.String(): x509.ECDSAWithSHA512,
	}
)

// signatureAlgorithm maps a signer info's digestEncryption and digest
// algorithms to x509's, as pkcs7 does, for RSA and ECDSA only (ok false
// otherwise).
func signatureAlgorithm(enc, dig asn1.ObjectIdentifier) (x509.SignatureAlgorithm, bool) {
	if a, ok := ecdsaWith[enc.String()]; ok {
		return a, true
	}
	var byDigest [4]x509.SignatureAlgorithm
	switch {
	case containsOID(oidRSAKeys, enc):
		byDigest = [4]x509.SignatureAlgorithm{x509.SHA1WithRSA, x509.SHA256WithRSA, x509.SHA384WithRSA, x509.SHA512WithRSA}
	case containsOID(oidECKeys, enc):
		byDigest = [4]x509.SignatureAlgorithm{x509.ECDSAWithSHA1, x509.ECDSAWithSHA256, x509.ECDSAWithSHA384, x509.ECDSAWithSHA512}
	default:
		return 0, false
	}
	for i, dg := range digests {
		if dg.oid.Equal(dig) {
			return byDigest[i], true
		}
	}
	return 0, false
}

// containsOID reports whether list holds oid.
func containsOID(list []asn1.ObjectIdentifier, oid asn1.ObjectIdentifier) bool {
	for _, o := range list {
		if o.Equal(oid) {
			return true
		}
	}
	return false
}

// verifyCMSSignature checks only the signature value: the signer
// certificate's validity period is checked separately (checkCert), so a
// copy with an unlimited period is used here.
func verifyCMSSignature(p7 *pkcs7.PKCS7, leaf *x509.Certificate, content []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("malformed: %v", p)
		}
	}()
	wide := *leaf
	wide.NotBefore = time.Time{}
	wide.NotAfter = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	c := *p7
	c.Content = content
	c.Certificates = []*x509.Certificate{&wide}
	return c.VerifyWithOpts(x509.VerifyOptions{CurrentTime: time.Unix(1, 0)})
}

// checkTimestamp checks an RFC 3161 timestamp token in the unsigned
// attributes. It returns the timestamp's time when its authority is
// trusted, else the zero time.
func checkTimestamp(s *Signature, p7 *pkcs7.PKCS7, opts Options) time.Time {
	si := p7.Signers[0]
	for _, a := range si.UnauthenticatedAttributes {
		if !a.Type.Equal(oidTimeStampToken) {
			continue
		}
		ts, err := parseTimestamp(a.Value.Bytes)
		if err != nil {
			s.Errors = append(s.Errors, "the timestamp token is invalid: "+err.Error())
			return time.Time{}
		}
		t := ts.Time
		s.Timestamp = &t
		if !ts.HashAlgorithm.Available() {
			s.Errors = append(s.Errors, "the timestamp uses an unsupported hash algorithm")
			return time.Time{}
		}
		h := ts.HashAlgorithm.New()
		h.Write(si.EncryptedDigest)
		if !bytes.Equal(h.Sum(nil), ts.HashedMessage) {
			s.Errors = append(s.Errors, "the timestamp was made for another signature value (message imprint mismatch)")
			return time.Time{}
		}
		if opts.NoChains {
			return time.Time{}
		}
		if err := verifyTSA(ts, opts); err != nil {
			s.Warnings = append(s.Warnings, "timestamp authority not trusted, its time is not used: "+err.Error())
			return time.Time{}
		}
		return ts.Time
	}
	return time.Time{}
}

// parseTimestamp parses a timestamp token, recovering from panics.
func parseTimestamp(b []byte) (ts *timestamp.Timestamp, err error) {
	defer func() {
		if p := recover(); p != nil {
			ts, err = nil, fmt.Errorf("malformed: %v", p)
		}
	}()
	return timestamp.Parse(b)
}

// verifyTSA chains the timestamp authority's certificate to the roots.
// timestamp.Parse has already checked the token's signature when the token
// carries certificates.
func verifyTSA(ts *timestamp.Timestamp, opts Options) error {
	if len(ts.Certificates) == 0 {
		return errors.New("the token carries no certificate")
	}
	pool := x509.NewCertPool()
	for _, c := range ts.Certificates {
		pool.AddCert(c)
	}
	var lastErr error
	for _, c := range ts.Certificates {
		_, err := c.Verify(x509.VerifyOptions{Roots: opts.Roots, Intermediates: pool,
			CurrentTime: ts.Time, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageTimeStamping}})
		if err == nil {
			return nil
		}
		lastErr = err
	}
	return lastErr
}

// checkCert checks the signer certificate: chain to the roots at the
// signing time (the trusted timestamp, else the CMS signing time, else
// opts.Now), validity at that time, key usage and extended key usage.
func checkCert(s *Signature, p7 *pkcs7.PKCS7, leaf *x509.Certificate, tsTime time.Time, opts Options) {
	at := tsTime
	if at.IsZero() {
		at = s.SigningTime
	}
	if at.IsZero() {
		at = opts.Now
		s.Warnings = append(s.Warnings, "no signing time: the certificate is checked at the verification time")
	}
	if at.After(opts.Now.Add(clockSkew)) {
		s.Errors = append(s.Errors, fmt.Sprintf("signing time %s is after the verification time %s",
			at.UTC().Format(time.RFC3339), opts.Now.UTC().Format(time.RFC3339)))
	}
	if at.Before(leaf.NotBefore) || at.After(leaf.NotAfter) {
		s.Errors = append(s.Errors, fmt.Sprintf("the certificate was not valid at signing time %s (valid %s to %s)",
			at.UTC().Format(time.RFC3339), leaf.NotBefore.UTC().Format(time.RFC3339), leaf.NotAfter.UTC().Format(time.RFC3339)))
	}
	if msg := keyUsageProblem(leaf); msg != "" {
		s.Errors = append(s.Errors, msg)
	}
	if opts.NoChains {
		return
	}
	pool := x509.NewCertPool()
	for _, c := range p7.Certificates {
		pool.AddCert(c)
	}
	_, err := leaf.Verify(x509.VerifyOptions{Roots: opts.Roots, Intermediates: pool,
		CurrentTime: at, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
	s.Trusted = err == nil
	if err != nil {
		s.ChainError = err.Error()
	}
}

// keyUsageProblem says why leaf may not sign documents, or "".
func keyUsageProblem(leaf *x509.Certificate) string {
	const sign = x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment
	if leaf.KeyUsage != 0 && leaf.KeyUsage&sign == 0 {
		return "the certificate's key usage allows neither digitalSignature nor nonRepudiation"
	}
	if len(leaf.ExtKeyUsage) == 0 && len(leaf.UnknownExtKeyUsage) == 0 {
		return ""
	}
	for _, u := range leaf.ExtKeyUsage {
		switch u {
		case x509.ExtKeyUsageAny, x509.ExtKeyUsageEmailProtection, x509.ExtKeyUsageClientAuth:
			return ""
		}
	}
	for _, o := range leaf.UnknownExtKeyUsage {
		if o.Equal(oidEKUDocSigning) || o.Equal(oidEKUAdobe) || o.Equal(oidEKUMSDocSign) {
			return ""
		}
	}
	return "the certificate's extended key usage does not allow document signing"
}
