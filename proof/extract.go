package proof

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"io"

	"github.com/digitorus/pdf"

	"kinerja/internal/pdfread"
	"kinerja/render"
)

// MaxExtractSize is the most Extract reads, decompressed, of all the files
// of one PDF together (a guard against compression bombs).
const MaxExtractSize = 64 << 20

// Limits of the name tree walk, against loops and bombs in foreign files.
const (
	maxTreeDepth = 16
	maxTreeFiles = 1000
	maxTreeNodes = 10000
)

// Extract returns the files embedded in the latest revision of the PDF
// read from r (the catalog's EmbeddedFiles name tree, /Kids followed), in
// name tree order. A file's name is its /UF, else /F, else its key in the
// tree; a stored /Size or MD5 /CheckSum that does not match the data is an
// error. A PDF without embedded files gives none and no error.
func Extract(r io.ReaderAt, size int64) (files []render.EmbeddedFile, err error) {
	defer pdfread.Catch(&err, "extract")
	b, err := pdfread.Read(r, size)
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	d, err := pdfread.Open(b)
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return extractFrom(d.Reader)
}

// extractFrom reads the embedded files of an open PDF (may panic).
func extractFrom(rd *pdf.Reader) ([]render.EmbeddedFile, error) {
	tree := rd.Trailer().Key("Root").Key("Names").Key("EmbeddedFiles")
	var files []render.EmbeddedFile
	budget := MaxExtractSize
	nodes := 0
	err := walkNames(tree, 0, &nodes, func(key string, spec pdf.Value) error {
		if len(files) >= maxTreeFiles {
			return fmt.Errorf("more than %d embedded files", maxTreeFiles)
		}
		f, err := embeddedFile(key, spec, budget)
		if err != nil {
			return err
		}
		budget -= len(f.Data)
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return files, nil
}

// walkNames calls fn for every key and value of the name tree node,
// counting the nodes visited in *nodes (a tree whose kids refer back up
// is cut off by the depth and node limits).
func walkNames(node pdf.Value, depth int, nodes *int, fn func(key string, v pdf.Value) error) error {
	if node.IsNull() {
		return nil
	}
	if *nodes++; depth > maxTreeDepth || *nodes > maxTreeNodes {
		return fmt.Errorf("name tree deeper than %d levels or larger than %d nodes", maxTreeDepth, maxTreeNodes)
	}
	names := node.Key("Names")
	for i := 0; i+1 < names.Len(); i += 2 {
		if err := fn(names.Index(i).Text(), names.Index(i+1)); err != nil {
			return err
		}
	}
	kids := node.Key("Kids")
	for i := 0; i < kids.Len(); i++ {
		if err := walkNames(kids.Index(i), depth+1, nodes, fn); err != nil {
			return err
		}
	}
	return nil
}

// embeddedFile reads one file specification, of at most budget bytes.
func embeddedFile(key string, spec pdf.Value, budget int) (render.EmbeddedFile, error) {
	name := firstText(spec.Key("UF"), spec.Key("F"))
	if name == "" {
		name = key
	}
	f := render.EmbeddedFile{Name: name, Description: spec.Key("Desc").Text()}
	ef := spec.Key("EF").Key("F")
	if ef.IsNull() {
		ef = spec.Key("EF").Key("UF")
	}
	if ef.Kind() != pdf.Stream {
		return f, fmt.Errorf("embedded file %q: no file stream", name)
	}
	rc := ef.Reader()
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, int64(budget)+1))
	if err != nil {
		return f, fmt.Errorf("embedded file %q: %w", name, err)
	}
	if len(data) > budget {
		return f, fmt.Errorf("embedded file %q: the embedded files exceed %d bytes together", name, MaxExtractSize)
	}
	f.Data = data
	return f, checkParams(f, ef.Key("Params"))
}

// firstText returns the first non-empty text string of vs.
func firstText(vs ...pdf.Value) string {
	for _, v := range vs {
		if s := v.Text(); s != "" {
			return s
		}
	}
	return ""
}

// checkParams compares the data with the /Size and /CheckSum stored for it.
func checkParams(f render.EmbeddedFile, params pdf.Value) error {
	if s := params.Key("Size"); s.Kind() == pdf.Integer && s.Int64() != int64(len(f.Data)) {
		return fmt.Errorf("embedded file %q: %d bytes, but its /Size says %d (damaged)", f.Name, len(f.Data), s.Int64())
	}
	sum := md5.Sum(f.Data)
	if c := params.Key("CheckSum"); c.Kind() == pdf.String && !bytes.Equal([]byte(c.RawString()), sum[:]) {
		return fmt.Errorf("embedded file %q: MD5 checksum does not match (damaged)", f.Name)
	}
	return nil
}
