package data

import (
	"bytes"
	"path/filepath"
	"testing"
)

// samples returns every agreement file shipped with the repository.
func samples(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, g := range []string{"pk-*.toml", "contoh/pk-*.toml", "testdata/minimal.toml", "testdata/seed/*.toml"} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	if len(out) < 6 {
		t.Fatalf("found %d samples: %v", len(out), out)
	}
	return out
}

// TestEncodeRoundTrip: decode(encode(a)) is equivalent to a for every
// sample, plain and with explanations, and encoding is stable.
func TestEncodeRoundTrip(t *testing.T) {
	for _, f := range samples(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			a, err := DecodeFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, opt := range []EncodeOptions{{}, {Explain: true, Header: "contoh\nbaris dua"}} {
				var buf bytes.Buffer
				if err := EncodeWith(&buf, a, opt); err != nil {
					t.Fatal(err)
				}
				b, err := DecodeWith(bytes.NewReader(buf.Bytes()), f, Options{Dir: filepath.Dir(f)})
				if err != nil {
					t.Fatalf("explain=%v: %v\n%s", opt.Explain, err, buf.String())
				}
				if err := Equivalent(a, b); err != nil {
					t.Fatalf("explain=%v: %v\n%s", opt.Explain, err, buf.String())
				}
				var again bytes.Buffer
				if err := EncodeWith(&again, b, opt); err != nil {
					t.Fatal(err)
				}
				if again.String() != buf.String() {
					t.Errorf("encoding is not stable:\n%s\n---\n%s", buf.String(), again.String())
				}
			}
		})
	}
}

// TestEquivalentFindsDifference: Equivalent is not blind.
func TestEquivalentFindsDifference(t *testing.T) {
	a, err := DecodeFile("testdata/minimal.toml")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := DecodeFile("testdata/minimal.toml")
	b.Kelompok[0].Sasaran[0].Indikator[0].Tahunan.Text = "99%"
	if Equivalent(a, b) == nil {
		t.Error("a changed target was not noticed")
	}
	if Equivalent(a, a) != nil {
		t.Error("a differs from itself")
	}
}
