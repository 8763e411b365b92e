package archive

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestArchivedCopyPassesOutsideTools(t *testing.T) {
	requireTool(t, "pdfsig")
	requireTool(t, "qpdf")
	f := getFixtures(t)
	dir := t.TempDir()
	e, _, err := openArchive(t, dir, false).Add(writeFile(t, t.TempDir(), "pk.pdf", f.signed[0]))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, filepath.FromSlash(e.Path))
	// Exit status 3 is "warnings only": pdfsign repeats /Version in the
	// catalog it rewrites for the second signature.
	cmd := exec.Command("qpdf", "--check", p)
	out, err := cmd.CombinedOutput()
	if err != nil && cmd.ProcessState.ExitCode() != 3 {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	out, _ = exec.Command("pdfsig", p).CombinedOutput() // exits non-zero for an untrusted CA
	if n := strings.Count(string(out), "Signature Validation: Signature is Valid."); n != 2 {
		t.Errorf("pdfsig found %d valid signatures, want 2:\n%s", n, out)
	}
}

func ExampleSlug() {
	fmt.Println(Slug("Badan Pelayanan Pengadaan Barang/Jasa Provinsi DKI Jakarta"))
	fmt.Println(Slug("Dinas Pariwisata & Ékonomi Kreatif"))
	fmt.Println(Slug(""))
	// Output:
	// badan-pelayanan-pengadaan-barang-jasa-provinsi-dki-jakarta
	// dinas-pariwisata-ekonomi-kreatif
	// unknown
}
