package pades

import (
	"context"

	"kinerja/internal/pdfupdate"
	"kinerja/sign/cades"
)

// SignatureDict returns the body of s's signature dictionary with room
// for a CMS of size bytes (cades.Signer.Size), for a writer that adds a
// signature field of its own (the BSrE stand-in of package bsre/bsretest);
// s.Party, s.Stamp and s.Certify are not used.
func SignatureDict(s Signature, size int) []byte { return sigDict(s, size) }

// Seal fills the /ByteRange and /Contents of the signature dictionary sig
// of the finished update res with signer's CMS and returns the signed
// bytes.
func Seal(ctx context.Context, res pdfupdate.Result, sig pdfupdate.Ref, signer *cades.Signer) ([]byte, error) {
	return seal(ctx, res, sig, signer)
}
