package testpki

import (
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"io"
	"math/big"
	"net/http"
	"strings"
	"time"

	"golang.org/x/crypto/ocsp"
)

// Revoke marks serial revoked as of the clock: the OCSP responder answers
// revoked for it and its CA's CRL lists it.
func (p *PKI) Revoke(serial *big.Int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.revoked[serial.String()] = p.now()
}

// handler serves /ocsp, /crl/NAME.crl and /ca/NAME.cer.
func (p *PKI) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/ocsp", p.serveOCSP)
	mux.HandleFunc("/ocsp/", p.serveOCSP)
	mux.HandleFunc("/crl/{name}", p.serveCRL)
	mux.HandleFunc("/ca/{name}", p.serveCA)
	return mux
}

// authority returns the CA named by a URL file name such as "root.crl".
func (p *PKI) authority(file, ext string) *authority {
	switch strings.TrimSuffix(file, ext) {
	case "root":
		return p.root
	case "intermediate":
		return p.inter
	}
	return nil
}

// serveCA answers with the DER certificate of a CA (AIA caIssuers).
func (p *PKI) serveCA(w http.ResponseWriter, r *http.Request) {
	a := p.authority(r.PathValue("name"), ".cer")
	if a == nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/pkix-cert")
	_, _ = w.Write(a.cert.Raw)
}

// serveCRL answers with a fresh CRL of a CA, listing the revoked serials
// it issued.
func (p *PKI) serveCRL(w http.ResponseWriter, r *http.Request) {
	a := p.authority(r.PathValue("name"), ".crl")
	if a == nil {
		http.NotFound(w, r)
		return
	}
	der, err := p.CRL(a.name)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/pkix-crl")
	_, _ = w.Write(der)
}

// CRL returns a CRL of the CA named name ("root" or "intermediate"),
// valid from the clock for one day.
func (p *PKI) CRL(name string) ([]byte, error) {
	a := p.authority(name, "")
	now := p.now()
	tmpl := &x509.RevocationList{
		Number:                    big.NewInt(now.Unix()),
		ThisUpdate:                now,
		NextUpdate:                now.Add(24 * time.Hour),
		RevokedCertificateEntries: p.revokedBy(name),
	}
	return x509.CreateRevocationList(rand.Reader, tmpl, a.cert, a.key)
}

// revokedBy lists the revoked serials issued by the CA named name.
func (p *PKI) revokedBy(name string) []x509.RevocationListEntry {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []x509.RevocationListEntry
	for s, at := range p.revoked {
		if p.issuer[s] != name {
			continue
		}
		n, _ := new(big.Int).SetString(s, 10)
		out = append(out, x509.RevocationListEntry{SerialNumber: n, RevocationTime: at,
			ReasonCode: ocsp.KeyCompromise})
	}
	return out
}

// serveOCSP answers an OCSP request sent by POST or by GET (RFC 6960
// appendix A).
func (p *PKI) serveOCSP(w http.ResponseWriter, r *http.Request) {
	der, err := ocspRequestBytes(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	req, err := ocsp.ParseRequest(der)
	if err != nil {
		_, _ = w.Write(ocsp.MalformedRequestErrorResponse)
		return
	}
	resp, err := p.ocspResponse(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/ocsp-response")
	_, _ = w.Write(resp)
}

// ocspRequestBytes reads the DER request from the body or the URL path.
func ocspRequestBytes(r *http.Request) ([]byte, error) {
	if r.Method == http.MethodPost {
		return io.ReadAll(io.LimitReader(r.Body, 1<<16))
	}
	return base64.StdEncoding.DecodeString(strings.TrimPrefix(r.URL.Path, "/ocsp/"))
}

// ocspResponse answers req, signed directly by the CA that issued the
// certificate asked about.
func (p *PKI) ocspResponse(req *ocsp.Request) ([]byte, error) {
	a := p.root
	if p.inter.keyHashMatches(req) {
		a = p.inter
	}
	now := p.now()
	tmpl := ocsp.Response{SerialNumber: req.SerialNumber, IssuerHash: req.HashAlgorithm,
		ThisUpdate: now, NextUpdate: now.Add(24 * time.Hour)}
	tmpl.Status, tmpl.RevokedAt = p.status(req.SerialNumber, a.name)
	if tmpl.Status == ocsp.Revoked {
		tmpl.RevocationReason = ocsp.KeyCompromise
	}
	return ocsp.CreateResponse(a.cert, a.cert, tmpl, a.key)
}

// status says whether serial, issued by the CA named name, is good,
// revoked (and since when) or unknown to this PKI.
func (p *PKI) status(serial *big.Int, name string) (int, time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := serial.String()
	if p.issuer[s] != name {
		return ocsp.Unknown, time.Time{}
	}
	if at, ok := p.revoked[s]; ok {
		return ocsp.Revoked, at
	}
	return ocsp.Good, time.Time{}
}

// keyHashMatches reports whether req names a certificate issued by a.
func (a *authority) keyHashMatches(req *ocsp.Request) bool {
	probe, err := ocsp.CreateRequest(&x509.Certificate{SerialNumber: big.NewInt(1)}, a.cert,
		&ocsp.RequestOptions{Hash: req.HashAlgorithm})
	if err != nil {
		return false
	}
	mine, err := ocsp.ParseRequest(probe)
	return err == nil && string(mine.IssuerKeyHash) == string(req.IssuerKeyHash)
}
