package sign

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/digitorus/pdf"
	pdfsign "github.com/digitorus/pdfsign/sign"

	"kinerja/docinfo"
	"kinerja/internal/pdfread"
)

// Parties are the parties that may sign, in signing order.
var Parties = docinfo.Parties

// Options are the settings of one signature.
type Options struct {
	Party      docinfo.Party
	Credential *Credential // key and certificate
	TSA        string      // RFC 3161 timestamp authority URL; "" = no timestamp
	TSATimeout time.Duration
	Location   string           // optional place of signing (written as ASCII)
	Now        func() time.Time // clock; nil = time.Now
}

// now returns the current time of the options' clock.
func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// Sign appends one approval signature of opts.Party to the kinerja PDF in
// and returns the signed document, checked. Nothing is returned on error.
func Sign(in []byte, opts Options) ([]byte, error) {
	prefix := "sign as " + opts.Party.Title()
	out, err := signOne(in, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", prefix, err)
	}
	return out, nil
}

// signOne does the work of Sign.
func signOne(in []byte, opts Options) ([]byte, error) {
	if err := validParty(opts.Party); err != nil {
		return nil, err
	}
	if opts.Credential == nil || opts.Credential.Cert == nil || opts.Credential.Key == nil {
		return nil, errors.New("no key given")
	}
	now := opts.now()
	if err := opts.Credential.Check(now); err != nil {
		return nil, err
	}
	doc, err := inspect(in)
	if err != nil {
		return nil, err
	}
	box, err := preflight(in, doc, opts)
	if err != nil {
		return nil, err
	}
	sd, err := signData(in, doc, box, opts, now)
	if err != nil {
		return nil, err
	}
	return signChecked(in, doc.reader, sd, opts, len(doc.Sigs)+1)
}

// validParty accepts the parties of docinfo.Parties.
func validParty(p docinfo.Party) error {
	_, err := docinfo.ParseParty(string(p))
	return err
}

// preflight runs every check that does not need the key and returns the
// party's signature box.
func preflight(in []byte, doc *document, opts Options) (docinfo.Signer, error) {
	if err := checkOrder(doc, opts.Party); err != nil {
		return docinfo.Signer{}, err
	}
	var box docinfo.Signer
	for _, s := range doc.Info.Signers {
		if s.Party == opts.Party {
			box = s
		}
	}
	if err := checkAnnots(doc, box.Page); err != nil {
		return box, err
	}
	tsa := opts.TSA != ""
	if err := checkTimestamps(doc, tsa); err != nil {
		return box, err
	}
	h := digestFor(opts.Credential.Cert.PublicKey)
	placeholder, err := checkSize(opts.Credential, h, tsa)
	if err != nil {
		return box, err
	}
	return box, placeholderGuard(in, placeholder)
}

// signData prepares pdfsign's input: approval signature (guard a), ASCII
// dictionary strings (guard b), the appearance image in the party's box.
func signData(in []byte, doc *document, box docinfo.Signer, opts Options, now time.Time) (pdfsign.SignData, error) {
	hash, err := DocumentHash(in)
	if err != nil {
		return pdfsign.SignData{}, err
	}
	app := Appearance{Name: box.Name, NIP: box.NIP, Date: now, QR: qrContent(doc.Info.VerifyURL, hash, box.Name)}
	w, h := box.Rect[2]-box.Rect[0], box.Rect[3]-box.Rect[1]
	img, err := app.PNG(w, h)
	if err != nil {
		return pdfsign.SignData{}, err
	}
	c := opts.Credential
	return pdfsign.SignData{
		Signature: pdfsign.SignDataSignature{
			CertType: pdfsign.ApprovalSignature,
			Info: pdfsign.SignDataSignatureInfo{
				Name:     ASCII(box.Name),
				Reason:   ASCII("Menyetujui " + docTitle(doc.Info) + " sebagai " + opts.Party.Title()),
				Location: ASCII(opts.Location),
				Date:     now,
			},
		},
		Signer:            c.Key,
		DigestAlgorithm:   digestFor(c.Cert.PublicKey),
		Certificate:       c.Cert,
		CertificateChains: [][]*x509.Certificate{append([]*x509.Certificate{c.Cert}, c.Chain...)},
		Appearance: pdfsign.Appearance{Visible: true, Page: uint32(box.Page),
			LowerLeftX: box.Rect[0], LowerLeftY: box.Rect[1], UpperRightX: box.Rect[2], UpperRightY: box.Rect[3],
			Image: img},
	}, nil
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

// signChecked runs pdfsign (with the TSA relay when needed) and checks the
// result in memory.
func signChecked(in []byte, rd *pdf.Reader, sd pdfsign.SignData, opts Options, want int) ([]byte, error) {
	if opts.TSA != "" {
		relay, err := startTSARelay(opts.TSA, opts.TSATimeout)
		if err != nil {
			return nil, err
		}
		defer relay.Close()
		sd.TSA = pdfsign.TSA{URL: relay.URL}
	}
	out, err := runPdfsign(in, rd, sd)
	if err != nil {
		return nil, err
	}
	if err := checkSigned(in, out, want); err != nil {
		return nil, err
	}
	return out, nil
}

// onceWriter collects pdfsign's output and refuses a second write: pdfsign
// writes the finished file in one call, twice on its broken retry path.
type onceWriter struct {
	data   []byte
	writes int
}

func (w *onceWriter) Write(p []byte) (int, error) {
	w.writes++
	if w.writes > 1 {
		return 0, errors.New("pdfsign wrote the document twice (signature larger than its estimate)")
	}
	w.data = append([]byte(nil), p...)
	return len(p), nil
}

// runPdfsign calls pdfsign with rd, the reader inspect parsed in with (nil:
// parse in here), turning its panics into errors (guard f).
func runPdfsign(in []byte, rd *pdf.Reader, sd pdfsign.SignData) (out []byte, err error) {
	defer pdfread.Catch(&err, "pdfsign")
	if rd == nil {
		d, err := pdfread.Open(in)
		if err != nil {
			return nil, fmt.Errorf("pdfsign: %w", err)
		}
		rd = d.Reader
	}
	rd.PDFVersion = effectiveVersion(rd)
	w := &onceWriter{}
	if err := pdfsign.Sign(bytes.NewReader(in), w, rd, int64(len(in)), sd); err != nil {
		return nil, fmt.Errorf("pdfsign: %w", err)
	}
	return w.data, nil
}

// effectiveVersion is the later of the header version and the catalog's
// /Version. pdfsign compares only the header with 1.5 and adds /Version /1.5
// to a catalog that already has it (a duplicated key qpdf warns about) when
// a 1.3 or 1.4 file is signed a second time.
func effectiveVersion(rd *pdf.Reader) string {
	v := rd.PDFVersion
	if cv := rd.Trailer().Key("Root").Key("Version").Name(); cv != "" && versionLess(v, cv) {
		return cv
	}
	return v
}

// versionLess compares PDF versions "1.x" (and "2.0").
func versionLess(a, b string) bool {
	fa, errA := strconv.ParseFloat(a, 64)
	fb, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && fa < fb
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

// SignAll applies the signatures in order and returns the final document.
func SignAll(in []byte, steps ...Options) ([]byte, error) {
	if len(steps) == 0 {
		return nil, errors.New("sign: no signer given")
	}
	out := in
	for _, s := range steps {
		var err error
		if out, err = Sign(out, s); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SignTo reads a PDF from r, applies the signatures and writes the result
// to w only when all succeeded.
func SignTo(w io.Writer, r io.Reader, steps ...Options) error {
	in, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("sign: read: %w", err)
	}
	out, err := SignAll(in, steps...)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// SignFile signs the PDF at inPath and writes outPath through a temporary
// file and a rename: on failure outPath is untouched. outPath may equal
// inPath; the file is then replaced only by a fully checked signed copy.
func SignFile(inPath, outPath string, steps ...Options) error {
	in, err := os.ReadFile(inPath)
	if err != nil {
		return fmt.Errorf("sign: %w", err)
	}
	out, err := SignAll(in, steps...)
	if err != nil {
		return err
	}
	perm := os.FileMode(0o644)
	if fi, err := os.Stat(inPath); err == nil {
		perm = fi.Mode().Perm()
	}
	return WriteFileAtomic(outPath, out, perm)
}
