package render_test

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/internal/pdfread/pdfreadtest"
	"kinerja/layout"
	"kinerja/proof"
	"kinerja/render"
)

// extractBytes runs proof.Extract on b and fails the test on error.
func extractBytes(t *testing.T, b []byte) []render.EmbeddedFile {
	t.Helper()
	files, err := proof.Extract(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// reproduce runs proof.Reproduce on b and fails the test on error.
func reproduce(t *testing.T, b []byte) *proof.Reproduction {
	t.Helper()
	r, err := proof.Reproduce(b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestAgreementEmbedsSource checks that the sample's PDF carries its TOML
// byte for byte under its base name, that outside tools list and extract
// it, that qpdf stays clean, and that the Info names it as the source.
func TestAgreementEmbedsSource(t *testing.T) {
	pdf, path := render.RenderAgreement(t, render.SamplePath)
	src, err := os.ReadFile(render.SamplePath)
	if err != nil {
		t.Fatal(err)
	}
	files := extractBytes(t, pdf)
	if len(files) != 1 || files[0].Name != "pk-2021-bppbj.toml" || !bytes.Equal(files[0].Data, src) || files[0].Description != render.DescAgreement {
		t.Fatalf("embedded files = %v", names(files))
	}
	render.CheckPDFTools(t, path)
	if out := render.RunTool(t, "pdfdetach", "-list", path); !strings.Contains(out, "1 embedded files") || !strings.Contains(out, "1: pk-2021-bppbj.toml") {
		t.Errorf("pdfdetach -list:\n%s", out)
	}
	saved := filepath.Join(t.TempDir(), "out.toml")
	render.RunTool(t, "pdfdetach", "-save", "1", "-o", saved, path)
	if got, _ := os.ReadFile(saved); !bytes.Equal(got, src) {
		t.Error("pdfdetach -save gives other bytes than the TOML")
	}
	info, err := render.ReadInfo(pdf)
	if err != nil || len(info.Sources) != 1 || info.Sources[0] != "pk-2021-bppbj.toml" {
		t.Fatalf("Info sources = %v, %v", info, err)
	}
}

// names lists the names of files.
func names(files []render.EmbeddedFile) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Name)
	}
	return out
}

// TestEmbedDeterministic renders twice with the files given in different
// orders and expects the same bytes, and no date in the embedded objects.
func TestEmbedDeterministic(t *testing.T) {
	doc, meta := render.HandDoc(t), render.HandMeta()
	a := []render.EmbeddedFile{{Name: "b.toml", Data: []byte("b = 2\n")}, {Name: "a.toml", Data: []byte("a = 1\n")}}
	var one, two bytes.Buffer
	meta.Files = a
	if err := render.Write(&one, doc, meta); err != nil {
		t.Fatal(err)
	}
	meta.Files = []render.EmbeddedFile{a[1], a[0]}
	if err := render.Write(&two, doc, meta); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), two.Bytes()) {
		t.Fatal("the order of render.Meta.Files changes the bytes")
	}
	if got := names(extractBytes(t, one.Bytes())); strings.Join(got, ",") != "a.toml,b.toml" {
		t.Errorf("embedded in order %v, want a.toml,b.toml", got)
	}
	for _, key := range []string{"/ModDate", "/CreationDate"} {
		if n := bytes.Count(one.Bytes(), []byte(key)); n != 1 {
			t.Errorf("%s appears %d times (want once, in the Info dictionary)", key, n)
		}
	}
	if n := bytes.Count(one.Bytes(), []byte("/Type /EmbeddedFile /Subtype /application#2Ftoml /Filter /FlateDecode")); n != 2 {
		t.Errorf("%d compressed TOML streams, want 2", n)
	}
}

// TestEmbedManyAndUnicode embeds a dozen files, some with non-ASCII names,
// and expects the name tree in key byte order (ASCII before UTF-16), every
// file back with its name, and outside tools to agree.
func TestEmbedManyAndUnicode(t *testing.T) {
	doc, meta := render.HandDoc(t), render.HandMeta()
	want := []string{"f02.toml", "f10.toml", "img/(logo).png", "sumber\\a.toml", "Ärger.toml", "ñ.jpg"}
	for _, i := range []int{9, 3, 11, 0} {
		want = append(want, fmt.Sprintf("g%02d.txt", i))
	}
	slices.SortFunc(want, func(a, b string) int { return strings.Compare(render.TextBytes(a), render.TextBytes(b)) })
	meta.Files = nil
	for i := len(want) - 1; i >= 0; i-- {
		meta.Files = append(meta.Files, render.EmbeddedFile{Name: want[i], Data: []byte(want[i]), Description: "Bëschreibung " + want[i]})
	}
	var b bytes.Buffer
	if err := render.Write(&b, doc, meta); err != nil {
		t.Fatal(err)
	}
	files := extractBytes(t, b.Bytes())
	if got := names(files); !slices.Equal(got, want) {
		t.Fatalf("name tree order %q, want %q", got, want)
	}
	for _, f := range files {
		if string(f.Data) != f.Name || f.Description != "Bëschreibung "+f.Name {
			t.Errorf("%q: data %q, description %q", f.Name, f.Data, f.Description)
		}
	}
	path := render.WriteTemp(t, "many.pdf", b.Bytes())
	render.CheckPDFTools(t, path)
	out := render.RunTool(t, "pdfdetach", "-list", path)
	for _, n := range want {
		if !strings.Contains(out, ": "+n+"\n") {
			t.Errorf("pdfdetach -list lacks %q:\n%s", n, out)
		}
	}
}

// TestEmbedRefusesBadFiles checks the names and count render.Write accepts.
func TestEmbedRefusesBadFiles(t *testing.T) {
	doc, meta := render.HandDoc(t), render.HandMeta()
	many := make([]render.EmbeddedFile, render.MaxEmbeddedFiles+1)
	for i := range many {
		many[i] = render.EmbeddedFile{Name: fmt.Sprintf("f%02d.toml", i)}
	}
	for _, tc := range []struct {
		files []render.EmbeddedFile
		want  string
	}{
		{[]render.EmbeddedFile{{Name: ""}}, "empty name"},
		{[]render.EmbeddedFile{{Name: "a/./b.toml"}}, "not a clean"},
		{[]render.EmbeddedFile{{Name: "a\nb"}}, "control character"},
		{[]render.EmbeddedFile{{Name: "x.toml"}, {Name: "x.toml"}}, "given twice"},
		{many, "at most 64"},
	} {
		meta.Files = tc.files
		var b bytes.Buffer
		err := render.Write(&b, doc, meta)
		if err == nil || !strings.Contains(err.Error(), tc.want) || b.Len() != 0 {
			t.Errorf("files %v: error %v (want %q), %d bytes written", names(tc.files), err, tc.want, b.Len())
		}
	}
}

// TestLocalName checks which embedded names extract may write.
func TestLocalName(t *testing.T) {
	for name, ok := range map[string]bool{
		"pk.toml": true, "img/logo.png": true, "Ümlaut ok.toml": true,
		"../pk.toml": false, "img/../../x": false, "/etc/passwd": false, "a\\..\\..\\x": false,
		"": false, ".": false, "..": false, "a//b": false, "a\x00b": false,
	} {
		err := render.LocalName(name)
		if (err == nil) != ok || (err != nil && !errors.Is(err, render.ErrBadName)) {
			t.Errorf("LocalName(%q) = %v, want ok %v", name, err, ok)
		}
	}
}

// TestReproduceAgreement renders the sample and reproduces it, also when it
// was rendered with SOURCE_DATE_EPOCH and reproduced without, and the other
// way round.
func TestReproduceAgreement(t *testing.T) {
	pdf, _ := render.RenderAgreement(t, render.SamplePath)
	r := reproduce(t, pdf)
	if !r.Match || r.Kind != docinfo.Agreement || r.Size != int64(len(pdf)) || r.FirstDiff != -1 || r.Reason != "" {
		t.Fatalf("Reproduce = %+v", r)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	epoch, _ := render.RenderAgreement(t, render.SamplePath)
	if bytes.Equal(epoch, pdf) {
		t.Fatal("SOURCE_DATE_EPOCH did not change the date")
	}
	if r := reproduce(t, epoch); !r.Match {
		t.Errorf("SOURCE_DATE_EPOCH render not reproduced: %+v", r)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1")
	if r := reproduce(t, pdf); !r.Match {
		t.Errorf("reproduction depends on SOURCE_DATE_EPOCH: %+v", r)
	}
}

// TestReproduceSwappedSource builds a PDF of the sample that embeds an
// edited TOML (one target changed) and expects a mismatch.
func TestReproduceSwappedSource(t *testing.T) {
	a := render.Decode(t, render.SamplePath)
	edited := bytes.Replace(a.Source, []byte(`tahunan = "91%"`), []byte(`tahunan = "97%"`), 1)
	if bytes.Equal(edited, a.Source) {
		t.Fatal(`sample has no target "91%" to edit`)
	}
	meta := render.AgreementMeta(a)
	meta.Files[0].Data = edited
	pdf := layOutAndWrite(t, a, meta)
	r := reproduce(t, pdf)
	if r.Match || r.FirstDiff < 0 || r.FirstDiff >= r.Size || !strings.Contains(r.Reason, "differ") {
		t.Fatalf("swapped source: %+v", r)
	}
	if got := extractBytes(t, pdf); !bytes.Equal(got[0].Data, edited) {
		t.Fatal("the edited TOML is not what the PDF embeds")
	}
	meta.Files[0].Data = []byte("tahun = ")
	if r := reproduce(t, layOutAndWrite(t, a, meta)); r.Match || !strings.Contains(r.Reason, "does not decode") {
		t.Errorf("broken source: %+v", r)
	}
}

// layOutAndWrite lays a out and writes it with meta.
func layOutAndWrite(t *testing.T, a *data.Agreement, meta render.Meta) []byte {
	t.Helper()
	doc, err := layout.Agreement(a, render.Measurer{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := render.Write(&b, doc, meta); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestReproduceNoSource expects proof.ErrNoSource for a PDF without sources.
func TestReproduceNoSource(t *testing.T) {
	var b bytes.Buffer
	if err := render.Write(&b, render.HandDoc(t), render.HandMeta()); err != nil {
		t.Fatal(err)
	}
	if _, err := proof.Reproduce(b.Bytes()); !errors.Is(err, proof.ErrNoSource) {
		t.Errorf("Reproduce without sources: %v, want proof.ErrNoSource", err)
	}
	if _, err := proof.Reproduce([]byte("%PDF-1.4\nnonsense")); err == nil || errors.Is(err, proof.ErrNoSource) {
		t.Errorf("Reproduce of garbage: %v, want a read error", err)
	}
}

// writePNG writes a small deterministic PNG to path.
func writePNG(t *testing.T, path string) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 8, 8))
	for i := range 8 {
		img.Set(i, i, color.NRGBA{200, 20, 20, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withLogo writes the sample with `logo = logoPath` into dir/sub and the
// logo where that path points; it returns the TOML path and the logo.
func withLogo(t *testing.T, dir, logoPath string) (string, []byte) {
	t.Helper()
	src, err := os.ReadFile(render.SamplePath)
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.Replace(src, []byte("[kop]\n"), []byte("[kop]\nlogo = \""+logoPath+"\"\n"), 1)
	toml := filepath.Join(dir, "sub", "pk-logo.toml")
	logo := writePNG(t, filepath.Join(dir, "sub", filepath.FromSlash(logoPath)))
	if err := os.MkdirAll(filepath.Dir(toml), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(toml, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return toml, logo
}

// TestReproduceLogo checks the logo round trip: embedded under the path
// the TOML uses (also one leaving the TOML's directory), extracted equal,
// and the document reproduced from memory.
func TestReproduceLogo(t *testing.T) {
	for _, logoPath := range []string{"img/./logo.png", "../shared/logo.png"} {
		toml, logo := withLogo(t, t.TempDir(), logoPath)
		pdf, path := render.RenderAgreement(t, toml)
		files := extractBytes(t, pdf)
		byName := map[string][]byte{}
		for _, f := range files {
			byName[f.Name] = f.Data
		}
		want := data.CleanPath(logoPath)
		if !bytes.Equal(byName[want], logo) || len(files) != 2 {
			t.Fatalf("logo %s: embedded %v, want %s equal to the logo", logoPath, names(files), want)
		}
		render.CheckPDFTools(t, path)
		if r := reproduce(t, pdf); !r.Match {
			t.Errorf("logo %s: %+v", logoPath, r)
		}
	}
}

// TestReproduceReport reproduces the sample report, which embeds both
// TOML files and records the quarter.
func TestReproduceReport(t *testing.T) {
	rep := render.SampleReport(t, 2)
	pdf, path := render.RenderReport(t, rep)
	got := names(extractBytes(t, pdf))
	if strings.Join(got, ",") != "pk-2021-bppbj.toml,realisasi-2021-bppbj.toml" {
		t.Fatalf("report embeds %v", got)
	}
	info, err := render.ReadInfo(pdf)
	if err != nil || info.Triwulan != 2 || strings.Join(info.Sources, ",") != strings.Join(got, ",") {
		t.Fatalf("report Info = %+v, %v", info, err)
	}
	render.CheckPDFTools(t, path)
	if r := reproduce(t, pdf); !r.Match || r.Kind != docinfo.Report {
		t.Fatalf("Reproduce report = %+v", r)
	}
	realisasi := rep.Realisasi.Source
	rep.Realisasi.Source = append(bytes.Clone(realisasi), "# catatan tambahan\n"...)
	meta := render.ReportMeta(rep)
	rep.Realisasi.Source = realisasi
	doc, err := layout.Report(rep, render.Measurer{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := render.Write(&b, doc, meta); err != nil {
		t.Fatal(err)
	}
	if r := reproduce(t, b.Bytes()); !r.Match {
		t.Errorf("a realisasi with one more comment renders the same report, yet: %+v", r)
	}
	rep2 := render.SampleReport(t, 1)
	meta = render.ReportMeta(rep2)
	b.Reset()
	if err := render.Write(&b, doc, meta); err != nil {
		t.Fatal(err)
	}
	if r := reproduce(t, b.Bytes()); r.Match {
		t.Error("a triwulan II report claiming triwulan I was reproduced")
	}
}

// BenchmarkReproduce measures the re-render proof of the sample (what
// `kinerja verify` adds): read, extract, decode, lay out, render, compare.
func BenchmarkReproduce(b *testing.B) {
	var buf bytes.Buffer
	if err := render.Agreement(&buf, render.Decode(b, render.SamplePath)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if r, err := proof.Reproduce(buf.Bytes()); err != nil || !r.Match {
			b.Fatal(r, err)
		}
	}
}

// BenchmarkExtract measures proof.Extract on the sample.
func BenchmarkExtract(b *testing.B) {
	var buf bytes.Buffer
	if err := render.Agreement(&buf, render.Decode(b, render.SamplePath)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := proof.Extract(bytes.NewReader(buf.Bytes()), int64(buf.Len())); err != nil {
			b.Fatal(err)
		}
	}
}

// TestExtractDamaged expects clear errors, not panics or hangs, for name
// trees that loop, files whose checksum or size does not match, and specs
// without a stream; and a foreign tree with /Kids read in order.
func TestExtractDamaged(t *testing.T) {
	const catalog = "<</Type /Catalog /Pages 2 0 R /Names <</EmbeddedFiles 3 0 R>>>>"
	const pages = "<</Type /Pages /Kids [] /Count 0>>"
	file := func(params string) string {
		return "<</Type /EmbeddedFile /Length 5 /Params <<" + params + ">>>>\nstream\nhallo\nendstream"
	}
	good := "<</Type /Filespec /F (a.txt) /EF <</F 4 0 R>>>>"
	for _, tc := range []struct {
		name string
		pdf  []byte
		want string // "" = no error
	}{
		{"kids loop", pdfreadtest.Hand(catalog, pages, "<</Kids [3 0 R 3 0 R]>>"), "deeper than"},
		{"bad checksum", pdfreadtest.Hand(catalog, pages, "<</Names [(a) 5 0 R]>>", file("/CheckSum <00112233445566778899AABBCCDDEEFF>"), good), "checksum does not match"},
		{"bad size", pdfreadtest.Hand(catalog, pages, "<</Names [(a) 5 0 R]>>", file("/Size 6"), good), "its /Size says 6"},
		{"no stream", pdfreadtest.Hand(catalog, pages, "<</Names [(a) 4 0 R]>>", "<</Type /Filespec /F (a.txt)>>"), "no file stream"},
		{"kids", pdfreadtest.Hand(catalog, pages, "<</Kids [6 0 R]>>", file("/Size 5"), good, "<</Names [(a) 5 0 R (b) 5 0 R]>>"), ""},
		{"not a pdf", []byte("hallo"), "extract:"},
	} {
		files, err := proof.Extract(bytes.NewReader(tc.pdf), int64(len(tc.pdf)))
		switch {
		case tc.want == "" && (err != nil || len(files) != 2 || string(files[1].Data) != "hallo" || files[1].Name != "a.txt"):
			t.Errorf("%s: %v, %d files", tc.name, err, len(files))
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// FuzzExtract feeds damaged versions of a rendered PDF with an embedded
// file to proof.Extract and proof.Reproduce: they must return, not panic.
func FuzzExtract(f *testing.F) {
	var b bytes.Buffer
	meta := render.HandMeta()
	meta.Files = []render.EmbeddedFile{{Name: "a.toml", Data: []byte("a = 1\n")}}
	if err := render.Write(&b, render.HandDoc(f), meta); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add(b.Bytes()[:b.Len()/2])
	f.Fuzz(func(t *testing.T, pdf []byte) {
		proof.Extract(bytes.NewReader(pdf), int64(len(pdf)))
		proof.Reproduce(pdf)
	})
}

// TestReproduceOtherFormat checks that a document written by another render
// format is reported as such, not as a document whose sources were changed.
func TestReproduceOtherFormat(t *testing.T) {
	a := render.Decode(t, filepath.Join("..", "data", "pk-2021-bppbj.toml"))
	var buf bytes.Buffer
	if err := render.Agreement(&buf, a); err != nil {
		t.Fatal(err)
	}
	now := fmt.Sprintf(`&#34;format&#34;:%d}`, render.Format)
	if bytes.Count(buf.Bytes(), []byte(now)) != 1 {
		t.Fatalf("the XMP does not hold %s exactly once", now)
	}
	// Same length, so every offset stays valid.
	old := bytes.Replace(buf.Bytes(), []byte(now), []byte(fmt.Sprintf(`&#34;format&#34;:%d}`, render.Format+1)), 1)
	r, err := proof.Reproduce(old)
	if err != nil {
		t.Fatal(err)
	}
	if r.Match || !r.OtherFormat || r.Format != render.Format+1 || !strings.Contains(r.Reason, "render format") {
		t.Errorf("Reproduce = %+v, want a mismatch marked OtherFormat with format %d", r, render.Format+1)
	}
	r, err = proof.Reproduce(buf.Bytes())
	if err != nil || !r.Match || r.OtherFormat {
		t.Errorf("Reproduce(unchanged) = %+v, %v; want a match", r, err)
	}
}
