package pdfread

import "testing"

// TestXrefBoundsIgnoresBinaryW: compressed stream bytes that happen to
// spell "/W[" followed by binary up to a "]" are no width array; a signed
// generated agreement was refused for this (batch pipeline, 1 in ~200
// documents). Real oversized widths are still refused.
func TestXrefBoundsIgnoresBinaryW(t *testing.T) {
	binary := "1 0 obj\n<< /Length 20 /Filter /FlateDecode >>\nstream\n\x8f/W[%\xe5\xb7\xae|\xc3P\xbcf]\x01\x02\nendstream\nendobj\n"
	if err := checkXref([]byte(binary)); err != nil {
		t.Errorf("binary stream data refused: %v", err)
	}
	for _, w := range []string{"/W [1 99 2]", "/W[16 16 16]"} {
		if err := checkXref([]byte("<< /Type /XRef " + w + " >>")); err == nil {
			t.Errorf("%s accepted", w)
		}
	}
}

// TestXrefSizeInParams: an embedded file larger than the compressed PDF
// (its /Params /Size) is no implausible cross-reference /Size.
func TestXrefSizeInParams(t *testing.T) {
	body := []byte("%PDF-1.4\n1 0 obj\n<< /Type /EmbeddedFile /Params << /Size 262144 >> >>\nendobj\ntrailer\n<< /Size 2 >>\n")
	if err := checkXref(body); err != nil {
		t.Fatalf("params /Size refused: %v", err)
	}
	bad := []byte("%PDF-1.4\n1 0 obj\n<< /Params << >> /Size 262144 >>\nendobj\ntrailer\n<< /Size 262144 >>\n")
	if err := checkXref(bad); err == nil {
		t.Fatal("a trailer /Size beyond the file passed")
	}
}
