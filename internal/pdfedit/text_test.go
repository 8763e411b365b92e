package pdfedit_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"kinerja/internal/pdfedit"
	"kinerja/internal/pdfread"
	"kinerja/internal/pdfread/pdfreadtest"
)

// TestStringsAsTheReaderReadsThem compares StringBytes and Text with the
// PDF reader the rest of kinerja reads with, on random literal strings
// (escapes, octal, line ends, bytes of every value) and hex strings.
func TestStringsAsTheReaderReadsThem(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var objs []string
	for i := range 400 {
		objs = append(objs, "<< /S "+randomString(rng, i%2 == 0)+" >>")
	}
	doc, err := pdfread.Open(pdfreadtest.Hand(objs...))
	if err != nil {
		t.Fatal(err)
	}
	for i, body := range objs {
		d, err := pdfedit.ParseDict([]byte(body))
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		v, _ := d.Get("S")
		ptr := doc.Reader.Xref()[i+1].Ptr()
		ref := doc.Reader.Resolve(ptr, ptr).Key("S")
		if got, _ := pdfedit.StringBytes(v); string(got) != ref.RawString() {
			t.Errorf("%s: StringBytes %q, the reader %q", body, got, ref.RawString())
		}
		if got := pdfedit.Text(v); got != ref.Text() {
			t.Errorf("%s: Text %q, the reader %q", body, got, ref.Text())
		}
	}
}

// TestStringsAsTheStandardSays covers what the reader above gets wrong:
// an end of line inside a literal string is one \n, and a hex string's odd
// last digit is followed by 0 (ISO 32000-1 7.3.4.2, 7.3.4.3).
func TestStringsAsTheStandardSays(t *testing.T) {
	for in, want := range map[string]string{"(a\r\nb\rc\nd)": "a\nb\nc\nd", "<414>": "A@", "<4 1\n42>": "AB", "(a\\\r\nb)": "ab", `(a\qb)`: "aqb"} {
		v, err := pdfedit.Parse([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := pdfedit.StringBytes(v); !ok || string(got) != want {
			t.Errorf("StringBytes(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	if _, ok := pdfedit.StringBytes(pdfedit.Name("x")); ok {
		t.Error("a name is a string")
	}
}

// randomString writes a random literal or hex string.
func randomString(rng *rand.Rand, literal bool) string {
	var b strings.Builder
	n := rng.IntN(12)
	if !literal {
		b.WriteString("<")
		if rng.IntN(3) == 0 {
			b.WriteString("FEFF")
		}
		for range n {
			fmt.Fprintf(&b, "%02x", rng.IntN(256))
			if rng.IntN(5) == 0 {
				b.WriteString(" ")
			}
		}
		return b.String() + ">"
	}
	parts := []string{`\n`, `\r`, `\t`, `\b`, `\f`, `\(`, `\)`, `\\`, `\101`, `\7`, `\12a`, "\\\n", "a", "Z", " ", "\x85", "\xa0", "\x18", "\xad", "()"}
	b.WriteString("(")
	if rng.IntN(4) == 0 {
		b.WriteString(`\376\377`)
	}
	for range n {
		b.WriteString(parts[rng.IntN(len(parts))])
	}
	return b.String() + ")"
}
