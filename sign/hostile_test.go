package sign

import (
	"bytes"
	"regexp"
	"runtime/metrics"
	"testing"
	"time"

	"kinerja/internal/testpki"
)

// heapLimit is the most heap the hostile-input tests allow; the PDF
// parser, unguarded, allocates gigabytes on them.
const heapLimit = 512 << 20

// watchHeap panics (ending the test binary, so that an unguarded parser
// cannot take the machine's memory) when the live heap exceeds heapLimit
// before stop is called.
func watchHeap(t *testing.T) (stop func()) {
	t.Helper()
	done := make(chan struct{})
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				metrics.Read(s)
				if n := s[0].Value.Uint64(); n > heapLimit {
					panic("heap grew to " + itoa(n>>20) + " MB on a hostile PDF of about 92 KB: unbounded allocation")
				}
			}
		}
	}()
	return func() { close(done) }
}

// itoa formats n (no strconv: keep the panic path allocation-light).
func itoa(n uint64) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}

// TestSignRefusesHugeXrefSubsection: a PDF of about 92 KB whose xref
// subsection header claims objects from 99,999,990 on made sign run out
// of memory (the parser grows its table to the largest object number),
// while verify refused the same file at once. Sign must refuse it too,
// with bounded memory.
func TestSignRefusesHugeXrefSubsection(t *testing.T) {
	doc := sample(t)
	sub := regexp.MustCompile(`\nxref\n0 \d+\n`)
	if len(sub.FindAll(doc, -1)) != 1 {
		t.Fatal("the sample has not exactly one xref table starting at object 0")
	}
	hostile := sub.ReplaceAll(doc, []byte("\nxref\n99999990 33\n"))
	if len(hostile) < 80_000 || len(hostile) > 120_000 {
		t.Fatalf("hostile sample has %d bytes, want about 92 KB", len(hostile))
	}
	p := newParties(t, testpki.P256)
	stop := watchHeap(t)
	_, err := Sign(hostile, p.both("")[0])
	stop()
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("cross-reference")) {
		t.Fatalf("Sign of a PDF claiming object 99999990: %v, want a cross-reference error", err)
	}
}
