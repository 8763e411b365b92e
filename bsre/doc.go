// Package bsre signs kinerja PDFs through BSrE's Esign Client Service
// (Balai Besar Sertifikasi Elektronik, BSSN), the HTTP API through which
// Indonesian officials sign: their certificates stay on BSrE's servers; an
// agency's esign-client server is called with HTTP Basic client
// credentials, the official's NIK and passphrase, and returns the signed
// PDF. The package owns the profile (configuration), the wire format of
// API versions 1 and 2, the error words (English and Indonesian), the
// retries, where the appearance goes, and the checks of what comes back.
// It never signs anything itself; the stand-in service of the tests and
// the demo is package bsretest.
//
// # Profiles
//
// ~/.config/kinerja/bsre.toml (or --bsre-config) holds named profiles:
//
//	[profil.pemprov]
//	url = "https://esign.example.go.id"  # the esign-client server
//	versi = 2                 # API version 1 or 2 (default 2)
//	pengguna = "client-id"    # HTTP Basic user ...
//	sandi = "client-secret"   # ... and password, or instead:
//	kredensial_file = "esign.cred"  # one line user:password (relative to this file)
//	batas_waktu = "60s"       # one request (default 60s)
//	ulang = 2                 # retries after a timeout or a 5xx (default 2, at most 10)
//	penempatan = "koordinat"  # or "tag"
//	asal = "kiri_bawah"       # or "kiri_atas": where y is measured from
//	alasan = "Menyetujui Perjanjian Kinerja"  # optional reason
//	lokasi = "Jakarta"        # optional location
//	akar = "bsre-root.pem"    # roots trusted by the check after signing (default: the system's)
//	nik = { pertama = "3171...", kedua = "3171..." }  # optional; --nik overrides
//
// The passphrase is never in the profile and never on the command line;
// it is held as a Passphrase, which prints as "[redacted]" everywhere.
//
// # What a signature does
//
// Sign checks the input (a kinerja PDF naming the party, earlier parties
// signed, this one not), asks whether the NIK can sign (v2 POST
// /api/v2/user/check/status {"nik"}; v1 GET /api/user/status/{nik}) so a
// batch fails fast, sends the document (v1: multipart POST /api/sign/pdf
// with file, nik, passphrase, tampilan=visible, image=false, page, xAxis,
// yAxis, width, height, reason, location, tag_koordinat in tag mode; v2:
// JSON POST /api/v2/sign/pdf with nik, passphrase, signatureProperties
// [{tampilan VISIBLE, page, originX, originY, width, height, tag, reason,
// location}] and file [base64]), then accepts the answer only if it is a
// PDF that begins with exactly the bytes sent, adds exactly one
// signature, whose certificate names the party (package identity), and
// passes proof.Check (valid, or incomplete while a later party has to
// sign). Otherwise it returns an *Error whose Kind says why, and nothing.
//
// Placement: the block docinfo reserves for the party on the statement
// page, in points rounded inward, from the bottom-left (kiri_bawah, PDF's
// own origin) or the top-left (kiri_atas: y is the distance from the
// page's top edge to the block's top). In tag mode the party's marker
// docinfo.Tag (#ttd_pertama#, #ttd_kedua#, printed by render in white
// 2-point type when tanda_tangan = "bsre") is sent with the block's size.
//
// Errors: the service's refusals (wrong passphrase, NIK not registered,
// no certificate, certificate expired or revoked, client credentials
// refused) are reported in plain words in English and Indonesian and not
// retried; timeouts, refused connections and 5xx answers are retried
// Profile.Retries times, waiting 0.5 s, 1 s, 2 s ... (at most 8 s).
//
// # What the public material confirms, and what it does not
//
// Checked again with public integrations (PHP, Node.js, Java and Go
// clients of agencies and villages, OpenSID's issues, a report of a v2
// Postman collection tested against a live server):
//   - confirmed: HTTP Basic with the esign-client credentials; v1
//     multipart /api/sign/pdf with the fields above, the signed PDF as
//     the answer body (header id_dokumen), refusals as JSON {"error",
//     "status_code"} with HTTP 400, 2031 for a wrong passphrase
//     ("Passphrase anda salah") and 2011 for an unregistered user; v1
//     GET /api/user/status/{nik} and POST /api/sign/verify with
//     signed_file; v2 /api/v2/sign/pdf answering {"time", "file":
//     [base64]}, /api/v2/user/check/status answering {"status_code",
//     "message", "status"} with status ISSUE, NOT_REGISTERED (2011) or
//     NO_CERTIFICATE (2021), /api/v2/verify/pdf answering
//     {"signatureCount", "conclusion", "description",
//     "signatureInformations"}; wrong Basic credentials give 401; a PDF
//     the server cannot read gives 500 (so a 5xx is not always
//     transient: retries are bounded).
//   - not confirmed: the units and origin of xAxis/yAxis and
//     originX/originY (both origins are supported, see asal); how a tag
//     anchors the appearance (public clients send one character such as
//     "#" or "$" in tag_koordinat and one validates it to at most one
//     character: a deployment that insists on that cannot tell the
//     parties' blocks apart by tag, use koordinat there); the words of
//     the expired and revoked refusals (matched by "expired",
//     "kedaluwarsa"/"kadaluarsa", "revoke", "dicabut"); the v1 verify
//     answer's fields beyond jumlah_signature and summary; whether the
//     server keeps the bytes it was sent (an integration reported iText,
//     which appends; the check after signing refuses a rewrite).
//   - a sign request that timed out after it was sent may have been
//     signed by the server; the retry asks again, and only the answer
//     that passes the checks is kept.
//
// # Limits
//
// One signature per request and one appearance per party (the statement
// page's block). No TOTP/OTP and no e-mail identity (NIK and passphrase
// only). No seal (/api/v2/seal/pdf). A PDF rendered with kinerja's own
// signature fields can be signed through BSrE after a local signature of
// PIHAK PERTAMA, but not before one (the local signer needs its field
// and the earlier party's field to be filled).
package bsre
