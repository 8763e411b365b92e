package main

import (
	"context"
	"fmt"
	"io"

	"kinerja/api"
	"kinerja/sign"
)

// timestampUsage is the synopsis of 'kinerja timestamp'.
const timestampUsage = `usage: kinerja timestamp FILE.pdf --tsa URL -o OUT.pdf [--trust CA.pem ...]

Renews a signed PDF for the archive (PAdES B-LTA), so that its signatures
stay verifiable after their certificates expire or their algorithms
weaken: first an update with a document security store (/DSS) holding
every certificate of the signatures' and timestamps' chains and fresh OCSP
responses or CRLs for them (fetched anew each time), then a document
timestamp over the whole file from the authority at --tsa. Run it again
before the last timestamp authority's certificate expires.

It refuses an unsigned document and one that 'kinerja verify' finds
INVALID (with --trust roots, else the system's); nothing is written then,
nor when revocation data cannot be had (a revoked certificate, no answer
within --ltv-timeout). OUT.pdf may be FILE.pdf.
`

// runTimestamp implements 'kinerja timestamp'.
func runTimestamp(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("timestamp", stderr, timestampUsage)
	var trust trustFlag
	var o sign.TimestampOptions
	out := fs.String("o", "", "output PDF (required)")
	fs.StringVar(&o.TSA, "tsa", "", "RFC 3161 timestamp authority URL (required)")
	fs.DurationVar(&o.TSATimeout, "tsa-timeout", sign.DefaultTSATimeout, "timeout of the timestamp request")
	fs.DurationVar(&o.LTV.Timeout, "ltv-timeout", sign.DefaultLTVTimeout, "timeout of one OCSP or CRL request")
	fs.Var(&trust, "trust", "PEM file of trusted root certificates (repeatable; replaces the system roots)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if msg := timestampUsageError(pos, *out, o.TSA); msg != "" {
		fmt.Fprintf(stderr, "kinerja timestamp: %s\n", msg)
		fs.Usage()
		return exitUsage
	}
	if o.Roots, err = loadRoots(trust); err == nil {
		err = api.TimestampFile(context.Background(), pos[0], *out, o)
	}
	if err != nil {
		fmt.Fprintf(stderr, "kinerja timestamp: %v\n", err)
		return exitBadInput
	}
	fmt.Fprintln(stdout, *out)
	return exitOK
}

// timestampUsageError returns what is wrong with the command line, or "".
func timestampUsageError(pos []string, out, tsa string) string {
	switch {
	case len(pos) != 1:
		return fmt.Sprintf("want exactly one input PDF, got %d", len(pos))
	case out == "":
		return "no output: give -o OUT.pdf"
	case tsa == "":
		return "no timestamp authority: give --tsa URL"
	}
	return ""
}
