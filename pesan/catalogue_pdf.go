package pesan

// pdfTexts are the refusals of the reading core's guards (internal/pdfread)
// and the readers above it (sign, verify) when a file cannot be read at all.
var _ = add(map[string]string{
	"not a PDF file": "bukan berkas PDF",
	"malformed PDF":  "PDF rusak",
	"the PDF is encrypted (password-protected); kinerja reads only unencrypted PDFs: open it and save a copy without protection": "PDF ini dienkripsi (dilindungi kata sandi); kinerja hanya membaca PDF tanpa enkripsi: buka lalu simpan salinannya tanpa perlindungan",
	"%w: %d bytes, more than the %d accepted":                             "%w: %d byte, lebih dari %d yang diterima",
	"%w (no %%PDF- header)":                                               "%w (tanpa kepala %%PDF-)",
	"%w: no %%%%EOF marker":                                               "%w: tidak ada penanda %%%%EOF",
	"implausible cross-reference /Size %d for a file of %d bytes":         "/Size referensi silang %d tidak masuk akal untuk berkas %d byte",
	"implausible cross-reference stream /W [%s]":                          "/W [%s] stream referensi silang tidak masuk akal",
	"implausible cross-reference subsection %s %s for a file of %d bytes": "subbagian referensi silang %s %s tidak masuk akal untuk berkas %d byte",
	"verify: %w":   "verifikasi: %w",
	"read pdf: %w": "membaca pdf: %w",
	"read pdf: %w (sign only PDFs rendered by kinerja)": "membaca pdf: %w (tandatangani hanya PDF yang dibuat kinerja)",
})
