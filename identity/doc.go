// Package identity answers one question for the signer and the verifier:
// does this certificate belong to the person the document names? It reads
// the holder's identity from a certificate (Of) and compares it with a
// party's name and NIP (Match), after normalising the names (Normalize).
//
// It is a leaf (the standard library and golang.org/x/text only), so the
// verifier can import it without the renderer, the layout or the TOML
// decoder.
//
// # Names
//
// Certificates (BSrE's among them) carry the holder's name in the subject
// commonName, usually without academic degrees or titles; the agreement
// prints them ("Dr. Ir. Hérvé Çağlar, M.Sc."). Normalize folds a name to
// lower-case ASCII words (accents dropped, apostrophes removed, any other
// punctuation or run of spaces one space), cuts everything after the first
// comma (Indonesian degrees follow the name after a comma), and removes
// titles from the front (Dr., Ir., Prof., H., Hj., ...) and degrees from
// the end (S.H., M.Si., Ph.D, ...) as long as words remain. The tables are
// prefixTitles and suffixDegrees, in titles.go: the one place they are
// kept. Titles are removed only at the edges of the name, never from its
// middle.
//
// # Numbers
//
// Where a certificate carries a national identifier it is in the subject
// serialNumber attribute (X.520 2.5.4.5, ETSI EN 319 412-1 §5.1.3): "NIP
// 196910131997031004", "NIK ...", "PNOID-..." or the bare digits. Of reads
// an 18-digit number (or one marked NIP) as the NIP and a 16-digit one (or
// one marked NIK, PNOID or IDCID) as the NIK. Match compares NIPs exactly
// (digits only, spaces ignored) when both the certificate and the party
// have one; a certificate without a NIP matches on the name alone.
//
// # Acting officials
//
// A Plt. or Plh. (acting official) signs with their own certificate under
// their own name; the acting role is written in the agreement's jabatan,
// never in the name, so nothing here treats it specially.
//
// # Limits
//
// Two different people with the same name and no NIP in the certificate
// cannot be told apart. A title missing from the tables stays part of the
// name and makes the names differ: the error names both, so the table can
// be extended.
package identity
