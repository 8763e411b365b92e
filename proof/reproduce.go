package proof

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"time"

	"github.com/digitorus/pdf"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/internal/pdfread"
	"kinerja/layout"
	"kinerja/pesan"
	"kinerja/render"
	"kinerja/report"
)

// ErrNoSource is returned by Reproduce for a PDF that carries no embedded
// source to render again: not made by kinerja, or made before sources were
// embedded.
var ErrNoSource = errors.New("no embedded source")

// Reproduction is the result of rendering a PDF again from the sources
// embedded in it.
type Reproduction struct {
	// Match reports whether the document as rendered (the bytes before
	// the first signature) is exactly what the embedded sources render to.
	Match   bool
	Kind    docinfo.Kind
	Sources []string // the embedded sources used, agreement first
	Size    int64    // length of the document as rendered, in bytes
	// FirstDiff is the offset of the first byte that differs (the shorter
	// length when one is a prefix of the other); -1 when the bytes match
	// or nothing could be rendered.
	FirstDiff int64
	// Reason says why Match is false, "" when it is true.
	Reason string
	// OtherFormat is set when the bytes differ and the document was written
	// by another docinfo.Format (Format holds the document's): the
	// difference may come from the renderer, not from the sources, so an
	// exact comparison proves nothing either way.
	OtherFormat bool
	Format      int
}

// Reproduce renders the document in pdfBytes again from its embedded
// sources and compares the result with the bytes before the first
// signature (pdfread.Rendered). The date is the one the document carries, so a
// render made with SOURCE_DATE_EPOCH reproduces too. It returns an error
// wrapping ErrNoSource when there is nothing to render from, and other
// errors for an unreadable PDF; sources that do not decode or render are
// a Reproduction without Match, with the Reason.
func Reproduce(pdfBytes []byte) (*Reproduction, error) {
	orig, err := pdfread.Rendered(pdfBytes)
	if err != nil {
		return nil, fmt.Errorf("reproduce: %w", err)
	}
	src, err := readSources(orig)
	if err != nil {
		return nil, err
	}
	rep := &Reproduction{Kind: src.info.Kind, Sources: src.info.Sources, Size: int64(len(orig)), FirstDiff: -1, Format: src.info.Format}
	again, err := src.render()
	if err != nil {
		rep.Reason = err.Error()
		return rep, nil
	}
	if bytes.Equal(again, orig) {
		rep.Match = true
		return rep, nil
	}
	rep.FirstDiff = firstDiff(orig, again)
	rep.Reason = pesan.En("the embedded sources render to %d bytes that differ from the document's %d from byte %d on",
		len(again), len(orig), rep.FirstDiff)
	if src.info.Format != docinfo.Format {
		rep.OtherFormat = true
		rep.Reason = pesan.En("the document was written by render format %d and this kinerja writes format %d, so the bytes cannot be compared exactly (%s)",
			src.info.Format, docinfo.Format, rep.Reason)
	}
	return rep, nil
}

// firstDiff returns the offset of the first differing byte of a and b.
func firstDiff(a, b []byte) int64 {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return int64(i)
		}
	}
	return int64(n)
}

// sources is what a document says about how it was made.
type sources struct {
	info    *docinfo.Info
	created time.Time
	files   map[string][]byte
}

// readSources reads the kinerja Info, creation date and embedded files of
// an unsigned document.
func readSources(doc []byte) (s *sources, err error) {
	defer pdfread.Catch(&err, "reproduce")
	d, err := pdfread.Open(doc)
	if err != nil {
		return nil, fmt.Errorf("reproduce: %w", err)
	}
	rd := d.Reader
	info, err := infoOf(rd)
	if err != nil {
		return nil, err
	}
	files, err := extractFrom(rd)
	if err != nil {
		return nil, fmt.Errorf("reproduce: %w", err)
	}
	s = &sources{info: info, files: map[string][]byte{}}
	for _, f := range files {
		s.files[f.Name] = f.Data
	}
	if s.created, err = parsePDFDate(rd.Trailer().Key("Info").Key("CreationDate").Text()); err != nil {
		return nil, fmt.Errorf("reproduce: /CreationDate: %w", err)
	}
	return s, nil
}

// infoOf reads the kinerja Info and makes sure it names embedded sources.
func infoOf(rd *pdf.Reader) (*docinfo.Info, error) {
	info, err := docinfo.InfoFrom(rd)
	if errors.Is(err, docinfo.ErrNoInfo) {
		return nil, fmt.Errorf("reproduce: %w (no kinerja metadata)", ErrNoSource)
	}
	if err != nil {
		return nil, fmt.Errorf("reproduce: %w", err)
	}
	if len(info.Sources) == 0 {
		return nil, fmt.Errorf("reproduce: %w (the metadata names none)", ErrNoSource)
	}
	return info, nil
}

// parsePDFDate parses the dates Write produces: D:YYYYMMDDHHmmSS followed
// by Z, +HH'mm' or -HH'mm' (nothing means UTC).
func parsePDFDate(s string) (time.Time, error) {
	if len(s) < 16 || s[:2] != "D:" {
		return time.Time{}, fmt.Errorf("%q is not a PDF date", s)
	}
	t, err := time.Parse("20060102150405", s[2:16])
	if err != nil {
		return time.Time{}, fmt.Errorf("%q: %w", s, err)
	}
	zone := s[16:]
	if zone == "" || zone == "Z" {
		return t, nil
	}
	h, err1 := strconv.Atoi(zone[1:min(3, len(zone))])
	m, err2 := strconv.Atoi(zone[min(4, len(zone)):min(6, len(zone))])
	if len(zone) != 7 || (zone[0] != '+' && zone[0] != '-') || err1 != nil || err2 != nil {
		return time.Time{}, fmt.Errorf("%q: bad time zone", s)
	}
	off := h*3600 + m*60
	if zone[0] == '-' {
		off = -off
	}
	y, mo, d := t.Date()
	return time.Date(y, mo, d, t.Hour(), t.Minute(), t.Second(), 0, time.FixedZone("", off)), nil
}

// render renders the document again from the sources.
func (s *sources) render() ([]byte, error) {
	doc, meta, err := s.lay()
	if err != nil {
		return nil, err
	}
	meta.Created, meta.ExactDate = s.created, true
	var buf bytes.Buffer
	if err := render.Write(&buf, doc, meta); err != nil {
		return nil, fmt.Errorf("rendering the embedded sources: %w", err)
	}
	return buf.Bytes(), nil
}

// lay decodes the sources and lays out the document of the Info's kind.
func (s *sources) lay() (*layout.Document, render.Meta, error) {
	a, err := s.agreement()
	if err != nil {
		return nil, render.Meta{}, err
	}
	switch s.info.Kind {
	case docinfo.Agreement:
		doc, err := layout.Agreement(a, render.Measurer{})
		if err != nil {
			return nil, render.Meta{}, fmt.Errorf("laying out embedded %s: %w", s.info.Sources[0], err)
		}
		return doc, render.AgreementMeta(a), nil
	case docinfo.Report:
		return s.report(a)
	}
	return nil, render.Meta{}, fmt.Errorf("unknown document kind %q", s.info.Kind)
}

// agreement decodes the embedded agreement TOML (Sources[0]), the logo
// read from the embedded files.
func (s *sources) agreement() (*data.Agreement, error) {
	name := s.info.Sources[0]
	src, ok := s.files[name]
	if !ok {
		return nil, fmt.Errorf("the metadata names source %s, but no such file is embedded", name)
	}
	a, err := data.DecodeWith(bytes.NewReader(src), name, data.Options{Files: memFS(s.files)})
	if err != nil {
		return nil, fmt.Errorf("embedded %s does not decode: %w", name, err)
	}
	return a, nil
}

// report computes and lays out the quarterly report of a from the embedded
// realisasi (Sources[1], if any) and Info.Triwulan.
func (s *sources) report(a *data.Agreement) (*layout.Document, render.Meta, error) {
	var r *report.Realisasi
	if len(s.info.Sources) > 1 {
		name := s.info.Sources[1]
		src, ok := s.files[name]
		if !ok {
			return nil, render.Meta{}, fmt.Errorf("the metadata names source %s, but no such file is embedded", name)
		}
		var err error
		if r, err = report.Decode(bytes.NewReader(src), name, a); err != nil {
			return nil, render.Meta{}, fmt.Errorf("embedded %s does not decode: %w", name, err)
		}
	}
	rep, err := report.Compute(a, r, s.info.Triwulan)
	if err != nil {
		return nil, render.Meta{}, fmt.Errorf("computing the report from the embedded sources: %w", err)
	}
	doc, err := layout.Report(rep, render.Measurer{})
	if err != nil {
		return nil, render.Meta{}, fmt.Errorf("laying out the report from the embedded sources: %w", err)
	}
	return doc, render.ReportMeta(rep), nil
}

// memFS serves files from memory by their exact names, "../" and absolute
// names included (unlike fstest.MapFS), as Options.Files of data needs for
// a logo written outside the TOML's directory.
type memFS map[string][]byte

// Open implements fs.FS.
func (m memFS) Open(name string) (fs.File, error) {
	b, ok := m[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memFile{Reader: bytes.NewReader(b), name: name, size: int64(len(b))}, nil
}

// ReadFile implements fs.ReadFileFS.
func (m memFS) ReadFile(name string) ([]byte, error) {
	b, ok := m[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return bytes.Clone(b), nil
}

// memFile is an open memFS file.
type memFile struct {
	*bytes.Reader
	name string
	size int64
}

func (f *memFile) Stat() (fs.FileInfo, error) { return memInfo{f.name, f.size}, nil }
func (f *memFile) Close() error               { return nil }

// memInfo describes a memFile.
type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o444 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
