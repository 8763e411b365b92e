package main

import (
	"crypto/x509"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"kinerja/render"
	"kinerja/sign/verify"
)

// verifyUsage is the synopsis of 'kinerja verify'.
const verifyUsage = `usage: kinerja verify FILE.pdf [--trust CA.pem ...] [--json]

Checks every signature of FILE.pdf: integrity of the signed bytes, the
signer's certificate chain (system roots, or only the --trust roots when
given), signing time and timestamp, and whether anything other than later
signatures changed after each signature. It also renders the document
again from the sources embedded in it and compares the result with the
bytes before the first signature ("Source:"); a difference fails the
check, a PDF without embedded sources only gets a note. Exit status 0 when
there is at least one signature and all are valid, trusted and unmodified
and the source (if any) reproduces the document; 1 otherwise.
`

// trustFlag collects repeated --trust PEM files.
type trustFlag []string

// String implements flag.Value.
func (t *trustFlag) String() string { return strings.Join(*t, ",") }

// Set implements flag.Value.
func (t *trustFlag) Set(s string) error { *t = append(*t, s); return nil }

// runVerify implements 'kinerja verify'.
func runVerify(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, verifyUsage) }
	var trust trustFlag
	fs.Var(&trust, "trust", "PEM file of trusted root certificates (repeatable; replaces the system roots)")
	asJSON := fs.Bool("json", false, "print a JSON report")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(files) != 1 {
		fmt.Fprintf(stderr, "kinerja verify: want exactly one PDF file, got %d\n%s", len(files), verifyUsage)
		return exitUsage
	}
	roots, err := loadRoots(trust)
	if err != nil {
		fmt.Fprintf(stderr, "kinerja verify: %v\n", err)
		return exitBadInput
	}
	rep, err := verifyFile(files[0], verify.Options{Roots: roots})
	if err != nil {
		fmt.Fprintf(stderr, "kinerja verify: %s: %v\n", files[0], err)
		return exitBadInput
	}
	src := checkSource(files[0])
	if *asJSON {
		err = writeVerifyJSON(stdout, files[0], rep, src)
	} else {
		err = writeVerifyText(stdout, files[0], rep, src)
	}
	if err != nil {
		fmt.Fprintf(stderr, "kinerja verify: %v\n", err)
		return exitBadInput
	}
	if !rep.OK() || src.failed() {
		return exitBadInput
	}
	return exitOK
}

// loadRoots reads PEM certificates from files; no files means nil (the
// system roots).
func loadRoots(files []string) (*x509.CertPool, error) {
	if len(files) == 0 {
		return nil, nil
	}
	pool := x509.NewCertPool()
	for _, f := range files {
		pem, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("trust: %w", err)
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("trust %s: no PEM certificate in the file", f)
		}
	}
	return pool, nil
}

// verifyFile verifies the PDF at path.
func verifyFile(path string, opts verify.Options) (*verify.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	return verify.Verify(f, st.Size(), opts)
}

// fmtTime formats a time for people and JSON ("" for the zero time).
func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// okText returns ok or bad.
func okText(cond bool, ok, bad string) string {
	if cond {
		return ok
	}
	return bad
}

// writeVerifyText prints the human summary: one block per signature, the
// Source line and a final VALID or INVALID line.
func writeVerifyText(w io.Writer, name string, rep *verify.Report, src sourceCheck) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d signature(s), %d revision(s)\n", name, len(rep.Signatures), rep.Revisions)
	for i := range rep.Signatures {
		writeSignatureText(&b, &rep.Signatures[i], rep.Revisions)
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(&b, "problem: %s\n", p)
	}
	fmt.Fprintf(&b, "\nSource: %s\n", src.text)
	if rep.OK() && !src.failed() {
		fmt.Fprintf(&b, "VALID: %d signature(s) intact, trusted and unmodified%s\n", len(rep.Signatures), src.validSuffix())
	} else {
		fmt.Fprintf(&b, "INVALID: %s\n", strings.Join(reasons(rep, src), "; "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeSignatureText prints one signature block.
func writeSignatureText(b *strings.Builder, s *verify.Signature, revisions int) {
	fmt.Fprintf(b, "\nSignature %d (%s): %s\n", s.Index, s.Party.Title(), okText(s.Valid(), "valid", "INVALID"))
	line := func(k, v string) { fmt.Fprintf(b, "  %-14s %s\n", k+":", v) }
	line("Name", s.Name)
	line("Signer", s.SignerSubject)
	line("Issuer", s.SignerIssuer)
	line("Signing time", okText(!s.SigningTime.IsZero(), fmtTime(s.SigningTime), "none"))
	ts := "none"
	if s.Timestamp != nil {
		ts = fmtTime(*s.Timestamp)
	}
	line("Timestamp", ts)
	line("Digest", s.DigestAlgorithm)
	line("Integrity", okText(s.Integrity, "ok (signed bytes unchanged, CMS signature verifies)", "FAILED"))
	line("Trust", okText(s.Trusted, "trusted", "NOT TRUSTED "+s.ChainError))
	cover := fmt.Sprintf("revision %d of %d", s.Revision, revisions)
	if s.CoversWholeFile {
		cover += " (whole document)"
	}
	line("Covers", cover)
	line("Modified", okText(!s.ModifiedAfter, "no changes after signing other than signatures", "YES"))
	for _, m := range s.Modifications {
		fmt.Fprintf(b, "    - %s\n", m)
	}
	for _, e := range s.Errors {
		line("Error", e)
	}
	for _, e := range s.Warnings {
		line("Warning", e)
	}
}

// verifyJSON is the --json output of 'kinerja verify'. The schema
// ("kinerja-verify/1") is stable: fields appear in this order, lists are
// [] when empty (never null), times are RFC 3339 UTC or "".
//
//	{"schema": "kinerja-verify/1", "file": string, "valid": bool,
//	 "revisions": int, "reasons": [string], "problems": [string],
//	 "signatures": [{"index": int, "party": "pertama"|"kedua"|"",
//	   "valid": bool, "name", "reason", "location", "signer_subject",
//	   "signer_issuer": string, "signing_time": string, "timestamp": string,
//	   "digest_algorithm": string, "byte_range": [4 ints], "revision": int,
//	   "covers_whole_file", "integrity", "trusted": bool, "chain_error": string,
//	   "modified_after": bool, "modifications", "errors", "warnings": [string]}],
//	 "source": {"status": "identical"|"different"|"other-format"|"none"|"error",
//	   "message": string, "kind": string, "sources": [string], "size": int,
//	   "first_diff": int}}
//
// "source" is the re-render proof: "identical" when the bytes before the
// first signature are exactly what the embedded sources render to (size is
// their length); "different" (first_diff is the first differing byte, -1
// when the sources did not render at all) and "error" make valid false and
// add a reason; "none" (no embedded source) and "other-format" (written by
// a renderer whose bytes differ from this one's, see render.Format, so not
// comparable) are only notes.
type verifyJSON struct {
	Schema     string          `json:"schema"`
	File       string          `json:"file"`
	Valid      bool            `json:"valid"`
	Revisions  int             `json:"revisions"`
	Reasons    []string        `json:"reasons"`
	Problems   []string        `json:"problems"`
	Signatures []signatureJSON `json:"signatures"`
	Source     sourceJSON      `json:"source"`
}

// sourceJSON is the re-render result in verifyJSON.
type sourceJSON struct {
	Status    string   `json:"status"`
	Message   string   `json:"message"`
	Kind      string   `json:"kind"`
	Sources   []string `json:"sources"`
	Size      int64    `json:"size"`
	FirstDiff int64    `json:"first_diff"`
}

// signatureJSON is one signature in verifyJSON.
type signatureJSON struct {
	Index           int      `json:"index"`
	Party           string   `json:"party"`
	Valid           bool     `json:"valid"`
	Name            string   `json:"name"`
	Reason          string   `json:"reason"`
	Location        string   `json:"location"`
	SignerSubject   string   `json:"signer_subject"`
	SignerIssuer    string   `json:"signer_issuer"`
	SigningTime     string   `json:"signing_time"`
	Timestamp       string   `json:"timestamp"`
	DigestAlgorithm string   `json:"digest_algorithm"`
	ByteRange       [4]int64 `json:"byte_range"`
	Revision        int      `json:"revision"`
	CoversWholeFile bool     `json:"covers_whole_file"`
	Integrity       bool     `json:"integrity"`
	Trusted         bool     `json:"trusted"`
	ChainError      string   `json:"chain_error"`
	ModifiedAfter   bool     `json:"modified_after"`
	Modifications   []string `json:"modifications"`
	Errors          []string `json:"errors"`
	Warnings        []string `json:"warnings"`
}

// nonNil returns s, or an empty list for nil.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// writeVerifyJSON prints rep as verifyJSON.
func writeVerifyJSON(w io.Writer, name string, rep *verify.Report, src sourceCheck) error {
	out := verifyJSON{Schema: "kinerja-verify/1", File: name, Valid: rep.OK() && !src.failed(), Revisions: rep.Revisions,
		Reasons: nonNil(reasons(rep, src)), Problems: nonNil(rep.Problems), Signatures: []signatureJSON{},
		Source: src.json()}
	for i := range rep.Signatures {
		s := &rep.Signatures[i]
		ts := ""
		if s.Timestamp != nil {
			ts = fmtTime(*s.Timestamp)
		}
		out.Signatures = append(out.Signatures, signatureJSON{Index: s.Index, Party: s.Party.String(), Valid: s.Valid(),
			Name: s.Name, Reason: s.Reason, Location: s.Location, SignerSubject: s.SignerSubject,
			SignerIssuer: s.SignerIssuer, SigningTime: fmtTime(s.SigningTime), Timestamp: ts,
			DigestAlgorithm: s.DigestAlgorithm, ByteRange: s.ByteRange, Revision: s.Revision,
			CoversWholeFile: s.CoversWholeFile, Integrity: s.Integrity, Trusted: s.Trusted,
			ChainError: s.ChainError, ModifiedAfter: s.ModifiedAfter, Modifications: nonNil(s.Modifications),
			Errors: nonNil(s.Errors), Warnings: nonNil(s.Warnings)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// sourceCheck is the re-render proof of a PDF: whether the bytes before the
// first signature are exactly what its embedded sources render to.
type sourceCheck struct {
	status string // "identical", "different", "none" or "error"
	text   string // the human line after "Source:"
	reason string // why the check fails, "" when it does not
	repro  *render.Reproduction
}

// checkSource reads the PDF at path and renders it again from its
// embedded sources.
func checkSource(path string) sourceCheck {
	b, err := os.ReadFile(path)
	if err != nil {
		return sourceCheck{status: "error", text: "cannot read: " + err.Error(), reason: "source: " + err.Error()}
	}
	r, err := render.Reproduce(b)
	switch {
	case errors.Is(err, render.ErrNoSource):
		return sourceCheck{status: "none", text: "no embedded source (not rendered by kinerja, or by a version that did not embed it): not re-rendered"}
	case err != nil:
		return sourceCheck{status: "error", text: "cannot re-render: " + err.Error(), reason: "source: " + err.Error()}
	}
	names := strings.Join(r.Sources, " and ")
	switch {
	case r.Match:
		return sourceCheck{status: "identical", repro: r,
			text: fmt.Sprintf("re-rendered from embedded %s: identical (%d bytes)", names, r.Size)}
	case r.OtherFormat:
		return sourceCheck{status: "other-format", repro: r,
			text: fmt.Sprintf("not compared: made by render format %d, this kinerja writes format %d (check with the kinerja version that made it)", r.Format, render.Format)}
	case r.FirstDiff >= 0:
		return sourceCheck{status: "different", repro: r,
			text:   fmt.Sprintf("DIFFERENT from what the embedded data renders (first difference at byte %d)", r.FirstDiff),
			reason: fmt.Sprintf("the document is not what its embedded %s renders to (first difference at byte %d of %d)", names, r.FirstDiff, r.Size)}
	}
	return sourceCheck{status: "different", repro: r, text: "DIFFERENT: the embedded data does not render: " + r.Reason,
		reason: fmt.Sprintf("the embedded %s does not render: %s", names, r.Reason)}
}

// failed reports whether the source check makes verification fail.
func (c sourceCheck) failed() bool { return c.reason != "" }

// validSuffix is added to the VALID line when the source reproduced.
func (c sourceCheck) validSuffix() string {
	if c.status == "identical" {
		return "; content reproduced from its embedded source"
	}
	return ""
}

// reasons lists why verification failed: the signatures' reasons, then the
// source's.
func reasons(rep *verify.Report, src sourceCheck) []string {
	rs := rep.Reasons()
	if src.failed() {
		rs = append(rs, src.reason)
	}
	return rs
}

// json returns the source check as sourceJSON.
func (c sourceCheck) json() sourceJSON {
	out := sourceJSON{Status: c.status, Message: c.text, Sources: []string{}, FirstDiff: -1}
	if r := c.repro; r != nil {
		out.Kind, out.Sources, out.Size, out.FirstDiff = r.Kind.String(), nonNil(r.Sources), r.Size, r.FirstDiff
	}
	return out
}
