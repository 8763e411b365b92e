package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/pesan"
	"kinerja/sign"
)

// keysUsage is the synopsis of 'kinerja keys'.
const keysUsage = `usage: kinerja keys dev DIR [--agreement FILE.toml] [--key-type p256|p384|rsa2048|rsa3072|rsa4096]

Creates a throwaway development PKI in DIR (created if needed): ca.pem, a CA
named "kinerja DEVELOPMENT CA - NOT FOR PRODUCTION",
and pertama.p12 / kedua.p12 (PKCS#12, modern encryption), each with a random
password in pertama.p12.pass / kedua.p12.pass (mode 0600). Names and NIP come
from the agreement when --agreement is given: sign refuses a certificate
that does not name the party, so keys made without it sign no agreement.
Existing files are never overwritten. Documents signed with these keys are
NOT legally signed.

Trust the CA for pdfsig:  certutil -N --empty-password -d sql:NSSDIR
                          certutil -A -t "CT,C,C" -n devca -i DIR/ca.pem -d sql:NSSDIR
                          pdfsig -nssdir sql:NSSDIR FILE.pdf
`

// runKeys implements 'kinerja keys'.
func runKeys(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		fmt.Fprint(stderr, pesan.Text(keysUsage))
		return exitOK
	}
	if len(args) == 0 || args[0] != "dev" {
		fmt.Fprint(stderr, pesan.Text("kinerja keys: want the subcommand dev\n")+pesan.Text(keysUsage))
		return exitUsage
	}
	fset := newFlagSet("keys dev", stderr, keysUsage)
	agreement := fset.String("agreement", "", "agreement TOML to take the names and NIP from")
	keyType := fset.String("key-type", "p256", "key type: "+strings.Join(sign.KeyTypes, ", "))
	pos, err := parseInterleaved(fset, args[1:])
	if err != nil {
		return flagExit(err)
	}
	if len(pos) != 1 {
		fmt.Fprint(stderr, pesan.Text("kinerja keys dev: want exactly one directory\n")+pesan.Text(keysUsage))
		return exitUsage
	}
	paths, err := makeDevKeys(pos[0], *agreement, *keyType, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "kinerja keys dev: %v\n", err)
		return exitBadInput
	}
	for _, p := range paths {
		fmt.Fprintln(stdout, p)
	}
	fmt.Fprintln(stderr, "kinerja keys dev: development keys only - NOT FOR PRODUCTION")
	return exitOK
}

// devIdentities returns the identities of both parties, from the
// agreement when one is given.
func devIdentities(agreement, keyType string) (map[docinfo.Party]sign.Identity, error) {
	ids := map[docinfo.Party]sign.Identity{}
	for _, p := range docinfo.Parties {
		ids[p] = sign.Identity{Name: p.Title() + " (development)", Party: p, KeyType: keyType}
	}
	if agreement == "" {
		return ids, nil
	}
	a, err := data.DecodeFile(agreement)
	if err != nil {
		return nil, err
	}
	ids[docinfo.Pertama] = sign.Identity{Name: a.Pertama.Nama, NIP: a.Pertama.NIP, Party: docinfo.Pertama, KeyType: keyType}
	ids[docinfo.Kedua] = sign.Identity{Name: a.Kedua.Nama, NIP: a.Kedua.NIP, Party: docinfo.Kedua, KeyType: keyType}
	return ids, nil
}

// makeDevKeys creates the development PKI in dir and returns the paths.
func makeDevKeys(dir, agreement, keyType string, now time.Time) ([]string, error) {
	if !slices.Contains(sign.KeyTypes, keyType) {
		return nil, pesan.Errorf("unknown key type %q (want one of %s)", keyType, strings.Join(sign.KeyTypes, ", "))
	}
	ids, err := devIdentities(agreement, keyType)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	for _, name := range []string{"ca.pem", "pertama.p12", "pertama.p12.pass", "kedua.p12", "kedua.p12.pass"} {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, fs.ErrNotExist) {
			return nil, pesan.Errorf("%s already exists; not overwriting keys (choose another directory)", filepath.Join(dir, name))
		}
	}
	ca, err := sign.NewDevCA(now, keyType)
	if err != nil {
		return nil, err
	}
	creds := map[docinfo.Party]*sign.Credential{}
	for _, party := range sign.Parties {
		if creds[party], err = ca.Issue(now, ids[party]); err != nil {
			return nil, err
		}
	}
	return sign.WriteDevFiles(dir, ca, creds, sign.Parties)
}
