package sign

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"math/big"
	"path/filepath"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"kinerja/docinfo"
	"kinerja/internal/outfile"
)

// DevCAName is the common name of the development CA: nobody should mistake
// a document signed with it for a real one.
const DevCAName = "kinerja DEVELOPMENT CA - NOT FOR PRODUCTION"

// KeyTypes lists the key types GenerateKey accepts.
var KeyTypes = []string{"p256", "p384", "rsa2048", "rsa3072", "rsa4096"}

// oidDocumentSigning is id-kp-documentSigning (RFC 9336).
var oidDocumentSigning = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}

// GenerateKey creates a private key of the given type (see KeyTypes).
func GenerateKey(keyType string) (crypto.Signer, error) {
	switch keyType {
	case "p256":
		return ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	case "p384":
		return ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	case "rsa2048":
		return rsa.GenerateKey(rand.Reader, 2048)
	case "rsa3072":
		return rsa.GenerateKey(rand.Reader, 3072)
	case "rsa4096":
		return rsa.GenerateKey(rand.Reader, 4096)
	}
	return nil, fmt.Errorf("unknown key type %q (want one of %v)", keyType, KeyTypes)
}

// DevCA is a throwaway certificate authority for development and tests.
type DevCA struct {
	Cert *x509.Certificate
	Key  crypto.Signer
}

// NewDevCA creates a development CA valid from now-1h for five years.
func NewDevCA(now time.Time, keyType string) (*DevCA, error) {
	key, err := GenerateKey(keyType)
	if err != nil {
		return nil, fmt.Errorf("dev ca: %w", err)
	}
	tmpl := &x509.Certificate{
		Subject:               pkix.Name{CommonName: DevCAName, Organization: []string{"kinerja development"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(5, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}
	cert, err := createCert(tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, fmt.Errorf("dev ca: %w", err)
	}
	return &DevCA{Cert: cert, Key: key}, nil
}

// createCert signs tmpl with the issuer's key and parses the result.
func createCert(tmpl, parent *x509.Certificate, pub crypto.PublicKey, issuerKey crypto.Signer) (*x509.Certificate, error) {
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, err
	}
	tmpl.SerialNumber = serial
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, issuerKey)
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

// Identity describes a signer certificate to issue.
type Identity struct {
	Name      string        // common name, the full name (Unicode allowed)
	NIP       string        // put in the subject serialNumber as "NIP <digits>" when set
	Party     docinfo.Party // put in the organizational unit as "PIHAK PERTAMA"/"PIHAK KEDUA" when set
	KeyType   string        // see KeyTypes
	NotBefore time.Time
	NotAfter  time.Time
	KeyUsage  x509.KeyUsage // 0 = digitalSignature | nonRepudiation
}

// Issue creates a key and a signing certificate for id. Zero validity
// dates mean now-1h for two years.
func (ca *DevCA) Issue(now time.Time, id Identity) (*Credential, error) {
	key, err := GenerateKey(id.KeyType)
	if err != nil {
		return nil, fmt.Errorf("issue %s: %w", id.Name, err)
	}
	return ca.IssueKey(now, id, key)
}

// IssueKey issues a signing certificate for id and an existing key.
func (ca *DevCA) IssueKey(now time.Time, id Identity, key crypto.Signer) (*Credential, error) {
	cert, err := ca.Certify(now, id, key.Public())
	if err != nil {
		return nil, err
	}
	return &Credential{Cert: cert, Chain: []*x509.Certificate{ca.Cert}, Key: key, Source: id.Name}, nil
}

// IssueSigners issues one credential per signer of a document's info,
// named as the document names them (name and NIP), each on a new key of
// keyType: development keys that pass the binding of signer to party.
func (ca *DevCA) IssueSigners(now time.Time, info *docinfo.Info, keyType string) (map[docinfo.Party]*Credential, error) {
	creds := map[docinfo.Party]*Credential{}
	for _, s := range info.Signers {
		c, err := ca.Issue(now, Identity{Name: s.Name, NIP: s.NIP, Party: s.Party, KeyType: keyType})
		if err != nil {
			return nil, err
		}
		creds[s.Party] = c
	}
	return creds, nil
}

// Certify issues a signing certificate for id and a public key (for a key
// generated on a token).
func (ca *DevCA) Certify(now time.Time, id Identity, pub crypto.PublicKey) (*x509.Certificate, error) {
	cert, err := createCert(leafTemplate(now, id), ca.Cert, pub, ca.Key)
	if err != nil {
		return nil, fmt.Errorf("issue %s: %w", id.Name, err)
	}
	return cert, nil
}

// leafTemplate is the certificate template of a document signer.
func leafTemplate(now time.Time, id Identity) *x509.Certificate {
	t := &x509.Certificate{
		Subject:   pkix.Name{CommonName: id.Name, Organization: []string{"kinerja development"}},
		NotBefore: id.NotBefore,
		NotAfter:  id.NotAfter,
		KeyUsage:  id.KeyUsage,
		// emailProtection is what NSS (pdfsig) checks for a document
		// signer; documentSigning is what RFC 9336 verifiers prefer.
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
		UnknownExtKeyUsage:    []asn1.ObjectIdentifier{oidDocumentSigning},
		BasicConstraintsValid: true,
	}
	if id.Party != docinfo.NoParty {
		t.Subject.OrganizationalUnit = []string{id.Party.Title()}
	}
	if id.NIP != "" {
		t.Subject.SerialNumber = "NIP " + id.NIP
	}
	if t.NotBefore.IsZero() {
		t.NotBefore = now.Add(-time.Hour)
	}
	if t.NotAfter.IsZero() {
		t.NotAfter = now.AddDate(2, 0, 0)
	}
	if t.KeyUsage == 0 {
		t.KeyUsage = x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment
	}
	return t
}

// RandomPassword returns a new random password of 24 URL-safe characters.
func RandomPassword() (string, error) {
	b := make([]byte, 18)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// EncodePKCS12 encodes a credential with modern encryption (PBES2 AES-256,
// PBKDF2-SHA-256, HMAC-SHA-256).
func EncodePKCS12(c *Credential, password string) ([]byte, error) {
	return pkcs12.Modern.Encode(c.Key, c.Cert, c.Chain, password)
}

// WriteDevFiles writes ca.pem and, for each credential, <party>.p12 with a
// random password in <party>.p12.pass (mode 0600) into dir. It returns the
// paths written, ca.pem first.
func WriteDevFiles(dir string, ca *DevCA, creds map[docinfo.Party]*Credential, parties []docinfo.Party) ([]string, error) {
	caPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Cert.Raw})
	paths := []string{filepath.Join(dir, "ca.pem")}
	if err := outfile.WriteFile(paths[0], caPEM, 0o644); err != nil {
		return nil, err
	}
	for _, party := range parties {
		pass, err := RandomPassword()
		if err != nil {
			return nil, err
		}
		p12, err := EncodePKCS12(creds[party], pass)
		if err != nil {
			return nil, fmt.Errorf("encode %s.p12: %w", party, err)
		}
		p := filepath.Join(dir, party.String()+".p12")
		if err := outfile.WriteFile(p+".pass", []byte(pass+"\n"), 0o600); err != nil {
			return nil, err
		}
		if err := outfile.WriteFile(p, p12, 0o600); err != nil {
			return nil, err
		}
		paths = append(paths, p, p+".pass")
	}
	return paths, nil
}
