package bsre

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/digitorus/pkcs7"

	"kinerja/docinfo"
	"kinerja/identity"
	"kinerja/internal/pdfread"
	"kinerja/proof"
)

// Job is one party's signature through BSrE.
type Job struct {
	Party      docinfo.Party
	NIK        string // "" = the profile's nik.<party>
	Passphrase Passphrase
	Now        time.Time // verification time of the checks; zero = now
}

// Sign has party's signature added to the kinerja PDF in by the service
// and returns the signed PDF once it passed every check: the answer is a
// PDF that begins with exactly the bytes sent, adds exactly one signature,
// whose certificate names the party (package identity: name without
// titles, NIP when both carry one), and proof.Check finds it valid (or
// incomplete while a later party has still to sign). Before sending, the
// document must name the party, the party must not have signed, every
// party before it must have, and the service must say the NIK can sign.
// Nothing is returned on error.
func Sign(ctx context.Context, c *Client, in []byte, job Job) ([]byte, error) {
	signer, before, err := c.prepare(in, job)
	if err != nil {
		return nil, err
	}
	nik := job.NIK
	if nik == "" {
		nik = c.Profile.NIK[job.Party]
	}
	if err := CheckNIK(nik); err != nil {
		return nil, fmt.Errorf("%s: %w (give --nik or nik.%s in profile %q)", job.Party.Title(), err, job.Party, c.Profile.Name)
	}
	if err := c.CheckStatus(ctx, nik); err != nil {
		return nil, fmt.Errorf("%s, NIK %s: %w", job.Party.Title(), nik, err)
	}
	place, err := Place(c.Profile, in, signer)
	if err != nil {
		return nil, err
	}
	out, err := c.SignPDF(ctx, SignRequest{PDF: in, NIK: nik, Passphrase: job.Passphrase, Place: place})
	if err != nil {
		return nil, fmt.Errorf("%s, NIK %s: %w", job.Party.Title(), nik, err)
	}
	if err := c.accept(in, out, signer, before, job); err != nil {
		return nil, fmt.Errorf("%s: %w", job.Party.Title(), err)
	}
	return out, nil
}

// prepare finds the party's signer and checks the signing order on the
// verdict of the input.
func (c *Client) prepare(in []byte, job Job) (docinfo.Signer, int, error) {
	v, err := proof.Check(in, proof.Options{Roots: c.Profile.Roots, Now: job.Now})
	if err != nil {
		return docinfo.Signer{}, 0, err
	}
	if v.Info == nil {
		return docinfo.Signer{}, 0, fmt.Errorf("not a kinerja PDF: %w", docinfo.ErrNoInfo)
	}
	if v.Status == proof.Invalid && v.Signed() {
		return docinfo.Signer{}, 0, fmt.Errorf("the document does not verify before signing: %s", strings.Join(v.Reasons, "; "))
	}
	var signer *docinfo.Signer
	for i, s := range v.Info.Signers {
		if s.Party == job.Party {
			signer = &v.Info.Signers[i]
			break
		}
		if !signed(v, s.Party) {
			return docinfo.Signer{}, 0, fmt.Errorf("%s signs after %s, who has not signed", job.Party.Title(), s.Party.Title())
		}
	}
	switch {
	case signer == nil:
		return docinfo.Signer{}, 0, fmt.Errorf("the document has no place for %s", job.Party.Title())
	case signed(v, job.Party):
		return docinfo.Signer{}, 0, fmt.Errorf("%s has already signed", job.Party.Title())
	}
	return *signer, len(v.Signatures), nil
}

// signed reports whether the verdict has a valid signature of party p.
func signed(v *proof.Verdict, p docinfo.Party) bool {
	for _, pt := range v.Parties {
		if pt.Party == p && pt.Signed {
			return true
		}
	}
	return false
}

// accept checks the service's answer (see Sign).
func (c *Client) accept(in, out []byte, signer docinfo.Signer, before int, job Job) error {
	switch {
	case !bytes.HasPrefix(out, []byte("%PDF-")):
		return fail(KindNotPDF, "%d bytes starting %q", len(out), head(out))
	case !bytes.HasPrefix(out, in):
		return fail(KindPrefix, "%d bytes sent, %d returned, first difference at byte %d", len(in), len(out), firstDiff(in, out))
	}
	brs := pdfread.ScanByteRanges(out)
	if n := len(brs) - len(pdfread.ScanByteRanges(in)); n != 1 {
		return fail(KindSignatures, "%d signatures added", n)
	}
	cert, err := signerOf(out, brs[len(brs)-1])
	if err != nil {
		return &Error{Kind: KindNotVerified, Err: err}
	}
	if err := identity.Match(identity.Of(cert), signer.Name, signer.NIP); err != nil {
		return &Error{Kind: KindWrongPerson, Err: err}
	}
	v, err := proof.Check(out, proof.Options{Roots: c.Profile.Roots, Now: job.Now})
	if err != nil {
		return &Error{Kind: KindNotVerified, Err: err}
	}
	if len(v.Signatures) != before+1 || !signed(v, job.Party) || v.Status == proof.Invalid {
		return fail(KindNotVerified, "%s", strings.Join(append(v.Reasons, fmt.Sprintf("%s signed: %v", job.Party.Title(), signed(v, job.Party))), "; "))
	}
	return nil
}

// firstDiff is the offset of the first byte where a and b differ.
func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// signerOf returns the signer's certificate of the signature whose
// /ByteRange match m (pdfread.ScanByteRanges) describes.
func signerOf(data []byte, m []int) (cert *x509.Certificate, err error) {
	defer pdfread.Catch(&err, "signature")
	var br [4]int
	for i := range br {
		if _, err := fmt.Sscan(string(data[m[2+2*i]:m[3+2*i]]), &br[i]); err != nil {
			return nil, fmt.Errorf("signature: /ByteRange: %w", err)
		}
	}
	lo, hi := br[0]+br[1]+1, br[2]-1
	if br[0] != 0 || lo >= hi || hi > len(data) || br[1] > math.MaxInt32 {
		return nil, fmt.Errorf("signature: /ByteRange %v does not frame a /Contents", br)
	}
	der, err := hex.DecodeString(string(bytes.TrimSpace(data[lo:hi])))
	if err != nil {
		return nil, fmt.Errorf("signature: /Contents: %w", err)
	}
	var raw asn1.RawValue
	if _, err := asn1.Unmarshal(der, &raw); err == nil {
		der = raw.FullBytes
	}
	p7, err := pkcs7.Parse(der)
	if err != nil {
		return nil, fmt.Errorf("signature: %w", err)
	}
	if cert = p7.GetOnlySigner(); cert == nil {
		return nil, fmt.Errorf("signature: no single signer certificate")
	}
	return cert, nil
}
