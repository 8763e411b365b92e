package bsretest

import (
	"crypto"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"kinerja/sign/cades"
)

// User is an official known to the service.
type User struct {
	NIK        string
	Passphrase string
	Key        crypto.Signer
	Chain      []*x509.Certificate // the user's certificate first, then its issuers
	// Status is what the status endpoint says: "" or "ISSUE" can sign;
	// "EXPIRED", "REVOKED" and "NO_CERTIFICATE" cannot.
	Status string
}

// Cue makes the next sign request misbehave.
type Cue int

// The cues.
const (
	CueSlow        Cue = iota + 1 // wait Delay before answering normally
	CueServerError                // answer 503
	CueNotPDF                     // answer 200 with an HTML page
	CueWrongPrefix                // sign a copy with one header byte changed
	CueWrongPerson                // sign with the Impostor's key
)

// Service is the stand-in; it is an http.Handler.
type Service struct {
	ClientUser, ClientPassword string // the HTTP Basic credentials it accepts
	Users                      map[string]*User
	Impostor                   *User         // signs on CueWrongPerson
	TSA                        *cades.TSA    // timestamps signatures when set
	Origin                     string        // of the coordinates: "kiri_bawah" (default) or "kiri_atas"
	Delay                      time.Duration // of CueSlow
	Now                        func() time.Time
	Log                        io.Writer // one line per request (method, path, status); nil = none

	mu    sync.Mutex
	cues  []Cue
	signs int
}

// Queue adds cues for the next sign requests, one per request.
func (s *Service) Queue(cues ...Cue) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cues = append(s.cues, cues...)
}

// SignRequests returns how many sign requests arrived.
func (s *Service) SignRequests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.signs
}

// next takes the next cue (0 when none) and counts the request.
func (s *Service) next() Cue {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.signs++
	if len(s.cues) == 0 {
		return 0
	}
	c := s.cues[0]
	s.cues = s.cues[1:]
	return c
}

// now is the service's clock.
func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// ServeHTTP routes the API.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rw := &recorder{ResponseWriter: w, status: 200}
	defer func() {
		if s.Log != nil {
			fmt.Fprintf(s.Log, "bsre stand-in: %s %s -> %d\n", r.Method, r.URL.Path, rw.status)
		}
	}()
	if u, p, ok := r.BasicAuth(); !ok || u != s.ClientUser || p != s.ClientPassword {
		writeJSON(rw, 401, map[string]any{"timestamp": s.now().Format(time.RFC3339), "status": 401, "error": "Unauthorized", "path": r.URL.Path})
		return
	}
	r.Body = http.MaxBytesReader(rw, r.Body, 256<<20)
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/api/sign/pdf":
		s.signV1(rw, r)
	case r.Method == http.MethodPost && r.URL.Path == "/api/v2/sign/pdf":
		s.signV2(rw, r)
	case r.Method == http.MethodGet && len(r.URL.Path) > len("/api/user/status/") && r.URL.Path[:len("/api/user/status/")] == "/api/user/status/":
		s.status(rw, r.URL.Path[len("/api/user/status/"):])
	case r.Method == http.MethodPost && r.URL.Path == "/api/v2/user/check/status":
		var body struct{ NIK string }
		_ = json.NewDecoder(r.Body).Decode(&body)
		s.status(rw, body.NIK)
	case r.Method == http.MethodPost && (r.URL.Path == "/api/sign/verify" || r.URL.Path == "/api/v2/verify/pdf"):
		s.verify(rw, r)
	default:
		writeJSON(rw, 404, map[string]any{"status": 404, "error": "Not Found", "path": r.URL.Path})
	}
}

// recorder remembers the status written.
type recorder struct {
	http.ResponseWriter
	status int
}

// WriteHeader records the status.
func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// writeJSON answers v as JSON with the status code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// refusal is a 400 answer {"status_code", "error"}.
func refusal(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, 400, map[string]any{"status_code": code, "error": msg})
}

// status answers the user status of nik.
func (s *Service) status(w http.ResponseWriter, nik string) {
	u := s.Users[nik]
	switch {
	case u == nil:
		writeJSON(w, 200, map[string]any{"status_code": 2011, "message": "User tidak terdaftar", "status": "NOT_REGISTERED"})
	case u.Status == "" || u.Status == "ISSUE":
		writeJSON(w, 200, map[string]any{"status_code": 1111, "message": "User memiliki sertifikat", "status": "ISSUE"})
	default:
		st := statuses[u.Status]
		writeJSON(w, 200, map[string]any{"status_code": st.code, "message": st.words, "status": u.Status})
	}
}

// statuses are the codes and words of users who cannot sign (2021 is
// BSrE's; the others are the stand-in's own).
var statuses = map[string]struct {
	code  int
	words string
}{
	"EXPIRED":        {2051, "Sertifikat pengguna sudah kedaluwarsa"},
	"REVOKED":        {2052, "Sertifikat pengguna sudah dicabut"},
	"NO_CERTIFICATE": {2021, "Pengguna belum memiliki sertifikat"},
}
