package pesan

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// source is what the catalogue test learns from the module's code.
type source struct {
	keys     map[string]string // constant message texts -> where
	literals []string          // every string literal outside tests
}

// messageArg names, per function or method name, the argument that is a
// message format or text (see readSource for the other kinds of keys).
var messageArg = map[string]int{
	"pesan.Sprintf": 0, "pesan.Fprintf": 1, "pesan.Errorf": 0, "pesan.Text": 0, "pesan.En": 0,
	"addf": 1, "problem": 2, "usageError": 2, "sigLine": 0, "reqText": 2,
	"problemf": 4, "j.problem": 0, // sign/verify's findings about PDF objects
}

// flagMethods are the flag.FlagSet methods whose last argument is help.
var flagMethods = []string{"String", "Bool", "Int", "Int64", "Uint", "Float64", "Duration", "Var",
	"StringVar", "BoolVar", "IntVar", "Float64Var", "DurationVar", "Func", "BoolFunc", "TextVar"}

// readSource parses every non-test Go file of the module.
func readSource(t *testing.T) source {
	t.Helper()
	src := source{keys: map[string]string{}}
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		if filepath.Dir(path) != "." {
			readFile(fset, f, &src)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(src.keys) < 100 {
		t.Fatalf("found only %d message texts in the source; the walk is broken", len(src.keys))
	}
	return src
}

// readFile adds the keys and literals of one file.
func readFile(fset *token.FileSet, f *ast.File, src *source) {
	inCmd := strings.Contains(filepath.ToSlash(fset.File(f.Pos()).Name()), "cmd/")
	consts := fileConsts(f)
	add := func(e ast.Expr) {
		if s, ok := constString(e, consts); ok && hasWords(s) {
			src.keys[s] = fset.Position(e.Pos()).String()
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			if s, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING {
				src.literals = append(src.literals, s)
			}
		case *ast.CallExpr:
			readCall(n, inCmd, add)
		case *ast.CompositeLit:
			readComposite(n, add)
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if strings.HasSuffix(name.Name, "Usage") && i < len(n.Values) {
					add(n.Values[i])
				}
			}
		}
		return true
	})
}

// readCall adds the message argument of a call to a catalogue function,
// a message method or a flag definition.
func readCall(c *ast.CallExpr, inCmd bool, add func(ast.Expr)) {
	name := ""
	switch fn := c.Fun.(type) {
	case *ast.Ident:
		name = fn.Name
	case *ast.SelectorExpr:
		name = fn.Sel.Name
		if x, ok := fn.X.(*ast.Ident); ok && (x.Name == "pesan" || x.Name == "j") {
			name = x.Name + "." + name
		} else if slices.Contains(flagMethods, name) && len(c.Args) >= 3 && inCmd {
			add(c.Args[len(c.Args)-1])
		}
	}
	if i, ok := messageArg[name]; ok && i < len(c.Args) {
		add(c.Args[i])
	}
}

// readComposite adds the texts of the command line's message table
// (english) and of the command list (command{name, summary, run}).
func readComposite(c *ast.CompositeLit, add func(ast.Expr)) {
	if id, ok := c.Type.(*ast.Ident); ok && id.Name == "command" && len(c.Elts) == 3 {
		add(c.Elts[1])
	}
	if at, ok := c.Type.(*ast.ArrayType); ok {
		if id, ok := at.Elt.(*ast.Ident); ok && id.Name == "string" && isEnglishTable(c) {
			for _, e := range c.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					add(kv.Value)
				}
			}
		}
	}
}

// isEnglishTable reports whether c is keyed by msg... identifiers: the
// command line's table of texts.
func isEnglishTable(c *ast.CompositeLit) bool {
	for _, e := range c.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		if id, ok := kv.Key.(*ast.Ident); !ok || !strings.HasPrefix(id.Name, "msg") {
			return false
		}
	}
	return len(c.Elts) > 0
}

// fileConsts are the file's constant declarations with their expression.
func fileConsts(f *ast.File) map[string]ast.Expr {
	out := map[string]ast.Expr{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			for i, n := range vs.Names {
				if i < len(vs.Values) {
					out[n.Name] = vs.Values[i]
				}
			}
		}
	}
	return out
}

// constString evaluates a string constant: a literal, a sum of them or a
// constant of the same file.
func constString(e ast.Expr, consts map[string]ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		s, err := strconv.Unquote(e.Value)
		return s, err == nil && e.Kind == token.STRING
	case *ast.BinaryExpr:
		a, ok1 := constString(e.X, consts)
		b, ok2 := constString(e.Y, consts)
		return a + b, ok1 && ok2 && e.Op == token.ADD
	case *ast.ParenExpr:
		return constString(e.X, consts)
	case *ast.Ident:
		if v, ok := consts[e.Name]; ok {
			return constString(v, consts)
		}
	}
	return "", false
}

// TestCatalogueComplete fails on a message text of the source that has
// no Indonesian entry.
func TestCatalogueComplete(t *testing.T) {
	src := readSource(t)
	var missing []string
	for k, at := range src.keys {
		if _, ok := indonesian[k]; !ok && strings.TrimSpace(k) != "" {
			missing = append(missing, at+": "+strconv.Quote(k))
		}
	}
	slices.Sort(missing)
	for _, m := range missing {
		t.Errorf("no Indonesian text for %s", m)
	}
}

// TestCatalogueUsed fails on an entry no code uses: its key is not a
// message text of the source, and not every piece of literal text
// between its directives occurs in a string literal (texts made by
// concatenation, localised with Translate).
func TestCatalogueUsed(t *testing.T) {
	src := readSource(t)
	for en := range indonesian {
		if _, ok := src.keys[en]; ok || piecesFound(en, src.literals) {
			continue
		}
		t.Errorf("catalogue entry %q is used by no code", en)
	}
}

// piecesFound reports whether every literal piece of format occurs in
// one of the literals.
func piecesFound(format string, literals []string) bool {
	at := 0
	pieces := []string{}
	for _, v := range verbs(format) {
		pieces = append(pieces, format[at:v.start])
		at = v.end
	}
	pieces = append(pieces, format[at:])
	for _, p := range pieces {
		p = strings.TrimSpace(strings.ReplaceAll(p, "%%", "%"))
		if p == "" {
			continue
		}
		found := func(l string) bool { // as written, or as a format prints it
			return strings.Contains(l, p) || strings.Contains(strings.ReplaceAll(l, "%%", "%"), p)
		}
		if !slices.ContainsFunc(literals, found) {
			return false
		}
	}
	return true
}

// TestCatalogueVerbs fails on a translation whose directives differ from
// its English format's (an argument dropped, added or of another kind).
func TestCatalogueVerbs(t *testing.T) {
	for en, id := range indonesian {
		a, b := signature(en), signature(id)
		if len(a) != len(b) {
			t.Errorf("%q -> %q: %d arguments, want %d", en, id, len(b), len(a))
			continue
		}
		for i, l := range a {
			if b[i] != l {
				t.Errorf("%q -> %q: argument %d is %%%c, want %%%c", en, id, i+1, b[i], l)
			}
		}
		if en != "" && id == "" || strings.TrimSpace(id) == strings.TrimSpace(en) && len(en) > 12 && strings.ContainsAny(en, "abcdefghijklmnopqrstuvwxyz") && !sameOnPurpose[en] {
			t.Errorf("%q is not translated", en)
		}
	}
}

// sameOnPurpose lists the catalogue texts whose Indonesian is the
// English (notation, names); TestCatalogueVerbs accepts them.
var sameOnPurpose = map[string]bool{
	"%s: ok (realisasi, %d entri, %s)\n": true, "%s: ok (%d sasaran, %d indikator)\n": true,
	"kinerja %s: %s": true, "kinerja verify: %s: %v\n": true, "kinerja render: %s\n%s": true,
	"realisasi: %w": true, "realisasi %s: %w": true,
	"offset %d: %s": true, // the PDF parser's position: "offset" is kept as the technical term
}

// hasWords reports whether format has letters outside its directives
// ("%s: %v" is no message).
func hasWords(format string) bool {
	at := 0
	for _, v := range verbs(format) {
		if strings.ContainsFunc(format[at:v.start], unicode.IsLetter) {
			return true
		}
		at = v.end
	}
	return strings.ContainsFunc(format[at:], unicode.IsLetter)
}
