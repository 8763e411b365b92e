package pdfread

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/digitorus/pdf"

	"kinerja/docinfo"
)

// MaxSize is the largest PDF Open and Read accept (the file is kept in
// memory).
const MaxSize = 1 << 30

// Sentinel errors, for errors.Is.
var (
	ErrNotPDF    = errors.New("not a PDF file")
	ErrMalformed = errors.New("malformed PDF")
	// ErrEncrypted is returned for an encrypted (password-protected) PDF:
	// kinerja's documents are never encrypted, and signatures over
	// encrypted content are not checked.
	ErrEncrypted = errors.New("the PDF is encrypted (password-protected); kinerja reads only unencrypted PDFs: open it and save a copy without protection")
)

// Doc is a PDF in memory that passed the guards and parsed.
type Doc struct {
	Data   []byte      // the whole file
	Reader *pdf.Reader // the latest revision
}

// Open checks data against the guards (size, header, %%EOF, cross-reference
// numbers) and parses it. A panic of the parser becomes an error wrapping
// ErrMalformed.
func Open(data []byte) (*Doc, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes, more than the %d accepted", ErrNotPDF, len(data), MaxSize)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, fmt.Errorf("%w (no %%PDF- header)", ErrNotPDF)
	}
	if err := checkXref(data); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	rd, err := parse(data)
	switch {
	case err != nil && bytes.Contains(data, []byte("/Encrypt")):
		return nil, ErrEncrypted
	case err != nil:
		return nil, err
	case encrypted(rd):
		return nil, ErrEncrypted
	}
	return &Doc{Data: data, Reader: rd}, nil
}

// encrypted reports whether the trailer names an encryption dictionary.
func encrypted(rd *pdf.Reader) (yes bool) {
	defer func() {
		if recover() != nil {
			yes = true // a trailer the parser cannot even look at: refuse
		}
	}()
	return !rd.Trailer().Key("Encrypt").IsNull()
}

// Revision parses the prefix data[:end] of d, one of its revisions
// (Revisions), without running the guards again: the numbers they bound
// by the whole file's size bound every prefix too.
func (d *Doc) Revision(end int64) (*pdf.Reader, error) {
	if end < 0 || end > int64(len(d.Data)) {
		return nil, fmt.Errorf("%w: revision end %d outside the file", ErrMalformed, end)
	}
	return parse(d.Data[:end])
}

// Info reads the kinerja Info of the latest revision; docinfo.ErrNoInfo
// when there is none.
func (d *Doc) Info() (*docinfo.Info, error) { return docinfo.InfoFrom(d.Reader) }

// parse runs the parser on data cut after its last "%%EOF" (where the
// parser looks for it, byte by byte from the end), recovering its panics.
func parse(data []byte) (rd *pdf.Reader, err error) {
	defer Catch(&err, "")
	end := bytes.LastIndex(data, []byte("%%EOF"))
	if end < 0 {
		return nil, fmt.Errorf("%w: no %%%%EOF marker", ErrMalformed)
	}
	cut := data[:end+len("%%EOF")]
	rd, err = pdf.NewReader(bytes.NewReader(cut), int64(len(cut)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return rd, nil
}

// Catch, deferred, turns a panic of the PDF parser (which panics on some
// malformed input, also while reading values lazily) into an error in
// *err wrapping ErrMalformed, prefixed with what unless it is "".
func Catch(err *error, what string) {
	p := recover()
	if p == nil {
		return
	}
	*err = fmt.Errorf("%w: %v", ErrMalformed, p)
	if what != "" {
		*err = fmt.Errorf("%s: %w", what, *err)
	}
}

// Read reads size bytes from r into memory, at most MaxSize.
func Read(r io.ReaderAt, size int64) ([]byte, error) {
	if size < 0 || size > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes, more than the %d accepted", ErrNotPDF, size, int64(MaxSize))
	}
	data := make([]byte, size)
	if n, err := r.ReadAt(data, 0); int64(n) != size {
		return nil, fmt.Errorf("read %d of %d bytes: %w", n, size, err)
	}
	return data, nil
}

// Info opens data and reads its kinerja Info; docinfo.ErrNoInfo when the
// PDF carries none.
func Info(data []byte) (*docinfo.Info, error) {
	d, err := Open(data)
	if err != nil {
		return nil, err
	}
	return d.Info()
}
