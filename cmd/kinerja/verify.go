package main

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"

	"kinerja/batch"
	"kinerja/data"
	"kinerja/internal/infile"
	"kinerja/pesan"
	"kinerja/proof"
)

// exitIncomplete is the exit status of verify when the worst document is
// valid but not signed by every party it needs.
const exitIncomplete = 3

// verifyUsage is the synopsis of 'kinerja verify'.
const verifyUsage = `usage: kinerja verify DIR|FILE.pdf... [--trust CA.pem ...] [--json] [-j N]

Checks every signature of each PDF: integrity of the signed bytes, the
signer's certificate chain (system roots, or only the --trust roots when
given), signing time and timestamp, and whether anything other than later
signatures changed after each signature. It also renders the document
again from the sources embedded in it and compares the result with the
bytes before the first signature ("Source:"); a difference fails the
check, a PDF without embedded sources only gets a note. Finally every
party the document needs must have signed (an agreement both, a report
PIHAK PERTAMA); otherwise it is INCOMPLETE.

One file prints every signature (--json: the kinerja-verify/2 document,
see package proof). Several files or a directory (its *.pdf) are checked
in one process, one line each (ok FILE, FAIL FILE: reason) and a summary
line on stderr; --json then prints one JSON verdict a line, in input order.

--bsre PROFILE (one file, a profile of --bsre-config, see kinerja sign)
also sends the file to that BSrE service's verify endpoint and prints its
conclusion beside kinerja's; kinerja's verdict sets the exit status.

Exit status: 0 all valid; 1 any invalid or unreadable; 3 the worst is
incomplete (all signatures valid, a party missing); 2 bad usage.
`

// trustFlag collects repeated --trust PEM files.
type trustFlag []string

// String implements flag.Value.
func (t *trustFlag) String() string { return strings.Join(*t, ",") }

// Set implements flag.Value.
func (t *trustFlag) Set(s string) error { *t = append(*t, s); return nil }

// runVerify implements 'kinerja verify'.
func runVerify(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("verify", stderr, verifyUsage)
	var trust trustFlag
	fs.Var(&trust, "trust", "PEM file of trusted root certificates (repeatable; replaces the system roots)")
	asJSON := fs.Bool("json", false, "print JSON")
	jobs := fs.Int("j", runtime.GOMAXPROCS(0), "number of files checked in parallel")
	bsreProfile := fs.String("bsre", "", "also ask this BSrE profile's verify endpoint (one file)")
	bsreConfig := fs.String("bsre-config", "", "BSrE profiles file (default ~/.config/kinerja/bsre.toml)")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(files) == 0 || *jobs < 1 {
		pesan.Fprintf(stderr, "kinerja verify: want at least one PDF file or directory and -j >= 1\n%s", pesan.Text(verifyUsage))
		return exitUsage
	}
	roots, err := loadRoots(trust)
	if err != nil {
		fmt.Fprintf(stderr, "kinerja verify: %v\n", err)
		return exitBadInput
	}
	opts := proof.Options{Roots: roots}
	if *bsreProfile != "" && len(files) == 1 && !*asJSON {
		return verifyBSrE(files[0], *bsreConfig, *bsreProfile, opts, stdout, stderr)
	}
	var code int
	var hint bool
	if len(files) > 1 || batch.IsDir(files) {
		code, hint = verifyMany(files, opts, *jobs, *asJSON, stdout, stderr)
	} else {
		code, hint = verifyOne(files[0], opts, *asJSON, stdout, stderr)
	}
	if hint && roots == nil {
		fmt.Fprintln(stderr, text(msgTrustHint, strings.Join(files, " ")))
	}
	return code
}

// untrusted reports whether a signature of v is intact but its
// certificate does not chain to a trusted root: what --trust is for.
func untrusted(v *proof.Verdict) bool {
	for _, s := range v.Signatures {
		if s.Integrity && !s.Trusted {
			return true
		}
	}
	return false
}

// verifyOne checks one file and prints its verdict in full; it also
// reports whether a signature was untrusted.
func verifyOne(file string, opts proof.Options, asJSON bool, stdout, stderr io.Writer) (int, bool) {
	v, err := proof.CheckFile(file, opts)
	if err != nil {
		pesan.Fprintf(stderr, "kinerja verify: %s: %v\n", file, pesan.Translate(err.Error()))
		return exitBadInput, false
	}
	if asJSON {
		err = writeVerifyJSON(stdout, v, "  ")
	} else {
		err = writeVerifyText(stdout, v)
	}
	if err != nil {
		fmt.Fprintf(stderr, "kinerja verify: %v\n", err)
		return exitBadInput, false
	}
	return exitFor(v.Status), untrusted(v)
}

// exitFor is the exit status of a verdict.
func exitFor(s proof.Status) int {
	switch s {
	case proof.Valid:
		return exitOK
	case proof.Incomplete:
		return exitIncomplete
	}
	return exitBadInput
}

// verifyMany checks many files in one process with the batch runner; it
// also reports whether any signature was untrusted.
func verifyMany(args []string, opts proof.Options, workers int, asJSON bool, stdout, stderr io.Writer) (int, bool) {
	inputs, err := batch.Inputs(args, ".pdf")
	if err != nil {
		fmt.Fprintf(stderr, "kinerja verify: %v\n", err)
		return exitBadInput, false
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	verdicts := make([]*proof.Verdict, len(inputs))
	var mu sync.Mutex
	worst, hint := exitOK, false
	do := func(_ context.Context, j batch.Job) error {
		v, err := proof.CheckFile(j.Name, opts)
		code, distrust := exitBadInput, false
		if err == nil {
			verdicts[j.Index], code, distrust = v, exitFor(v.Status), untrusted(v)
			err = verdictError(v)
		}
		mu.Lock()
		worst, hint = worse(worst, code), hint || distrust
		mu.Unlock()
		return err
	}
	lines := io.Discard
	if !asJSON {
		lines = stdout
	}
	jobs := make([]batch.Job, len(inputs))
	for i, in := range inputs {
		jobs[i].Name = in
	}
	s := batch.Run(ctx, batch.Slice(jobs), workers, do, batch.NewReporter(lines, stderr, len(inputs), "verify"))
	if asJSON {
		writeVerdictLines(stdout, verdicts)
	}
	if s.NotRun {
		return exitBadInput, hint
	}
	return worst, hint
}

// verdictError is nil for a valid verdict, else the status word and the
// reasons in the active language.
func verdictError(v *proof.Verdict) error {
	if v.Status == proof.Valid {
		return nil
	}
	return errors.New(statusWord(v.Status) + ": " + localReasons(v.Reasons))
}

// statusWord is the verdict's word for people: VALID, INCOMPLETE or
// INVALID, in the active language (the JSON keeps proof.Status).
func statusWord(s proof.Status) string {
	switch s {
	case proof.Valid:
		return pesan.Text("VALID")
	case proof.Incomplete:
		return pesan.Text("INCOMPLETE")
	}
	return pesan.Text("INVALID")
}

// localReasons joins the verdict's English reasons, each in the active
// language.
func localReasons(reasons []string) string {
	local := make([]string, len(reasons))
	for i, r := range reasons {
		local[i] = pesan.Translate(r)
	}
	return strings.Join(local, "; ")
}

// worse returns the worse of two exit statuses (1 is worse than 3).
func worse(a, b int) int {
	rank := map[int]int{exitOK: 0, exitIncomplete: 1, exitBadInput: 2}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// writeVerdictLines prints the verdicts one JSON document a line.
func writeVerdictLines(w io.Writer, vs []*proof.Verdict) {
	for _, v := range vs {
		if v != nil {
			writeVerifyJSON(w, v, "")
		}
	}
}

// maxPEM bounds a --trust file: a bundle of a few hundred CA certificates.
const maxPEM = 4 << 20

// loadRoots reads PEM certificates from files; no files means nil (the
// system roots).
func loadRoots(files []string) (*x509.CertPool, error) {
	if len(files) == 0 {
		return nil, nil
	}
	pool := x509.NewCertPool()
	for _, f := range files {
		pem, err := infile.ReadFile(f, maxPEM)
		if err != nil {
			return nil, pesan.Errorf("trust: %w", err)
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, pesan.Errorf("trust %s: no PEM certificate in the file", f)
		}
	}
	return pool, nil
}

// okText returns ok or bad.
func okText(cond bool, ok, bad string) string {
	if cond {
		return ok
	}
	return bad
}

// writeVerifyText prints the human summary: one block per signature, the
// Source line and a final VALID, INCOMPLETE or INVALID line, in the active
// language.
func writeVerifyText(w io.Writer, v *proof.Verdict) error {
	var b strings.Builder
	pesan.Fprintf(&b, "%s: %d signature(s), %d revision(s)\n", v.File, len(v.Signatures), v.Revisions)
	for i := range v.Signatures {
		writeSignatureText(&b, &v.Signatures[i], v.Revisions)
	}
	for _, p := range v.Problems {
		pesan.Fprintf(&b, "problem: %s\n", pesan.Translate(p))
	}
	pesan.Fprintf(&b, "\nSource: %s\n", pesan.Translate(v.Source.Message))
	switch v.Status {
	case proof.Valid:
		suffix := ""
		if v.Source.Status == proof.SourceIdentical {
			suffix = pesan.Text("; content reproduced from its embedded source")
		}
		pesan.Fprintf(&b, "VALID: %d signature(s) intact, trusted and unmodified%s\n", len(v.Signatures), suffix)
	default:
		fmt.Fprintf(&b, "%s: %s\n", statusWord(v.Status), localReasons(v.Reasons))
	}
	_, err := io.WriteString(w, data.Printable(b.String()))
	return err
}

// writeSignatureText prints one signature block.
func writeSignatureText(b *strings.Builder, s *proof.Signature, revisions int) {
	who := s.Party.Title()
	if s.DocTimeStamp {
		who = pesan.Text("document timestamp")
	}
	pesan.Fprintf(b, "\nSignature %d (%s): %s\n", s.Index, who, okText(s.Valid, pesan.Text("valid"), pesan.Text("INVALID")))
	sigLine := func(k, v string) { fmt.Fprintf(b, "  %-14s %s\n", pesan.Text(k)+":", v) }
	sigLine("Name", s.Name)
	sigLine("Signer", s.SignerSubject)
	sigLine("Issuer", s.SignerIssuer)
	sigLine("Signing time", okText(s.SigningTime != "", s.SigningTime, pesan.Text("none")))
	sigLine("Timestamp", okText(s.Timestamp != "", s.Timestamp, pesan.Text("none")))
	sigLine("Digest", s.DigestAlgorithm)
	integrity := pesan.Text("ok (signed bytes unchanged, CMS signature verifies)")
	if s.DocTimeStamp {
		integrity = pesan.Text("ok (time-stamped bytes unchanged, token verifies)")
	}
	sigLine("Integrity", okText(s.Integrity, integrity, pesan.Text("FAILED")))
	sigLine("Trust", okText(s.Trusted, pesan.Text("trusted"), pesan.Text("NOT TRUSTED")+" "+s.ChainError))
	cover := pesan.Sprintf("revision %d of %d", s.Revision, revisions)
	if s.CoversWholeFile {
		cover += pesan.Text(" (whole document)")
	}
	sigLine("Covers", cover)
	sigLine("Modified", okText(!s.ModifiedAfter, pesan.Text("no changes after signing other than signatures"), pesan.Text("YES")))
	for _, m := range s.Modifications {
		fmt.Fprintf(b, "    - %s\n", pesan.Translate(m))
	}
	for _, e := range s.Errors {
		sigLine("Error", pesan.Translate(e))
	}
	for _, e := range s.Warnings {
		sigLine("Warning", pesan.Translate(e))
	}
}

// writeVerifyJSON prints v as its JSON schema (package proof), indented
// by indent ("" for one line).
func writeVerifyJSON(w io.Writer, v *proof.Verdict, indent string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", indent)
	return enc.Encode(v)
}
