package data

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"kinerja/pesan"
)

// MaxFileSize is the largest agreement or logo file Decode reads.
const MaxFileSize = 8 << 20

// Options tune decoding.
type Options struct {
	// Dir is the directory a relative logo path is resolved against.
	// Empty means the directory of the name given to Decode.
	Dir string
	// Files, when set, supplies the logo instead of the disk: the logo is
	// read from Files under CleanPath of the path the TOML gives, relative
	// or not, and Dir is not used. Reproducing a PDF from its embedded
	// files decodes this way.
	Files fs.FS
}

// CleanPath is the name under which a path written in the TOML (the logo)
// is embedded in a PDF and looked up in Options.Files: cleaned, with
// forward slashes. A path that is absolute or leaves the TOML's directory
// ("../x.png") is reduced to its base name, so that every embedded name
// can be extracted beside the TOML; a path below it ("img/logo.png") is
// kept, so that the extracted TOML renders again as it is.
func CleanPath(p string) string {
	c := path.Clean(filepath.ToSlash(p))
	if path.IsAbs(c) || c == ".." || strings.HasPrefix(c, "../") {
		return path.Base(c)
	}
	return c
}

// Decode reads an agreement from r; name is used in messages and, unless
// opt says otherwise, a relative logo path is resolved against its
// directory. Problems with the content are returned as Errors (all of
// them, sorted by line); reading failures as plain wrapped errors.
func Decode(r io.Reader, name string) (*Agreement, error) {
	return DecodeWith(r, name, Options{})
}

// DecodeFile reads the agreement at path.
func DecodeFile(path string) (*Agreement, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, pesan.Errorf("decode %s: %w", path, err)
	}
	defer f.Close()
	return DecodeWith(f, path, Options{Dir: filepath.Dir(path)})
}

// DecodeWith is Decode with options.
func DecodeWith(r io.Reader, name string, opt Options) (*Agreement, error) {
	src, err := readAll(r)
	if err != nil {
		return nil, pesan.Errorf("decode %s: %w", name, err)
	}
	if len(src) > MaxFileSize {
		return nil, Errors{{File: name, Line: 1, Col: 1, Msg: pesan.Sprintf("file is larger than %d bytes", MaxFileSize)}}
	}
	if opt.Dir == "" {
		opt.Dir = filepath.Dir(name)
	}
	a, err := decodeBytes(src, name, opt)
	if err != nil {
		return nil, err
	}
	a.Source = src
	return a, nil
}

// readAll reads r up to one byte past MaxFileSize, into a buffer of the
// right size when r tells its length (a strings or bytes Reader).
func readAll(r io.Reader) ([]byte, error) {
	var b bytes.Buffer
	if l, ok := r.(interface{ Len() int }); ok {
		b.Grow(min(l.Len(), MaxFileSize+1) + bytes.MinRead)
	}
	_, err := b.ReadFrom(io.LimitReader(r, MaxFileSize+1))
	return b.Bytes(), err
}

// decodeBytes parses src, then checks it and builds the model.
func decodeBytes(src []byte, name string, opt Options) (*Agreement, error) {
	text := strings.TrimPrefix(string(src), "\uFEFF")
	if err := checkDepth(name, text); err != nil {
		return nil, err
	}
	var raw fileT
	md, err := toml.Decode(text, &raw)
	if err != nil {
		return nil, Errors{syntaxProblem(name, text, err)}
	}
	// Every text read is a key of the file: texts never grows.
	c := &checker{file: name, src: text, md: md, texts: make([]textAt, 0, len(md.Keys()))}
	c.unknownKeys(md)
	c.placeholders(&raw)
	a := c.build(&raw, opt)
	c.checkGlyphs(a.Huruf)
	if len(c.probs) > 0 {
		c.probs.Sort()
		return nil, c.probs
	}
	return a, nil
}

// reLastKey picks the key and message out of toml's type errors.
var reLastKey = regexp.MustCompile(`^toml: (?:line \d+ )?\(last key "([^"]*)"\): (.*)$`)

// syntaxProblem turns a toml decoding error into a Problem: syntax errors
// keep toml's excerpt of the offending line; a value of the wrong shape
// (text where a table belongs) is located by scanning for its key.
func syntaxProblem(name, src string, err error) Problem {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return ParseErrorProblem(name, pe)
	}
	p := Problem{File: name, Line: 1, Col: 1, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	if m := reLastKey.FindStringSubmatch(err.Error()); m != nil {
		p.Field, p.Msg = m[1], shapeMsg(m[1], m[2])
		at := guessPos(src, m[1])
		p.Line, p.Col = at.Line, at.Col
	}
	return p
}

// ParseErrorProblem turns a TOML syntax error into a Problem that keeps
// toml's excerpt of the offending line. The realisasi decoder uses it too.
func ParseErrorProblem(name string, pe toml.ParseError) Problem {
	// toml reports line 0 for some errors at the very end of the input.
	return Problem{File: name, Line: max(pe.Position.Line, 1), Col: max(pe.Position.Col, 1), Field: pe.LastKey,
		Msg: pesan.Sprintf("syntax error: %s", pe.Message), Source: excerpt(pe)}
}

// excerpt returns toml's "At line ..." excerpt of the offending line, or ""
// when toml cannot make one: its ErrorWithPosition panics on some inputs
// (an unterminated string at the very end of the file, found by FuzzDecode).
func excerpt(pe toml.ParseError) (ctx string) {
	defer func() {
		if recover() != nil {
			ctx = ""
		}
	}()
	ctx = pe.ErrorWithPosition()
	if i := strings.Index(ctx, "\n\n"); i >= 0 {
		ctx = ctx[i+2:] // drop the message line, keep "At line ..." and the excerpt
	}
	return ctx
}

// reShape matches toml's messages about a value of the wrong shape.
var reShape = regexp.MustCompile(`TOML value has type (\S+); destination has type (\S+)|expected table but found (\S+)`)

// shapeMsg rewords toml's type-mismatch message for key in terms of the file.
func shapeMsg(key, msg string) string {
	m := reShape.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	found, want := m[1]+m[3], m[2]
	if m[3] != "" {
		want = "struct"
	}
	names := map[string]string{"map[string]any": "a table", "[]map[string]any": "an array of tables",
		"string": "text", "struct": pesan.Sprintf("a table [%s]", key), "slice": pesan.Sprintf("tables written [[%s]]", key)}
	return pesan.Sprintf("is written as %s; expected %s", cmpOr(names[found], found), cmpOr(names[want], want))
}

// cmpOr returns a unless it is empty, else b.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// guessPos finds where key (dotted, unindexed) is first written.
func guessPos(src, key string) Position {
	ix := &Positions{src: src, lines: lineStarts(src)}
	exact := func(name string, _ bool) bool { return name == key }
	under := func(name string, _ bool) bool { return strings.HasPrefix(name, key+".") }
	for _, match := range []func(string, bool) bool{exact, under} {
		if start, _, ok := findHeaderFunc(src, 0, match); ok {
			return ix.at(start)
		}
	}
	if start, _, ok := findKey(src, 0, key[strings.LastIndexByte(key, '.')+1:]); ok {
		return ix.at(start)
	}
	return Position{1, 1}
}
