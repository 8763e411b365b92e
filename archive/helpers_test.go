package archive

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"kinerja/archive/archivetest"
	"kinerja/docinfo"
	"kinerja/internal/testtool"
	"kinerja/proof"
)

// testNow is the fixed clock of the tests: after the test signatures (made
// with the real clock) and inside the test certificates' validity.
var testNow = time.Date(2035, 1, 2, 3, 4, 5, 0, time.UTC)

func clock() time.Time { return testNow }

// fixtures are the PDFs shared by the tests, made once per test binary.
type fixtures struct {
	pki, other *archivetest.PKI // other is a CA the archive does not trust
	signed     [][]byte         // signed agreements, all different
	untrusted  []byte           // signed by other
	draft      []byte           // unsigned, with kinerja info
	noInfo     []byte           // signed, without kinerja info
}

var (
	fixOnce sync.Once
	fix     *fixtures
	fixErr  error
)

// units of the signed fixtures, by index.
var fixtureUnits = []string{
	"Badan Pelayanan Pengadaan Barang/Jasa Provinsi DKI Jakarta",
	"Dinas Pendidikan",
	"Badan Pelayanan Pengadaan Barang/Jasa Provinsi DKI Jakarta",
	"Inspektorat",
	"Dinas Kesehatan",
	"Dinas Pendidikan",
}

// getFixtures makes (once) and returns the shared PDFs.
func getFixtures(t testing.TB) *fixtures {
	t.Helper()
	fixOnce.Do(func() { fix, fixErr = makeFixtures() })
	if fixErr != nil {
		t.Fatal(fixErr)
	}
	return fix
}

// makeFixtures builds every fixture PDF.
func makeFixtures() (*fixtures, error) {
	pki, err := archivetest.NewPKI("archive", "Kinerja Test Signer")
	if err != nil {
		return nil, err
	}
	other, err := archivetest.NewPKI("untrusted", "Untrusted Signer")
	if err != nil {
		return nil, err
	}
	f := &fixtures{pki: pki, other: other}
	for i, unit := range fixtureUnits {
		b, err := archivetest.SignedPDF(pki, archivetest.Info(2021+i%2, unit), fmt.Sprintf("dokumen %d", i), 5)
		if err != nil {
			return nil, err
		}
		f.signed = append(f.signed, b)
	}
	if f.untrusted, err = archivetest.SignedPDF(other, archivetest.Info(2021, "Dinas Sosial"), "untrusted", 5); err != nil {
		return nil, err
	}
	info := archivetest.Info(2022, "Dinas Sosial")
	if f.draft, err = archivetest.DraftPDF(&info, "draft", 5); err != nil {
		return nil, err
	}
	b, err := archivetest.DraftPDF(nil, "tanpa info", 5)
	if err == nil {
		f.noInfo, err = archivetest.Sign(b, pki, "Kinerja Test Signer")
	}
	return f, err
}

// writeFile writes b to dir/name and returns the path.
func writeFile(t testing.TB, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// openArchive opens a new archive in a temporary dir trusting the test CA.
func openArchive(t testing.TB, dir string, allowUnsigned bool) *Archive {
	t.Helper()
	a, err := Open(dir, Options{Roots: getFixtures(t).pki.Roots(), Now: clock, AllowUnsigned: allowUnsigned})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// sum is the hex SHA-256 of b.
func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// indexLines returns the lines of the archive's index.
func indexLines(t testing.TB, dir string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, IndexName))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// writeIndex replaces the index with lines.
func writeIndex(t testing.TB, dir string, lines []string) {
	t.Helper()
	writeFile(t, dir, IndexName, []byte(strings.Join(lines, "\n")+"\n"))
}

// findings returns the problems as "kind line path" strings.
func findings(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s %d %s", p.Kind, p.Line, p.Path))
	}
	return out
}

// pdfFiles lists the .pdf files below dir (relative, slash-separated).
func pdfFiles(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".pdf") && !strings.HasPrefix(d.Name(), tempPrefix) {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

// requireTool skips (or fails under CI) when an outside tool is missing.
func requireTool(t testing.TB, name string) { testtool.Require(t, name) }

// Environment of the helper process (see TestMain).
const (
	helperEnv      = "KINERJA_ARCHIVE_HELPER"
	helperDirEnv   = "KINERJA_ARCHIVE_HELPER_DIR"
	helperCAEnv    = "KINERJA_ARCHIVE_HELPER_CA"
	helperFilesEnv = "KINERJA_ARCHIVE_HELPER_FILES"
	helperCrashEnv = "KINERJA_ARCHIVE_HELPER_CRASH"
	crashExit      = 3
)

// runHelper re-executes the test binary as a helper process that adds files
// to the archive in dir; crash names a crashHook stage to die at.
func runHelper(t testing.TB, dir, caFile, crash string, files []string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"=1", helperDirEnv+"="+dir, helperCAEnv+"="+caFile,
		helperCrashEnv+"="+crash, helperFilesEnv+"="+strings.Join(files, string(os.PathListSeparator)))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	return cmd
}

// helperMain is the helper process: it adds the files named in the
// environment and prints "added PATH" or "present PATH" for each.
func helperMain() int {
	if stage := os.Getenv(helperCrashEnv); stage != "" {
		crashHook = func(s string) {
			if s == stage {
				os.Exit(crashExit)
			}
		}
	}
	a, err := Open(os.Getenv(helperDirEnv), Options{Roots: rootsFromFile(os.Getenv(helperCAEnv)), Now: clock})
	if err != nil {
		fmt.Println(err)
		return 1
	}
	for _, p := range filepath.SplitList(os.Getenv(helperFilesEnv)) {
		e, added, err := a.Add(p)
		if err != nil {
			fmt.Println("error", err)
			return 1
		}
		fmt.Println(map[bool]string{true: "added", false: "present"}[added], e.Path)
	}
	return 0
}

// TestMain runs the helper process when asked to, else the tests.
func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) != "" {
		os.Exit(helperMain())
	}
	os.Exit(m.Run())
}

// infoOf is the docinfo.Info of fixture i.
func infoOf(i int) docinfo.Info { return archivetest.Info(2021+i%2, fixtureUnits[i]) }

// rootsFromFile reads a PEM CA file into a pool (nil on error).
func rootsFromFile(path string) *x509.CertPool {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(b)
	return pool
}

// verdictOf is proof's verdict on pdf, checked at testNow with the
// fixtures' roots.
func verdictOf(t *testing.T, pdf []byte) *proof.Verdict {
	t.Helper()
	v, err := proof.Check(pdf, proof.Options{Roots: getFixtures(t).pki.Roots(), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	return v
}
