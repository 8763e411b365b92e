package testpki

import (
	"crypto"
	"crypto/x509"
	"os"
	"path/filepath"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// Leaf is a document signer: its certificate, its key and the chain.
type Leaf struct {
	Cert  *x509.Certificate
	Key   crypto.Signer
	Chain []*x509.Certificate // Cert, intermediate, root
}

// Leaf issues a certificate described by spec for the process-wide key of
// type typ. Leaves of the same type share a key; use LeafKey for another.
func (p *PKI) Leaf(tb testing.TB, typ KeyType, spec Spec) *Leaf {
	tb.Helper()
	return p.LeafKey(tb, Key(tb, typ, "leaf"), spec)
}

// LeafKey issues a certificate described by spec for key.
func (p *PKI) LeafKey(tb testing.TB, key crypto.Signer, spec Spec) *Leaf {
	tb.Helper()
	l, err := p.NewLeaf(key, spec)
	if err != nil {
		tb.Fatalf("testpki: %v", err)
	}
	return l
}

// NewLeaf is LeafKey for code without a testing.TB.
func (p *PKI) NewLeaf(key crypto.Signer, spec Spec) (*Leaf, error) {
	cert, err := p.issue(p.leafTemplate(spec), p.inter, key.Public())
	if err != nil {
		return nil, err
	}
	return &Leaf{Cert: cert, Key: key, Chain: []*x509.Certificate{cert, p.Intermediate, p.Root}}, nil
}

// PKCS12 encodes the leaf's key, certificate and CA certificates with
// modern encryption (PBES2 AES-256, PBKDF2-SHA-256).
func (l *Leaf) PKCS12(tb testing.TB, password string) []byte {
	tb.Helper()
	der, err := pkcs12.Modern.Encode(l.Key, l.Cert, l.Chain[1:], password)
	if err != nil {
		tb.Fatalf("testpki: pkcs12: %v", err)
	}
	return der
}

// WritePKCS12 writes the leaf as name.p12 into a test temp directory and
// returns the path.
func (l *Leaf) WritePKCS12(tb testing.TB, name, password string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name+".p12")
	if err := os.WriteFile(path, l.PKCS12(tb, password), 0o600); err != nil {
		tb.Fatalf("testpki: %v", err)
	}
	return path
}
