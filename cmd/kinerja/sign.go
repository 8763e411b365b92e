package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"kinerja/api"
	"kinerja/docinfo"
	"kinerja/internal/infile"
	"kinerja/pesan"
	"kinerja/sign"
)

// signUsage is the synopsis of 'kinerja sign'.
const signUsage = `usage: kinerja sign IN.pdf -o OUT.pdf --party pertama|kedua KEY [--tsa URL [--ltv]]
       kinerja sign IN.pdf -o OUT.pdf --pertama P1.p12 --kedua P2.p12 [--tsa URL [--ltv]]
       kinerja sign DIR|IN.pdf... --out-dir DIR (--party P KEY | --pertama P1.p12 --kedua P2.p12) [-j N]

Appends a PAdES signature (ETSI.CAdES.detached) for one party (or both,
PIHAK PERTAMA first) as an incremental update into the signature field the
renderer made for it. PIHAK PERTAMA signs first (a certification signature);
each party signs once; the certificate must name the party (name without
titles, NIP when both have one), else nothing is written. --tsa URL adds an
RFC 3161 timestamp (PAdES B-T). --ltv (with --tsa) then adds, after the
last signature, a document security store (/DSS) with every certificate of
the signers' and the authority's chains and fresh OCSP responses or CRLs
from the URLs the certificates name (PAdES B-LT), kept with an earlier
/DSS; when one cannot be had (no answer within --ltv-timeout, a revoked
certificate) nothing is written. --ltv without --tsa is refused: B-LT
builds on B-T, and revocation data proves nothing without a trusted time.

KEY for --party is one of
  --key FILE.p12        password: --password-file F, else $KINERJA_KEY_PASSWORD,
                        else a prompt when stdin is a terminal
  --pkcs11-module LIB.so --token LABEL --key-label LABEL [--cert FILE.pem] [--chain FILE.pem]
                        PIN: --pin-file F, else $KINERJA_PIN, else a prompt;
                        the certificate is read from the token (same label)
                        unless --cert gives it; its issuers come from the
                        token and --chain, up to a self-signed root (else
                        refused)
With --pertama/--kedua (PKCS#12 files) the passwords come from
--pertama-password-file / --kedua-password-file, else $KINERJA_PERTAMA_PASSWORD /
$KINERJA_KEDUA_PASSWORD, else a prompt. Passwords and PINs are never
accepted as command-line arguments. OUT.pdf is written only after the
result verified; it may be IN.pdf.

Several PDFs, a directory (every *.pdf in it, sorted) or --out-dir make a
batch run: the keys are opened and checked once (one password or PIN
each), N files are signed at a time (default: the number of cores), each
output is --out-dir/<input name> (the input directory itself signs in
place), a failing file is reported and does not stop the others, and a
summary line ends it. Exit status 1 if any file failed.
`

// signFlags holds the parsed command line of 'kinerja sign'.
type signFlags struct {
	out, party, key, passFile, location    string
	module, token, keyLabel, pinFile, cert string
	chain                                  string
	pertama, kedua, pertamaPass, keduaPass string
	tsa                                    string
	tsaTimeout, ltvTimeout                 time.Duration
	ltv                                    bool
	batch                                  batchFlags
	bsre                                   bsreFlags
}

// newSignFlags defines the flags of 'kinerja sign'.
func newSignFlags(stderr io.Writer) (*flag.FlagSet, *signFlags) {
	f := &signFlags{}
	fs := newFlagSet("sign", stderr, signUsage+bsreUsage)
	fs.StringVar(&f.out, "o", "", "output PDF (required)")
	fs.Var((*partyFlag)(&f.party), "party", "party that signs: pertama or kedua")
	fs.StringVar(&f.key, "key", "", "PKCS#12 key file")
	fs.StringVar(&f.passFile, "password-file", "", "file holding the PKCS#12 password")
	fs.StringVar(&f.module, "pkcs11-module", "", "PKCS#11 library")
	fs.StringVar(&f.token, "token", "", "PKCS#11 token label")
	fs.StringVar(&f.keyLabel, "key-label", "", "PKCS#11 key label")
	fs.StringVar(&f.pinFile, "pin-file", "", "file holding the token PIN")
	fs.StringVar(&f.cert, "cert", "", "PEM certificate (and issuers) for a PKCS#11 key")
	fs.StringVar(&f.chain, "chain", "", "PEM issuer certificates for a PKCS#11 key (also read from the token)")
	fs.StringVar(&f.pertama, "pertama", "", "PKCS#12 key of PIHAK PERTAMA (sign both)")
	fs.StringVar(&f.kedua, "kedua", "", "PKCS#12 key of PIHAK KEDUA (sign both)")
	fs.StringVar(&f.pertamaPass, "pertama-password-file", "", "password file of --pertama")
	fs.StringVar(&f.keduaPass, "kedua-password-file", "", "password file of --kedua")
	fs.StringVar(&f.tsa, "tsa", "", "RFC 3161 timestamp authority URL")
	fs.DurationVar(&f.tsaTimeout, "tsa-timeout", sign.DefaultTSATimeout, "timeout of the timestamp request")
	fs.BoolVar(&f.ltv, "ltv", false, "add a /DSS with revocation data after the last signature (PAdES B-LT; needs --tsa)")
	fs.DurationVar(&f.ltvTimeout, "ltv-timeout", sign.DefaultLTVTimeout, "timeout of one OCSP or CRL request")
	fs.StringVar(&f.location, "location", "", "place of signing (optional)")
	f.batch.add(fs)
	f.bsre.add(fs)
	return fs, f
}

// runSign implements 'kinerja sign'.
func runSign(args []string, stdout, stderr io.Writer) int {
	fs, f := newSignFlags(stderr)
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if f.bsre.wanted() {
		return signBSrE(fs, pos, f, stdout, stderr)
	}
	if f.batch.wanted(fs, pos) {
		return signBatch(fs, pos, f, stdout, stderr)
	}
	if msg := f.usageError(pos); msg != "" {
		fmt.Fprintf(stderr, "kinerja sign: %s\n", msg)
		fs.Usage()
		return exitUsage
	}
	if err := signCLI(pos[0], f, stderr); err != nil {
		fmt.Fprintf(stderr, "kinerja sign: %v\n", err)
		return exitBadInput
	}
	fmt.Fprintln(stdout, f.out)
	return exitOK
}

// usageError returns what is wrong with the command line, or "".
func (f *signFlags) usageError(pos []string) string {
	switch {
	case len(pos) != 1:
		return pesan.Sprintf("want exactly one input PDF, got %d", len(pos))
	case f.out == "":
		return "no output: give -o OUT.pdf"
	}
	return f.keyUsageError()
}

// keyUsageError returns what is wrong with the key flags, or "".
func (f *signFlags) keyUsageError() string {
	both := f.pertama != "" || f.kedua != ""
	switch {
	case both && (f.pertama == "" || f.kedua == ""):
		return "--pertama and --kedua go together"
	case both && (f.party != "" || f.key != "" || f.module != ""):
		return "use either --party with one key or --pertama/--kedua, not both"
	case !both && !validParty(f.party):
		return "--party pertama or --party kedua is required (or --pertama/--kedua)"
	case f.ltv && f.tsa == "":
		return "--ltv needs --tsa URL (PAdES B-LT builds on B-T)"
	case !both && (f.key == "") == (f.module == ""):
		return "give exactly one of --key FILE.p12 or --pkcs11-module"
	case f.module != "" && (f.token == "" || f.keyLabel == ""):
		return "--pkcs11-module needs --token and --key-label"
	}
	return ""
}

// signCLI loads the keys, signs and writes the output.
func signCLI(in string, f *signFlags, stderr io.Writer) error {
	creds, parties, err := loadCredentials(f, stderr)
	for _, c := range creds {
		defer c.Close()
	}
	if err != nil {
		return err
	}
	return api.SignFile(in, f.out, f.steps(creds, parties)...)
}

// steps are the signatures to apply, in order.
func (f *signFlags) steps(creds []*sign.Credential, parties []docinfo.Party) []sign.Options {
	var steps []sign.Options
	var lt *sign.LTV
	if f.ltv {
		lt = &sign.LTV{Timeout: f.ltvTimeout}
	}
	for i, c := range creds {
		steps = append(steps, sign.Options{Party: parties[i], Credential: c, TSA: f.tsa,
			TSATimeout: f.tsaTimeout, Location: f.location, LTV: lt})
	}
	return steps
}

// loadCredentials opens the key(s) named on the command line.
func loadCredentials(f *signFlags, stderr io.Writer) ([]*sign.Credential, []docinfo.Party, error) {
	if f.pertama != "" {
		p1, err := loadP12(f.pertama, f.pertamaPass, "KINERJA_PERTAMA_PASSWORD", docinfo.Pertama.Title(), stderr)
		if err != nil {
			return nil, nil, err
		}
		p2, err := loadP12(f.kedua, f.keduaPass, "KINERJA_KEDUA_PASSWORD", docinfo.Kedua.Title(), stderr)
		if err != nil {
			return nil, nil, err
		}
		return []*sign.Credential{p1, p2}, docinfo.Parties, nil
	}
	var c *sign.Credential
	var err error
	if f.key != "" {
		c, err = loadP12(f.key, f.passFile, "KINERJA_KEY_PASSWORD", docinfo.Party(f.party).Title(), stderr)
	} else {
		c, err = loadToken(f, stderr)
	}
	if err != nil {
		return nil, nil, err
	}
	return []*sign.Credential{c}, []docinfo.Party{docinfo.Party(f.party)}, nil
}

// validParty reports whether s names a party.
func validParty(s string) bool {
	_, err := docinfo.ParseParty(s)
	return err == nil
}

// loadP12 opens a PKCS#12 file with a password from file, env or prompt.
func loadP12(path, passFile, env, who string, stderr io.Writer) (*sign.Credential, error) {
	data, err := infile.ReadFile(path, maxKeyFile)
	if err != nil {
		return nil, err
	}
	pass, err := secret(passFile, env, pesan.Sprintf("Password of %s (%s): ", path, who), stderr)
	if err != nil {
		return nil, pesan.Errorf("key %s: %w", path, err)
	}
	return sign.LoadPKCS12(path, data, pass)
}

// Caps on the files sign reads before anything is parsed: a .p12 holds a
// key and a short chain; a password file one line.
const (
	maxKeyFile    = 1 << 20
	maxSecretFile = 4 << 10
)

// warnIfReadable warns, as ssh does, when a password file can be read by
// other users than its owner.
func warnIfReadable(file string, stderr io.Writer) {
	if fi, err := os.Stat(file); err == nil && fi.Mode().Perm()&0o077 != 0 {
		fmt.Fprint(stderr, pesan.Sprintf("warning: %s can be read by other users (mode %04o); protect it with chmod 600 %s\n", file, fi.Mode().Perm(), file))
	}
}

// loadToken opens a PKCS#11 key with a PIN from file, env or prompt.
func loadToken(f *signFlags, stderr io.Writer) (*sign.Credential, error) {
	cfg := sign.PKCS11Config{Module: f.module, Token: f.token, KeyLabel: f.keyLabel}
	for _, in := range []struct {
		path string
		to   *[]byte
	}{{f.cert, &cfg.CertPEM}, {f.chain, &cfg.ChainPEM}} {
		if in.path == "" {
			continue
		}
		b, err := infile.ReadFile(in.path, maxPEM)
		if err != nil {
			return nil, err
		}
		*in.to = b
	}
	pin, err := secret(f.pinFile, "KINERJA_PIN", pesan.Sprintf("PIN of token %s: ", f.token), stderr)
	if err != nil {
		return nil, pesan.Errorf("token %s: %w", f.token, err)
	}
	cfg.PIN = pin
	return sign.OpenPKCS11(cfg)
}

// promptSecret reads a secret without echo from the terminal; tests
// replace it.
var promptSecret = func(prompt string, stderr io.Writer) ([]byte, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return nil, errors.New("no password or PIN: use a password/PIN file or the environment variable (stdin is not a terminal)")
	}
	fmt.Fprint(stderr, prompt)
	defer fmt.Fprintln(stderr)
	return term.ReadPassword(fd)
}

// secret returns a password or PIN: from file (first line), else from the
// environment variable env, else from a prompt.
func secret(file, env, prompt string, stderr io.Writer) ([]byte, error) {
	if file != "" {
		b, err := infile.ReadFile(file, maxSecretFile)
		if err != nil {
			return nil, err
		}
		warnIfReadable(file, stderr)
		if i := bytes.IndexAny(b, "\r\n"); i >= 0 {
			b = b[:i]
		}
		return b, nil
	}
	if v, ok := os.LookupEnv(env); ok {
		return []byte(v), nil
	}
	return promptSecret(prompt, stderr)
}
