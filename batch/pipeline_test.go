package batch

import (
	"bytes"
	"context"
	"crypto"
	"crypto/x509"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"kinerja/archive"
	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/internal/pdfread"
	"kinerja/internal/testtool"
	"kinerja/render"
	"kinerja/sign"
	"kinerja/sign/verify"
)

// pipelinePKI is a development CA with PIHAK PERTAMA on a P-256 key and
// PIHAK KEDUA on an RSA-2048 key, made once per process. Every generated
// agreement names other people, and sign refuses a certificate that is
// not the party's: each person gets a certificate for the party's key,
// issued once and cached.
type pipelinePKI struct {
	ca    *sign.DevCA
	keys  map[docinfo.Party]crypto.Signer
	roots *x509.CertPool
	certs sync.Map // name + NIP -> *sign.Credential
}

var (
	pkiOnce sync.Once
	pkiVal  *pipelinePKI
	pkiErr  error
)

// getPipelinePKI returns the shared keys.
func getPipelinePKI(tb testing.TB) *pipelinePKI {
	tb.Helper()
	pkiOnce.Do(func() { pkiVal, pkiErr = newPipelinePKI() })
	if pkiErr != nil {
		tb.Fatal(pkiErr)
	}
	return pkiVal
}

// newPipelinePKI creates the CA and both parties' keys.
func newPipelinePKI() (*pipelinePKI, error) {
	ca, err := sign.NewDevCA(time.Now().AddDate(0, -1, 0), "p256")
	if err != nil {
		return nil, err
	}
	p := &pipelinePKI{ca: ca, roots: x509.NewCertPool(), keys: map[docinfo.Party]crypto.Signer{}}
	p.roots.AddCert(ca.Cert)
	for party, typ := range map[docinfo.Party]string{docinfo.Pertama: "p256", docinfo.Kedua: "rsa2048"} {
		if p.keys[party], err = sign.GenerateKey(typ); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// steps returns the signatures of both parties of a rendered agreement,
// with certificates naming its signers.
func (p *pipelinePKI) steps(doc []byte) ([]sign.Options, error) {
	info, err := pdfread.Info(doc)
	if err != nil {
		return nil, err
	}
	var steps []sign.Options
	for _, s := range info.Signers {
		id := sign.Identity{Name: s.Name, NIP: s.NIP, Party: s.Party}
		c, ok := p.certs.Load(s.Name + "\x00" + s.NIP)
		if !ok {
			cred, err := p.ca.IssueKey(time.Now(), id, p.keys[s.Party])
			if err != nil {
				return nil, err
			}
			c, _ = p.certs.LoadOrStore(s.Name+"\x00"+s.NIP, cred)
		}
		steps = append(steps, sign.Options{Party: s.Party, Credential: c.(*sign.Credential)})
	}
	return steps, nil
}

// stages selects what one pipeline job does after rendering.
type stages struct {
	sign, verify bool
	archive      *archive.Archive
}

// pipelineJob decodes generated agreement j.Index, renders it and runs the
// selected stages, all in memory except the archive.
func pipelineJob(p *pipelinePKI, st stages) func(context.Context, Job) error {
	return func(_ context.Context, j Job) error {
		a, err := data.Decode(strings.NewReader(genAgreement(j.Index)), j.Name)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := render.Agreement(&buf, a); err != nil {
			return err
		}
		doc := buf.Bytes()
		if st.sign {
			steps, err := p.steps(doc)
			if err != nil {
				return err
			}
			if doc, err = sign.SignAll(doc, steps...); err != nil {
				return err
			}
		}
		if st.verify {
			if err := verifyDoc(doc, p.roots); err != nil {
				return err
			}
		}
		if st.archive != nil {
			_, _, err = st.archive.AddReader(j.Name+".pdf", bytes.NewReader(doc), int64(len(doc)))
		}
		return err
	}
}

// verifyDoc checks both signatures with our verifier.
func verifyDoc(doc []byte, roots *x509.CertPool) error {
	rep, err := verify.Verify(bytes.NewReader(doc), int64(len(doc)), verify.Options{Roots: roots})
	if err != nil {
		return err
	}
	if !rep.OK() || len(rep.Signatures) != 2 {
		return fmt.Errorf("verify: %d signatures, %v", len(rep.Signatures), rep.Reasons())
	}
	return nil
}

// genJobs yields n generated agreements by name.
func genJobs(n int) func(func(Job) bool) {
	return func(yield func(Job) bool) {
		for i := range n {
			if !yield(Job{Name: fmt.Sprintf("pk-gen-%05d", i)}) {
				return
			}
		}
	}
}

// memPeak samples the runtime's memory statistics until stopped and keeps
// the largest heap in use and the largest total obtained from the OS.
type memPeak struct {
	stop         chan struct{}
	done         chan struct{}
	heap, system uint64
}

// startMemPeak starts sampling every 20 ms.
func startMemPeak() *memPeak {
	m := &memPeak{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(m.done)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			m.sample()
			select {
			case <-m.stop:
				m.sample()
				return
			case <-t.C:
			}
		}
	}()
	return m
}

// sample records the current figures.
func (m *memPeak) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.heap, m.system = max(m.heap, ms.HeapInuse), max(m.system, ms.Sys)
}

// Stop ends sampling and returns the peaks in MB.
func (m *memPeak) Stop() (heapMB, sysMB float64) {
	close(m.stop)
	<-m.done
	return float64(m.heap) / (1 << 20), float64(m.system) / (1 << 20)
}

// benchPipeline runs b.N generated agreements through the stages on all
// cores and reports documents per second, CPU time per document (user +
// system of the whole process, GC included: with n idle cores the rate
// would be about n*1000/cpu-ms-per-doc) and peak memory. Run it with
// -benchtime 1000x for the 1,000-document batch.
func benchPipeline(b *testing.B, st stages) {
	p := getPipelinePKI(b)
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	mem := startMemPeak()
	start, cpu0 := time.Now(), testtool.ProcessCPU()
	s := Run(context.Background(), genJobs(b.N), 0, pipelineJob(p, st), nil)
	elapsed, cpu := time.Since(start), testtool.ProcessCPU()-cpu0
	heapMB, sysMB := mem.Stop()
	b.StopTimer()
	if s.Failed > 0 {
		b.Fatalf("%s; first: %v", s, s.Failures[0].Err)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "docs/s")
	if cpu > 0 {
		b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/doc")
	}
	b.ReportMetric(heapMB, "peak-heap-MB")
	b.ReportMetric(sysMB, "peak-sys-MB")
}

// BenchmarkPipeline is the batch pipeline over generated agreements on all
// cores (GOMAXPROCS workers): render only; render + sign both (P-256 then
// RSA-2048) + verify; and that plus archive add into a temporary archive
// (which verifies again, fsyncs and appends to the index).
func BenchmarkPipeline(b *testing.B) {
	b.Run("render", func(b *testing.B) { benchPipeline(b, stages{}) })
	b.Run("render+sign+verify", func(b *testing.B) { benchPipeline(b, stages{sign: true, verify: true}) })
	b.Run("render+sign+verify+archive", func(b *testing.B) {
		a, err := archive.Open(b.TempDir(), archive.Options{Roots: getPipelinePKI(b).roots})
		if err != nil {
			b.Fatal(err)
		}
		benchPipeline(b, stages{sign: true, verify: true, archive: a})
	})
}

// BenchmarkRenderGenerated decodes and renders generated agreements one at
// a time (run with -cpu 1 for the one-core figure).
func BenchmarkRenderGenerated(b *testing.B) {
	srcs := make([]string, 64)
	for i := range srcs {
		srcs[i] = genAgreement(i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a, err := data.Decode(strings.NewReader(srcs[i%len(srcs)]), "gen.toml")
		if err != nil {
			b.Fatal(err)
		}
		if err := render.Agreement(discardWriter{}, a); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// discardWriter is io.Discard without the ReaderFrom shortcut.
type discardWriter struct{}

func (discardWriter) Write(p []byte) (int, error) { return len(p), nil }

// TestPipelineSmall runs a few generated agreements through every stage and
// checks the archive afterwards, so the benchmark's job is known to work.
func TestPipelineSmall(t *testing.T) {
	p := getPipelinePKI(t)
	a, err := archive.Open(t.TempDir(), archive.Options{Roots: p.roots})
	if err != nil {
		t.Fatal(err)
	}
	s := Run(context.Background(), genJobs(6), 2, pipelineJob(p, stages{sign: true, verify: true, archive: a}), nil)
	if s.OK != 6 {
		t.Fatalf("%s: %v", s, s.Failures)
	}
	es, err := a.List(archive.Filter{All: true})
	if err != nil || len(es) != 6 {
		t.Fatalf("archive holds %d entries (%v), want 6", len(es), err)
	}
	rep, err := a.Verify()
	if err != nil || !rep.OK() {
		t.Fatalf("archive verify: %v %+v", err, rep)
	}
}
