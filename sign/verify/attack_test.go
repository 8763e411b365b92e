package verify_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/internal/pdfread"
	"kinerja/proof"
	"kinerja/render"
	"kinerja/sign"
	"kinerja/sign/cades"
	"kinerja/sign/pades"
	"kinerja/sign/stamp"
	"kinerja/sign/verify"
	"kinerja/sign/verify/verifytest"
)

// sample is the rendered sample agreement, signed by kinerja's signer.
type sample struct {
	roots                 *x509.CertPool
	ca                    *sign.DevCA
	a                     *data.Agreement
	creds                 map[docinfo.Party]*sign.Credential // one per party, in the party's name
	unsigned, once, twice []byte
}

var (
	sampleOnce sync.Once
	theSample  sample
	sampleErr  error
)

// signedSample renders data/pk-2021-bppbj.toml and signs it for PIHAK
// PERTAMA, then PIHAK KEDUA.
func signedSample(t *testing.T) *sample {
	t.Helper()
	sampleOnce.Do(func() {
		s := &theSample
		if s.a, sampleErr = data.DecodeFile("../../data/pk-2021-bppbj.toml"); sampleErr != nil {
			return
		}
		var b bytes.Buffer
		if sampleErr = render.Agreement(&b, s.a); sampleErr != nil {
			return
		}
		s.unsigned = b.Bytes()
		if s.ca, sampleErr = sign.NewDevCA(time.Now().Add(-time.Hour), "p256"); sampleErr != nil {
			return
		}
		s.roots = x509.NewCertPool()
		s.roots.AddCert(s.ca.Cert)
		info, err := pdfread.Info(s.unsigned)
		if err != nil {
			sampleErr = err
			return
		}
		if s.creds, sampleErr = s.ca.IssueSigners(time.Now().Add(-time.Hour), info, "p256"); sampleErr != nil {
			return
		}
		if s.once, sampleErr = s.sign(s.unsigned, docinfo.Pertama); sampleErr != nil {
			return
		}
		s.twice, sampleErr = s.sign(s.once, docinfo.Kedua)
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return &theSample
}

// sign signs doc for party p with the party's credential (the same one
// every time, so every signature of a party has /Contents of one size).
func (s *sample) sign(doc []byte, p docinfo.Party) ([]byte, error) {
	return sign.Sign(doc, sign.Options{Party: p, Credential: s.creds[p]})
}

// objBefore returns the number of the last object whose definition
// contains marker.
func objBefore(t *testing.T, doc []byte, marker string) int {
	t.Helper()
	i := bytes.LastIndex(doc, []byte(marker))
	m := regexp.MustCompile(`(?m)^(\d+) 0 obj`).FindAllSubmatchIndex(doc[:max(i, 0)], -1)
	if i < 0 || len(m) == 0 {
		t.Fatalf("no object holds %q", marker)
	}
	n, _ := strconv.Atoi(string(doc[m[len(m)-1][2]:m[len(m)-1][3]]))
	return n
}

// submatch returns the first match of re in doc and its groups, failing
// the test when there is none.
func submatch(t *testing.T, re string, doc []byte) []string {
	t.Helper()
	m := regexp.MustCompile(re).FindSubmatch(doc)
	if m == nil {
		t.Fatalf("no match of %s", re)
	}
	out := make([]string, len(m))
	for i := range m {
		out[i] = string(m[i])
	}
	return out
}

// attack is one attack file and the reason that must be reported.
type attack struct {
	name string
	make func(t *testing.T, s *sample) []byte
	want []string
}

// ok returns a function that fails the test on err, else returns b.
func ok(t *testing.T) func(b []byte, err error) []byte {
	return func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

// obj returns the latest text of object n.
func obj(t *testing.T, doc []byte, n int) string {
	t.Helper()
	s, err := verifytest.Object(doc, n)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// set returns dict with key set to value.
func set(t *testing.T, dict, key, value string) string {
	t.Helper()
	s, err := verifytest.SetKey(dict, key, value)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// stampXObject is a form XObject showing a big text.
const stampXObject = "<< /Type /XObject /Subtype /Form /BBox [0 0 500 60] /Length 44 >>\nstream\nBT /Helv 40 Tf 10 10 Td (DIBATALKAN) Tj ET\n\nendstream"

// fakeSig is a signature dictionary whose value signs nothing: enough for
// the policy, which judges what an update writes, not whether it verifies.
const fakeSig = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 0 0 0] /Contents <00> >>"

// attacks are the known attack classes on signed PDFs, made from the
// signed sample. Object 3 is page 1, object 4 its content stream.
func attacks() []attack {
	return []attack{
		{"sneaky signature field over the title", func(t *testing.T, s *sample) []byte {
			next, _ := verifytest.Next(s.twice)
			root := objBefore(t, s.twice, "/Type /Catalog")
			cat, err := verifytest.AppendTo(obj(t, s.twice, root), "AcroForm", "Fields", fmt.Sprintf("%d 0 R", next+1))
			page, err2 := verifytest.AppendTo(obj(t, s.twice, 3), "Annots", "", fmt.Sprintf("%d 0 R", next+1))
			if err != nil || err2 != nil {
				t.Fatal(err, err2)
			}
			return ok(t)(verifytest.Append(s.twice, map[int]string{next: stampXObject, root: cat, 3: page,
				next + 1: fmt.Sprintf("<< /Type /Annot /Subtype /Widget /FT /Sig /T (Judul) /Rect [40 850 560 910] /F 4 /P 3 0 R /AP << /N %d 0 R >> >>", next)}))
		}, []string{`signature 1 (pertama): new unsigned signature field "Judul"`, `signature 2 (kedua): new unsigned signature field "Judul"`}},
		{"signed widget moved", func(t *testing.T, s *sample) []byte {
			w := objBefore(t, s.twice, "/T (pertama)")
			return ok(t)(verifytest.Append(s.twice, map[int]string{w: set(t, obj(t, s.twice, w), "Rect", "[20 20 190 95]")}))
		}, []string{`signature 1 (pertama): form field "pertama" (object `, `redefined: /Rect changed in revision 4`}},
		{"signed widget given a new appearance", func(t *testing.T, s *sample) []byte {
			next, _ := verifytest.Next(s.twice)
			w := objBefore(t, s.twice, "/T (kedua)")
			return ok(t)(verifytest.Append(s.twice, map[int]string{next: stampXObject,
				w: set(t, obj(t, s.twice, w), "AP", fmt.Sprintf("<< /N %d 0 R >>", next))}))
		}, []string{`signature 2 (kedua): form field "kedua" (object `, `redefined: /AP changed in revision 4`, `XObject /Form (object `}},
		{"stamps swapped", func(t *testing.T, s *sample) []byte {
			w1, w2 := objBefore(t, s.twice, "/T (pertama)"), objBefore(t, s.twice, "/T (kedua)")
			ap := regexp.MustCompile(`/AP\s*<<\s*/N\s*\d+ 0 R\s*>>`)
			a1, a2 := ap.FindString(obj(t, s.twice, w1)), ap.FindString(obj(t, s.twice, w2))
			if a1 == "" || a2 == "" || a1 == a2 {
				t.Fatalf("stamps %q and %q", a1, a2)
			}
			return ok(t)(verifytest.Append(s.twice, map[int]string{
				w1: strings.Replace(obj(t, s.twice, w1), a1, a2, 1), w2: strings.Replace(obj(t, s.twice, w2), a2, a1, 1)}))
		}, []string{`signature 1 (pertama): form field "pertama"`, `redefined: /AP changed`, `form field "kedua"`}},
		{"field /Lock /All: the second party's field is locked", func(t *testing.T, s *sample) []byte {
			f := objBefore(t, s.unsigned, "/T (pertama)")
			all := ok(t)(verifytest.Append(s.unsigned, map[int]string{f: set(t, obj(t, s.unsigned, f), "Lock", "<< /Type /SigFieldLock /Action /All >>")}))
			return ok(t)(forceSign(ok(t)(s.sign(all, docinfo.Pertama)), docinfo.Kedua, s.creds[docinfo.Kedua]))
		}, []string{`signature 1 (pertama): signature field "kinerja.kedua" (object `, `signed, but the /Lock of the signed field "kinerja.pertama" locks it in revision 4`}},
		{"field filled and moved in one update", func(t *testing.T, s *sample) []byte {
			next, _ := verifytest.Next(s.once)
			f := objBefore(t, s.once, "/T (kedua)")
			moved := set(t, set(t, obj(t, s.once, f), "V", fmt.Sprintf("%d 0 R", next)), "Rect", "[20 20 190 95]")
			return ok(t)(verifytest.Append(s.once, map[int]string{next: fakeSig, f: moved}))
		}, []string{`(pertama): signature field "kinerja.kedua" (object `, `changed more than its value and appearance when signed: /Rect changed in revision 3`}},
		{"field filled with the other party's stamp", func(t *testing.T, s *sample) []byte {
			next, _ := verifytest.Next(s.once)
			f := objBefore(t, s.once, "/T (kedua)")
			ap := submatch(t, `/AP\s*(<<\s*/N\s*\d+ 0 R\s*>>)`, []byte(obj(t, s.once, objBefore(t, s.once, "/T (pertama)"))))
			filled := set(t, set(t, obj(t, s.once, f), "V", fmt.Sprintf("%d 0 R", next)), "AP", ap[1])
			return ok(t)(verifytest.Append(s.once, map[int]string{next: fakeSig, f: filled}))
		}, []string{`(pertama): signature field "kinerja.kedua" (object `, `its new /AP has no /N form added with the signature in revision 3`}},
		{"/Perms changed after the certification", func(t *testing.T, s *sample) []byte {
			next, _ := verifytest.Next(s.once)
			root := objBefore(t, s.once, "/Type /Catalog")
			return ok(t)(verifytest.Append(s.once, map[int]string{next: fakeSig,
				root: set(t, obj(t, s.once, root), "Perms", fmt.Sprintf("<< /DocMDP %d 0 R >>", next))}))
		}, []string{`(pertama): the catalog's /Perms changed after a signature`}},
		{"shadow hide: optional content switched on after signing", func(t *testing.T, s *sample) []byte {
			next, _ := verifytest.Next(s.unsigned)
			root := objBefore(t, s.unsigned, "/Type /Catalog")
			hidden := ok(t)(verifytest.Append(s.unsigned, map[int]string{
				next:     "<< /Type /OCG /Name (overlay) >>",
				next + 1: fmt.Sprintf("<< /OCGs [%d 0 R] /D << /OFF [%d 0 R] >> >>", next, next),
				root:     set(t, obj(t, s.unsigned, root), "OCProperties", fmt.Sprintf("%d 0 R", next+1))}))
			once := ok(t)(s.sign(hidden, docinfo.Pertama))
			return ok(t)(verifytest.Append(once, map[int]string{next + 1: fmt.Sprintf("<< /OCGs [%d 0 R] /D << /ON [%d 0 R] >> >>", next, next)}))
		}, []string{`signature 1 (pertama): optional content properties (object `, `redefined: /D changed in revision 4 after it was signed`}},
		{"shadow replace: content redefined", func(t *testing.T, s *sample) []byte {
			content := "BT /F1 12 Tf 72 700 Td (BATAL) Tj ET"
			return ok(t)(verifytest.Append(s.twice, map[int]string{4: fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content)}))
		}, []string{`signature 1 (pertama): content stream of page 1 (object 4) redefined: /Length changed, /Filter removed in revision 4`}},
		{"hide and replace: page content pointed elsewhere", func(t *testing.T, s *sample) []byte {
			return ok(t)(verifytest.ChangePage1(s.twice, "BATAL"))
		}, []string{`signature 2 (kedua): page 1 (object 3) redefined: /Contents changed in revision 4`, `new content stream of page 1 (object `}},
		{"content stream marked free", func(t *testing.T, s *sample) []byte {
			return ok(t)(verifytest.Append(s.twice, nil, 4))
		}, []string{`refused by the strict reading: revision 4: object 4 is marked free, but a reference to it remains`}},
		{"hybrid reference with /XRefStm", func(t *testing.T, s *sample) []byte {
			upd := ok(t)(verifytest.Append(s.twice, map[int]string{4: obj(t, s.twice, 4)}))
			i := bytes.LastIndex(upd, []byte("/Prev"))
			return append(append(bytes.Clone(upd[:i]), "/XRefStm 0 "...), upd[i:]...)
		}, []string{`refused by the strict reading: revision 4: a hybrid-reference trailer (/XRefStm 0)`}},
		{"second startxref", func(t *testing.T, s *sample) []byte {
			first := bytes.Index(s.unsigned, []byte("\nxref")) + 1
			return append(bytes.Clone(s.twice), fmt.Sprintf("startxref\n%d\n%%%%EOF\n", first)...)
		}, []string{`refused by the strict reading: revision 4: a startxref at offset`}},
		{"signature wrapping: ByteRange around a moved /Contents", func(t *testing.T, s *sample) []byte {
			m := submatch(t, `/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]`, s.once)
			a, _ := strconv.Atoi(m[1])
			b, _ := strconv.Atoi(m[2])
			c, _ := strconv.Atoi(m[3])
			moved := fmt.Sprintf("/ByteRange [0 %d %d %d]", a+10, b+10, c-10)
			return ok(t)(verifytest.PatchSame(s.once, 0, m[0], moved))
		}, []string{`signature 1 (pertama): ByteRange [0 `, `the unsigned gap is not`}},
		{"universal forgery: /Contents zeroed", func(t *testing.T, s *sample) []byte {
			m := regexp.MustCompile(`/Contents\s*<([0-9a-fA-F]+)>`).FindSubmatchIndex(s.once)
			if m == nil {
				t.Fatal("no /Contents in the signed sample")
			}
			out := bytes.Clone(s.once)
			copy(out[m[2]:m[3]], bytes.Repeat([]byte("0"), m[3]-m[2]))
			return out
		}, []string{`signature 1 (pertama): the signature value is not a valid CMS`}},
		{"universal forgery: /ByteRange null", func(t *testing.T, s *sample) []byte {
			m := submatch(t, `/ByteRange\s*\[[0-9 ]+\]`, s.once)
			return ok(t)(verifytest.PatchSame(s.once, 0, m[0], "/ByteRange null"))
		}, []string{`signature 1 (pertama): ByteRange is not an array of 4 integers`}},
		{"universal forgery: /ByteRange missing", func(t *testing.T, s *sample) []byte {
			return ok(t)(verifytest.PatchSame(s.once, 0, "/ByteRange", "/ByteRangX"))
		}, []string{`ByteRange is not an array of 4 integers`}},
		{"universal forgery: /ByteRange covering nothing", func(t *testing.T, s *sample) []byte {
			m := submatch(t, `/ByteRange\s*\[[0-9 ]+\]`, s.once)
			return ok(t)(verifytest.PatchSame(s.once, 0, m[0], "/ByteRange [0 0 0 0]"))
		}, []string{`ByteRange [0 0 0 0] is not two ranges around the /Contents gap`}},
		{"signature copied from another document", func(t *testing.T, s *sample) []byte {
			// The same credential gives the same /Contents room, and the
			// CMS of one signature fits in the room of another.
			other := ok(t)(verifytest.Append(s.unsigned, map[int]string{4: obj(t, s.unsigned, 4)}))
			return ok(t)(verifytest.CopyContents(ok(t)(s.sign(other, docinfo.Pertama)), s.once))
		}, []string{`signature 1 (pertama): digest mismatch`, `signature value was made for another document`}},
	}
}

// TestAttackCorpus makes each attack file from the signed sample and
// checks that the verifier rejects it for the specific reason.
func TestAttackCorpus(t *testing.T) {
	s := signedSample(t)
	if rep, err := verify.VerifyBytes(s.twice, verify.Options{Roots: s.roots}); err != nil || !rep.OK() {
		t.Fatalf("the signed sample itself: %v %q", err, rep.Reasons())
	}
	for _, doc := range [][]byte{s.twice} {
		if err := verify.DiscoveryAgrees(doc); err != nil {
			t.Error(err)
		}
	}
	for _, a := range attacks() {
		t.Run(a.name, func(t *testing.T) {
			doc := a.make(t, s)
			if err := verify.DiscoveryAgrees(doc); err != nil {
				t.Error(err)
			}
			rep, err := verify.VerifyBytes(doc, verify.Options{Roots: s.roots})
			if err != nil {
				t.Fatalf("VerifyBytes: %v", err)
			}
			if rep.OK() {
				t.Fatal("the attack file verified OK")
			}
			reasons := strings.Join(rep.Reasons(), "\n")
			for _, w := range a.want {
				if !strings.Contains(reasons, w) {
					t.Errorf("no reason contains %q; reasons:\n%s", w, reasons)
				}
			}
		})
	}
}

// forceSign signs doc for party p with c through package pades directly,
// as another tool would: without sign's refusal of a certificate that is
// not the party's.
func forceSign(doc []byte, p docinfo.Party, c *sign.Credential) ([]byte, error) {
	d, err := pades.Read(doc)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	name := c.Cert.Subject.CommonName
	return d.Sign(context.Background(), pades.Signature{
		Party: p, Certify: d.Signatures == 0, Time: now, Name: name,
		Signer: &cades.Signer{Key: c.Key, Chain: append([]*x509.Certificate{c.Cert}, c.Chain...), Hash: crypto.SHA256},
		Stamp:  stamp.Stamp{Name: name, Date: now, QR: "forced"},
	})
}

// TestWrongPerson: a certificate of another person forced into PIHAK
// PERTAMA's field by another tool makes the signature INVALID, naming both.
func TestWrongPerson(t *testing.T) {
	s := signedSample(t)
	c, err := s.ca.Issue(time.Now().Add(-time.Hour), sign.Identity{Name: "Test rsa2048", Party: docinfo.Pertama, KeyType: "p256"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sign.Sign(s.unsigned, sign.Options{Party: docinfo.Pertama, Credential: c}); !errors.Is(err, sign.ErrWrongSigner) {
		t.Fatalf("sign.Sign with another person's certificate: %v, want ErrWrongSigner", err)
	}
	doc := ok(t)(forceSign(s.unsigned, docinfo.Pertama, c))
	rep, err := verify.VerifyBytes(doc, verify.Options{Roots: s.roots})
	if err != nil || len(rep.Signatures) != 1 {
		t.Fatalf("%v %+v", err, rep)
	}
	want := `signature 1 (pertama): signed for PIHAK PERTAMA by another person: the certificate is "Test rsa2048"'s, but the document names "BLESSMIYANDA" as PIHAK PERTAMA`
	if rep.OK() || rep.Signatures[0].Valid() || !slices.Contains(rep.Reasons(), want) {
		t.Errorf("OK %v; no %q in %q", rep.OK(), want, rep.Reasons())
	}
	v, err := proof.Check(doc, proof.Options{Roots: s.roots})
	if err != nil || v.Status != proof.Invalid || !slices.Contains(v.Reasons, want) {
		t.Errorf("proof.Check: %v %s %q", err, v.Status, v.Reasons)
	}
}

// TestProofAttacks: an update made before the first signature fails the
// re-render proof, and an agreement signed by PIHAK PERTAMA only is
// incomplete, not valid.
func TestProofAttacks(t *testing.T) {
	s := signedSample(t)
	early := ok(t)(verifytest.Append(s.unsigned, map[int]string{4: obj(t, s.unsigned, 4)}))
	early = ok(t)(s.sign(early, docinfo.Pertama))
	early = ok(t)(s.sign(early, docinfo.Kedua))
	v, err := proof.Check(early, proof.Options{Roots: s.roots})
	if err != nil || v.Status != proof.Invalid || v.Source.Status != proof.SourceDifferent ||
		!strings.Contains(strings.Join(v.Reasons, "\n"), "the document is not what its embedded pk-2021-bppbj.toml renders to") {
		t.Errorf("update before the first signature: %v %s %s %q", err, v.Status, v.Source.Status, v.Reasons)
	}
	v, err = proof.Check(s.once, proof.Options{Roots: s.roots})
	if err != nil || v.Status != proof.Incomplete || len(v.Reasons) != 1 ||
		v.Reasons[0] != "PIHAK KEDUA has not signed (a performance agreement needs PIHAK PERTAMA and PIHAK KEDUA)" {
		t.Errorf("signed by PIHAK PERTAMA only: %v %s %q", err, v.Status, v.Reasons)
	}
}
