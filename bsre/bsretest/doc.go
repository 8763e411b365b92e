// Package bsretest is a stand-in for BSrE's Esign Client Service: a test
// double of an external service for kinerja's tests and `make
// demo-bsre`. It is never a signer of real documents: its users are
// development keys issued by a test CA (internal/testpki in tests,
// sign.DevCA in the demo), and it serves on 127.0.0.1 only.
//
// It speaks the wire format package bsre sends (API v1 and v2: sign,
// user status, verify), checks HTTP Basic credentials, and signs the way
// BSrE's signer is seen to: one incremental update that adds a NEW
// signature field merged with its widget (/FT /Sig /T (Signature<n>)
// /Rect /P /AP), appended to /AcroForm /Fields (an /AcroForm with
// /SigFlags 3 is created when the catalog has none) and to the page's
// /Annots, with a PAdES signature (package cades: ETSI.CAdES.detached,
// optionally timestamped) and a visible stamp (package stamp). The
// widget goes where the coordinates say (Origin: kiri_bawah or
// kiri_atas) or, given a tag, where the tag's text starts on the page
// (the appearance's top left 1 point left of and 3 points above the
// tag's baseline start, which is where render puts the block's top left
// corner; how the real service anchors a tag is not known).
//
// On cue (Queue) a sign request answers slowly, with a 5xx, with
// something that is not a PDF, with a PDF that does not begin with the
// bytes sent, or signed by another person (Impostor). Users may have an
// expired or revoked certificate or none. Its refusals use the codes and
// words seen in public integrations (2031 "Passphrase anda salah", 2011
// "User tidak terdaftar"); the words and codes of the expired and revoked
// refusals are the stand-in's own.
package bsretest
