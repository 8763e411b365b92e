package main

import (
	"cmp"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"kinerja/docinfo"
)

// versionUsage is the synopsis of 'kinerja version'.
const versionUsage = `usage: kinerja version

Prints the module version of this build (from the Go build information:
a release tag, or a pseudo-version of the commit it was built from), the
render format (docinfo.Format: documents of another format are not
compared byte for byte by verify's re-render proof) and the Go release.
`

// runVersion implements 'kinerja version'.
func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("version", stderr, versionUsage)
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		fmt.Fprintln(stderr, text(msgCommandError, "version", text(msgUnexpectedArg, rest[0])))
		return exitUsage
	}
	fmt.Fprintln(stdout, text(msgVersion, moduleVersion(), docinfo.Format, runtime.Version()))
	return exitOK
}

// moduleVersion is the main module's version from the build information
// ("(devel)" when there is none), with the commit when the build recorded
// one but no version (a build without -buildvcs=false outside a tag).
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	v := cmp.Or(bi.Main.Version, "(devel)")
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" && v == "(devel)" {
		v = text(msgDevelCommit, rev[:min(12, len(rev))], settings["vcs.modified"] == "true")
	}
	return v
}
