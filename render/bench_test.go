package render

import (
	"io"
	"testing"

	"kinerja/layout"
)

// benchPlain runs f with plainFpdf set as given.
func benchPlain(b *testing.B, plain bool, f func()) {
	b.Setenv("SOURCE_DATE_EPOCH", "")
	plainFpdf = plain
	defer func() { plainFpdf = false }()
	b.ReportAllocs()
	for b.Loop() {
		f()
	}
}

// benchAgreement renders the sample agreement repeatedly.
func benchAgreement(b *testing.B, plain bool) {
	a := decode(b, samplePath)
	benchPlain(b, plain, func() {
		if err := Agreement(io.Discard, a); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkAgreement renders the sample (19 sasaran, 21 indicators).
func BenchmarkAgreement(b *testing.B) { benchAgreement(b, false) }

// BenchmarkAgreementPlainFpdf renders it with fpdf used the plain way
// (fonts parsed per document, one zlib writer per stream): the baseline.
func BenchmarkAgreementPlainFpdf(b *testing.B) { benchAgreement(b, true) }

// benchHand renders the hand-built document (three faces) repeatedly.
func benchHand(b *testing.B, plain bool) {
	doc, meta := handDoc(b), handMeta()
	benchPlain(b, plain, func() {
		if err := Write(io.Discard, doc, meta); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkWriteHand(b *testing.B)          { benchHand(b, false) }
func BenchmarkWriteHandPlainFpdf(b *testing.B) { benchHand(b, true) }

// BenchmarkWriteSample measures Write alone on the laid-out sample.
func BenchmarkWriteSample(b *testing.B) {
	a := decode(b, samplePath)
	doc, err := layout.Agreement(a, Measurer{})
	if err != nil {
		b.Fatal(err)
	}
	meta := AgreementMeta(a)
	benchPlain(b, false, func() {
		if err := Write(io.Discard, doc, meta); err != nil {
			b.Fatal(err)
		}
	})
}

// benchRewrite measures rewrite alone on fpdf's output of the laid-out
// sample, with or without the /ToUnicode maps of its simple fonts.
func benchRewrite(b *testing.B, withMaps bool) {
	b.Setenv("SOURCE_DATE_EPOCH", "")
	a := decode(b, samplePath)
	doc, err := layout.Agreement(a, Measurer{})
	if err != nil {
		b.Fatal(err)
	}
	raw, used, _, err := fpdfOutput(doc, AgreementMeta(a))
	if err != nil {
		b.Fatal(err)
	}
	var maps []fontMap
	if withMaps {
		maps = fontMaps(used)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rewrite(raw, true, "Z", maps); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRewriteSample and BenchmarkRewriteSampleNoMaps give the cost
// of adding the /ToUnicode maps (the difference between the two).
func BenchmarkRewriteSample(b *testing.B)       { benchRewrite(b, true) }
func BenchmarkRewriteSampleNoMaps(b *testing.B) { benchRewrite(b, false) }
