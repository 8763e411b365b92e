package api

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kinerja/data"
)

// reFill matches one placeholder value and its key, for fill.
var reFill = regexp.MustCompile(`(?m)^(\w+) = (.*<<.*)$`)

// fill replaces every placeholder of an init or rollover file with a
// value check accepts, as a person filling it in would.
func fill(src string) string {
	year := regexp.MustCompile(`(?m)^tahun = (\d+)`).FindStringSubmatch(src)[1]
	return reFill.ReplaceAllStringFunc(src, func(line string) string {
		m := reFill.FindStringSubmatch(line)
		switch m[1] {
		case "tanggal":
			return "tanggal = " + year + "-01-05"
		case "nip":
			return `nip = "19840819 200212 1 001"`
		case "triwulan":
			return `triwulan = ["25%", "25%", "25%", "25%"]`
		case "tahunan", "target":
			return m[1] + ` = "100%"`
		}
		return m[1] + ` = "Isi ` + m[1] + `"`
	})
}

// problemsOf decodes src and returns its problems (nil when valid).
func problemsOf(t *testing.T, src, name string) data.Errors {
	t.Helper()
	_, err := data.DecodeWith(strings.NewReader(src), name, data.Options{Dir: "../data/contoh"})
	var errs data.Errors
	if err != nil && !errors.As(err, &errs) {
		t.Fatalf("%s: %v", name, err)
	}
	return errs
}

// TestInitEveryBentuk: each variant fails check with placeholder messages
// only, explains every key it writes, and passes once filled.
func TestInitEveryBentuk(t *testing.T) {
	for _, b := range Bentuk() {
		t.Run(b, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Init(&buf, InitOptions{Bentuk: b, Tahun: 2026}); err != nil {
				t.Fatal(err)
			}
			src := buf.String()
			probs := problemsOf(t, src, "pk.toml")
			if len(probs) < 5 {
				t.Fatalf("%d problems; want the placeholders refused:\n%s", len(probs), src)
			}
			for _, p := range probs {
				if !strings.Contains(p.Msg, "still holds the placeholder <<") || !strings.Contains(p.Msg, "fill it in") {
					t.Errorf("not a placeholder message: %v", p)
				}
			}
			if probs := problemsOf(t, fill(src), "pk.toml"); probs != nil {
				t.Fatalf("filled file: %v\n%s", probs, fill(src))
			}
			checkExplained(t, src)
		})
	}
}

// checkExplained: every key line is preceded by a comment line.
func checkExplained(t *testing.T, src string) {
	t.Helper()
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if i > 0 && regexp.MustCompile(`^\w+ = `).MatchString(l) && !strings.HasPrefix(lines[i-1], "#") {
			t.Errorf("line %d %q has no explanation", i+1, l)
		}
	}
}

// TestInitFileRefusesExisting: an existing file is kept unless forced.
func TestInitFileRefusesExisting(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pk.toml")
	if err := os.WriteFile(p, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := InitFile(p, InitOptions{Tahun: 2026}); !errors.Is(err, ErrExists) {
		t.Fatalf("got %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "mine" {
		t.Fatal("existing file changed")
	}
	if err := InitFile(p, InitOptions{Tahun: 2026, Force: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), "<<NAMA PIHAK PERTAMA>>") {
		t.Fatal("not replaced with --force")
	}
	if err := Init(&bytes.Buffer{}, InitOptions{Bentuk: "kuartal", Tahun: 2026}); err == nil || !strings.Contains(err.Error(), "dua-tabel") {
		t.Errorf("unknown bentuk: %v", err)
	}
}

// TestRolloverEverySample: parties, sasaran, indicators and kode kept,
// targets and date cleared to placeholders that check refuses, and the
// filled file is a valid agreement of the new year.
func TestRolloverEverySample(t *testing.T) {
	files, _ := filepath.Glob("../data/contoh/pk-*.toml")
	files = append(files, "../data/pk-2021-bppbj.toml")
	if len(files) < 5 {
		t.Fatalf("samples: %v", files)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			a, err := data.DecodeFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src, _ := os.ReadFile(f)
			var buf bytes.Buffer
			if err := Rollover(Input{Name: f, R: bytes.NewReader(src)}, a.Tahun+1, &buf); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			probs := problemsOf(t, out, "next.toml")
			if len(probs) == 0 {
				t.Fatal("rolled-over file passes check with its targets cleared")
			}
			for _, p := range probs {
				if !strings.Contains(p.Msg, "placeholder") {
					t.Errorf("not a placeholder problem: %v", p)
				}
			}
			b, err := data.DecodeWith(strings.NewReader(fill(out)), "next.toml", data.Options{Dir: filepath.Dir(f)})
			if err != nil {
				t.Fatalf("filled: %v\n%s", err, fill(out))
			}
			checkRolled(t, a, b)
		})
	}
}

// checkRolled compares an agreement with its filled rollover.
func checkRolled(t *testing.T, a, b *data.Agreement) {
	t.Helper()
	if b.Tahun != a.Tahun+1 || b.Pertama.Nama != a.Pertama.Nama || b.Kedua.NIP != a.Kedua.NIP || b.Pertama.NIP != a.Pertama.NIP {
		t.Errorf("parties or year: %d %+v", b.Tahun, b.Pertama)
	}
	ra, rb := a.Indicators(), b.Indicators()
	if len(ra) != len(rb) {
		t.Fatalf("%d indicators, want %d", len(rb), len(ra))
	}
	for i := range ra {
		x, y := ra[i].Indicator, rb[i].Indicator
		if x.Kode != y.Kode || x.Indikator != y.Indikator || ra[i].Sasaran.Uraian != rb[i].Sasaran.Uraian || x.Triwulanan != y.Triwulanan {
			t.Errorf("indicator %d: %s %q, want %s %q", i, y.Kode, y.Indikator, x.Kode, x.Indikator)
		}
		if x.Polaritas != y.Polaritas || x.Akumulasi != y.Akumulasi {
			t.Errorf("%s: rules %s/%s, want %s/%s", y.Kode, y.Polaritas, y.Akumulasi, x.Polaritas, x.Akumulasi)
		}
		if y.Tahunan.Text != "100%" {
			t.Errorf("%s: tahunan %q was not cleared", y.Kode, y.Tahunan.Text)
		}
	}
	if b.Tanggal.Year() != b.Tahun || strings.Contains(strings.Join(b.JudulBaris, " "), "TAHUN "+strconv.Itoa(a.Tahun)) {
		t.Errorf("date %v or title %v still of the old year", b.Tanggal, b.JudulBaris)
	}
}
