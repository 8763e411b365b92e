package bsretest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
)

// request is a sign request of either version.
type request struct {
	pdf                 []byte
	nik, passphrase     string
	page                int
	x, y, width, height float64
	tag                 string
	reason, location    string
}

// signV1 reads the multipart form of v1 and answers the PDF itself.
func (s *Service) signV1(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(64 << 20); err != nil {
		refusal(w, 400, "form tidak valid")
		return
	}
	f, _, err := r.FormFile("file")
	if err != nil {
		refusal(w, 400, "file wajib diisi")
		return
	}
	pdf, _ := io.ReadAll(f)
	num := func(k string) float64 { v, _ := strconv.ParseFloat(r.FormValue(k), 64); return v }
	req := request{pdf: pdf, nik: r.FormValue("nik"), passphrase: r.FormValue("passphrase"), page: int(num("page")),
		x: num("xAxis"), y: num("yAxis"), width: num("width"), height: num("height"), tag: r.FormValue("tag_koordinat"),
		reason: r.FormValue("reason"), location: r.FormValue("location")}
	out, ok := s.handle(w, r, req)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("id_dokumen", strconv.Itoa(s.SignRequests()))
	_, _ = w.Write(out)
}

// signV2 reads the JSON of v2 and answers {"time", "file": [base64]}.
func (s *Service) signV2(w http.ResponseWriter, r *http.Request) {
	var body struct {
		NIK        string `json:"nik"`
		Passphrase string `json:"passphrase"`
		Props      []struct {
			Page                            int
			OriginX, OriginY, Width, Height float64
			Tag, Reason, Location           string
		} `json:"signatureProperties"`
		File []string `json:"file"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || len(body.File) != 1 || len(body.Props) != 1 {
		refusal(w, 400, "permintaan tidak valid")
		return
	}
	pdf, err := base64.StdEncoding.DecodeString(body.File[0])
	if err != nil {
		refusal(w, 400, "file bukan base64")
		return
	}
	p := body.Props[0]
	req := request{pdf: pdf, nik: body.NIK, passphrase: body.Passphrase, page: p.Page, x: p.OriginX, y: p.OriginY,
		width: p.Width, height: p.Height, tag: p.Tag, reason: p.Reason, location: p.Location}
	out, ok := s.handle(w, r, req)
	if !ok {
		return
	}
	writeJSON(w, 200, map[string]any{"time": 1, "file": []string{base64.StdEncoding.EncodeToString(out)}})
}

// handle checks the user, applies the next cue and signs; it answers the
// errors itself (ok false).
func (s *Service) handle(w http.ResponseWriter, r *http.Request, req request) (out []byte, ok bool) {
	cue := s.next()
	u := s.Users[req.nik]
	switch {
	case u == nil:
		refusal(w, 2011, "User tidak terdaftar")
		return nil, false
	case u.Passphrase != req.passphrase:
		refusal(w, 2031, "Passphrase anda salah")
		return nil, false
	case u.Status != "" && u.Status != "ISSUE":
		st := statuses[u.Status]
		refusal(w, st.code, st.words)
		return nil, false
	}
	return s.cued(w, r, cue, u, req)
}

// cued signs for u unless the cue says otherwise.
func (s *Service) cued(w http.ResponseWriter, r *http.Request, cue Cue, u *User, req request) ([]byte, bool) {
	switch cue {
	case CueSlow:
		select {
		case <-r.Context().Done():
			return nil, false
		case <-timeAfter(s.Delay):
		}
	case CueServerError:
		writeJSON(w, 503, map[string]any{"status": 503, "error": "Service Unavailable", "path": r.URL.Path})
		return nil, false
	case CueNotPDF:
		return []byte("<html><body>Sedang dalam pemeliharaan</body></html>"), true
	case CueWrongPrefix:
		req.pdf = bytes.Clone(req.pdf)
		if len(req.pdf) > 10 {
			req.pdf[10] ^= 1 // a byte of the binary comment after %PDF-1.x
		}
	case CueWrongPerson:
		if s.Impostor != nil {
			u = s.Impostor
		}
	}
	out, err := s.sign(r.Context(), u, req)
	if err != nil {
		writeJSON(w, 500, map[string]any{"status": 500, "error": "Proses signing gagal : " + err.Error(), "path": r.URL.Path})
		return nil, false
	}
	return out, true
}
