package verify_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"kinerja/bsre"
	"kinerja/bsre/bsretest"
	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/internal/pdfread"
	"kinerja/internal/testpki"
	"kinerja/render"
	"kinerja/sign"
	"kinerja/sign/verify"
)

const bsreSample = "../../data/pk-2021-bppbj.toml"

// bsreEnv is a stand-in and a client for the sample.
type bsreEnv struct {
	fx *bsretest.Fixture
	c  *bsre.Client
}

// newBSrEEnv starts a stand-in for the signers of doc.
func newBSrEEnv(t *testing.T, doc []byte) *bsreEnv {
	t.Helper()
	info, err := pdfread.Info(doc)
	if err != nil {
		t.Fatal(err)
	}
	fx := bsretest.NewFixture(t, info.Signers)
	p, err := bsre.LoadProfile(fx.ProfileFile(t, t.TempDir(), 2, bsre.PlaceCoordinates, bsre.OriginBottomLeft, ""), "uji")
	if err != nil {
		t.Fatal(err)
	}
	return &bsreEnv{fx: fx, c: &bsre.Client{Profile: p}}
}

// raw has the stand-in sign for party at pl without any check.
func (e *bsreEnv) raw(t *testing.T, in []byte, party docinfo.Party, pl bsre.Placement) []byte {
	t.Helper()
	nik := e.fx.NIK[party]
	out, err := e.c.SignPDF(context.Background(), bsre.SignRequest{PDF: in, NIK: nik,
		Passphrase: bsre.NewPassphrase([]byte(bsretest.Passphrase(nik))), Place: pl})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// block is the placement of party's statement-page block.
func block(t *testing.T, doc []byte, party docinfo.Party) bsre.Placement {
	t.Helper()
	info, err := pdfread.Info(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range info.Signers {
		if s.Party == party {
			pl, err := bsre.Place(&bsre.Profile{Placement: bsre.PlaceCoordinates, Origin: bsre.OriginBottomLeft}, doc, s)
			if err != nil {
				t.Fatal(err)
			}
			return pl
		}
	}
	t.Fatalf("no %s", party)
	return bsre.Placement{}
}

// The BSrE rule: BSrE's new field and widget in the party's block is
// allowed after an earlier signature (named as the party, certificate
// checked); the same field elsewhere on the page, on another page, or in
// the other party's block with the wrong certificate is not.
func TestBSrERule(t *testing.T) {
	doc, err := bsretest.RenderBSrE(bsreSample)
	if err != nil {
		t.Fatal(err)
	}
	e := newBSrEEnv(t, doc)
	one := e.raw(t, doc, docinfo.Pertama, block(t, doc, docinfo.Pertama))
	kedua := block(t, doc, docinfo.Kedua)
	elsewhere := kedua
	elsewhere.Y -= 200
	otherPage := kedua
	otherPage.Page = 2
	cases := []struct {
		name string
		pl   bsre.Placement
		want string // "" = valid
	}{
		{"in the block", kedua, ""},
		{"below the block", elsewhere, `new signature field "Signature2"`},
		{"on another page", otherPage, `new signature field "Signature2"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			two := e.raw(t, one, docinfo.Kedua, tc.pl)
			rep, err := verify.VerifyBytes(two, verify.Options{Roots: e.fx.PKI.Roots()})
			if err != nil {
				t.Fatal(err)
			}
			first := rep.Signatures[0]
			if tc.want == "" {
				if !rep.OK() || rep.Signatures[1].Party != docinfo.Kedua || first.Party != docinfo.Pertama {
					t.Fatalf("not valid: %v", rep.Reasons())
				}
				return
			}
			if !first.ModifiedAfter || !strings.Contains(strings.Join(first.Modifications, "\n"), tc.want) {
				t.Errorf("modifications %q, want %q", first.Modifications, tc.want)
			}
		})
	}
	t.Run("wrong person in the block", func(t *testing.T) {
		e.fx.Queue(bsretest.CueWrongPerson)
		two := e.raw(t, one, docinfo.Kedua, kedua)
		rep, err := verify.VerifyBytes(two, verify.Options{Roots: e.fx.PKI.Roots()})
		if err != nil {
			t.Fatal(err)
		}
		if rep.OK() || !strings.Contains(strings.Join(rep.Reasons(), "\n"), "another person") {
			t.Errorf("reasons %q", rep.Reasons())
		}
	})
}

// One party local, the other through BSrE: a document rendered with
// kinerja's fields, PIHAK PERTAMA signing its field locally (its /Lock
// locks only its own field), PIHAK KEDUA through BSrE in a field of its
// own in its block: both valid.
func TestBSrEAfterLocal(t *testing.T) {
	a, err := data.DecodeFile(bsreSample)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := render.Agreement(&b, a); err != nil {
		t.Fatal(err)
	}
	doc := b.Bytes()
	e := newBSrEEnv(t, doc)
	info, _ := pdfread.Info(doc)
	leaf := e.fx.PKI.LeafKey(t, testpki.Key(t, testpki.P256, "local-pertama"),
		testpki.Spec{CommonName: info.Signers[0].Name, SerialNumber: "NIP " + info.Signers[0].NIP})
	one, err := sign.Sign(doc, sign.Options{Party: docinfo.Pertama, Credential: &sign.Credential{Cert: leaf.Cert, Chain: leaf.Chain[1:], Key: leaf.Key}})
	if err != nil {
		t.Fatal(err)
	}
	two := e.raw(t, one, docinfo.Kedua, block(t, doc, docinfo.Kedua))
	rep, err := verify.VerifyBytes(two, verify.Options{Roots: e.fx.PKI.Roots()})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || len(rep.Signatures) != 2 || rep.Signatures[1].Party != docinfo.Kedua {
		t.Fatalf("not valid: %v", rep.Reasons())
	}
}
