// Package archivetest makes signed kinerja-like PDFs for the tests of the
// archive package and of `kinerja archive`: a test PKI (internal/testpki,
// the one test PKI) issuing one certificate per signer name, a tiny PDF that carries docinfo.Info in
// its XMP metadata and kinerja's signature fields, and signatures in the
// shape kinerja sign writes (package verifytest's, not kinerja/sign's, so
// that archive tests do not depend on the signer's refusals). It is test
// support only: keys are testpki's, held in memory.
package archivetest

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"kinerja/docinfo"
	"kinerja/internal/testpki"
	"kinerja/sign/verify/verifytest"
)

// PKI is a test PKI (internal/testpki's) and the certificates it issued,
// one per signer name.
type PKI struct {
	*testpki.PKI
	mu     sync.Mutex
	signer map[string]*testpki.Leaf // by certificate common name
}

// NewPKI starts a testpki.PKI named name (PKIs of different names do not
// trust each other) and issues a certificate for signer. Leaf
// certificates are valid until 2040, so tests may check them at a fixed
// clock years ahead. The caller stops the PKI with Close.
func NewPKI(name, signer string) (*PKI, error) {
	tp, err := testpki.Start(testpki.WithName(name))
	if err != nil {
		return nil, err
	}
	p := &PKI{PKI: tp, signer: map[string]*testpki.Leaf{}}
	if _, err := p.Signer(signer); err != nil {
		tp.Close()
		return nil, err
	}
	return p, nil
}

// Signer returns the key and certificate of the person named cn (the
// certificate's common name), issuing them on first use.
func (p *PKI) Signer(cn string) (*testpki.Leaf, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if s, ok := p.signer[cn]; ok {
		return s, nil
	}
	key, err := testpki.NamedKey(testpki.P256, "archivetest "+cn)
	if err != nil {
		return nil, fmt.Errorf("signer %s: %w", cn, err)
	}
	s, err := p.NewLeaf(key, testpki.Spec{CommonName: cn, NotAfter: time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return nil, fmt.Errorf("signer %s: %w", cn, err)
	}
	p.signer[cn] = s
	return s, nil
}

// Info returns a docinfo.Info of an agreement of year and unit with two
// signers (pertama first).
func Info(year int, unit string) docinfo.Info {
	return docinfo.Info{
		Kind: docinfo.Agreement, Title: fmt.Sprintf("PERJANJIAN KINERJA TAHUN %d", year), Year: year, Unit: unit,
		Signers: []docinfo.Signer{
			{Party: docinfo.Pertama, Name: "BLESSMIYANDA", Jabatan: "Kepala Badan", Page: 1, Rect: [4]float64{320, 80, 520, 140}},
			{Party: docinfo.Kedua, Name: "ANIES BASWEDAN", Jabatan: "Gubernur", Page: 1, Rect: [4]float64{60, 80, 260, 140}},
		},
	}
}

// DraftPDF makes an unsigned PDF carrying info (nil: no kinerja metadata)
// and its signers' signature fields, whose page text includes body;
// padLines extra text lines make it bigger (about 60 bytes each,
// uncompressed; 60 lines a page).
func DraftPDF(info *docinfo.Info, body string, padLines int) ([]byte, error) {
	lines := []string{body}
	for i := 0; i < padLines; i++ {
		lines = append(lines, fmt.Sprintf("Baris %05d %s", i, strings.Repeat("x", 30)))
	}
	title := "draft"
	if info != nil {
		title = info.Title
	}
	return verifytest.Build(info, title, verifytest.Paginate(lines))
}

// Sign adds one signature by the person named name, with a certificate
// in that name from p: into the next party's signature field, or, in a
// document without kinerja's fields, an invisible one in a new field.
func Sign(in []byte, p *PKI, name string) ([]byte, error) {
	s, err := p.Signer(name)
	if err != nil {
		return nil, err
	}
	return verifytest.Sign(in, s, name, nil)
}

// SignedPDF makes a PDF for info and signs it once per info signer, in
// order, each with a certificate in the signer's name from p.
func SignedPDF(p *PKI, info docinfo.Info, body string, padLines int) ([]byte, error) {
	b, err := DraftPDF(&info, body, padLines)
	if err != nil {
		return nil, err
	}
	for _, s := range info.Signers {
		if b, err = Sign(b, p, s.Name); err != nil {
			return nil, err
		}
	}
	return b, nil
}
