package sign

import (
	"crypto/x509"
	"errors"
	"fmt"

	"github.com/miekg/pkcs11"
)

// maxTokenCerts bounds how many certificates are read from a token.
const maxTokenCerts = 256

// tokenCertificates returns every certificate object on the token
// labelled token (public objects: no login). crypto11 finds certificates
// only by id, label or serial, not the issuers of one, so this opens its
// own read-only session, and finalises the module again only when it
// initialised it.
func tokenCertificates(module, token string) (certs []*x509.Certificate, err error) {
	p := pkcs11.New(module)
	if p == nil {
		return nil, fmt.Errorf("cannot load PKCS#11 module %s", module)
	}
	defer p.Destroy()
	switch err := p.Initialize(); {
	case err == nil:
		defer func() { _ = p.Finalize() }()
	case errors.Is(err, pkcs11.Error(pkcs11.CKR_CRYPTOKI_ALREADY_INITIALIZED)):
		// another token of this module is open (crypto11): leave it so
	default:
		return nil, fmt.Errorf("PKCS#11 module %s: %w", module, err)
	}
	slot, err := findSlot(p, token)
	if err != nil {
		return nil, err
	}
	s, err := p.OpenSession(slot, pkcs11.CKF_SERIAL_SESSION)
	if err != nil {
		return nil, fmt.Errorf("token %q: %w", token, err)
	}
	defer func() { _ = p.CloseSession(s) }()
	return readCertificates(p, s)
}

// findSlot returns the slot holding the token labelled token.
func findSlot(p *pkcs11.Ctx, token string) (uint, error) {
	slots, err := p.GetSlotList(true)
	if err != nil {
		return 0, err
	}
	for _, slot := range slots {
		info, err := p.GetTokenInfo(slot)
		if err == nil && info.Label == token {
			return slot, nil
		}
	}
	return 0, fmt.Errorf("no token labelled %q", token)
}

// readCertificates reads the X.509 certificate objects visible in s.
func readCertificates(p *pkcs11.Ctx, s pkcs11.SessionHandle) ([]*x509.Certificate, error) {
	tmpl := []*pkcs11.Attribute{pkcs11.NewAttribute(pkcs11.CKA_CLASS, pkcs11.CKO_CERTIFICATE)}
	if err := p.FindObjectsInit(s, tmpl); err != nil {
		return nil, err
	}
	objs, _, err := p.FindObjects(s, maxTokenCerts)
	if ferr := p.FindObjectsFinal(s); err == nil {
		err = ferr
	}
	if err != nil {
		return nil, err
	}
	var certs []*x509.Certificate
	for _, o := range objs {
		attrs, err := p.GetAttributeValue(s, o, []*pkcs11.Attribute{pkcs11.NewAttribute(pkcs11.CKA_VALUE, nil)})
		if err != nil || len(attrs) != 1 {
			continue
		}
		if c, err := x509.ParseCertificate(attrs[0].Value); err == nil {
			certs = append(certs, c)
		}
	}
	return certs, nil
}
