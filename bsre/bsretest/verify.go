package bsretest

import (
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"

	"kinerja/sign/verify"
)

// verify answers the verify endpoints (v1: multipart signed_file, v1
// field names; v2: JSON file, v2 field names) from kinerja's own
// verifier, trusting the roots of the users' chains.
func (s *Service) verify(w http.ResponseWriter, r *http.Request) {
	var pdf []byte
	if r.URL.Path == "/api/sign/verify" {
		f, _, err := r.FormFile("signed_file")
		if err != nil {
			refusal(w, 400, "signed_file wajib diisi")
			return
		}
		pdf, _ = io.ReadAll(f)
	} else {
		var body struct{ File string }
		if json.NewDecoder(r.Body).Decode(&body) != nil {
			refusal(w, 400, "permintaan tidak valid")
			return
		}
		pdf, _ = base64.StdEncoding.DecodeString(body.File)
	}
	rep, err := verify.VerifyBytes(pdf, verify.Options{Roots: s.roots(), Now: s.now()})
	if err != nil {
		writeJSON(w, 500, map[string]any{"status": 500, "error": "Internal Server Error", "path": r.URL.Path})
		return
	}
	conclusion, names := summary(rep)
	if r.URL.Path == "/api/sign/verify" {
		var details []map[string]any
		for _, n := range names {
			details = append(details, map[string]any{"info_signer": map[string]string{"signer_name": n}})
		}
		writeJSON(w, 200, map[string]any{"summary": conclusion, "jumlah_signature": len(names), "notes": "stand-in", "details": details})
		return
	}
	var infos []map[string]string
	for _, n := range names {
		infos = append(infos, map[string]string{"signerName": n})
	}
	writeJSON(w, 200, map[string]any{"conclusion": conclusion, "signatureCount": len(names), "description": "stand-in", "signatureInformations": infos})
}

// summary is the conclusion and the signer names of a report.
func summary(rep *verify.Report) (string, []string) {
	if len(rep.Signatures) == 0 {
		return "NO_SIGNATURE", nil
	}
	conclusion := "VALID"
	var names []string
	for _, sg := range rep.Signatures {
		names = append(names, sg.Name)
		if !sg.Integrity || !sg.Trusted || sg.ModifiedAfter {
			conclusion = "INVALID"
		}
	}
	return conclusion, names
}

// roots are the self-signed ends of the users' chains.
func (s *Service) roots() *x509.CertPool {
	pool := x509.NewCertPool()
	for _, u := range s.Users {
		if len(u.Chain) > 0 {
			pool.AddCert(u.Chain[len(u.Chain)-1])
		}
	}
	return pool
}
