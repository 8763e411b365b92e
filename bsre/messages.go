package bsre

import (
	"errors"
	"fmt"
	"kinerja/pesan"
)

// Kind is what went wrong with a BSrE request, in words a user acts on.
type Kind int

// The kinds of failure. Only Unavailable is retried.
const (
	KindOther         Kind = iota // anything else the service refused
	KindPassphrase                // wrong passphrase
	KindNotRegistered             // NIK not registered
	KindNoCertificate             // registered, but no certificate issued
	KindExpired                   // certificate expired
	KindRevoked                   // certificate revoked
	KindClientAuth                // the agency's client credentials were refused
	KindUnavailable               // service down, slow or failing (5xx, timeout)
	KindNotPDF                    // the answer is not a PDF
	KindPrefix                    // the returned PDF does not begin with the bytes sent
	KindSignatures                // the returned PDF does not add exactly one signature
	KindWrongPerson               // the new signature's certificate is not the party's
	KindNotVerified               // kinerja's verifier does not accept the result
)

// messages holds, for every Kind, the plain-words message in English; the
// catalogue (package pesan) holds the Indonesian.
var messages = map[Kind]string{
	KindOther:         "BSrE refused the request",
	KindPassphrase:    "wrong passphrase",
	KindNotRegistered: "the NIK is not registered with BSrE",
	KindNoCertificate: "the NIK has no BSrE certificate (not issued yet)",
	KindExpired:       "the signer's certificate has expired",
	KindRevoked:       "the signer's certificate has been revoked",
	KindClientAuth:    "the esign client credentials were refused (check pengguna/sandi of the profile)",
	KindUnavailable:   "the BSrE service is down or not answering",
	KindNotPDF:        "BSrE answered with something that is not a PDF",
	KindPrefix:        "the PDF BSrE returned does not begin with the document sent (it was rewritten)",
	KindSignatures:    "the PDF BSrE returned does not add exactly one signature",
	KindWrongPerson:   "BSrE signed with the certificate of another person",
	KindNotVerified:   "the PDF BSrE returned does not verify",
}

// Message returns the message of k in the active language (pesan).
func (k Kind) Message() string {
	m, ok := messages[k]
	if !ok {
		m = messages[KindOther]
	}
	return pesan.Text(m)
}

// retried reports whether a failure of kind k is tried again.
func (k Kind) retried() bool { return k == KindUnavailable }

// Error is a failed BSrE signature: its Kind, the details (what the
// service said, what the check found) and the cause. Its message reads
// "<message>: <detail>" in the active language; it never holds the
// passphrase.
type Error struct {
	Kind   Kind
	Detail string
	Err    error
}

// Error returns the message with the detail.
func (e *Error) Error() string {
	s := e.Kind.Message()
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the Kind of err (KindOther when it is no *Error).
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindOther
}

// fail returns an *Error of kind k with a formatted detail.
func fail(k Kind, format string, args ...any) *Error {
	return &Error{Kind: k, Detail: fmt.Sprintf(format, args...)}
}
