package sign

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"kinerja/docinfo"
	"kinerja/identity"
	"kinerja/internal/pdfread"
	"kinerja/sign/cades"
	"kinerja/sign/pades"
	"kinerja/sign/stamp"
)

// Parties are the parties that may sign, in signing order.
var Parties = docinfo.Parties

// DefaultTSATimeout bounds one request to a timestamp authority.
const DefaultTSATimeout = cades.DefaultTSATimeout

// Options are the settings of one signature.
type Options struct {
	Party      docinfo.Party
	Credential *Credential // key and certificate
	TSA        string      // RFC 3161 timestamp authority URL; "" = no timestamp
	TSATimeout time.Duration
	Location   string           // optional place of signing
	Now        func() time.Time // clock; nil = time.Now
	// LTV, when set, adds a /DSS after the signature (PAdES B-LT; SignAll:
	// once, after its last signature). It needs TSA (ErrLTVNeedsTSA).
	LTV *LTV
}

// now returns the current time of the options' clock.
func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// Sentinel errors of the signing order.
var (
	ErrOrder         = errors.New("out of signing order")
	ErrAlreadySigned = pades.ErrAlreadySigned
	ErrWrongSigner   = errors.New("the certificate is not the party's")
)

// Sign appends the signature of opts.Party to the kinerja PDF in and
// returns the signed document, verified in memory. Nothing is returned on
// error.
func Sign(in []byte, opts Options) ([]byte, error) {
	return SignAll(in, opts)
}

// signOne refuses, before writing, a signature out of order or by the
// wrong person, then writes it into doc's successor. hash is the
// document's DocumentHash.
func signOne(doc *pades.Document, hash string, opts Options) (*pades.Document, error) {
	signer, err := checkParty(doc, opts)
	if err != nil {
		return nil, err
	}
	c := opts.Credential
	holder := identity.Of(c.Cert)
	now := opts.now()
	nip := holder.NIP
	if nip == "" {
		nip = signer.NIP
	}
	cs := &cades.Signer{Key: c.Key, Chain: c.chain(), Hash: digestFor(c.Cert.PublicKey)}
	if opts.TSA != "" {
		cs.TSA = &cades.TSA{URL: opts.TSA, Timeout: opts.TSATimeout}
	}
	return doc.SignDocument(context.Background(), pades.Signature{
		Party: opts.Party, Signer: cs, Certify: opts.Party == doc.Info.Signers[0].Party,
		Time: now, Name: holder.Name, Location: opts.Location,
		Reason: "Menyetujui " + docTitle(doc.Info) + " sebagai " + opts.Party.Title(),
		Stamp:  stamp.Stamp{Name: holder.Name, NIP: nip, Date: now, QR: qrContent(doc.Info.VerifyURL, hash, holder.Name)},
	})
}

// checkOptions refuses, before the document is read, an unknown party,
// an unusable credential and LTV without a TSA.
func checkOptions(opts Options) error {
	if _, err := docinfo.ParseParty(string(opts.Party)); err != nil {
		return err
	}
	c := opts.Credential
	if c == nil || c.Cert == nil || c.Key == nil {
		return errors.New("no key given")
	}
	if err := c.Check(opts.now()); err != nil {
		return err
	}
	if opts.LTV != nil && opts.TSA == "" {
		return ErrLTVNeedsTSA
	}
	return nil
}

// checkParty refuses a signature out of order or by the wrong person. It
// returns the party's entry in the document's info.
func checkParty(doc *pades.Document, opts Options) (docinfo.Signer, error) {
	signer, err := checkOrder(doc, opts.Party)
	if err != nil {
		return signer, err
	}
	if err := identity.Match(identity.Of(opts.Credential.Cert), signer.Name, signer.NIP); err != nil {
		return signer, fmt.Errorf("%w: %v", ErrWrongSigner, err)
	}
	return signer, nil
}

// checkOrder refuses a party the document has no place for, a party
// whose field is signed, and a party whose predecessors in Info.Signers
// have not signed. It returns the party's Info entry.
func checkOrder(doc *pades.Document, party docinfo.Party) (docinfo.Signer, error) {
	if !slices.ContainsFunc(doc.Info.Signers, func(s docinfo.Signer) bool { return s.Party == party }) {
		return docinfo.Signer{}, fmt.Errorf("the document has no signature for %s (a %s is signed by %s)",
			party.Title(), doc.Info.Kind, partyTitles(doc.Info.Kind.Parties()))
	}
	for _, s := range doc.Info.Signers {
		f := doc.Fields[s.Party]
		switch {
		case s.Party == party && f != nil && f.Signed:
			return s, fmt.Errorf("%w by %s", ErrAlreadySigned, party.Title())
		case s.Party == party:
			return s, nil
		case f == nil || !f.Signed:
			return s, fmt.Errorf("%w: %s signs first and has not signed yet", ErrOrder, s.Party.Title())
		}
	}
	return docinfo.Signer{}, errors.New("unreachable")
}

// partyTitles lists parties as "PIHAK PERTAMA and PIHAK KEDUA".
func partyTitles(ps []docinfo.Party) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.Title()
	}
	return strings.Join(s, " and ")
}

// docTitle is the document title for the signature reason.
func docTitle(info *docinfo.Info) string {
	if info.Title != "" {
		return info.Title
	}
	return "dokumen"
}

// qrContent fills the verification URL template, or returns
// "sha256:<hex>;signer:<name>" when there is none.
func qrContent(tmpl, hash, name string) string {
	if tmpl == "" {
		return "sha256:" + hash + ";signer:" + name
	}
	r := strings.NewReplacer("{sha256}", hash, "{signer}", url.QueryEscape(name))
	return r.Replace(tmpl)
}

// DocumentHash returns the SHA-256 (hex) of the document as rendered,
// before its first signature (pdfread.Rendered): the same value for every
// signer, printed in each signature's QR code.
func DocumentHash(pdfBytes []byte) (string, error) {
	rendered, err := pdfread.Rendered(pdfBytes)
	if err != nil {
		return "", fmt.Errorf("document hash: %w", err)
	}
	sum := sha256.Sum256(rendered)
	return hex.EncodeToString(sum[:]), nil
}

// SignAll applies the signatures in order and returns the final document,
// verified once in memory with every signature. Every step's options are
// checked before the document is read, and the document is read once.
// When a step asks for LTV, one /DSS for all of them follows the last
// signature.
func SignAll(in []byte, steps ...Options) ([]byte, error) {
	if len(steps) == 0 {
		return nil, errors.New("sign: no signer given")
	}
	var lt *LTV
	for _, s := range steps {
		if err := checkOptions(s); err != nil {
			return nil, fmt.Errorf("sign as %s: %w", s.Party.Title(), err)
		}
		if s.LTV != nil {
			lt = s.LTV
		}
	}
	doc, hash, err := readDocument(in)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	for _, s := range steps {
		if doc, err = signOne(doc, hash, s); err != nil {
			return nil, fmt.Errorf("sign as %s: %w", s.Party.Title(), err)
		}
	}
	out := doc.Data
	if lt != nil {
		if out, err = addDSS(context.Background(), out, *lt); err != nil {
			return nil, fmt.Errorf("sign: %w", err)
		}
	}
	if err := checkSigned(in, out, lt != nil); err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	return out, nil
}

// readDocument reads in for signing and returns its DocumentHash.
func readDocument(in []byte) (*pades.Document, string, error) {
	doc, err := pades.Read(in)
	if err != nil {
		return nil, "", err
	}
	hash, err := DocumentHash(in)
	return doc, hash, err
}
