package pdfedit

import (
	"errors"
	"strings"
	"testing"
)

func TestRoundTripKeepsAtoms(t *testing.T) {
	body := "<< /Type /Catalog % comment\n /Pages 2 0 R /Title (a (nested\\) ) str) /ID <0A b1>\n" +
		"/Arr [1 -2.5 .5 true null 3 0 R 4 5] /Sub << /D#53S 9 0 R >> /Odd#20Name 1 >>"
	d, err := ParseDict([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := "<< /Type /Catalog /Pages 2 0 R /Title (a (nested\\) ) str) /ID <0A b1> " +
		"/Arr [1 -2.5 .5 true null 3 0 R 4 5] /Sub << /DSS 9 0 R >> /Odd#20Name 1 >>"
	if got := string(Encode(d)); got != want {
		t.Fatalf("encoded\n%s\nwant\n%s", got, want)
	}
	again, err := ParseDict(Encode(d))
	if err != nil || string(Encode(again)) != want {
		t.Fatalf("re-parse: %v", err)
	}
}

func TestSetReplacesEscapedKey(t *testing.T) {
	d, err := ParseDict([]byte("<</Type/Catalog/D#53S 7 0 R/Pages 2 0 R>>"))
	if err != nil {
		t.Fatal(err)
	}
	d.Set("DSS", Ref{12, 0})
	d.Set("New", Name("X"))
	if got := string(Encode(d)); got != "<< /Type /Catalog /DSS 12 0 R /Pages 2 0 R /New /X >>" {
		t.Fatal(got)
	}
}

func TestAppend(t *testing.T) {
	d, _ := ParseDict([]byte("<< /Fields [1 0 R] /Ind 4 0 R /Num 3 >>"))
	if err := d.Append("Fields", Ref{9, 0}); err != nil {
		t.Fatal(err)
	}
	if err := d.Append("Annots", Ref{10, 0}); err != nil {
		t.Fatal(err)
	}
	if err := d.Append("Ind", Ref{11, 0}); !errors.Is(err, ErrIndirect) {
		t.Errorf("indirect array: %v", err)
	}
	if err := d.Append("Num", Ref{11, 0}); err == nil {
		t.Error("appended to a number")
	}
	if got := string(Encode(d)); got != "<< /Fields [1 0 R 9 0 R] /Ind 4 0 R /Num 3 /Annots [10 0 R] >>" {
		t.Fatal(got)
	}
}

func TestMalformedIsAnError(t *testing.T) {
	for _, body := range []string{
		"", "<<", "<< /A", "<< /A 1 /A 2 >>", "<< 1 2 >>", "[1 2", "(abc", "<12 zz>", "<< /A R >>",
		"<< /A 1 >> extra", "/N#G1", "/N#4", "<< /A stream >>", ">>", strings.Repeat("[", MaxDepth+2),
		"<< /A 1 0 obj >>",
	} {
		if v, err := Parse([]byte(body)); err == nil {
			t.Errorf("%q parsed as %s", body, Encode(v))
		}
	}
	if _, err := ParseDict([]byte("[1]")); err == nil {
		t.Error("array accepted as dictionary")
	}
	if _, err := Parse(make([]byte, MaxBody+1)); err == nil {
		t.Error("oversized body accepted")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("<< /Type /Catalog /Pages 2 0 R /A [1 (x) <00>] >>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		v, err := Parse(body)
		if err != nil {
			return
		}
		again, err := Parse(Encode(v))
		if err != nil || string(Encode(again)) != string(Encode(v)) {
			t.Fatalf("%q: encoding %q does not re-parse to itself (%v)", body, Encode(v), err)
		}
	})
}

// TestNumbersKeepTheirSpelling: shared small integers never change how a
// number is written, and nested arrays keep their own elements.
func TestNumbersKeepTheirSpelling(t *testing.T) {
	const in = "[0 7 007 -0 +5 999 1000 [1 [2 3] 4] [] 5.5 -12 12 0 R]"
	v, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(Encode(v)); got != in {
		t.Errorf("Encode(Parse(%q)) = %q", in, got)
	}
	if a := v.(Array); len(a) != 12 || len(a[7].(Array)) != 3 || len(a[8].(Array)) != 0 {
		t.Errorf("parsed %#v", v)
	}
}
