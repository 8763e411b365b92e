package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"kinerja/data"
	"kinerja/docinfo"
	"kinerja/layout"
	"kinerja/pesan"
)

// usageHook, when set (by tests), sees every flag set whose usage
// setUsage defines.
var usageHook func(*flag.FlagSet)

// newFlagSet returns the flag set of command name: errors go to stderr
// through parseInterleaved, -h/--help prints synopsis and the flags.
func newFlagSet(name string, stderr io.Writer, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	setUsage(fs, stderr, synopsis)
	return fs
}

// setUsage makes fs print synopsis and then its flags (printFlags) for
// -h/--help.
func setUsage(fs *flag.FlagSet, w io.Writer, synopsis string) {
	fs.Usage = func() {
		fmt.Fprint(w, pesan.Text(synopsis))
		printFlags(w, fs)
	}
	if usageHook != nil {
		usageHook(fs)
	}
}

// flagName is the flag as people type it: -o for one letter, --long
// otherwise (Go's flag package accepts both spellings).
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// printFlags lists the flags of fs in the --long style of the README, one
// a line with its value placeholder, usage and non-zero default.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintln(w, "\n"+text(msgUsageFlags))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fs.VisitAll(func(f *flag.Flag) {
		f = unwrapped(f)
		fmt.Fprintf(tw, "  %s\t%s\n", strings.TrimSpace(flagName(f.Name)+" "+placeholder(f)), flagHelp(f))
	})
	tw.Flush()
}

// unwrapped returns f with the value checkValues wrapped, so that
// flag.UnquoteUsage sees the value's own type.
func unwrapped(f *flag.Flag) *flag.Flag {
	c, ok := f.Value.(checkedValue)
	if !ok {
		return f
	}
	g := *f
	g.Value = c.Value
	return &g
}

// placeholder is the name of a flag's value: a `word` quoted in its usage,
// else FILE for a one-letter flag, a *-file flag or a flag whose usage
// speaks of a file, or the upper-case name for other text, ""
// for a bool flag.
func placeholder(f *flag.Flag) string {
	name, _ := flag.UnquoteUsage(f)
	switch {
	case name == "" || strings.Contains(f.Usage, "`"):
		return name
	case name == "int":
		return "N"
	case name == "duration":
		return "DURATION"
	case len(f.Name) == 1, strings.HasSuffix(f.Name, "-file"), strings.Contains(f.Usage, " file"):
		return "FILE"
	}
	return strings.ToUpper(f.Name)
}

// flagHelp is a flag's usage with its default when that is not zero.
func flagHelp(f *flag.Flag) string {
	local := *f
	local.Usage = pesan.Text(f.Usage)
	_, usage := flag.UnquoteUsage(&local)
	switch f.DefValue {
	case "", "0", "false", "0s", "[]":
		return usage
	}
	return usage + " " + text(msgFlagDefault, f.DefValue)
}

// parseInterleaved parses flags that may come before, between or after the
// positional arguments and returns the positional arguments. On -h/--help
// it prints the usage and returns flag.ErrHelp; on any other error it
// prints one line saying what is wrong and what is accepted (never Go's
// own flag text) and returns the error.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	out, usage := fs.Output(), fs.Usage
	var bad error
	checkValues(fs, &bad)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	pos, err := parseAll(fs, args)
	fs.SetOutput(out)
	fs.Usage = usage
	switch {
	case errors.Is(err, flag.ErrHelp):
		usage()
	case err != nil:
		if bad == nil {
			bad = flagProblem(fs, err)
		}
		fmt.Fprintln(out, text(msgCommandError, fs.Name(), bad))
		err = bad
	}
	return pos, err
}

// parseAll is the parsing loop of parseInterleaved.
func parseAll(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// flagProblem turns the flag package's error for an unknown flag or a
// missing value into ours.
func flagProblem(fs *flag.FlagSet, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return errors.New(unknownFlag(fs, name))
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		if f := fs.Lookup(name); f != nil {
			return errors.New(text(msgNeedsValue, flagName(name), flagName(name), placeholder(unwrapped(f))))
		}
	}
	return err
}

// unknownFlag says that -name is not a flag of fs, suggesting the nearest.
func unknownFlag(fs *flag.FlagSet, name string) string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	given := flagName(strings.TrimLeft(name, "-"))
	if best := nearest(strings.TrimLeft(name, "-"), names); best != "" {
		return text(msgUnknownFlagDYM, given, flagName(best))
	}
	return text(msgUnknownFlag, given, text(msgHelpHint, fs.Name()))
}

// nearest returns the first candidate that a word of three letters or
// more begins as a whole part ("pin" for --pin-file); else the candidate
// closest to word by edit distance, or "" when none is within 2 edits (or
// a third of the word) and fewer edits than the word has letters; failing
// that, the first candidate that word begins (--password for
// --password-file).
func nearest(word string, candidates []string) string {
	w := strings.ToLower(word)
	for _, c := range candidates { // --pin: --pin-file, not the nearer --nik
		if len(w) >= 3 && strings.HasPrefix(strings.ToLower(c), w+"-") {
			return c
		}
	}
	best, bestD := "", -1
	for _, c := range candidates {
		d := data.EditDistance(w, strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD >= 0 && bestD <= max(2, len(w)/3) && bestD < len(w) {
		return best
	}
	for _, c := range candidates {
		if len(w) >= 3 && strings.HasPrefix(strings.ToLower(c), w) {
			return c
		}
	}
	return ""
}

// checkedValue wraps a flag's value so that a value it refuses is
// reported as what the flag accepts (the flag package's own text says
// "parse error").
type checkedValue struct {
	flag.Value
	name string
	bad  *error
}

// Set sets the wrapped value; on failure it records the message.
func (v checkedValue) Set(s string) error {
	err := v.Value.Set(s)
	if err != nil {
		*v.bad = errors.New(text(msgBadValue, flagName(v.name), s, accepted(v.Value, err)))
	}
	return err
}

// IsBoolFlag passes the wrapped value's answer on, so that --json works
// without a value.
func (v checkedValue) IsBoolFlag() bool {
	b, ok := v.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// checkValues wraps every value of fs (once) so that a refused value's
// message goes to *bad.
func checkValues(fs *flag.FlagSet, bad *error) {
	fs.VisitAll(func(f *flag.Flag) {
		if c, ok := f.Value.(checkedValue); ok {
			f.Value = c.Value
		}
		f.Value = checkedValue{Value: f.Value, name: f.Name, bad: bad}
	})
}

// acceptor is a flag value that says what it accepts.
type acceptor interface{ accepts() string }

// accepted says what value v accepts; err is its own reason.
func accepted(v flag.Value, err error) string {
	if a, ok := v.(acceptor); ok {
		return a.accepts()
	}
	g, ok := v.(flag.Getter)
	if !ok {
		return err.Error()
	}
	switch g.Get().(type) {
	case int, int64, uint, uint64:
		return text(msgAcceptInt)
	case float64:
		return text(msgAcceptFloat)
	case time.Duration:
		return text(msgAcceptDuration)
	case bool:
		return text(msgAcceptBool)
	}
	return err.Error()
}

// quarterFlag is --triwulan: a quarter written 2, II or TW2 (any case);
// 0 means not given.
type quarterFlag int

// quarterVar defines --triwulan on fs, stored in *q. Every command that
// takes a quarter defines it through here.
func quarterVar(fs *flag.FlagSet, q *int) {
	fs.Var((*quarterFlag)(q), "triwulan", "quarter `N`: 1, 2, 3 or 4 (also II or TW2; required)")
}

// String returns the quarter in digits ("0" when not given).
func (q *quarterFlag) String() string {
	if q == nil {
		return "0"
	}
	return strconv.Itoa(int(*q))
}

// Set parses 2, II, TW2, TW II or tw-2.
func (q *quarterFlag) Set(s string) error {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimLeft(strings.TrimPrefix(t, "TW"), " -")
	for n := 1; n <= 4; n++ {
		if t == strconv.Itoa(n) || t == layout.Roman(n) {
			*q = quarterFlag(n)
			return nil
		}
	}
	return errors.New(text(msgAcceptQuarter))
}

// Get returns the quarter as an int.
func (q *quarterFlag) Get() any { return int(*q) }

// accepts says what --triwulan accepts.
func (q *quarterFlag) accepts() string { return text(msgAcceptQuarter) }

// quarterMissing is the message for a command line without --triwulan.
func quarterMissing() string {
	return text(msgRequired, flagName("triwulan"), text(msgRequiredQuarter))
}

// partyFlag is --party: a party of docinfo's vocabulary.
type partyFlag string

// String returns the party.
func (p *partyFlag) String() string {
	if p == nil {
		return ""
	}
	return string(*p)
}

// Set accepts pertama or kedua.
func (p *partyFlag) Set(s string) error {
	party, err := docinfo.ParseParty(s)
	if err != nil {
		return err
	}
	*p = partyFlag(party)
	return nil
}

// accepts lists the parties.
func (p *partyFlag) accepts() string {
	var items []string
	for _, party := range docinfo.Parties {
		items = append(items, text(msgPartyItem, party, party.Title()))
	}
	list := items[0]
	for _, it := range items[1:] {
		list = text(msgOr, list, it)
	}
	return text(msgAcceptParty, list)
}
