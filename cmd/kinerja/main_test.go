package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestHelpAndUsage checks that every command answers -h and --help with its
// usage and exit status 0, an unknown flag with exit status 2, and that the
// top level does the same for unknown commands.
func TestHelpAndUsage(t *testing.T) {
	for _, c := range commands() {
		for _, h := range []string{"-h", "--help"} {
			args := []string{c.name, h}
			var out, errb bytes.Buffer
			if code := run(args, &out, &errb); code != exitOK {
				t.Errorf("kinerja %s: exit %d, want 0; stderr:\n%s", strings.Join(args, " "), code, errb.String())
			}
			if !strings.Contains(out.String()+errb.String(), "usage") {
				t.Errorf("kinerja %s: no usage text", strings.Join(args, " "))
			}
		}
		var out, errb bytes.Buffer
		if code := run([]string{c.name, "--no-such-flag"}, &out, &errb); code != exitUsage {
			t.Errorf("kinerja %s --no-such-flag: exit %d, want %d", c.name, code, exitUsage)
		}
	}
	var kout, kerr bytes.Buffer
	if code := run([]string{"keys", "dev", "-h"}, &kout, &kerr); code != exitOK {
		t.Errorf("kinerja keys dev -h: exit %d, want 0", code)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"rendr"}, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), `unknown command "rendr"`) {
		t.Errorf("unknown command: exit %d, stderr %q", code, errb.String())
	}
}
