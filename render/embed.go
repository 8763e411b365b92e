package render

import (
	"bytes"
	"crypto/md5"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"kinerja/data"
	"kinerja/report"
)

// EmbeddedFile is a file carried inside a PDF as a document-level
// attachment (the catalog's EmbeddedFiles name tree; never a page
// annotation). Rendered documents carry their sources this way, so that
// Extract gives them back and Reproduce can render them again.
type EmbeddedFile struct {
	// Name is a cleaned path with forward slashes (data.CleanPath): the
	// TOML's base name, or the logo's path as the TOML writes it.
	Name        string
	Data        []byte
	Description string
}

// MaxEmbeddedFiles is the largest number of files Write embeds.
const MaxEmbeddedFiles = 64

// maxNameLen is the longest embedded file name accepted, in bytes.
const maxNameLen = 255

// Descriptions of the embedded files.
const (
	descAgreement = "Sumber perjanjian kinerja (TOML)"
	descRealisasi = "Sumber realisasi kinerja (TOML)"
	descLogo      = "Logo kop surat"
)

// checkFiles makes sure files can be embedded: at most MaxEmbeddedFiles,
// names clean, printable, of at most maxNameLen bytes and unique.
func checkFiles(files []EmbeddedFile) error {
	if len(files) > MaxEmbeddedFiles {
		return fmt.Errorf("render: %d files to embed (at most %d)", len(files), MaxEmbeddedFiles)
	}
	seen := map[string]bool{}
	for _, f := range files {
		if err := checkName(f.Name); err != nil {
			return fmt.Errorf("render: embedded file %q: %w", f.Name, err)
		}
		if seen[f.Name] {
			return fmt.Errorf("render: embedded file %q: given twice", f.Name)
		}
		seen[f.Name] = true
	}
	return nil
}

// checkName checks the form of an embedded file name.
func checkName(name string) error {
	switch {
	case name == "" || name == ".":
		return fmt.Errorf("empty name")
	case len(name) > maxNameLen:
		return fmt.Errorf("name longer than %d bytes", maxNameLen)
	case !utf8.ValidString(name):
		return fmt.Errorf("name is not UTF-8")
	case strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return fmt.Errorf("name contains a control character")
	case path.Clean(name) != name:
		return fmt.Errorf("name is not a clean slash-separated path (want %q)", path.Clean(name))
	}
	return nil
}

// fileSet collects the files of one document: the sources in role order
// (what Info.Sources records) and the files they refer to.
type fileSet struct {
	files   []EmbeddedFile
	sources []string
}

// logo adds the letterhead logo under the path the TOML gives.
func (s *fileSet) logo(k data.Letterhead) {
	if k.Logo == "" || len(k.LogoData) == 0 {
		return
	}
	s.files = append(s.files, EmbeddedFile{Name: data.CleanPath(k.Logo), Data: k.LogoData, Description: descLogo})
}

// source adds a TOML source under the base name of file (fallback when it
// has none), made unique among the names taken.
func (s *fileSet) source(file, fallback string, src []byte, desc string) {
	name := s.unique(tomlName(file, fallback))
	s.files = append(s.files, EmbeddedFile{Name: name, Data: src, Description: desc})
	s.sources = append(s.sources, name)
}

// tomlName returns the base name of file when it is a usable name, else
// fallback.
func tomlName(file, fallback string) string {
	base := filepath.Base(file)
	if file == "" || base == "-" || checkName(base) != nil || strings.ContainsAny(base, `/\`) || base == ".." {
		return fallback
	}
	return base
}

// unique returns name, or name with "-2", "-3", ... before its extension
// when a file of that name is already in the set.
func (s *fileSet) unique(name string) string {
	taken := func(n string) bool {
		return slices.ContainsFunc(s.files, func(f EmbeddedFile) bool { return f.Name == n })
	}
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 2; taken(name); i++ {
		name = stem + "-" + strconv.Itoa(i) + ext
	}
	return name
}

// agreementFiles returns what an agreement's PDF embeds: the TOML source
// and the logo. An agreement not decoded from TOML (no Source) embeds
// nothing.
func agreementFiles(a *data.Agreement) fileSet {
	var s fileSet
	if a.Source == nil {
		return s
	}
	s.logo(a.Kop)
	s.source(a.File, "perjanjian.toml", a.Source, descAgreement)
	return s
}

// reportFiles returns what a report's PDF embeds: the agreement TOML, the
// realisasi TOML (when there is one) and the logo. Without the agreement's
// source it embeds nothing.
func reportFiles(rep *report.Report) fileSet {
	s := agreementFiles(rep.Agreement)
	switch {
	case rep.Realisasi == nil:
		return s
	case rep.Realisasi.Source == nil || len(s.sources) == 0:
		return fileSet{} // could not be rendered again from what is embedded
	}
	s.source(rep.Realisasi.File, "realisasi.toml", rep.Realisasi.Source, descRealisasi)
	return s
}

// emptyTree is the empty EmbeddedFiles name tree fpdf v0.12.0 writes into
// every catalog (SetAttachments is not used: it compresses each file with
// a new zlib writer, ~1.5 MB per document, names the tree keys
// "Attachement1".., sorted only up to 9, and leaves /F empty).
const emptyTree = "/EmbeddedFiles << /Names [\n  \n] >>"

// embedFiles adds files to fpdf's output: per file an /EmbeddedFile stream
// (compressed, /Params with /Size and MD5 /CheckSum, no dates) and a
// /Filespec (/F ASCII, /UF Unicode, /Desc), placed before the catalog
// (fpdf's last object) whose name tree then lists them keyed by name in
// byte order. The xref table and trailer /Size are rebuilt in fpdf's shape
// for rewrite. The result reuses pdf's array: pdf must not be used after.
func embedFiles(pdf []byte, files []EmbeddedFile) ([]byte, error) {
	if len(files) == 0 {
		return pdf, nil
	}
	objs, xrefAt, err := readXref(pdf)
	if err != nil {
		return nil, fmt.Errorf("render: internal error: %w", err)
	}
	cat := objs[len(objs)-1]
	catalog := bytes.Clone(pdf[cat.start:cat.end])
	if !bytes.Contains(catalog, []byte("/Type /Catalog")) || bytes.Count(catalog, []byte(emptyTree)) != 1 {
		return nil, fmt.Errorf("render: internal error: fpdf's last object is not the catalog with an empty name tree")
	}
	offsets := make([]int, len(objs)+1+2*len(files))
	for _, o := range objs {
		offsets[o.num] = o.start
	}
	oldXref := bytes.Clone(pdf[xrefAt:])
	out := pdf[:cat.start] // appended to in place: catalog and xref are copied
	var tree bytes.Buffer
	next := len(objs) + 1
	for _, f := range sortedByKey(files) {
		offsets[next] = len(out)
		out = appendFileStream(out, next, f)
		offsets[next+1] = len(out)
		out = appendFileSpec(out, next+1, f)
		fmt.Fprintf(&tree, "%s %d 0 R\n", pdfText(f.Name), next+1)
		next += 2
	}
	offsets[cat.num] = len(out)
	out = append(out, bytes.Replace(catalog, []byte(emptyTree), []byte("/EmbeddedFiles <</Names [\n"+tree.String()+"]>>"), 1)...)
	return appendXref(out, oldXref, offsets)
}

// appendXref appends an xref table of offsets (entry 0 unused) and fpdf's
// trailer from oldXref with /Size set.
func appendXref(out, oldXref []byte, offsets []int) ([]byte, error) {
	at := bytes.Index(oldXref, []byte("trailer\n<<\n/Size "))
	end := bytes.Index(oldXref, []byte("\nstartxref\n"))
	if at < 0 || end < at {
		return nil, fmt.Errorf("render: internal error: fpdf trailer not found")
	}
	trailer := oldXref[at:end]
	nl := bytes.IndexByte(trailer[len("trailer\n<<\n"):], '\n') + len("trailer\n<<\n")
	xref := len(out)
	out = fmt.Appendf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		out = fmt.Appendf(out, "%010d 00000 n \n", off)
	}
	out = fmt.Appendf(out, "trailer\n<<\n/Size %d%s", len(offsets), trailer[nl:])
	return fmt.Appendf(out, "\nstartxref\n%d\n%%%%EOF\n", xref), nil
}

// appendFileStream appends the compressed /EmbeddedFile stream of f.
func appendFileStream(out []byte, num int, f EmbeddedFile) []byte {
	z := deflate(f.Data)
	sum := md5.Sum(f.Data)
	out = fmt.Appendf(out, "%d 0 obj\n<</Type /EmbeddedFile%s /Filter /FlateDecode /Length %d /Params <</Size %d /CheckSum <%X>>>>>\nstream\n",
		num, mimeSubtype(f.Name), len(z), len(f.Data), sum[:])
	out = append(out, z...)
	return append(out, "\nendstream\nendobj\n"...)
}

// appendFileSpec appends the /Filespec of f, its stream being object num-1.
func appendFileSpec(out []byte, num int, f EmbeddedFile) []byte {
	return fmt.Appendf(out, "%d 0 obj\n<</Type /Filespec /F %s /UF %s /Desc %s /EF <</F %d 0 R /UF %d 0 R>>>>\nendobj\n",
		num, pdfText(asciiName(f.Name)), pdfText(f.Name), pdfText(f.Description), num-1, num-1)
}

// sortedByKey returns files sorted by their name tree key bytes, as the
// PDF specification wants the keys of a name tree.
func sortedByKey(files []EmbeddedFile) []EmbeddedFile {
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b EmbeddedFile) int { return strings.Compare(textBytes(a.Name), textBytes(b.Name)) })
	return sorted
}

// textBytes returns the bytes of s as a PDF text string: s itself when it
// is printable ASCII, else UTF-16BE with a byte order mark.
func textBytes(s string) string {
	if isPrintableASCII(s) {
		return s
	}
	var b strings.Builder
	b.WriteString("\xfe\xff")
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u >> 8))
		b.WriteByte(byte(u))
	}
	return b.String()
}

// pdfText writes s as a PDF text string: a literal string when it is
// printable ASCII, else a hexadecimal string of UTF-16BE.
func pdfText(s string) string {
	if isPrintableASCII(s) {
		return "(" + strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s) + ")"
	}
	return fmt.Sprintf("<%X>", textBytes(s))
}

// isPrintableASCII reports whether s has only the bytes 0x20..0x7e.
func isPrintableASCII(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r > 0x7e })
}

// asciiName is the /F file name: name with every rune outside printable
// ASCII replaced by "_".
func asciiName(name string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e {
			return '_'
		}
		return r
	}, name)
}

// mimeSubtype returns the /Subtype entry for a name's extension, "" when
// unknown.
func mimeSubtype(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".toml":
		return " /Subtype /application#2Ftoml"
	case ".png":
		return " /Subtype /image#2Fpng"
	case ".jpg", ".jpeg":
		return " /Subtype /image#2Fjpeg"
	}
	return ""
}

// ErrBadName is wrapped by LocalName for an embedded file name that must
// not be written to disk.
var ErrBadName = errors.New("unsafe embedded file name")

// LocalName checks that an embedded file name is safe to write below a
// directory: a clean relative slash-separated path that does not leave the
// directory ("..", absolute paths, volume names), without control
// characters or backslashes. The error wraps ErrBadName.
func LocalName(name string) error {
	err := checkName(name)
	switch {
	case err != nil:
	case strings.Contains(name, `\`):
		err = errors.New("contains a backslash")
	case !filepath.IsLocal(filepath.FromSlash(name)):
		err = errors.New("absolute or leaves the directory")
	}
	if err != nil {
		return fmt.Errorf("%w %q: %v", ErrBadName, name, err)
	}
	return nil
}
