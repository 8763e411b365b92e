package pesan

// indonesian is the catalogue: English text or format -> Bahasa
// Indonesia. A translation formats the same arguments as its English
// format (use %[n]s to change their order); the catalogue test checks.
// The entries are grouped by the package that says them.
var indonesian = map[string]string{}

// add puts a group of entries into the catalogue.
func add(group map[string]string) bool {
	for en, id := range group {
		indonesian[en] = id
	}
	return true
}

// batchTexts are the batch runner's summary and skip lines.
var _ = add(map[string]string{
	"internal error: %v\n%s":                          "galat internal: %v\n%s",
	"%d files: %d ok":                                 "%d berkas: %d ok",
	", %d skipped":                                    ", %d dilewati",
	", %d failed (%.1f s, %.0f files/s)":              ", %d gagal (%.1f dtk, %.0f berkas/dtk)",
	"; interrupted, the remaining files were not run": "; dihentikan, berkas selebihnya tidak diproses",
	"list %s: %w":                                     "membaca isi %s: %w",
	"%s: no *%s file in this directory":               "%s: tidak ada berkas *%s di direktori ini",
	"%s and %d more":                                  "%s dan %d lainnya",
	"file":                                            "berkas",
	"files":                                           "berkas",
	"skip %d %s (%s): %s":                             "lewati %d %s (%s): %s",
	"failed:":                                         "gagal:",
})

// proofTexts are the verdict's reasons and the re-render proof (made in
// English with En, translated when printed).
var _ = add(map[string]string{
	"%s has not signed (a %s needs %s)": "%s belum menandatangani (%s memerlukan tanda tangan %s)",
	"performance agreement":             "perjanjian kinerja",
	"quarterly report":                  "laporan triwulan",
	"document":                          "dokumen",
	"%s and %s":                         "%s dan %s",
	"no embedded source (not rendered by kinerja, or by a version that did not embed it): not re-rendered": "tidak ada sumber tersemat (tidak dibuat dengan kinerja, atau dengan versi yang belum menyematkannya): tidak dirender ulang",
	"cannot re-render: %s": "tidak dapat dirender ulang: %s",
	"source: %s":           "sumber: %s",
	"re-rendered from embedded %s: identical (%d bytes)":                                                                           "dirender ulang dari %s yang tersemat: identik (%d byte)",
	"not compared: made by render format %d, this kinerja writes format %d (check with the kinerja version that made it)":          "tidak dibandingkan: dibuat dengan format render %d, kinerja ini menulis format %d (periksa dengan versi kinerja yang membuatnya)",
	"DIFFERENT from what the embedded data renders (first difference at byte %d)":                                                  "BERBEDA dari hasil render data yang tersemat (perbedaan pertama pada byte %d)",
	"the document is not what its embedded %s renders to (first difference at byte %d of %d)":                                      "dokumen diubah setelah dibuat: isinya tidak sama dengan hasil render %s yang tersemat (perbedaan pertama pada byte %d dari %d)",
	"DIFFERENT: the embedded data does not render: %s":                                                                             "BERBEDA: data yang tersemat tidak dapat dirender: %s",
	"the embedded %s does not render: %s":                                                                                          "%s yang tersemat tidak dapat dirender: %s",
	"the embedded sources render to %d bytes that differ from the document's %d from byte %d on":                                   "sumber yang tersemat menghasilkan %d byte yang berbeda dari %d byte dokumen mulai byte %d",
	"the document was written by render format %d and this kinerja writes format %d, so the bytes cannot be compared exactly (%s)": "dokumen ditulis dengan format render %d sedangkan kinerja ini menulis format %d, sehingga byte-nya tidak dapat dibandingkan persis (%s)",
})

// verifyTexts are the signature verifier's main findings (package
// sign/verify keeps them in English; printed through Translate). Findings
// about single PDF objects are in catalogue_verify.go.
var _ = add(map[string]string{
	"the document has no signature":                       "dokumen belum ditandatangani",
	"signature %d (%s)":                                   "tanda tangan %d (%s)",
	"signature %d":                                        "tanda tangan %d",
	"%s: certificate not trusted: %s":                     "%s: sertifikat tidak dipercaya: %s",
	"%s: certificate not trusted":                         "%s: sertifikat tidak dipercaya",
	"%s: %s after it was signed":                          "%s: %s setelah ditandatangani",
	"%s added":                                            "%s ditambahkan",
	"its value changed":                                   "nilainya diubah",
	"its stream data changed":                             "isi stream-nya diubah",
	"document timestamps (/DocTimeStamp) are not checked": "stempel waktu dokumen (/DocTimeStamp) tidak diperiksa",
	"the signature value is not a valid CMS (PKCS #7) signature: %s":                                                     "nilai tanda tangan bukan tanda tangan CMS (PKCS #7) yang sah: %s",
	"the CMS has %d signers; want exactly 1":                                                                             "CMS memuat %d penanda tangan; seharusnya tepat 1",
	"the CMS does not contain the signer's certificate":                                                                  "CMS tidak memuat sertifikat penanda tangan",
	"the CMS has no messageDigest attribute":                                                                             "CMS tidak memiliki atribut messageDigest",
	"digest mismatch: the signed bytes were changed after signing, or the signature value was made for another document": "nilai hash tidak cocok: dokumen diubah setelah ditandatangani, atau tanda tangan dibuat untuk dokumen lain",
	"the CMS signature does not verify with the signer's certificate: %s":                                                "tanda tangan CMS tidak cocok dengan sertifikat penanda tangan: %s",
	"the timestamp token is invalid: %s":                                                                                 "token stempel waktu tidak sah: %s",
	"the timestamp uses an unsupported hash algorithm":                                                                   "stempel waktu memakai algoritme hash yang tidak didukung",
	"the timestamp was made for another signature value (message imprint mismatch)":                                      "stempel waktu dibuat untuk nilai tanda tangan lain (message imprint tidak cocok)",
	"timestamp authority not trusted, its time is not used: %s":                                                          "penyedia stempel waktu tidak dipercaya, waktunya tidak dipakai: %s",
	"no signing time: the certificate is checked at the verification time":                                               "tidak ada waktu penandatanganan: sertifikat diperiksa pada waktu verifikasi",
	"signing time %s is after the verification time %s":                                                                  "waktu penandatanganan %s sesudah waktu verifikasi %s",
	"the certificate was not valid at signing time %s (valid %s to %s)":                                                  "sertifikat tidak berlaku pada waktu penandatanganan %s (berlaku %s sampai %s)",
	"the document information dictionary (/Info) changed":                                                                "kamus informasi dokumen (/Info) diubah",
})
