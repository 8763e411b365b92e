package verify

import (
	"crypto/x509"
	"fmt"
	"io"
	"sort"
	"time"

	"kinerja/docinfo"
	"kinerja/internal/pdfread"
)

// MaxSize is the largest PDF Verify reads (it keeps the file in memory).
const MaxSize = pdfread.MaxSize

// ErrNotPDF is returned for input that is not a PDF at all.
var ErrNotPDF = pdfread.ErrNotPDF

// Options controls a verification.
type Options struct {
	Roots *x509.CertPool // trusted roots; nil = system roots
	Now   time.Time      // verification time (zero = time.Now)
	// NoChains skips building certificate chains: Trusted stays false
	// and ChainError empty. For a signer checking its own output, where
	// trust is the reader's business; everything else is checked.
	NoChains bool
}

// Report is the result of verifying one PDF.
type Report struct {
	Signatures []Signature
	Revisions  int           // number of revisions (%%EOF sections) found
	Info       *docinfo.Info // kinerja info from the XMP metadata; nil if none
	Problems   []string      // document-level problems
}

// Signature is what was found and checked for one signature, in the order
// of the revisions they cover (Index is 1-based).
type Signature struct {
	Index           int
	Party           docinfo.Party // matched by name against Info.Signers; NoParty if none
	Name            string        // /Name of the signature, else the certificate CN
	Reason          string
	Location        string
	SignerSubject   string
	SignerIssuer    string
	SigningTime     time.Time  // claimed: the CMS signingTime attribute, else the signature's /M (zero if neither)
	Timestamp       *time.Time // RFC 3161 timestamp time, if a token is present
	DigestAlgorithm string     // e.g. "SHA-256"
	ByteRange       [4]int64
	Revision        int  // 1-based revision it covers (0 if its end is no revision end)
	CoversWholeFile bool // the ByteRange covers the whole file except /Contents
	// Integrity: the digest over ByteRange matches the CMS and the CMS
	// signature verifies with the signer's certificate.
	Integrity     bool
	Trusted       bool // the signer certificate chains to a trusted root
	ChainError    string
	ModifiedAfter bool
	Modifications []string // what changed after it, other than later signatures
	Errors        []string // anything else that makes it invalid
	Warnings      []string // noted, but does not make it invalid
	// DocTimeStamp marks a document timestamp (ETSI.RFC3161, PAdES
	// B-LTA): Name and SignerSubject are its authority's, Timestamp and
	// SigningTime its time, Integrity the token's signature and imprint
	// over the /ByteRange, Trusted the authority's chain to the roots.
	DocTimeStamp bool

	commonName string            // signer certificate CN, for party matching
	cert       *x509.Certificate // the signer's certificate
	fieldParty docinfo.Party     // the party whose field holds it (fieldParty)
	mismatch   string            // why the certificate is not that party's signer ("" if it is)
}

// Valid reports whether s is intact, trusted, unmodified and error free.
func (s *Signature) Valid() bool {
	return s.Integrity && s.Trusted && !s.ModifiedAfter && len(s.Errors) == 0 && s.mismatch == ""
}

// label is "signature N" or "signature N (party)".
func (s *Signature) label() string {
	if s.DocTimeStamp {
		return fmt.Sprintf("signature %d (document timestamp)", s.Index)
	}
	if s.Party != docinfo.NoParty {
		return fmt.Sprintf("signature %d (%s)", s.Index, s.Party)
	}
	return fmt.Sprintf("signature %d", s.Index)
}

// OK reports whether the document has at least one signature, no
// document-level problem, and every signature is valid.
func (r *Report) OK() bool {
	if r == nil || len(r.Signatures) == 0 || len(r.Problems) > 0 {
		return false
	}
	for i := range r.Signatures {
		if !r.Signatures[i].Valid() {
			return false
		}
	}
	return true
}

// Reasons lists why the report is not OK, one self-contained message each
// (empty when OK).
func (r *Report) Reasons() []string {
	var out []string
	if len(r.Signatures) == 0 {
		out = append(out, "the document has no signature")
	}
	out = append(out, r.Problems...)
	for i := range r.Signatures {
		out = append(out, r.Signatures[i].reasons()...)
	}
	return out
}

// reasons lists why s is not valid.
func (s *Signature) reasons() []string {
	var out []string
	if s.mismatch != "" {
		out = append(out, s.label()+": "+s.mismatch)
	}
	for _, e := range s.Errors {
		out = append(out, s.label()+": "+e)
	}
	if !s.Trusted && s.ChainError != "" {
		out = append(out, s.label()+": certificate not trusted: "+s.ChainError)
	} else if !s.Trusted && s.Integrity {
		out = append(out, s.label()+": certificate not trusted")
	}
	for _, m := range s.Modifications {
		out = append(out, s.label()+": "+m+" after it was signed")
	}
	return out
}

// Verify checks every signature of the PDF read from r (size bytes). An
// error means the input could not be examined at all (not a PDF, too
// large, unreadable); everything else is in the report.
func Verify(r io.ReaderAt, size int64, opts Options) (*Report, error) {
	data, err := pdfread.Read(r, size)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	return VerifyBytes(data, opts)
}

// VerifyBytes is Verify of a file in memory (data is not modified).
func VerifyBytes(data []byte, opts Options) (rep *Report, err error) {
	defer pdfread.Catch(&err, "verify") // last resort: the parsers' panics are recovered closer to them
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	doc, err := openDocument(data)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	rep = &Report{Revisions: len(doc.revs), Problems: doc.problems}
	rep.Info = doc.info()
	sigs := doc.findSignatures()
	sort.SliceStable(sigs, func(i, j int) bool { return sigs[i].end() < sigs[j].end() })
	for i, sd := range sigs {
		s := doc.checkSignature(sd, opts)
		s.Index = i + 1
		s.fieldParty = fieldParty(rep.Info, sd)
		rep.Signatures = append(rep.Signatures, s)
	}
	rep.Problems = append(rep.Problems, doc.strayByteRanges(sigs)...)
	doc.checkModifications(rep)
	matchParties(rep)
	return rep, nil
}
