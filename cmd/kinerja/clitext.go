package main

import "fmt"

// msgID names one message of the command line. Every message the flag
// handling, version and hints print is formatted by text from the table
// below, so that a catalogue of translations can replace the table without
// touching the code that prints.
type msgID int

// The messages; the comment of each is its English text.
const (
	msgCommandError      msgID = iota // kinerja CMD: PROBLEM
	msgUnknownCommand                 // unknown command "x"
	msgUnknownCommandDYM              // unknown command "x"; did you mean "y"?
	msgUnknownFlag                    // unknown flag -x (...)
	msgUnknownFlagDYM                 // unknown flag -x; did you mean --y?
	msgNeedsValue                     // -o needs a value: -o FILE
	msgBadValue                       // --triwulan 5: what is accepted
	msgRequired                       // --triwulan is required: ...
	msgAcceptInt                      // expected a whole number
	msgAcceptFloat                    // expected a number
	msgAcceptDuration                 // expected a duration
	msgAcceptBool                     // expected true or false
	msgAcceptQuarter                  // expected a quarter
	msgAcceptParty                    // expected a party
	msgPartyItem                      // pertama (PIHAK PERTAMA)
	msgOr                             // A or B
	msgRequiredQuarter                // how to give --triwulan
	msgVersion                        // kinerja VERSION (render format N, GO)
	msgTrustHint                      // how to trust a private CA
	msgUsageFlags                     // heading of the flag list
	msgFlagDefault                    // (default X)
	msgUsageTop                       // heading of the command list
	msgHelpHint                       // run kinerja CMD --help
	msgUnexpectedArg                  // unexpected argument "x"
	msgDevelCommit                    // (devel) of a commit
	msgCount                          // the number of messages (not a message)
)

// english is the text of every message, by ID.
var english = [...]string{
	msgCommandError:      "kinerja %s: %s",
	msgUnknownCommand:    "unknown command %q (kinerja --help lists the commands)",
	msgUnknownCommandDYM: "unknown command %q; did you mean %q?",
	msgUnknownFlag:       "unknown flag %s (%s)",
	msgUnknownFlagDYM:    "unknown flag %s; did you mean %s?",
	msgNeedsValue:        "%s needs a value: %s %s",
	msgBadValue:          "%s %s: %s",
	msgRequired:          "%s is required: %s",
	msgAcceptInt:         "expected a whole number such as 4",
	msgAcceptFloat:       "expected a number such as 1.5",
	msgAcceptDuration:    "expected a duration such as 30s or 2m",
	msgAcceptBool:        "expected true or false",
	msgAcceptQuarter:     "expected a quarter 1, 2, 3 or 4 (also written II or TW2)",
	msgAcceptParty:       "no such party; expected %s",
	msgPartyItem:         "%s (%s)",
	msgOr:                "%s or %s",
	msgRequiredQuarter:   "give the quarter, e.g. --triwulan 2 (also II or TW2)",
	msgVersion:           "kinerja %s (render format %d, %s)",
	msgTrustHint:         "hint: the signer's certificate does not chain to a root this system trusts; if it comes from your agency's own CA, run kinerja verify %s --trust CA.pem with your agency's CA certificate; see README 'Verifying'",
	msgUsageFlags:        "flags:",
	msgFlagDefault:       "(default %s)",
	msgUsageTop:          "usage: kinerja COMMAND [ARGS]\n\ncommands:",
	msgHelpHint:          "kinerja %s --help lists the flags",
	msgUnexpectedArg:     "unexpected argument %q",
	msgDevelCommit:       "(devel, commit %s, modified %t)",
}

// text formats the message id with args.
func text(id msgID, args ...any) string {
	return fmt.Sprintf(english[id], args...)
}
