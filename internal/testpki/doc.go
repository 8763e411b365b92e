// Package testpki is the one test PKI for every package's tests: a root CA,
// an intermediate CA, leaf certificates per key type with a chosen subject,
// an RFC 3161 timestamp authority, an OCSP responder and a CRL server, all
// on 127.0.0.1 and closed by t.Cleanup.
//
// # What it owns
//
//   - Keys (keys.go): RSA-2048/3072/4096 and ECDSA P-256/P-384, generated
//     once per process and cached by key type and name, because RSA-4096
//     generation takes up to a second. Certificates are cheap and made anew
//     by every New.
//   - The hierarchy (pki.go, issue.go): root → intermediate → leaves. Every
//     certificate below the root carries AIA (OCSP and caIssuers) and CRL
//     distribution point URLs that point at this PKI's responder, so
//     long-term validation code can fetch real answers.
//   - Revocation (revocation.go): Revoke marks a serial revoked; the OCSP
//     responder (golang.org/x/crypto/ocsp) answers good, revoked or unknown
//     for certificates of either CA, and each CA's CRL
//     (x509.CreateRevocationList) lists the revoked serials it issued.
//   - Timestamps (tsa.go): an RFC 3161 TSA whose certificate is issued by
//     the intermediate with a critical id-kp-timeStamping EKU. Its handler,
//     TSAHandler, is the one timestamp authority stand-in of the module's
//     tests: the verifier's tests serve it with verifytest's keys and a
//     fixed time.
//   - Export (leaf.go): a leaf as PKCS#12 (go-pkcs12) for tests of the
//     PKCS#12 signing path, and the root as PEM for openssl, pdfsig (NSS)
//     and other outside verifiers.
//
// The clock is time.Now unless WithClock fixes it; certificate validity,
// OCSP and CRL update times and the TSA's genTime all follow it.
//
// New, Key, Leaf and StartTSA take a testing.TB and fail the test; Start
// (with Close), NamedKey, NewLeaf and NewTSALeaf are the same without one,
// for Examples and for fixtures shared by a whole test binary
// (verifytest's and archivetest's PKIs are built on them). PKIs share CA
// keys unless WithName (or WithCAKey) sets them apart: a PKI that a test
// must not trust gets its own name.
//
// # Subjects of BSrE certificates
//
// Signatures made with certificates of BSrE (Balai Besar Sertifikasi
// Elektronik, BSSN) that are shown in public verification reports name the
// issuer "CN=BSRE CA DS G1, O=Badan Siber dan Sandi Negara, C=ID" under
// "CN=Root CA Indonesia DS G1, O=Kementerian Komunikasi dan Informatika,
// C=ID", with key usage digitalSignature + nonRepudiation, RSA with
// SHA-256, PAdES-BASELINE-LT and the BSSN timestamp authority. The holder's
// name is the subject commonName, written without academic titles
// ("Anita Marlyneke Rorong"); the older demo profile also carried E, OU
// (unit), O, L, ST, C and a description (2.5.4.13). The reports we found do
// not show the NIK or NIP in the subject; BSrE's signing API identifies the
// holder by NIK. Where a certificate does carry a national identifier, the
// X.520 serialNumber attribute (2.5.4.5) is its place (ETSI EN 319 412-1
// §5.1.3), so Subject.SerialNumber models it and tests cover certificates
// with and without one.
//
// # Limits
//
// Test use only: keys are not protected, the CAs have no policy, and the
// responders sign with the CA keys directly (no delegated OCSP signer).
// Intermediate CAs beyond one and name constraints are not modelled.
package testpki
