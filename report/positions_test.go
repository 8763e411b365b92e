package report

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"kinerja/data"
)

func TestPositionsSkipMultilineStrings(t *testing.T) {
	src := "tahun = 2021\n[[realisasi]]\nkendala = \"\"\"\nnilai = \"looks like a key\"\n\"\"\"\n  nilai = \"95%\"\n[[realisasi]]\nkode = 'x'\n"
	var raw map[string]any
	md, err := toml.Decode(src, &raw)
	if err != nil {
		t.Fatal(err)
	}
	p := data.NewPositions(src, md)
	if got := p.Key("realisasi[0].nilai"); got != (data.Position{Line: 6, Col: 3}) {
		t.Errorf("realisasi[0].nilai key at %+v; want 6:3", got)
	}
	if got := p.Value("realisasi[0].nilai"); got != (data.Position{Line: 6, Col: 11}) {
		t.Errorf("realisasi[0].nilai value at %+v; want 6:11", got)
	}
	if got := p.Key("realisasi[1].kode"); got.Line != 8 {
		t.Errorf("realisasi[1].kode at %+v; want line 8", got)
	}
}

// problemAt returns the problem of err whose field contains field.
func problemAt(t *testing.T, err error, field string) data.Problem {
	t.Helper()
	var ps data.Errors
	errors.As(err, &ps)
	for _, p := range ps {
		if strings.Contains(p.Field, field) {
			return p
		}
	}
	t.Fatalf("err = %v; want a problem with %s", err, field)
	return data.Problem{}
}

// TestSamePositionsAsAgreements decodes the same kinds of mistakes written
// at the same places in an agreement and in a realisasi file: both
// decoders must put them at the same line and column.
func TestSamePositionsAsAgreements(t *testing.T) {
	tests := []struct{ name, agreement, realisasi, field string }{
		{"value of the wrong type", `tahun   =   "dua ribu"`, `tahun   =   "dua ribu"`, "tahun"},
		{"unknown key", "[kop]\n  warna = 1", "[[realisasi]]\n  warna = 1", "warna"},
		// Both name the array: toml does not say which element a key of an
		// inline array of tables is in.
		{"problem in an inline array of tables", `kelompok  = [{ nama = 5 }]`, `realisasi = [{ kode = 5 }]`, "[0]"},
	}
	agr := decodeAgreement(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, aerr := data.Decode(strings.NewReader("# first\n"+tt.agreement+"\n"), "f.toml")
			_, rerr := Decode(strings.NewReader("# first\n"+tt.realisasi+"\n"), "f.toml", agr)
			a, r := problemAt(t, aerr, tt.field), problemAt(t, rerr, tt.field)
			if a.Line != r.Line || a.Col != r.Col {
				t.Errorf("agreement problem at %d:%d (%s), realisasi problem at %d:%d (%s)", a.Line, a.Col, a.Msg, r.Line, r.Col, r.Msg)
			}
			if a.Line < 2 {
				t.Errorf("problem at %d:%d; want it on the line of the mistake", a.Line, a.Col)
			}
		})
	}
}

// TestDeepNestingRefused decodes 5,000 nested inline tables (20 KB): both
// decoders refuse it at the first table past data.MaxDepth instead of
// running for minutes.
func TestDeepNestingRefused(t *testing.T) {
	const depth = 5000
	src := []byte("x = " + strings.Repeat("{a = ", depth) + "1" + strings.Repeat("}", depth) + "\n")
	want := "f.toml:1:" + strconv.Itoa(len("x = ")+5*(data.MaxDepth-1)+2) + ": nested deeper than"
	_, aerr := data.Decode(bytes.NewReader(src), "f.toml")
	_, rerr := Decode(bytes.NewReader(src), "f.toml", decodeAgreement(t))
	for _, err := range []error{aerr, rerr} {
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("err = %v; want %q...", err, want)
		}
	}
}
