package bsre

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"kinerja/bsre/bsretest"
	"kinerja/docinfo"
	"kinerja/pesan"
)

// Every failure gives its own Kind and plain words, returns nothing, is
// not retried unless it is the service being down or slow, and never
// shows the passphrase.
func TestSignErrors(t *testing.T) {
	pass := func(nik string) Passphrase { return NewPassphrase([]byte(bsretest.Passphrase(nik))) }
	cases := []struct {
		name     string
		version  int
		cues     []bsretest.Cue
		job      Job
		kind     Kind
		words    string
		requests int // sign requests the stand-in sees
	}{
		{"wrong passphrase", 1, nil, Job{Party: docinfo.Pertama, Passphrase: pass(bsretest.NIKKedua)}, KindPassphrase, "wrong passphrase", 1},
		{"wrong passphrase v2", 2, nil, Job{Party: docinfo.Pertama, Passphrase: pass(bsretest.NIKKedua)}, KindPassphrase, "Passphrase anda salah", 1},
		{"unknown NIK", 2, nil, Job{Party: docinfo.Pertama, NIK: "3171999999999999", Passphrase: pass(bsretest.NIKPertama)}, KindNotRegistered, "the NIK is not registered with BSrE", 0},
		{"unknown NIK v1", 1, nil, Job{Party: docinfo.Pertama, NIK: "3171999999999999", Passphrase: pass(bsretest.NIKPertama)}, KindNotRegistered, "not registered", 0},
		{"expired certificate", 2, nil, Job{Party: docinfo.Pertama, NIK: bsretest.NIKExpired, Passphrase: pass(bsretest.NIKExpired)}, KindExpired, "sudah kedaluwarsa", 0},
		{"timeout", 2, []bsretest.Cue{bsretest.CueSlow, bsretest.CueSlow}, job(docinfo.Pertama, ""), KindUnavailable, "no answer within 300ms", 2},
		{"5xx", 2, []bsretest.Cue{bsretest.CueServerError, bsretest.CueServerError}, job(docinfo.Pertama, ""), KindUnavailable, "HTTP 503", 2},
		{"not a PDF v1", 1, []bsretest.Cue{bsretest.CueNotPDF}, job(docinfo.Pertama, ""), KindNotPDF, "is not a PDF", 1},
		{"not a PDF v2", 2, []bsretest.Cue{bsretest.CueNotPDF}, job(docinfo.Pertama, ""), KindNotPDF, "<html>", 1},
		{"wrong prefix", 2, []bsretest.Cue{bsretest.CueWrongPrefix}, job(docinfo.Pertama, ""), KindPrefix, "first difference at byte 10", 1},
		{"wrong person", 1, []bsretest.Cue{bsretest.CueWrongPerson}, job(docinfo.Pertama, ""), KindWrongPerson, `issued to "Orang Lain"`, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := setup(t, tc.version, PlaceCoordinates, OriginBottomLeft, "batas_waktu = \"300ms\"\nulang = 1")
			e.fx.Queue(tc.cues...)
			out, err := Sign(context.Background(), e.c, e.in, tc.job)
			if err == nil || out != nil {
				t.Fatalf("signed (%d bytes), want an error", len(out))
			}
			if KindOf(err) != tc.kind || !strings.Contains(err.Error(), tc.words) {
				t.Errorf("error %q (kind %d), want kind %d saying %q", err, KindOf(err), tc.kind, tc.words)
			}
			if n := e.fx.SignRequests(); n != tc.requests {
				t.Errorf("%d sign requests, want %d", n, tc.requests)
			}
			e.noPassphrase(t, []byte(err.Error()), []byte(fmt.Sprintf("%v %+v %#v", err, err, tc.job)), e.log.Bytes())
		})
	}
}

// A 5xx, then an answer: the retry succeeds.
func TestRetryThenSuccess(t *testing.T) {
	e := setup(t, 2, PlaceCoordinates, OriginBottomLeft, "ulang = 2")
	e.fx.Queue(bsretest.CueServerError, bsretest.CueSlow)
	e.fx.Delay = 0
	out, err := Sign(context.Background(), e.c, e.in, job(docinfo.Pertama, ""))
	if err != nil || out == nil {
		t.Fatal(err)
	}
	if n := e.fx.SignRequests(); n != 2 {
		t.Errorf("%d sign requests, want 2", n)
	}
	if !strings.Contains(e.log.String(), "HTTP 503") {
		t.Errorf("the log does not note the retry: %q", e.log.String())
	}
}

// Out of order, twice, or a party the document does not name: refused
// before anything is sent.
func TestSignOrder(t *testing.T) {
	e := setup(t, 2, PlaceCoordinates, OriginBottomLeft, "")
	if _, err := Sign(context.Background(), e.c, e.in, job(docinfo.Kedua, "")); err == nil || !strings.Contains(err.Error(), "has not signed") {
		t.Errorf("kedua first: %v", err)
	}
	one, err := Sign(context.Background(), e.c, e.in, job(docinfo.Pertama, ""))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Sign(context.Background(), e.c, one, job(docinfo.Pertama, "")); err == nil || !strings.Contains(err.Error(), "already signed") {
		t.Errorf("pertama twice: %v", err)
	}
	if n := e.fx.SignRequests(); n != 1 {
		t.Errorf("%d sign requests, want 1", n)
	}
}

// A Passphrase prints as [redacted] with every verb.
func TestPassphraseRedacted(t *testing.T) {
	p := NewPassphrase([]byte("geheim-123"))
	s := fmt.Sprintf("%v %s %q %x %#v %+v %d", p, p, p, p, p, struct{ P Passphrase }{p}, p)
	js, _ := p.MarshalJSON()
	if strings.Contains(s+string(js), "geheim") || strings.Count(s, redacted) != 7 {
		t.Errorf("printed: %s %s", s, js)
	}
}

// TestMessagesInIndonesian: the plain-words messages come from the one
// catalogue, in the active language.
func TestMessagesInIndonesian(t *testing.T) {
	defer pesan.SetLanguage(pesan.English)
	pesan.SetLanguage(pesan.Indonesian)
	for k, want := range map[Kind]string{KindPassphrase: "passphrase salah", KindNotRegistered: "NIK tidak terdaftar di BSrE", KindUnavailable: "layanan BSrE tidak tersedia"} {
		if got := (&Error{Kind: k, Detail: "x"}).Error(); !strings.HasPrefix(got, want) {
			t.Errorf("%v: %q, want it to start with %q", k, got, want)
		}
	}
}
