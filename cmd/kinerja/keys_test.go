package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/sign"
)

func TestKeysDev(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "keys")
	code, stdout, stderr := runCLI("keys", "dev", dir, "--agreement", sampleTOML(t))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := strings.Count(stdout, "\n"); n != 5 {
		t.Errorf("printed %d paths, want 5:\n%s", n, stdout)
	}
	for _, party := range []string{"pertama", "kedua"} {
		p := filepath.Join(dir, party+".p12")
		fi, err := os.Stat(p + ".pass")
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s.pass: %v (mode %v), want mode 0600", party, err, fi.Mode())
		}
		pass, _ := os.ReadFile(p + ".pass")
		if strings.Contains(stdout+stderr, strings.TrimSpace(string(pass))) {
			t.Errorf("the password of %s was printed", party)
		}
		data, _ := os.ReadFile(p)
		c, err := sign.LoadPKCS12(p, data, bytes.TrimSpace(pass))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"pertama": "BLESSMIYANDA", "kedua": "ANIES RASYID BASWEDAN, Ph.D"}[party]
		if c.Cert.Subject.CommonName != want {
			t.Errorf("%s: certificate name %q, want %q from the agreement", party, c.Cert.Subject.CommonName, want)
		}
	}
	before, _ := os.ReadFile(filepath.Join(dir, "pertama.p12"))
	code, _, stderr = runCLI("keys", "dev", dir)
	if code != exitBadInput || !strings.Contains(stderr, "already exists") {
		t.Errorf("second run: exit %d, %q; want a refusal", code, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "pertama.p12")); !bytes.Equal(before, after) {
		t.Error("the second run changed pertama.p12")
	}
}

func TestKeysUsage(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"keys"}, exitUsage, "want the subcommand dev"},
		{[]string{"keys", "dev"}, exitUsage, "want exactly one directory"},
		{[]string{"keys", "dev", t.TempDir(), "--key-type", "dsa"}, exitBadInput, `unknown key type "dsa"`},
		{[]string{"keys", "dev", t.TempDir(), "--agreement", "nope.toml"}, exitBadInput, "nope.toml"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
}
