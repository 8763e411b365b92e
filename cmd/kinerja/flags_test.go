package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"kinerja/archive"
	"kinerja/docinfo"
	"kinerja/sign"
)

// TestCommandLineMessages checks the exact message of every kind of
// command line mistake: no text of Go's flag package reaches the user.
func TestCommandLineMessages(t *testing.T) {
	cases := []struct {
		args   []string
		stderr string // exact
	}{
		{[]string{"rendr"}, "kinerja: unknown command \"rendr\"; did you mean \"render\"?\n"},
		{[]string{"verfy", "a.pdf"}, "kinerja: unknown command \"verfy\"; did you mean \"verify\"?\n"},
		{[]string{"xyzzy"}, "kinerja: unknown command \"xyzzy\" (kinerja --help lists the commands)\n"},
		{[]string{"report", "a.toml", "b.toml", "--triwlan", "2"}, "kinerja report: unknown flag --triwlan; did you mean --triwulan?\n"},
		{[]string{"render", "--out-dri", "x", "a.toml"}, "kinerja render: unknown flag --out-dri; did you mean --out-dir?\n"},
		{[]string{"render", "-x", "a.toml"}, "kinerja render: unknown flag -x (kinerja render --help lists the flags)\n"},
		{[]string{"verify", "--jsn", "a.pdf"}, "kinerja verify: unknown flag --jsn; did you mean --json?\n"},
		{[]string{"render", "-j", "many", "a.toml"}, "kinerja render: -j many: expected a whole number such as 4\n"},
		{[]string{"archive", "list", "--year", "2O21"}, "kinerja archive list: --year 2O21: expected a whole number such as 4\n"},
		{[]string{"verify", "--json=maybe", "a.pdf"}, "kinerja verify: --json maybe: expected true or false\n"},
		{[]string{"sign", "a.pdf", "-o", "b.pdf", "--tsa-timeout", "soon"}, "kinerja sign: --tsa-timeout soon: expected a duration such as 30s or 2m\n"},
		{[]string{"report", "a.toml", "b.toml", "--triwulan", "5"}, "kinerja report: --triwulan 5: expected a quarter 1, 2, 3 or 4 (also written II or TW2)\n"},
		{[]string{"report", "a.toml", "b.toml", "--triwulan", "TW5"}, "kinerja report: --triwulan TW5: expected a quarter 1, 2, 3 or 4 (also written II or TW2)\n"},
		{[]string{"sign", "a.pdf", "-o", "b.pdf", "--party", "ketiga", "--key", "k.p12"}, "kinerja sign: --party ketiga: no such party; expected pertama (PIHAK PERTAMA) or kedua (PIHAK KEDUA)\n"},
		{[]string{"render", "a.toml", "-o"}, "kinerja render: -o needs a value: -o FILE\n"},
		{[]string{"archive", "list", "--unit"}, "kinerja archive list: --unit needs a value: --unit TEXT\n"},
		{[]string{"version", "extra"}, "kinerja version: unexpected argument \"extra\"\n"},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		code := run(c.args, &out, &errb)
		if code != exitUsage || errb.String() != c.stderr || out.Len() != 0 {
			t.Errorf("kinerja %s: exit %d, stdout %q, stderr\n%q\nwant exit 2 and\n%q", strings.Join(c.args, " "), code, out.String(), errb.String(), c.stderr)
		}
	}
}

// TestRequiredQuarter checks that a report without --triwulan says the
// flag is required, in the single and the batch form.
func TestRequiredQuarter(t *testing.T) {
	want := "kinerja report: --triwulan is required: give the quarter, e.g. --triwulan 2 (also II or TW2)\n"
	for _, args := range [][]string{{"report", "a.toml", "b.toml"}, {"report", t.TempDir()}} {
		var out, errb bytes.Buffer
		code := run(args, &out, &errb)
		if first, _, _ := strings.Cut(errb.String(), "\n"); code != exitUsage || first+"\n" != want {
			t.Errorf("kinerja %v: exit %d, stderr %q, want first line %q", args, code, errb.String(), want)
		}
	}
}

// TestQuarterFlag checks every spelling --triwulan accepts and refuses.
func TestQuarterFlag(t *testing.T) {
	good := map[string]int{"1": 1, "2": 2, "II": 2, "ii": 2, "TW2": 2, "tw2": 2, "TW II": 2, "TW-3": 3, "IV": 4, " 4 ": 4, "TWIV": 4}
	for s, want := range good {
		var q quarterFlag
		if err := q.Set(s); err != nil || int(q) != want {
			t.Errorf("Set(%q) = %d, %v; want %d", s, q, err, want)
		}
	}
	for _, s := range []string{"0", "5", "V", "TW", "", "IIII", "2.0", "TW 5"} {
		var q quarterFlag
		if err := q.Set(s); err == nil {
			t.Errorf("Set(%q) accepted as %d", s, q)
		}
	}
}

// TestReportQuarterSpellings makes the sample report with --triwulan II
// and TW2: the same file name as --triwulan 2.
func TestReportQuarterSpellings(t *testing.T) {
	agr, real := sampleTOML(t), sampleRealisasi(t)
	for _, q := range []string{"II", "TW2"} {
		pdf := filepath.Join(t.TempDir(), "lap.pdf")
		code, stdout, stderr := runCLI("report", agr, real, "--triwulan", q, "-o", pdf)
		if code != exitOK || stdout != pdf+"\n" {
			t.Fatalf("--triwulan %s: exit %d, stdout %q, stderr %q", q, code, stdout, stderr)
		}
		if _, err := os.Stat(pdf); err != nil {
			t.Error(err)
		}
	}
}

// TestVersion checks the version line: module version, render format, Go.
func TestVersion(t *testing.T) {
	code, stdout, stderr := runCLI("version")
	want := fmt.Sprintf(`^kinerja \S.* \(render format %d, %s\)\n$`, docinfo.Format, regexp.QuoteMeta(runtime.Version()))
	if code != exitOK || stderr != "" || !regexp.MustCompile(want).MatchString(stdout) {
		t.Errorf("version: exit %d, stdout %q, stderr %q; want %s", code, stdout, stderr, want)
	}
}

// helpCommands are the command lines whose --help is checked: every
// command, and the subcommands that have flag sets of their own.
func helpCommands() [][]string {
	var out [][]string
	for _, c := range commands() {
		switch c.name {
		case "archive":
			out = append(out, []string{"archive", "add"}, []string{"archive", "verify"}, []string{"archive", "list"})
		case "keys":
			out = append(out, []string{"keys", "dev"})
		case "xlsx":
			out = append(out, []string{"xlsx", "export"}, []string{"xlsx", "import"})
		case "realisasi":
			out = append(out, []string{"realisasi", "formulir"}, []string{"realisasi", "import"})
		default:
			out = append(out, []string{c.name})
		}
	}
	return out
}

// TestHelpListsEveryFlag checks that the --help of every command lists
// every flag its flag set defines, in the --long style (-o for one
// letter), on a line of its own.
func TestHelpListsEveryFlag(t *testing.T) {
	for _, cmd := range helpCommands() {
		var sets []*flag.FlagSet
		usageHook = func(fs *flag.FlagSet) { sets = append(sets, fs) }
		var out, errb bytes.Buffer
		code := run(append(cmd, "--help"), &out, &errb)
		usageHook = nil
		help := out.String() + errb.String()
		if code != exitOK || len(sets) == 0 {
			t.Errorf("kinerja %s --help: exit %d, %d flag sets seen (define them with newFlagSet)", strings.Join(cmd, " "), code, len(sets))
			continue
		}
		for _, fs := range sets {
			fs.VisitAll(func(f *flag.Flag) {
				if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(flagName(f.Name)) + `( |$)`).MatchString(help) {
					t.Errorf("kinerja %s --help does not list %s:\n%s", strings.Join(cmd, " "), flagName(f.Name), help)
				}
			})
		}
	}
}

// TestCatalogue checks that every message has a text.
func TestCatalogue(t *testing.T) {
	if len(english) != int(msgCount) {
		t.Errorf("%d texts for %d messages", len(english), msgCount)
	}
	for id, s := range english {
		if s == "" {
			t.Errorf("message %d has no text", id)
		}
	}
}

// TestVerifyTrustHint checks that verify without --trust on a chain to a
// private CA says how to trust it, once, and says nothing with --trust.
func TestVerifyTrustHint(t *testing.T) {
	v := verifyFixtures(t)
	hint := "hint: the signer's certificate does not chain to a root this system trusts; if it comes from your agency's own CA, run kinerja verify %s --trust CA.pem with your agency's CA certificate; see README 'Verifying'\n"
	for _, args := range [][]string{{v.twice}, {v.once, v.twice}} {
		code, _, stderr := runVerifyCLI(args...)
		want := fmt.Sprintf(hint, strings.Join(args, " "))
		if code != exitBadInput || !strings.HasSuffix(stderr, want) || strings.Count(stderr, "hint:") != 1 {
			t.Errorf("verify %v: exit %d, stderr %q; want it to end with %q", args, code, stderr, want)
		}
	}
	code, _, stderr := runVerifyCLI(v.twice, "--trust", v.ca)
	if code != exitOK || strings.Contains(stderr, "hint:") {
		t.Errorf("verify --trust: exit %d, stderr %q", code, stderr)
	}
}

// TestUsageNamesCurrentValues: the help texts spell out two values of
// other packages (so that the message catalogue can read them as
// constants); they must not drift from those packages.
func TestUsageNamesCurrentValues(t *testing.T) {
	if !strings.Contains(keysUsage, `"`+sign.DevCAName+`"`) {
		t.Errorf("keys help does not name the CA %q", sign.DevCAName)
	}
	if !strings.Contains(archiveUsage, "DIR defaults to "+archive.DefaultDir+".") {
		t.Errorf("archive help does not give the default directory %q", archive.DefaultDir)
	}
}
