// Command bsre-standin runs the BSrE stand-in of package bsretest on a
// loopback address for `make demo-bsre`: a test double of BSrE's Esign
// Client Service, never a signer of real documents. Its users are
// development certificates (sign.DevCA, "NOT FOR PRODUCTION") issued to
// the signers of the kinerja PDF given with --pdf, with NIKs
// 3171000000000001 (PIHAK PERTAMA) and 3171000000000002 (PIHAK KEDUA).
//
// Into --dir it writes ca.pem (the development CA, to trust), esign.cred
// (the client credentials), bsre.toml (a profile "demo" for kinerja sign
// and verify) and pertama.pass / kedua.pass (the users' passphrases), then
// serves until interrupted.
//
//	go run ./bsre/bsretest/cmd/bsre-standin --pdf out/pk-bsre.pdf --dir out/bsre --addr 127.0.0.1:8765
package main

import (
	"crypto/rand"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"kinerja/bsre/bsretest"
	"kinerja/docinfo"
	"kinerja/internal/outfile"
	"kinerja/internal/pdfread"
	"kinerja/sign"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

// run parses the flags, prepares the files and serves.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("bsre-standin", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pdfPath := fs.String("pdf", "", "kinerja PDF whose signers become the users")
	dir := fs.String("dir", "", "directory for ca.pem, esign.cred, bsre.toml and the passphrase files")
	addr := fs.String("addr", "127.0.0.1:8765", "loopback address to serve on")
	version := fs.Int("versi", 2, "API version the written profile uses (1 or 2)")
	if fs.Parse(args) != nil || *pdfPath == "" || *dir == "" {
		fmt.Fprintln(stderr, "usage: bsre-standin --pdf FILE.pdf --dir DIR [--addr 127.0.0.1:PORT] [--versi 1|2]")
		return 2
	}
	svc, err := prepare(*pdfPath, *dir, *addr, *version)
	if err != nil {
		fmt.Fprintf(stderr, "bsre-standin: %v\n", err)
		return 1
	}
	svc.Log = stderr
	return serve(*addr, svc, stderr)
}

// prepare makes the users and writes the files of dir.
func prepare(pdfPath, dir, addr string, version int) (*bsretest.Service, error) {
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("--addr %s: the stand-in serves on a loopback address only", addr)
	}
	data, err := pdfread.ReadFile(pdfPath)
	if err != nil {
		return nil, err
	}
	info, err := pdfread.Info(data)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	ca, err := sign.NewDevCA(now, "p256")
	if err != nil {
		return nil, err
	}
	creds, err := ca.IssueSigners(now, info, "p256")
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	secret := randomHex()
	svc := &bsretest.Service{ClientUser: "kinerja-demo", ClientPassword: secret, Users: map[string]*bsretest.User{}, Now: time.Now}
	niks := map[docinfo.Party]string{docinfo.Pertama: bsretest.NIKPertama, docinfo.Kedua: bsretest.NIKKedua}
	files := map[string][]byte{
		"ca.pem":     pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Cert.Raw}),
		"esign.cred": []byte("kinerja-demo:" + secret + "\n"),
		"bsre.toml":  profile(addr, version),
	}
	for party, c := range creds {
		nik := niks[party]
		if nik == "" {
			return nil, errors.New("the PDF names a party the stand-in has no NIK for")
		}
		pass := randomHex()
		svc.Users[nik] = &bsretest.User{NIK: nik, Passphrase: pass, Key: c.Key, Chain: append([]*x509.Certificate{c.Cert}, c.Chain...)}
		files[string(party)+".pass"] = []byte(pass + "\n")
	}
	for name, b := range files {
		if err := outfile.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			return nil, err
		}
	}
	return svc, nil
}

// profile is the demo profile for kinerja.
func profile(addr string, version int) []byte {
	return fmt.Appendf(nil, "# Written by bsre-standin: the stand-in BSrE service of the demo.\n[profil.demo]\n"+
		"url = \"http://%s\"\nversi = %d\nkredensial_file = \"esign.cred\"\nakar = \"ca.pem\"\nbatas_waktu = \"30s\"\n"+
		"penempatan = \"koordinat\"\nasal = \"kiri_bawah\"\nalasan = \"Menyetujui Perjanjian Kinerja\"\nlokasi = \"Jakarta\"\n"+
		"nik = { pertama = %q, kedua = %q }\n", addr, version, bsretest.NIKPertama, bsretest.NIKKedua)
}

// randomHex is 16 random bytes in hexadecimal.
func randomHex() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// serve serves svc on addr until interrupted.
func serve(addr string, svc *bsretest.Service, stderr io.Writer) int {
	srv := &http.Server{Addr: addr, Handler: svc, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt, syscall.SIGTERM)
		<-c
		_ = srv.Close()
	}()
	fmt.Fprintf(stderr, "bsre-standin: serving on http://%s (a test double of BSrE, not a signer)\n", addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "bsre-standin: %v\n", err)
		return 1
	}
	return 0
}
