package archive

import (
	"crypto/x509"
	"fmt"
	"io"
	"time"

	"kinerja/docinfo"
	"kinerja/sign/verify"
)

// checked is what the signature check found out about one PDF.
type checked struct {
	signed   bool
	info     *docinfo.Info // nil when the PDF carries no kinerja info
	signers  []Signer
	problems []string // why the signatures are not valid; empty when valid
}

// check verifies the signatures of a PDF with kinerja's verifier at time
// at. A PDF without signatures is reported with signed=false; its
// document-level findings are ignored (a draft is only hashed).
func check(r io.ReaderAt, size int64, roots *x509.CertPool, at time.Time) (checked, error) {
	rep, err := verify.Verify(r, size, verify.Options{Roots: roots, Now: at})
	if err != nil {
		return checked{}, fmt.Errorf("verify signatures: %w", err)
	}
	c := checked{signed: len(rep.Signatures) > 0, info: rep.Info}
	for _, s := range rep.Signatures {
		c.signers = append(c.signers, Signer{
			Party: s.Party.String(), Name: s.Name, Subject: s.SignerSubject,
			SigningTime: s.SigningTime.UTC(),
		})
	}
	if c.signed && !rep.OK() {
		c.problems = rep.Reasons()
		if len(c.problems) == 0 {
			c.problems = []string{"verification failed"}
		}
	}
	return c, nil
}
