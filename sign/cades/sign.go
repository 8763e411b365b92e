package cades

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/x509"
	"errors"
	"fmt"
)

// Signer makes PAdES baseline CMS signatures.
type Signer struct {
	Key   crypto.Signer       // RSA (PKCS#1 v1.5) or ECDSA; PKCS#11 keys work
	Chain []*x509.Certificate // the signer's certificate first, then its issuers
	Hash  crypto.Hash         // SHA-256 (when zero), SHA-384 or SHA-512
	TSA   *TSA                // set: timestamp the signature (B-T); nil: B-B
}

// hash returns the digest algorithm, SHA-256 when unset.
func (s *Signer) hash() crypto.Hash {
	if s.Hash == 0 {
		return crypto.SHA256
	}
	return s.Hash
}

// Sign returns the DER CMS SignedData over digest, the hash by s.Hash of
// the signed bytes (the PDF /ByteRange). With s.TSA set it asks the
// authority for a token over the signature value and adds it.
func (s *Signer) Sign(ctx context.Context, digest []byte) ([]byte, error) {
	p, err := s.prepare(digest)
	if err != nil {
		return nil, err
	}
	if p.sig, err = s.signAttributes(p.attrs); err != nil {
		return nil, err
	}
	if s.TSA != nil {
		if p.token, err = s.TSA.Timestamp(ctx, p.hash, sum(p.hash, p.sig)); err != nil {
			return nil, fmt.Errorf("timestamp the signature: %w", err)
		}
	}
	return p.encode()
}

// prepare checks s and digest and builds the signed attributes.
func (s *Signer) prepare(digest []byte) (*parts, error) {
	h := s.hash()
	if err := s.check(h); err != nil {
		return nil, err
	}
	if len(digest) != h.Size() {
		return nil, fmt.Errorf("digest has %d bytes, %v needs %d", len(digest), h, h.Size())
	}
	p := &parts{chain: s.Chain, hash: h}
	var err error
	if p.sigAlg, err = signatureAlgorithm(s.Chain[0].PublicKey, h); err != nil {
		return nil, err
	}
	if p.attrs, err = signedAttributes(digest, h, s.Chain[0]); err != nil {
		return nil, err
	}
	return p, nil
}

// check says why s cannot sign with h, if it cannot.
func (s *Signer) check(h crypto.Hash) error {
	if _, err := digestAlgorithm(h); err != nil {
		return err
	}
	if len(s.Chain) == 0 || s.Chain[0] == nil {
		return errors.New("no signer certificate")
	}
	if s.Key == nil {
		return errors.New("no signing key")
	}
	pub, ok := s.Key.Public().(interface{ Equal(crypto.PublicKey) bool })
	if !ok || !pub.Equal(s.Chain[0].PublicKey) {
		return fmt.Errorf("key does not match the certificate of %s", s.Chain[0].Subject.CommonName)
	}
	return nil
}

// signAttributes signs the DER of the signed attributes.
func (s *Signer) signAttributes(attrs []byte) ([]byte, error) {
	der, err := attributesToSign(attrs)
	if err != nil {
		return nil, err
	}
	sig, err := s.Key.Sign(rand.Reader, sum(s.hash(), der), s.hash())
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	return sig, nil
}

// sum returns the hash of data by h.
func sum(h crypto.Hash, data []byte) []byte {
	w := h.New()
	w.Write(data)
	return w.Sum(nil)
}
