package testpki

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"sync"
	"testing"
)

// KeyType names a key algorithm and size.
type KeyType string

// The key types every signing path must support.
const (
	RSA2048 KeyType = "rsa2048"
	RSA3072 KeyType = "rsa3072"
	RSA4096 KeyType = "rsa4096"
	P256    KeyType = "p256"
	P384    KeyType = "p384"
)

// KeyTypes lists every key type, fastest first.
var KeyTypes = []KeyType{P256, P384, RSA2048, RSA3072, RSA4096}

// keySlot identifies one cached key: keys of the same type and name are
// the same key for the whole process.
type keySlot struct {
	typ  KeyType
	name string
}

// cachedKey is generated once, on first use.
type cachedKey struct {
	once sync.Once
	key  crypto.Signer
	err  error
}

var keyCache sync.Map // keySlot -> *cachedKey

// Key returns the process-wide key of type typ named name, generating it on
// first use. Different names give different keys of the same type.
func Key(tb testing.TB, typ KeyType, name string) crypto.Signer {
	tb.Helper()
	key, err := NamedKey(typ, name)
	if err != nil {
		tb.Fatalf("testpki: %v", err)
	}
	return key
}

// NamedKey is Key for code without a testing.TB.
func NamedKey(typ KeyType, name string) (crypto.Signer, error) {
	v, _ := keyCache.LoadOrStore(keySlot{typ, name}, new(cachedKey))
	c := v.(*cachedKey)
	c.once.Do(func() { c.key, c.err = generate(typ) })
	return c.key, c.err
}

// generate makes a new key of type typ.
func generate(typ KeyType) (crypto.Signer, error) {
	switch typ {
	case P256:
		return ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	case P384:
		return ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	case RSA2048:
		return rsa.GenerateKey(rand.Reader, 2048)
	case RSA3072:
		return rsa.GenerateKey(rand.Reader, 3072)
	case RSA4096:
		return rsa.GenerateKey(rand.Reader, 4096)
	}
	return nil, fmt.Errorf("unknown key type %q (want one of %v)", typ, KeyTypes)
}
