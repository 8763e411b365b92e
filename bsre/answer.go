package bsre

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Known application codes of the esign-client server (seen in public
// integrations): 2011 user not registered, 2021 no certificate, 2031
// wrong passphrase.
const (
	codeNotRegistered = 2011
	codeNoCertificate = 2021
	codePassphrase    = 2031
)

// answer is the JSON the service answers with when it refuses (v1 and
// v2), or a status answer: {"status_code", "error" or "message", "status"}.
type answer struct {
	StatusCode json.Number `json:"status_code"`
	Error      string      `json:"error"`
	Message    string      `json:"message"`
	Status     any         `json:"status"` // a word (ISSUE, NOT_REGISTERED) or an HTTP status number
}

// code returns the application code, 0 if none.
func (a answer) code() int {
	n, _ := a.StatusCode.Int64()
	return int(n)
}

// word returns the status word ("" when status is a number).
func (a answer) word() string {
	s, _ := a.Status.(string)
	return s
}

// detail is what the service said, for the error message.
func (a answer) detail() string {
	var parts []string
	for _, s := range []string{a.Error, a.Message, a.word()} {
		if s != "" && !contains(parts, s) {
			parts = append(parts, s)
		}
	}
	if c := a.code(); c != 0 {
		parts = append(parts, fmt.Sprintf("code %d", c))
	}
	return "BSrE says: " + strings.Join(parts, "; ")
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// classify maps what the service said to a Kind: by its code, its status
// word, then the words of its message (Indonesian and English).
func classify(a answer) Kind {
	switch a.code() {
	case codePassphrase:
		return KindPassphrase
	case codeNotRegistered:
		return KindNotRegistered
	case codeNoCertificate:
		return KindNoCertificate
	}
	text := strings.ToLower(a.word() + " " + a.Error + " " + a.Message)
	for _, m := range []struct {
		words []string
		kind  Kind
	}{
		{[]string{"passphrase"}, KindPassphrase},
		{[]string{"not_registered", "tidak terdaftar", "not registered", "belum terdaftar"}, KindNotRegistered},
		{[]string{"no_certificate", "belum memiliki sertifikat"}, KindNoCertificate},
		{[]string{"expired", "kedaluwarsa", "kadaluarsa", "kadaluwarsa"}, KindExpired},
		{[]string{"revoke", "dicabut"}, KindRevoked},
	} {
		for _, w := range m.words {
			if strings.Contains(text, w) {
				return m.kind
			}
		}
	}
	return KindOther
}

// statusError turns a non-2xx answer into an *Error: the service's own
// refusal when its body says one, else 401 as refused client credentials,
// 5xx as unavailable (retried), anything else as a refusal.
func statusError(status int, body []byte) error {
	var a answer
	parsed := json.Unmarshal(body, &a) == nil
	detail := fmt.Sprintf("HTTP %d", status)
	if parsed {
		detail += "; " + a.detail()
		if k := classify(a); k != KindOther {
			return &Error{Kind: k, Detail: detail}
		}
	}
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return &Error{Kind: KindClientAuth, Detail: detail}
	case status >= 500:
		return &Error{Kind: KindUnavailable, Detail: detail}
	}
	return &Error{Kind: KindOther, Detail: detail}
}
