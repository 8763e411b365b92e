package cades

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"fmt"
)

// tokenSlack covers what may differ between two tokens of one authority:
// the TSA serial number, fractions of a second in genTime, the length of
// an ECDSA signature and the DER lengths around them.
const tokenSlack = 128

// EstimateSize returns an upper bound of the size in bytes of a signature
// by the key of chain[0] over a digest by h with chain embedded, plus a
// timestamp token of tokenSize bytes (0: no timestamp). Twice the result
// is the length of the hex /Contents placeholder.
func EstimateSize(chain []*x509.Certificate, h crypto.Hash, tokenSize int) (int, error) {
	if len(chain) == 0 {
		return 0, fmt.Errorf("no signer certificate")
	}
	if _, err := digestAlgorithm(h); err != nil {
		return 0, err
	}
	sigLen, err := maxSignatureSize(chain[0].PublicKey)
	if err != nil {
		return 0, err
	}
	p := &parts{chain: chain, hash: h, sig: make([]byte, sigLen)}
	if p.sigAlg, err = signatureAlgorithm(chain[0].PublicKey, h); err != nil {
		return 0, err
	}
	if p.attrs, err = signedAttributes(make([]byte, h.Size()), h, chain[0]); err != nil {
		return 0, err
	}
	if tokenSize > 0 {
		p.token = make([]byte, tokenSize)
	}
	der, err := p.encode()
	return len(der), err
}

// Size returns an upper bound of the size of s's signatures; with a TSA
// it asks the authority once for a token to learn its size.
func (s *Signer) Size(ctx context.Context) (int, error) {
	token := 0
	if s.TSA != nil {
		n, err := s.TSA.TokenSize(ctx, s.hash())
		if err != nil {
			return 0, err
		}
		token = n
	}
	return EstimateSize(s.Chain, s.hash(), token)
}

// TokenSize returns an upper bound of the size of the authority's tokens
// over digests by h: the largest token seen so far plus a margin. When
// none was seen it asks for one over a zero digest.
func (t *TSA) TokenSize(ctx context.Context, h crypto.Hash) (int, error) {
	if n := t.seen(h); n > 0 {
		return n + tokenSlack, nil
	}
	if _, err := t.Timestamp(ctx, h, make([]byte, h.Size())); err != nil {
		return 0, err
	}
	return t.seen(h) + tokenSlack, nil
}

// seen returns the largest token size seen for h.
func (t *TSA) seen(h crypto.Hash) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.sizes[h]
}

// remember records the size of a token for h.
func (t *TSA) remember(h crypto.Hash, n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.sizes == nil {
		t.sizes = map[crypto.Hash]int{}
	}
	t.sizes[h] = max(t.sizes[h], n)
}

// maxSignatureSize returns the largest signature value pub's key makes:
// the modulus length for RSA; for ECDSA a DER SEQUENCE of two INTEGERs,
// each as long as the order plus a leading zero.
func maxSignatureSize(pub crypto.PublicKey) (int, error) {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		return (k.N.BitLen() + 7) / 8, nil
	case *ecdsa.PublicKey:
		n := (k.Curve.Params().N.BitLen()+7)/8 + 1
		return tlvSize(2 * tlvSize(n)), nil
	}
	return 0, fmt.Errorf("key type %T not supported (want RSA or ECDSA)", pub)
}

// tlvSize returns the DER size of an element with n content bytes.
func tlvSize(n int) int {
	switch {
	case n < 0x80:
		return 2 + n
	case n < 0x100:
		return 3 + n
	}
	return 4 + n
}
