package archive

import (
	"crypto/x509"
	"errors"
	"fmt"
	"path/filepath"
	"time"
)

// DefaultDir is the archive directory used when none is given.
const DefaultDir = "out/arsip"

// Names of the files at the top of the archive directory and the prefix of
// temporary files.
const (
	IndexName  = "index.jsonl"
	lockName   = ".lock"
	tempPrefix = ".tmp-"
)

// Sentinel errors; test with errors.Is.
var (
	// ErrInvalid is returned by Add for a PDF whose signatures do not verify.
	ErrInvalid = errors.New("invalid signature")
	// ErrUnsigned is returned by Add for an unsigned PDF when
	// Options.AllowUnsigned is not set.
	ErrUnsigned = errors.New("the PDF is not signed (use --allow-unsigned to archive a draft)")
	// ErrIncomplete is returned by Add for a document that a party it
	// needs has not signed, when Options.AllowIncomplete is not set.
	ErrIncomplete = errors.New("not signed by every party (use --allow-incomplete to archive it)")
	// ErrConflict is returned by Add when the target path holds a different file.
	ErrConflict = errors.New("a different file already exists at the target path")
	// ErrTornIndex is returned by Add when the index does not end with a
	// complete record (a crash in the middle of an append).
	ErrTornIndex = errors.New("index ends with an incomplete record")
)

// Options configures an Archive.
type Options struct {
	// Roots are the trusted root certificates for signature verification;
	// nil means the system roots.
	Roots *x509.CertPool
	// Now is the clock; nil means time.Now. Its value is recorded as the
	// time an entry was added and is the time signatures are verified at.
	Now func() time.Time
	// AllowUnsigned lets Add store unsigned PDFs, recorded as drafts.
	AllowUnsigned bool
	// AllowIncomplete lets Add store a document not yet signed by every
	// party it needs (proof.Incomplete).
	AllowIncomplete bool
}

// Archive is an archive directory. Its methods are safe for concurrent use
// by several goroutines and several processes on one machine.
type Archive struct {
	dir  string
	opts Options
}

// Entry is one index record. The field order is the JSON field order.
type Entry struct {
	Seq     int      `json:"seq"`
	Path    string   `json:"path"` // slash-separated, relative to the archive dir
	SHA256  string   `json:"sha256"`
	Size    int64    `json:"size"`
	Year    int      `json:"year"` // 0 when unknown
	Unit    string   `json:"unit"`
	Kind    string   `json:"kind"`
	Title   string   `json:"title"`
	Parties []string `json:"parties"`
	Signers []Signer `json:"signers"`
	Draft   bool     `json:"draft"`
	// Supersedes is the seq of the earlier copy of the same agreement this
	// copy replaces (see Identity), 0 for none; left out of the JSON when
	// 0, so records written before it existed keep their hashes.
	Supersedes int       `json:"supersedes,omitempty"`
	Added      time.Time `json:"added"`
	Prev       string    `json:"prev"`
	Hash       string    `json:"hash"`
}

// Signer is one signature of an archived document.
type Signer struct {
	Party       string    `json:"party"`
	Name        string    `json:"name"`
	Subject     string    `json:"subject"`
	SigningTime time.Time `json:"signing_time"`
}

// Open returns the archive in dir ("" means DefaultDir). The directory is
// created by the first Add; List of a missing directory is empty and Verify
// of it fails.
func Open(dir string, opts Options) (*Archive, error) {
	if dir == "" {
		dir = DefaultDir
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", dir, err)
	}
	return &Archive{dir: abs, opts: opts}, nil
}

// Dir returns the absolute path of the archive directory.
func (a *Archive) Dir() string { return a.dir }

// now returns the clock's time in UTC, truncated to the second so that it
// survives a JSON round trip unchanged.
func (a *Archive) now() time.Time { return a.opts.Now().UTC().Truncate(time.Second) }
