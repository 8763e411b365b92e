package proof

import (
	"crypto/x509"
	"errors"
	"strings"
	"time"

	"kinerja/docinfo"
	"kinerja/internal/pdfread"
	"kinerja/pesan"
	"kinerja/sign/verify"
)

// Schema names the JSON form of a Verdict.
const Schema = "kinerja-verify/2"

// Status is the outcome of Check.
type Status string

// The outcomes, from best to worst.
const (
	Valid      Status = "valid"      // every signature valid, all parties signed, source reproduced or not comparable
	Incomplete Status = "incomplete" // everything valid, but a party the document needs has not signed
	Invalid    Status = "invalid"    // anything else
)

// Source statuses of the re-render proof.
const (
	SourceIdentical   = "identical"    // the document is what its embedded sources render to
	SourceDifferent   = "different"    // it is not, or they do not render (fails the check)
	SourceOtherFormat = "other-format" // written by another render format: not comparable (a note)
	SourceNone        = "none"         // no embedded source (a note)
	SourceError       = "error"        // the proof could not run (fails the check)
)

// Options control Check.
type Options struct {
	Roots *x509.CertPool // trusted roots; nil = system roots
	Now   time.Time      // verification time; zero = now
}

// Verdict is what Check decided about one PDF. Its exported fields with
// JSON tags are the stable JSON schema (see the package documentation).
type Verdict struct {
	Schema     string          `json:"schema"`
	File       string          `json:"file"`
	Status     Status          `json:"status"`
	Valid      bool            `json:"valid"`
	Kind       docinfo.Kind    `json:"kind"`
	Revisions  int             `json:"revisions"`
	Reasons    []string        `json:"reasons"`
	Problems   []string        `json:"problems"`
	Parties    []Party         `json:"parties"`
	Missing    []docinfo.Party `json:"missing"`
	Signatures []Signature     `json:"signatures"`
	Source     Source          `json:"source"`

	Report *verify.Report `json:"-"` // the verifier's findings
	Info   *docinfo.Info  `json:"-"` // the document's kinerja info; nil if none
}

// Party is one party the document names and whether it signed.
type Party struct {
	Party     docinfo.Party `json:"party"`
	Name      string        `json:"name"`
	Signed    bool          `json:"signed"`    // a valid signature is matched to it
	Signature int           `json:"signature"` // that signature's index, 0 if none
}

// Signature is one signature as the verifier found it.
type Signature struct {
	Index           int           `json:"index"`
	Party           docinfo.Party `json:"party"`
	Valid           bool          `json:"valid"`
	Name            string        `json:"name"`
	Reason          string        `json:"reason"`
	Location        string        `json:"location"`
	SignerSubject   string        `json:"signer_subject"`
	SignerIssuer    string        `json:"signer_issuer"`
	SigningTime     string        `json:"signing_time"`
	Timestamp       string        `json:"timestamp"`
	DigestAlgorithm string        `json:"digest_algorithm"`
	ByteRange       [4]int64      `json:"byte_range"`
	Revision        int           `json:"revision"`
	CoversWholeFile bool          `json:"covers_whole_file"`
	Integrity       bool          `json:"integrity"`
	Trusted         bool          `json:"trusted"`
	ChainError      string        `json:"chain_error"`
	ModifiedAfter   bool          `json:"modified_after"`
	Modifications   []string      `json:"modifications"`
	Errors          []string      `json:"errors"`
	Warnings        []string      `json:"warnings"`
	// DocTimeStamp marks a document timestamp (PAdES B-LTA): Name and
	// SignerSubject are the authority's, Timestamp its time; it has no
	// party.
	DocTimeStamp bool `json:"document_timestamp"`
}

// Source is the re-render proof.
type Source struct {
	Status    string       `json:"status"` // one of the Source* constants
	Message   string       `json:"message"`
	Kind      docinfo.Kind `json:"kind"`
	Sources   []string     `json:"sources"`
	Size      int64        `json:"size"`
	FirstDiff int64        `json:"first_diff"`
	reason    string       // why it fails the check; "" when it does not
}

// Failed reports whether the re-render proof fails the check.
func (s Source) Failed() bool { return s.reason != "" }

// Reason says why the re-render proof fails the check ("" when it does
// not).
func (s Source) Reason() string { return s.reason }

// Signed reports whether the document has at least one signature.
func (v *Verdict) Signed() bool { return len(v.Signatures) > 0 }

// Check verifies every signature of the PDF in data, renders it again
// from its embedded sources and decides: Valid, Incomplete or Invalid.
// An error means the input could not be examined at all (not a PDF, too
// large); everything else is in the verdict.
func Check(data []byte, opts Options) (*Verdict, error) {
	rep, err := verify.VerifyBytes(data, verify.Options{Roots: opts.Roots, Now: opts.Now})
	if err != nil {
		return nil, err
	}
	v := &Verdict{Schema: Schema, Revisions: rep.Revisions, Problems: nonNil(rep.Problems),
		Report: rep, Info: rep.Info, Source: checkSource(data), Missing: []docinfo.Party{}}
	if rep.Info != nil {
		v.Kind = rep.Info.Kind
	}
	v.Signatures = signatures(rep)
	v.Parties, v.Missing = parties(rep)
	v.decide()
	return v, nil
}

// CheckFile is Check of the PDF at path, with File set to path.
func CheckFile(path string, opts Options) (*Verdict, error) {
	data, err := pdfread.ReadFile(path)
	if err != nil {
		return nil, err
	}
	v, err := Check(data, opts)
	if err != nil {
		return nil, err
	}
	v.File = path
	return v, nil
}

// decide sets Reasons, Status and Valid.
func (v *Verdict) decide() {
	v.Reasons = v.Report.Reasons()
	if v.Source.Failed() {
		v.Reasons = append(v.Reasons, v.Source.reason)
	}
	switch {
	case len(v.Reasons) > 0:
		v.Status = Invalid
	case len(v.Missing) > 0:
		v.Status = Incomplete
		for _, p := range v.Missing {
			v.Reasons = append(v.Reasons, pesan.En("%s has not signed (a %s needs %s)", p.Title(), kindWord(v.Kind), partyList(v.Kind.Parties())))
		}
	default:
		v.Status = Valid
	}
	v.Valid = v.Status == Valid
	v.Reasons = nonNil(v.Reasons)
}

// kindWord names a kind in English.
func kindWord(k docinfo.Kind) string {
	switch k {
	case docinfo.Agreement:
		return "performance agreement"
	case docinfo.Report:
		return "quarterly report"
	}
	return "document"
}

// partyList is "PIHAK PERTAMA and PIHAK KEDUA".
func partyList(ps []docinfo.Party) string {
	var titles []string
	for _, p := range ps {
		titles = append(titles, p.Title())
	}
	return strings.Join(titles, " and ")
}

// parties lists the parties the document needs (its kind's, else its
// named signers) and which of them have no valid signature.
func parties(rep *verify.Report) ([]Party, []docinfo.Party) {
	out, missing := []Party{}, []docinfo.Party{}
	if rep.Info == nil {
		return out, missing
	}
	need := rep.Info.Kind.Parties()
	if need == nil {
		for _, s := range rep.Info.Signers {
			need = append(need, s.Party)
		}
	}
	for _, p := range need {
		ps := Party{Party: p, Name: signerName(rep.Info, p)}
		for i := range rep.Signatures {
			if s := &rep.Signatures[i]; s.Party == p && s.Valid() && ps.Signature == 0 {
				ps.Signed, ps.Signature = true, s.Index
			}
		}
		if !ps.Signed {
			missing = append(missing, p)
		}
		out = append(out, ps)
	}
	return out, missing
}

// signerName is the name the document prints for party p.
func signerName(info *docinfo.Info, p docinfo.Party) string {
	for _, s := range info.Signers {
		if s.Party == p {
			return s.Name
		}
	}
	return ""
}

// signatures converts the verifier's signatures.
func signatures(rep *verify.Report) []Signature {
	out := []Signature{}
	for i := range rep.Signatures {
		s := &rep.Signatures[i]
		ts := ""
		if s.Timestamp != nil {
			ts = fmtTime(*s.Timestamp)
		}
		out = append(out, Signature{Index: s.Index, Party: s.Party, Valid: s.Valid(),
			Name: s.Name, Reason: s.Reason, Location: s.Location, SignerSubject: s.SignerSubject,
			SignerIssuer: s.SignerIssuer, SigningTime: fmtTime(s.SigningTime), Timestamp: ts,
			DigestAlgorithm: s.DigestAlgorithm, ByteRange: s.ByteRange, Revision: s.Revision,
			CoversWholeFile: s.CoversWholeFile, Integrity: s.Integrity, Trusted: s.Trusted,
			ChainError: s.ChainError, ModifiedAfter: s.ModifiedAfter, Modifications: nonNil(s.Modifications),
			Errors: nonNil(s.Errors), Warnings: nonNil(s.Warnings), DocTimeStamp: s.DocTimeStamp})
	}
	return out
}

// fmtTime formats a time as RFC 3339 UTC ("" for the zero time).
func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// nonNil returns s, or an empty list for nil.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// checkSource runs the re-render proof on data.
func checkSource(data []byte) Source {
	r, err := Reproduce(data)
	switch {
	case errors.Is(err, ErrNoSource):
		return Source{Status: SourceNone, Sources: []string{}, FirstDiff: -1,
			Message: pesan.En("no embedded source (not rendered by kinerja, or by a version that did not embed it): not re-rendered")}
	case err != nil:
		return Source{Status: SourceError, Sources: []string{}, FirstDiff: -1,
			Message: pesan.En("cannot re-render: %s", err), reason: pesan.En("source: %s", err)}
	}
	s := Source{Kind: r.Kind, Sources: nonNil(r.Sources), Size: r.Size, FirstDiff: r.FirstDiff}
	names := strings.Join(r.Sources, " and ")
	switch {
	case r.Match:
		s.Status, s.Message = SourceIdentical, pesan.En("re-rendered from embedded %s: identical (%d bytes)", names, r.Size)
	case r.OtherFormat:
		s.Status = SourceOtherFormat
		s.Message = pesan.En("not compared: made by render format %d, this kinerja writes format %d (check with the kinerja version that made it)", r.Format, docinfo.Format)
	case r.FirstDiff >= 0:
		s.Status = SourceDifferent
		s.Message = pesan.En("DIFFERENT from what the embedded data renders (first difference at byte %d)", r.FirstDiff)
		s.reason = pesan.En("the document is not what its embedded %s renders to (first difference at byte %d of %d)", names, r.FirstDiff, r.Size)
	default:
		s.Status, s.Message = SourceDifferent, pesan.En("DIFFERENT: the embedded data does not render: %s", r.Reason)
		s.reason = pesan.En("the embedded %s does not render: %s", names, r.Reason)
	}
	return s
}
