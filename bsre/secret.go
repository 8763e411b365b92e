package bsre

import (
	"fmt"
	"io"
)

// redacted is what a Passphrase prints as, whatever the verb.
const redacted = "[redacted]"

// Passphrase is an official's BSrE passphrase. It prints as "[redacted]"
// with every fmt verb (%v, %s, %q, %#v, %x), in JSON and in panics, so
// that it cannot reach a log, an error message or a crash dump by
// accident; only this package reads it, to put it into a request body.
type Passphrase struct{ b []byte }

// NewPassphrase wraps b (not copied; the caller should not keep it).
func NewPassphrase(b []byte) Passphrase { return Passphrase{b: b} }

// Empty reports whether there is no passphrase.
func (p Passphrase) Empty() bool { return len(p.b) == 0 }

// String returns "[redacted]".
func (p Passphrase) String() string { return redacted }

// GoString returns "[redacted]".
func (p Passphrase) GoString() string { return redacted }

// Format prints "[redacted]" for every verb.
func (p Passphrase) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, redacted) }

// MarshalJSON returns the JSON string "[redacted]".
func (p Passphrase) MarshalJSON() ([]byte, error) { return []byte(`"` + redacted + `"`), nil }

// MarshalText returns "[redacted]".
func (p Passphrase) MarshalText() ([]byte, error) { return []byte(redacted), nil }

// reveal returns the passphrase itself, for a request body only.
func (p Passphrase) reveal() string { return string(p.b) }
