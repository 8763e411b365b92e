package sign

import (
	"testing"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/internal/testpki"
	"kinerja/internal/testtool"
)

// BenchmarkSignBoth signs the sample agreement (about 90 KB) for both
// parties: two updates, two stamps, two CMS signatures, and one
// verification of the result. cpu-ms/doc is the process's CPU time (GC
// included) per document, which other processes' load inflates less than
// ns/op.
func BenchmarkSignBoth(b *testing.B) {
	for _, typ := range []testpki.KeyType{testpki.RSA2048, testpki.P256} {
		b.Run(string(typ), func(b *testing.B) {
			p := newParties(b, typ)
			in := sample(b)
			steps := p.both("")
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			cpu0 := testtool.ProcessCPU()
			for b.Loop() {
				if _, err := SignAll(in, steps...); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((testtool.ProcessCPU()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/doc")
		})
	}
}

// BenchmarkCheckSigned is the in-memory check SignAll ends with, on the
// sample agreement signed by both parties (RSA-2048).
func BenchmarkCheckSigned(b *testing.B) {
	p := newParties(b, testpki.RSA2048)
	in := sample(b)
	out, err := SignAll(in, p.both("")...)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		if err := checkSigned(in, out, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignBothFresh is BenchmarkSignBoth over 300 documents whose
// parties all have other names (and so other certificates, font subsets
// for the names and XMP packets): what the per-process caches cannot
// save. Run it with -benchtime 300x to sign each once.
func BenchmarkSignBothFresh(b *testing.B) {
	const n = 300
	p := testpki.New(b)
	docs, steps := make([][]byte, n), make([][]Options, n)
	for i := range n {
		names := [2]string{"Budi " + letters(i), "Siti " + letters(i+n)}
		doc, err := renderFile(samplePath, func(a *data.Agreement) {
			a.Pertama.Nama, a.Pertama.NamaLampiran = names[0], names[0]
			a.Kedua.Nama, a.Kedua.NamaLampiran = names[1], names[1]
		})
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = doc
		for j, party := range []docinfo.Party{docinfo.Pertama, docinfo.Kedua} {
			spec := testpki.Spec{CommonName: names[j]}
			if j == 0 {
				spec.SerialNumber = "NIP " + pertamaNIP
			}
			cred := credentialOf(p.LeafKey(b, testpki.Key(b, testpki.RSA2048, string(party)), spec))
			steps[i] = append(steps[i], Options{Party: party, Credential: cred, Location: "Jakarta"})
		}
	}
	b.ReportAllocs()
	i, cpu0 := 0, testtool.ProcessCPU()
	for b.Loop() {
		if _, err := SignAll(docs[i%n], steps[i%n]...); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64((testtool.ProcessCPU()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/doc")
}

// letters spells i in the letters a to z, most significant first.
func letters(i int) string {
	s := string(rune('A' + i%26))
	for i /= 26; i > 0; i /= 26 {
		s = string(rune('a'+i%26)) + s
	}
	return s
}
