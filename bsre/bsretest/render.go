package bsretest

import (
	"bytes"
	"os"
	"path/filepath"

	"kinerja/data"
	"kinerja/render"
)

// RenderBSrE renders a copy of the agreement TOML at path with
// tanda_tangan = "bsre" added (so that the embedded source says so too,
// and the re-render proof holds): the document a secretariat sends to
// BSrE, without signature fields, with the parties' tags.
func RenderBSrE(path string) ([]byte, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "bsre-sample")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	copyPath := filepath.Join(dir, filepath.Base(path))
	if err := os.WriteFile(copyPath, append([]byte("tanda_tangan = \"bsre\"\n"), src...), 0o600); err != nil {
		return nil, err
	}
	a, err := data.DecodeFile(copyPath)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = render.Agreement(&b, a)
	return b.Bytes(), err
}
