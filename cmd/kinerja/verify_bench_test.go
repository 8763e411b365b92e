package main

import (
	"bytes"
	"encoding/pem"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/render"
	"kinerja/sign"
)

// benchFiles is how many signed agreements BenchmarkVerifyMany checks per
// run.
const benchFiles = 1000

// BenchmarkVerifyMany measures `kinerja verify DIR --trust CA` over 1,000
// signed agreements in one process (the sample, signed by both parties,
// copied: every copy costs what a distinct file costs). One iteration is
// the whole run; ns/op divided by 1,000 is the cost per file.
func BenchmarkVerifyMany(b *testing.B) {
	dir, ca := signedCopies(b, benchFiles)
	b.ReportAllocs()
	for b.Loop() {
		if code := run([]string{"verify", dir, "--trust", ca}, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/benchFiles, "ms/file")
}

// signedCopies writes n copies of the sample agreement signed by both
// parties into a temporary directory, and the CA that issued the keys.
func signedCopies(b *testing.B, n int) (dir, caPath string) {
	b.Helper()
	a, err := data.DecodeFile("../../data/pk-2021-bppbj.toml")
	if err != nil {
		b.Fatal(err)
	}
	var pdf bytes.Buffer
	if err := render.Agreement(&pdf, a); err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	ca, err := sign.NewDevCA(now.Add(-time.Hour), "p256")
	if err != nil {
		b.Fatal(err)
	}
	var steps []sign.Options
	for _, p := range []struct {
		party docinfo.Party
		name  string
	}{{docinfo.Pertama, a.Pertama.Nama}, {docinfo.Kedua, a.Kedua.Nama}} {
		c, err := ca.Issue(now.Add(-time.Hour), sign.Identity{Name: p.name, Party: p.party, KeyType: "p256"})
		if err != nil {
			b.Fatal(err)
		}
		steps = append(steps, sign.Options{Party: p.party, Credential: c})
	}
	signed, err := sign.SignAll(pdf.Bytes(), steps...)
	if err != nil {
		b.Fatal(err)
	}
	dir = b.TempDir()
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("pk-%04d.pdf", i)), signed, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	caPath = filepath.Join(b.TempDir(), "ca.pem")
	if err := os.WriteFile(caPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Cert.Raw}), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir, caPath
}
