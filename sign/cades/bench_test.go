package cades_test

import (
	"context"
	"crypto"
	"crypto/rand"
	"testing"

	"kinerja/internal/testpki"
	"kinerja/sign/cades"
)

// BenchmarkSign signs a 32-byte digest: the whole CMS (signed attributes,
// signature, SignedData with a three-certificate chain), no TSA.
func BenchmarkSign(b *testing.B) {
	p := testpki.New(b)
	digest := sum(crypto.SHA256, content)
	for _, typ := range []testpki.KeyType{testpki.RSA2048, testpki.P256} {
		leaf := p.Leaf(b, typ, testpki.Spec{CommonName: "Budi Santoso"})
		s := &cades.Signer{Key: leaf.Key, Chain: leaf.Chain}
		b.Run(string(typ), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Sign(context.Background(), digest); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRawSignature is the bare key operation BenchmarkSign wraps,
// for comparison.
func BenchmarkRawSignature(b *testing.B) {
	digest := sum(crypto.SHA256, content)
	for _, typ := range []testpki.KeyType{testpki.RSA2048, testpki.P256} {
		key := testpki.Key(b, typ, "leaf")
		b.Run(string(typ), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := key.Sign(rand.Reader, digest, crypto.SHA256); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
