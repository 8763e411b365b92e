package data

import (
	"errors"
	"strings"
	"testing"
)

// TestCheckFindsUnprintableText: every text render cannot print is a
// problem at its line, column and field, found by check before render.
func TestCheckFindsUnprintableText(t *testing.T) {
	cases := []struct{ value, want string }{
		{`"Layanan 😀"`, `the serif font cannot print '😀' (U+1F600)`},
		{`"Layanan نص"`, `cannot print 'ن' (U+0646), 'ص' (U+0635)`},
		{`"Layanan 中文"`, `'中' (U+4E2D)`},
		{`"Layanan ꦗꦮ"`, `'ꦗ' (U+A997)`},
		{`"Layanan \u0000"`, `a NUL character`},
		{`"Layanan \u202Eabc"`, `bidirectional control character U+202E`},
		{`"Layanan \u0007"`, `a control character U+0007`},
		{`"` + strings.Repeat(`a\n`, 42) + `"`, `41 line breaks in one text; expected at most 40`},
	}
	src := readMinimal(t)
	for _, c := range cases {
		in := strings.Replace(src, `"Persentase layanan tepat waktu"`, c.value, 1)
		_, err := decodeString(in)
		var probs Errors
		if !errors.As(err, &probs) || len(probs) != 1 {
			t.Errorf("%s: err = %v, want one problem", c.value, err)
			continue
		}
		p := probs[0]
		if p.Field != "kelompok[0].sasaran[0].indikator[0].indikator" || p.Line != 25 || !strings.Contains(p.Msg, c.want) {
			t.Errorf("%s: got %s, want line 25 indikator and %q", c.value, p, c.want)
		}
	}
}

// TestTextComposedToNFC: a letter followed by a combining accent is one
// character in the model, so it is drawn as "é", not "e´".
func TestTextComposedToNFC(t *testing.T) {
	in := strings.Replace(readMinimal(t), `"Persentase layanan tepat waktu"`, `"Kafe\u0301"`, 1)
	a, err := decodeString(in)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Kelompok[0].Sasaran[0].Indikator[0].Indikator; got != "Kafé" {
		t.Fatalf("indikator = %q (%d bytes), want NFC %q", got, len(got), "Kafé")
	}
}

// TestAbsurdTargetsRefused: a target beyond MaxValue or not finite is a
// problem at its position, never +Inf in a report.
func TestAbsurdTargetsRefused(t *testing.T) {
	for _, v := range []string{`"1e21%"`, `"` + strings.Repeat("9", 400) + `"`, `inf`, `nan`, `1e300`, `"9.999.999.999.999.999"`} {
		in := strings.Replace(readMinimal(t), `tahunan = "100%"`, `tahunan = `+v, 1)
		_, err := decodeString(in)
		if err == nil || !strings.Contains(err.Error(), "tahunan") {
			t.Errorf("%s: err = %v, want a problem at tahunan", v, err)
		}
	}
	if _, err := ParseTarget("1.000.000.000.000.000"); err != nil {
		t.Errorf("MaxValue itself refused: %v", err)
	}
}

func TestCleanPath(t *testing.T) {
	for in, want := range map[string]string{
		"logo.png": "logo.png", "img/./logo.png": "img/logo.png", "../shared/logo.png": "logo.png",
		"/etc/kop/logo.png": "logo.png", "img/../../x.png": "x.png", "a/../b.png": "b.png",
	} {
		if got := CleanPath(in); got != want {
			t.Errorf("CleanPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPrintable: text from a PDF reaches the terminal with its control and
// bidi characters escaped.
func TestPrintable(t *testing.T) {
	if got := Printable("CN=Evil\x1b[2J\u202Eabc\nok\tx"); got != `CN=Evil\u001B[2J\u202Eabc`+"\nok\tx" {
		t.Fatalf("Printable = %q", got)
	}
}
