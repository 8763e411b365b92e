package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitCLI: a template per bentuk, refused by check until filled; an
// existing file kept without --force; rollover of the sample; usage errors.
func TestInitCLI(t *testing.T) {
	dir := t.TempDir()
	pk := filepath.Join(dir, "pk.toml")
	runOK(t, "init", pk, "--bentuk", "dua-tabel", "--tahun", "2026")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", pk}, &stdout, &stderr); code != exitBadInput || !strings.Contains(stderr.String(), "pihak_pertama.nama: still holds the placeholder <<NAMA PIHAK PERTAMA>>; fill it in") {
		t.Errorf("check of a template: exit %d\n%s", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"init", pk}, &stdout, &stderr); code != exitBadInput || !strings.Contains(stderr.String(), "exists; use --force") {
		t.Errorf("init over an existing file: exit %d %q", code, stderr.String())
	}
	runOK(t, "init", pk, "--force", "--bentuk", "tahunan", "--tahun", "2026")
	next := filepath.Join(dir, "pk-2025.toml")
	runOK(t, "init", "--dari", sampleTOML(t), "--tahun", "2025", "-o", next)
	if b, _ := os.ReadFile(next); !bytes.Contains(b, []byte(`kode = "SS1.1"`)) || !bytes.Contains(b, []byte("<<TARGET TAHUNAN>>")) {
		t.Errorf("rollover:\n%s", b)
	}
	for _, args := range [][]string{{"init"}, {"init", "a.toml", "b.toml"}, {"init", "--dari", "x.toml", "-o", "y.toml"}, {"init", "--bentuk"}} {
		stderr.Reset()
		if code := run(args, &stdout, &stderr); code != exitUsage {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, exitUsage, stderr.String())
		}
	}
	stderr.Reset()
	if code := run([]string{"init", filepath.Join(dir, "z.toml"), "--bentuk", "kuartal"}, &stdout, &stderr); code != exitBadInput || !strings.Contains(stderr.String(), "triwulan, tahunan") {
		t.Errorf("unknown bentuk: exit %d %q", code, stderr.String())
	}
}
