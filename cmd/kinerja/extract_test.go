package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/layout"
	"kinerja/proof"
	"kinerja/render"
)

// signWithCLI signs in for both parties with the fixture's keys into out.
func signWithCLI(t *testing.T, f signFixture, in, out string) {
	t.Helper()
	code, _, stderr := runCLI("sign", in, "--pertama", f.p1, "--kedua", f.p2,
		"--pertama-password-file", f.pass1, "--kedua-password-file", f.pass2, "-o", out)
	if code != exitOK {
		t.Fatalf("sign: exit %d: %s", code, stderr)
	}
}

// renderWithFiles renders the sample agreement embedding files instead of
// its own TOML, to path.
func renderWithFiles(t *testing.T, path string, files []render.EmbeddedFile) {
	t.Helper()
	a, err := data.DecodeFile(sampleTOML(t))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := layout.Agreement(a, render.Measurer{})
	if err != nil {
		t.Fatal(err)
	}
	meta := render.AgreementMeta(a)
	meta.Files = files
	var b bytes.Buffer
	if err := render.Write(&b, doc, meta); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestExtractCLI extracts the TOML from a signed sample: into -d, into the
// default directory, refusing to overwrite without --force.
func TestExtractCLI(t *testing.T) {
	f := newSignFixture(t)
	signed := filepath.Join(f.dir, "signed.pdf")
	signWithCLI(t, f, f.pdf, signed)
	want, err := os.ReadFile(sampleTOML(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(f.dir, "x")
	target := filepath.Join(dir, "pk-2021-bppbj.toml")
	code, stdout, stderr := runCLI("extract", signed, "-d", dir)
	if code != exitOK || strings.TrimSpace(stdout) != target {
		t.Fatalf("extract: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if got, _ := os.ReadFile(target); !bytes.Equal(got, want) {
		t.Fatal("extracted TOML differs from the original")
	}
	os.WriteFile(target, []byte("mine"), 0o644)
	code, _, stderr = runCLI("extract", "-d", dir, signed)
	if got, _ := os.ReadFile(target); code != exitBadInput || !strings.Contains(stderr, "exists (use --force") || string(got) != "mine" {
		t.Fatalf("overwrite without --force: exit %d, stderr %q, file %q", code, stderr, got)
	}
	if code, _, stderr = runCLI("extract", signed, "-d", dir, "--force"); code != exitOK {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(target); !bytes.Equal(got, want) {
		t.Fatal("--force did not rewrite the file")
	}
	checkNoTemp(t, dir)
	t.Chdir(f.dir)
	code, stdout, stderr = runCLI("extract", "signed.pdf")
	if code != exitOK || strings.TrimSpace(stdout) != filepath.Join("signed-files", "pk-2021-bppbj.toml") {
		t.Fatalf("default directory: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestExtractCLIRefusals covers usage errors, files without embedded
// files, and names that would leave the output directory.
func TestExtractCLIRefusals(t *testing.T) {
	dir := t.TempDir()
	evil := filepath.Join(dir, "evil.pdf")
	renderWithFiles(t, evil, []render.EmbeddedFile{{Name: "ok.toml", Data: []byte("a = 1\n")},
		{Name: "../escaped.toml", Data: []byte("b = 2\n")}})
	plain := filepath.Join(dir, "plain.pdf")
	renderWithFiles(t, plain, nil)
	out := filepath.Join(dir, "out")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no file", nil, exitUsage, "want exactly one PDF file"},
		{"bad flag", []string{"--nope", plain}, exitUsage, "kinerja extract: unknown flag --nope (kinerja extract --help lists the flags)\n"},
		{"missing", []string{filepath.Join(dir, "none.pdf")}, exitBadInput, "no such file"},
		{"not a pdf", []string{sampleTOML(t), "-d", out}, exitBadInput, "extract:"},
		{"nothing embedded", []string{plain, "-d", out}, exitBadInput, "no embedded files"},
		{"escape", []string{evil, "-d", out}, exitBadInput, `nothing written: refusing unsafe embedded file name "../escaped.toml"`},
	}
	for _, tc := range tests {
		code, _, stderr := runCLI(append([]string{"extract"}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%s: exit %d (want %d), stderr %q lacks %q", tc.name, code, tc.code, stderr, tc.want)
		}
	}
	for _, p := range []string{filepath.Join(dir, "escaped.toml"), filepath.Join(out, "ok.toml")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was written despite the refusal", p)
		}
	}
}

// TestVerifyCLISource checks the Source line of 'kinerja verify': the
// signed sample reproduces; a signed document whose embedded TOML is not
// the one it was rendered from fails, in text and JSON; a foreign PDF
// only gets a note.
func TestVerifyCLISource(t *testing.T) {
	f := newSignFixture(t)
	ca := filepath.Join(f.dir, "ca.pem")
	signed := filepath.Join(f.dir, "signed.pdf")
	signWithCLI(t, f, f.pdf, signed)
	st, err := os.Stat(f.pdf)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI("verify", signed, "--trust", ca)
	want := "Source: re-rendered from embedded pk-2021-bppbj.toml: identical (" + strconv.FormatInt(st.Size(), 10) + " bytes)"
	if code != exitOK || !strings.Contains(stdout, want) || !strings.Contains(stdout, "VALID: 2 signature(s)") {
		t.Fatalf("verify signed sample: exit %d, stdout lacks %q:\n%s%s", code, want, stdout, stderr)
	}
	src, _ := os.ReadFile(sampleTOML(t))
	swapped := filepath.Join(f.dir, "swapped.pdf")
	renderWithFiles(t, swapped, []render.EmbeddedFile{{Name: "pk-2021-bppbj.toml",
		Data: bytes.Replace(src, []byte(`tahunan = "91%"`), []byte(`tahunan = "97%"`), 1)}})
	signWithCLI(t, f, swapped, swapped)
	code, stdout, _ = runCLI("verify", swapped, "--trust", ca)
	for _, w := range []string{"Signature 2 (PIHAK KEDUA): valid", "Source: DIFFERENT from what the embedded data renders (first difference at byte ",
		"INVALID: the document is not what its embedded pk-2021-bppbj.toml renders to"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("verify swapped: output lacks %q:\n%s", w, stdout)
		}
	}
	if code != exitBadInput {
		t.Errorf("verify swapped: exit %d, want %d", code, exitBadInput)
	}
	checkSourceJSON(t, swapped, ca)
	v := verifyFixtures(t)
	code, stdout, _ = runCLI("verify", v.twice, "--trust", v.ca)
	if code != exitOK || !strings.Contains(stdout, "Source: no embedded source") {
		t.Errorf("foreign PDF: exit %d:\n%s", code, stdout)
	}
}

// checkSourceJSON checks the "source" object of verify --json on a
// document whose source does not reproduce it.
func checkSourceJSON(t *testing.T, path, ca string) {
	t.Helper()
	code, stdout, _ := runCLI("verify", "--json", path, "--trust", ca)
	var got proof.Verdict
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	s := got.Source
	if code != exitBadInput || got.Valid || s.Status != "different" || s.FirstDiff <= 0 || s.FirstDiff >= s.Size ||
		s.Kind != "perjanjian" || len(s.Sources) != 1 || len(got.Reasons) != 1 {
		t.Errorf("verify --json swapped: exit %d, valid %v, reasons %q, source %+v", code, got.Valid, got.Reasons, s)
	}
}

// tinyPNG returns a valid 2x2 PNG.
func tinyPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 2, 2))
	img.Pix[0] = 0x80
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestExtractLogoRoundTrip renders an agreement with a logo in a
// subdirectory, extracts it, renders the extracted TOML again and expects
// the same bytes; a symbolic link planted in the output directory cannot
// lead the logo outside it.
func TestExtractLogoRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(sampleTOML(t))
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.Replace(src, []byte("[kop]\n"), []byte("[kop]\nlogo = \"img/logo.png\"\n"), 1)
	logo := tinyPNG(t)
	os.MkdirAll(filepath.Join(dir, "in", "img"), 0o755)
	os.WriteFile(filepath.Join(dir, "in", "img", "logo.png"), logo, 0o644)
	os.WriteFile(filepath.Join(dir, "in", "pk.toml"), src, 0o644)
	first, again := filepath.Join(dir, "first.pdf"), filepath.Join(dir, "again.pdf")
	if code, _, stderr := runCLI("render", filepath.Join(dir, "in", "pk.toml"), "-o", first); code != exitOK {
		t.Fatal(stderr)
	}
	out := filepath.Join(dir, "out")
	code, stdout, stderr := runCLI("extract", first, "-d", out)
	if code != exitOK || stdout != filepath.Join(out, "img", "logo.png")+"\n"+filepath.Join(out, "pk.toml")+"\n" {
		t.Fatalf("extract: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "img", "logo.png")); !bytes.Equal(got, logo) {
		t.Error("extracted logo differs")
	}
	if code, _, stderr := runCLI("render", filepath.Join(out, "pk.toml"), "-o", again); code != exitOK {
		t.Fatal(stderr)
	}
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("rendering the extracted files gives other bytes than the original render")
	}
	trap, elsewhere := filepath.Join(dir, "trap"), filepath.Join(dir, "elsewhere")
	os.MkdirAll(trap, 0o755)
	os.MkdirAll(elsewhere, 0o755)
	if err := os.Symlink(elsewhere, filepath.Join(trap, "img")); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runCLI("extract", first, "-d", trap); code != exitBadInput {
		t.Errorf("extract through a symbolic link: exit %d, want %d", code, exitBadInput)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("extract wrote %d file(s) through a symbolic link", len(entries))
	}
}

// replaceEmbedded appends an incremental update to pdf whose catalog
// embeds data as name instead of the original files.
func replaceEmbedded(t *testing.T, pdf []byte, name, data string) []byte {
	t.Helper()
	m := regexp.MustCompile(`/Size (\d+)\n/Root (\d+) 0 R`).FindSubmatch(pdf)
	x := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(pdf)
	if m == nil || x == nil {
		t.Fatal("unexpected trailer")
	}
	size, _ := strconv.Atoi(string(m[1]))
	root := string(m[2])
	b := bytes.NewBuffer(bytes.Clone(pdf))
	off := []int{b.Len()}
	fmt.Fprintf(b, "%d 0 obj\n<</Type /EmbeddedFile /Length %d>>\nstream\n%s\nendstream\nendobj\n", size, len(data), data)
	off = append(off, b.Len())
	fmt.Fprintf(b, "%d 0 obj\n<</Type /Filespec /F (%s) /EF <</F %d 0 R>>>>\nendobj\n", size+1, name, size)
	off = append(off, b.Len())
	fmt.Fprintf(b, "%s 0 obj\n<</Type /Catalog /Pages 1 0 R /Names <</EmbeddedFiles <</Names [(%s) %d 0 R]>>>>>>\nendobj\n", root, name, size+1)
	xref := b.Len()
	fmt.Fprintf(b, "xref\n%s 1\n%010d 00000 n \n%d 2\n%010d 00000 n \n%010d 00000 n \n", root, off[2], size, off[0], off[1])
	fmt.Fprintf(b, "trailer\n<</Size %d /Root %s 0 R /Prev %s>>\nstartxref\n%d\n%%%%EOF\n", size+2, root, x[1], xref)
	return b.Bytes()
}

// TestExtractCLIChangedLater extracts from an unsigned document whose
// embedded file was replaced by a later update: it writes the latest file
// without a warning (no signature: the whole file is the document as
// rendered, pdfread.Rendered), and verify, which re-renders that same
// document, no longer finds the rendered one (the update's catalog has
// no kinerja metadata) and does not call it identical.
func TestExtractCLIChangedLater(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "first.pdf")
	if code, _, stderr := runCLI("render", sampleTOML(t), "-o", first); code != exitOK {
		t.Fatal(stderr)
	}
	pdf, _ := os.ReadFile(first)
	changed := filepath.Join(dir, "changed.pdf")
	os.WriteFile(changed, replaceEmbedded(t, pdf, "pk-2021-bppbj.toml", "tahun = 2099"), 0o644)
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI("extract", changed, "-d", out)
	got, _ := os.ReadFile(filepath.Join(out, "pk-2021-bppbj.toml"))
	if code != exitOK || stderr != "" || string(got) != "tahun = 2099" {
		t.Fatalf("exit %d, stderr %q, extracted %q", code, stderr, got)
	}
	_, stdout, _ := runCLI("verify", changed)
	if !strings.Contains(stdout, "Source: ") || strings.Contains(stdout, "identical") {
		t.Errorf("verify does not re-render the changed document:\n%s", stdout)
	}
	if code, _, stderr := runCLI("extract", first, "-d", filepath.Join(dir, "plain")); code != exitOK || stderr != "" {
		t.Errorf("unchanged document: exit %d, stderr %q", code, stderr)
	}
}
