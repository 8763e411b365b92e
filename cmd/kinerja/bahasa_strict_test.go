package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kinerja/internal/pdfedit"
	"kinerja/internal/pdfread"
)

// strictUpdate appends to a signed file a revision whose body is body
// (objects whose "N 0 obj" lines it finds), a classic cross-reference
// table listing them (or xref, when not ""), and a trailer continuing the
// last one with extra keys: bytes the lenient parser reads and the
// strict reading refuses for what body, xref or extra do wrong.
func strictUpdate(t *testing.T, signed []byte, body, xref, extra string) []byte {
	t.Helper()
	l, err := pdfread.Strict(signed)
	if err != nil {
		t.Fatalf("the signed fixture is refused: %v", err)
	}
	last := l.Revs[len(l.Revs)-1]
	size, _ := last.Trailer.Get("Size")
	root, _ := last.Trailer.Get("Root")
	out := append(bytes.Clone(signed), body...)
	if xref == "" {
		for i := 0; ; {
			k := strings.Index(body[i:], " 0 obj\n")
			if k < 0 {
				break
			}
			start := strings.LastIndexByte(body[:i+k], '\n') + 1
			xref += fmt.Sprintf("%s 1\n%010d 00000 n\r\n", body[start:i+k], len(signed)+start)
			i += k + 1
		}
	}
	at := len(out)
	out = fmt.Appendf(out, "xref\n%strailer\n<< /Size %d /Root %s /Prev %d%s >>\nstartxref\n%d\n%%%%EOF\n",
		xref, max(atoi(t, pdfedit.Encode(size)), 100), pdfedit.Encode(root), last.XrefAt, extra, at)
	return out
}

// atoi reads a trailer number.
func atoi(t *testing.T, b []byte) int {
	t.Helper()
	n, err := strconv.Atoi(string(b))
	if err != nil {
		t.Fatalf("trailer number %q: %v", b, err)
	}
	return n
}

// TestBahasaStrictRefusals verifies signed files the strict reading
// refuses, of six classes, with --bahasa id and LANG=id_ID.UTF-8, and
// checks that the refusal is Indonesian down to its innermost detail
// (the revision, the object and offset, the parser's finding) and that
// none of the English formats' phrases is left.
func TestBahasaStrictRefusals(t *testing.T) {
	v := verifyFixtures(t)
	signed, err := os.ReadFile(v.twice)
	if err != nil {
		t.Fatal(err)
	}
	l, err := pdfread.Strict(signed)
	if err != nil {
		t.Fatal(err)
	}
	rev := "ditolak oleh pembacaan ketat: revisi " + strconv.Itoa(len(l.Revs)+1) + ": "
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"junk after the last %%EOF", append(bytes.Clone(signed), "junk\n"...),
			[]string{rev + "byte pada offset " + strconv.Itoa(len(signed)) + ` berada di luar objek mana pun ("junk\n")`}},
		{"object defined twice", strictUpdate(t, signed, "90 0 obj\n<< >>\nendobj\n90 0 obj\n<< /A 1 >>\nendobj\n", "", ""),
			[]string{rev + "objek 90 didefinisikan dua kali (pada offset " + strconv.Itoa(len(signed)) + " dan "}},
		{"stream length", strictUpdate(t, signed, "90 0 obj\n<< /Length 2 >>\nstream\nq Q\nendstream\nendobj\n", "", ""),
			[]string{rev + "objek 90 pada offset " + strconv.Itoa(len(signed)) + ": /Length 2 pada stream tidak berakhir di endstream"}},
		{"unparsable value", strictUpdate(t, signed, "90 0 obj\n<< /A 1 /B\nendobj\n", "", ""),
			[]string{rev + "objek 90 pada offset " + strconv.Itoa(len(signed)) + ": offset ", `: kata kunci "endobj" tidak terduga`}},
		{"hybrid reference", strictUpdate(t, signed, "90 0 obj\n<< >>\nendobj\n", "", " /XRefStm 10"),
			[]string{rev + "trailer referensi hibrida (/XRefStm 10): stream referensi silangnya dapat mendefinisikan objek lain"}},
		{"freed but referenced", strictUpdate(t, signed, "", "2 1\n0000000000 00001 f\r\n", ""),
			[]string{rev + "objek 2 ditandai bebas, tetapi referensi kepadanya masih ada"}},
	}
	english := []string{"refused by", "revision", "object", " at offset", "is defined twice", "outside any object",
		"does not end at", "unexpected", "hybrid-reference", "cross-reference", "marked free", "a reference to it"}
	dir := t.TempDir()
	for i, tc := range tests {
		file := filepath.Join(dir, fmt.Sprintf("refused-%d.pdf", i))
		writeTestFile(t, file, tc.data)
		for _, how := range []string{"LANG", "--bahasa"} {
			t.Run(tc.name+" "+how, func(t *testing.T) {
				code, all := runIndonesian(t, how, []string{"verify", "--trust", v.ca, file})
				if code != exitBadInput || !strings.Contains(all, "TIDAK SAH: ") {
					t.Errorf("exit %d, want %d and TIDAK SAH:\n%s", code, exitBadInput, all)
				}
				checkSays(t, all, append(tc.want, "masalah: "+rev), english)
			})
		}
	}
}
