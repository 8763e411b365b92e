package pesan

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"
)

// Language is a language of the messages.
type Language int32

// The languages.
const (
	English    Language = iota // the default, and the catalogue's keys
	Indonesian                 // Bahasa Indonesia
)

// active is the language of Sprintf, Errorf and Text.
var active atomic.Int32

// SetLanguage makes l the language of every message from now on.
func SetLanguage(l Language) { active.Store(int32(l)) }

// Active returns the language set by SetLanguage (English by default).
func Active() Language { return Language(active.Load()) }

// Parse reads a language name as --bahasa or a locale gives it: "id",
// "id_ID.UTF-8", "indonesia" are Indonesian; "en", "en_US", "C",
// "POSIX", "inggris" are English. ok is false for anything else.
func Parse(s string) (l Language, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "id" || strings.HasPrefix(s, "id_") || strings.HasPrefix(s, "id-") || strings.HasPrefix(s, "id.") || s == "indonesia":
		return Indonesian, true
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en.") ||
		s == "c" || strings.HasPrefix(s, "c.") || s == "posix" || s == "inggris":
		return English, true
	}
	return English, false
}

// FromEnv is the language of the locale in the environment, read with
// getenv (os.Getenv): the first set of LC_ALL, LC_MESSAGES and LANG, as
// POSIX orders them; Indonesian when it starts with "id", else English.
func FromEnv(getenv func(string) string) Language {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			l, _ := Parse(v)
			return l
		}
	}
	return English
}

// Text returns s in the active language (s itself when the catalogue has
// no entry). s is not a format: use it for fixed texts such as help.
func Text(s string) string {
	if Active() == Indonesian {
		if t, ok := indonesian[s]; ok {
			return t
		}
	}
	return s
}

// Sprintf formats args with format in the active language.
func Sprintf(format string, args ...any) string {
	return fmt.Sprintf(Text(format), args...)
}

// Errorf is fmt.Errorf with format in the active language; %w wraps as
// in fmt.Errorf.
func Errorf(format string, args ...any) error {
	return fmt.Errorf(Text(format), args...)
}

// En formats args with format in English whatever the active language,
// for texts kept in a stable form (JSON) and localised when printed with
// Translate. Its formats belong to the catalogue like Sprintf's.
func En(format string, args ...any) string {
	return fmt.Sprintf(format, args...)
}

// Fprintf writes args formatted with format in the active language to w.
func Fprintf(w io.Writer, format string, args ...any) (int, error) {
	return fmt.Fprintf(w, Text(format), args...)
}
