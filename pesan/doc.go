// Package pesan holds kinerja's message catalogue: every message a
// secretariat reads (validation problems, verify verdicts, batch
// summaries, help) in English and in Bahasa Indonesia.
//
// The English text is the key. Callers keep writing English formats,
// Sprintf("%s is required", name), and get the Indonesian text when the
// active language (SetLanguage, set once by the command from --bahasa,
// LC_ALL, LC_MESSAGES or LANG) is Indonesian. A format missing from the
// catalogue prints in English. The catalogue test walks the module's
// source and fails on a constant format without its Indonesian entry and
// on an entry no code uses, so no message exists in one language only.
//
// Texts that must stay English because they are part of a stable form
// (the kinerja-verify JSON) are made with En and localised where they are
// printed, with Translate: it matches the finished English text against
// the catalogue's formats and fills the Indonesian format with the same
// arguments, translating arguments that are themselves catalogue texts.
//
// Limits: one active language per process (a package variable, safe for
// concurrent use but not per request); numbers keep the English notation
// (1.5, not 1,5) because field paths and values are quoted from the
// input; texts from other libraries (TOML syntax errors, operating system
// errors) stay as they come.
package pesan
