package archive

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"kinerja/archive/archivetest"
)

// BenchmarkAdd measures Add of a ~100 KB PDF signed twice into archives
// that already hold 0, 1,000 and 10,000 records (signing and making the
// PDFs and the records are outside the timer): hash, signature
// verification, temporary write with fsync, rename, index append with
// fsync, marker and head. The figure must not grow with the archive.
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{0, 1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) { benchmarkAdd(b, n) })
	}
}

// benchmarkAdd adds b.N new PDFs to an archive of n records.
func benchmarkAdd(b *testing.B, n int) {
	f := getFixtures(b)
	src := b.TempDir()
	paths := make([]string, b.N)
	for i := range paths {
		pdf, err := archivetest.SignedPDF(f.pki, infoOf(i%len(fixtureUnits)), fmt.Sprintf("bench %d", i), 1500)
		if err != nil {
			b.Fatal(err)
		}
		paths[i] = writeFile(b, src, fmt.Sprintf("bench-%d.pdf", i), pdf)
	}
	dir := b.TempDir()
	fillIndex(b, dir, n)
	a := openArchive(b, dir, false)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, added, err := a.Add(paths[i]); err != nil || !added {
			b.Fatal(added, err)
		}
	}
	b.StopTimer()
	fi, _ := os.Stat(paths[0])
	b.ReportMetric(float64(fi.Size())/1024, "KB/file")
}

// fillIndex writes an index of n chained records (of files that are not
// there) to dir and builds its head and markers.
func fillIndex(b *testing.B, dir string, n int) {
	var buf bytes.Buffer
	prev := zeroHash
	for i := range n {
		s := sha256.Sum256([]byte(strconv.Itoa(i)))
		sum := hex.EncodeToString(s[:])
		e := Entry{Seq: i + 1, Path: entryPath("filler.pdf", sum, 2021, "filler"), SHA256: sum, Size: 1,
			Parties: []string{}, Signers: []Signer{}, Added: testNow, Prev: prev}
		raw, err := encodeRecord(&e)
		if err != nil {
			b.Fatal(err)
		}
		buf.Write(append(raw, '\n'))
		prev = lineHash(raw)
	}
	if err := os.WriteFile(filepath.Join(dir, IndexName), buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	if _, err := rebuildChain(dir, int64(buf.Len())); err != nil {
		b.Fatal(err)
	}
}
