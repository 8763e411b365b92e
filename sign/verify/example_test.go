package verify_test

import (
	"bytes"
	"fmt"

	"kinerja/sign/verify"
	"kinerja/sign/verify/verifytest"
)

func ExampleVerify() {
	pki, err := verifytest.NewPKI()
	if err != nil {
		panic(err)
	}
	defer pki.Close()
	_, _, signed, err := pki.SignedTwice("PERJANJIAN KINERJA TAHUN 2021", 1, 3)
	if err != nil {
		panic(err)
	}
	rep, err := verify.Verify(bytes.NewReader(signed), int64(len(signed)), verify.Options{Roots: pki.Roots()})
	if err != nil {
		panic(err)
	}
	for _, s := range rep.Signatures {
		fmt.Printf("signature %d %s: revision %d/%d, valid %v\n", s.Index, s.Party, s.Revision, rep.Revisions, s.Valid())
	}
	fmt.Println("OK:", rep.OK())
	// Output:
	// signature 1 pertama: revision 2/3, valid true
	// signature 2 kedua: revision 3/3, valid true
	// OK: true
}
