package bsre

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"kinerja/bsre/bsretest"
	"kinerja/docinfo"
	"kinerja/internal/pdfread"
	"kinerja/proof"
)

const samplePath = "../data/pk-2021-bppbj.toml"

var (
	sampleOnce sync.Once
	sampleDoc  []byte
	sampleErr  error
)

// sample is the sample agreement rendered with tanda_tangan = "bsre".
func sample(t testing.TB) []byte {
	t.Helper()
	sampleOnce.Do(func() { sampleDoc, sampleErr = bsretest.RenderBSrE(samplePath) })
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sampleDoc
}

// env is a client talking to a stand-in about a document.
type env struct {
	c   *Client
	fx  *bsretest.Fixture
	in  []byte
	log bytes.Buffer
	dir string
}

// setup starts a stand-in for the sample and loads a profile for it.
func setup(t *testing.T, version int, placement, origin string, extra string) *env {
	t.Helper()
	e := &env{in: sample(t), dir: t.TempDir()}
	info, err := pdfread.Info(e.in)
	if err != nil {
		t.Fatal(err)
	}
	e.fx = bsretest.NewFixture(t, info.Signers)
	e.fx.Origin = origin
	cfg := e.fx.ProfileFile(t, e.dir, version, placement, origin, extra)
	p, err := LoadProfile(cfg, "uji")
	if err != nil {
		t.Fatal(err)
	}
	e.c = &Client{Profile: p, Log: &e.log, Sleep: func(context.Context, time.Duration) error { return nil }}
	return e
}

// write writes a test file.
func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// job is party's signature with the stand-in user's passphrase; nik ""
// leaves the NIK to the profile.
func job(party docinfo.Party, nik string) Job {
	user := nik
	if user == "" {
		user = map[docinfo.Party]string{docinfo.Pertama: bsretest.NIKPertama, docinfo.Kedua: bsretest.NIKKedua}[party]
	}
	return Job{Party: party, NIK: nik, Passphrase: NewPassphrase([]byte(bsretest.Passphrase(user)))}
}

// signBoth signs the sample for both parties.
func (e *env) signBoth(t *testing.T) []byte {
	t.Helper()
	one, err := Sign(context.Background(), e.c, e.in, job(docinfo.Pertama, bsretest.NIKPertama))
	if err != nil {
		t.Fatal(err)
	}
	two, err := Sign(context.Background(), e.c, one, Job{Party: docinfo.Kedua,
		Passphrase: NewPassphrase([]byte(bsretest.Passphrase(bsretest.NIKKedua)))}) // NIK from the profile
	if err != nil {
		t.Fatal(err)
	}
	return two
}

// Both parties sign through the stand-in with v1 and v2, by coordinates
// from either origin and by tag: the result is valid, each new widget
// lies inside its party's reserved block, and the passphrases are nowhere.
func TestSignBoth(t *testing.T) {
	for _, v := range []int{1, 2} {
		for _, pl := range [][2]string{{PlaceCoordinates, OriginBottomLeft}, {PlaceCoordinates, OriginTopLeft}, {PlaceTag, OriginBottomLeft}} {
			t.Run(fmt.Sprintf("v%d-%s-%s", v, pl[0], pl[1]), func(t *testing.T) {
				e := setup(t, v, pl[0], pl[1], "")
				out := e.signBoth(t)
				v, err := proof.Check(out, proof.Options{Roots: e.c.Profile.Roots})
				if err != nil || v.Status != proof.Valid {
					t.Fatalf("verdict %v %v: %v", v.Status, err, v.Reasons)
				}
				checkWidgets(t, out, v.Info)
				e.noPassphrase(t, out, e.log.Bytes())
			})
		}
	}
}

// checkWidgets checks that the n-th new signature widget lies inside
// the n-th signer's reserved block on its page.
func checkWidgets(t *testing.T, out []byte, info *docinfo.Info) {
	t.Helper()
	d, err := pdfread.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	fields := d.Reader.Trailer().Key("Root").Key("AcroForm").Key("Fields")
	if fields.Len() != len(info.Signers) {
		t.Fatalf("%d fields, want %d", fields.Len(), len(info.Signers))
	}
	for i, s := range info.Signers {
		f := fields.Index(i)
		var r [4]float64
		for k := range r {
			r[k] = f.Key("Rect").Index(k).Float64()
		}
		b := s.Rect
		if r[0] < b[0]-1 || r[1] < b[1]-1 || r[2] > b[2]+1 || r[3] > b[3]+1 || r[2]-r[0] < 0.9*(b[2]-b[0]) {
			t.Errorf("%s: widget %v is not the reserved block %v", s.Party, r, b)
		}
		if p := f.Key("P"); p.Key("Type").Name() != "Page" || d.Reader.Page(s.Page).V.Key("Contents").String() != p.Key("Contents").String() {
			t.Errorf("%s: the widget is not on page %d", s.Party, s.Page)
		}
	}
}

// noPassphrase fails when a test passphrase appears in any of outs.
func (e *env) noPassphrase(t *testing.T, outs ...[]byte) {
	t.Helper()
	for _, nik := range []string{bsretest.NIKPertama, bsretest.NIKKedua, bsretest.NIKExpired} {
		for i, o := range outs {
			if bytes.Contains(o, []byte(bsretest.Passphrase(nik))) {
				t.Errorf("output %d holds the passphrase of %s", i, nik)
			}
		}
	}
}
